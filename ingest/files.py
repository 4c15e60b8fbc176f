"""Finding the files to ingest and naming them the same way on every run."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ingest.loaders import is_supported


def path_key(path: Path, cwd: Path | None = None) -> str:
    """Repo-relative POSIX path when `path` is under the working directory, else absolute."""
    absolute = path.resolve()
    base = (cwd or Path.cwd()).resolve()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def file_hash(data: bytes) -> str:
    """sha256 of a file's bytes (hex)."""
    return hashlib.sha256(data).hexdigest()


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # ~$ = Word's lock files


def discover(paths: Sequence[Path], exclude: Iterable[Path] = ()) -> tuple[list[Path], int]:
    """Supported files under `paths` (sorted, hidden ones skipped) and how many were ignored.

    Raises `FileNotFoundError` naming a path that does not exist.
    """
    excluded = {p.resolve() for p in exclude}
    found: dict[Path, None] = {}
    ignored = 0
    for root in paths:
        if not root.exists():
            raise FileNotFoundError(str(root))
        if root.is_file():
            candidates = [root]
        else:
            candidates = []
            for folder, dirs, names in os.walk(root):
                dirs[:] = sorted(
                    d for d in dirs
                    if not _hidden(d) and (Path(folder) / d).resolve() not in excluded
                )
                candidates.extend(Path(folder) / n for n in sorted(names) if not _hidden(n))
        for candidate in candidates:
            if is_supported(candidate):
                found[candidate] = None
            else:
                ignored += 1
    return list(found), ignored


def under(key: str, roots: Sequence[str]) -> bool:
    """True when path key `key` is one of `roots` or inside one of them."""
    return any(key == r or key.startswith(r.rstrip("/") + "/") for r in roots)
