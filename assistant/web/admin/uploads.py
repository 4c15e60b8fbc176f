"""Operators' uploaded documents: checked, named safely, kept under `data_dir/uploads/<folder>/`.

`<folder>` is `_shared` (every site) or a site's folder (`site_folder`: the origin without its
scheme, `:` as `_`, e.g. `https://bureau-a.nl:8443` -> `bureau-a.nl_8443`).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.texts import pair

SHARED = "_shared"
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
EXTENSIONS = (".md", ".txt", ".html", ".htm", ".pdf", ".docx")
_SAFE = re.compile(r"[^A-Za-z0-9._ ()+-]+")
_FOLDER = re.compile(r"^[a-z0-9][a-z0-9._-]{0,100}$")


class UploadRefused(ValueError):
    """A file that cannot be accepted; `nl`/`en` (the catalogue's `admin.upload.<key>`) say why
    to the operator."""

    def __init__(self, key: str, **values: object):
        self.nl, self.en = pair(f"admin.upload.{key}", **values)
        super().__init__(self.en)


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its name as sent and its bytes."""

    name: str
    data: bytes


def uploads_root(settings: Settings) -> Path:
    """The folder all uploads live under."""
    return settings.data_dir / "uploads"


def site_folder(site: str | None) -> str:
    """The uploads folder of a site (`_shared` for None/empty)."""
    if not site:
        return SHARED
    name = re.sub(r"^[a-z][a-z0-9+.-]*://", "", site.strip().lower()).rstrip("/").replace(":", "_")
    if not _FOLDER.match(name):
        raise UploadRefused("invalid_site", site=site[:80])
    return name


def safe_name(name: str) -> str:
    """A file name without folders or odd characters, or `UploadRefused`."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    base = _SAFE.sub("_", base).strip(" .")
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem:
        raise UploadRefused("no_extension", name=name[:80])
    return f"{stem[:100]}.{ext.lower()}"


def check(upload: Upload) -> str:
    """The safe file name of an acceptable upload; `UploadRefused` says what is wrong."""
    name = safe_name(upload.name)
    shown = name[:80]
    ext = "." + name.rsplit(".", 1)[-1]
    if ext not in EXTENSIONS:
        raise UploadRefused("unsupported", name=shown)
    if not upload.data:
        raise UploadRefused("empty", name=shown)
    if len(upload.data) > MAX_FILE_BYTES:
        mb = MAX_FILE_BYTES // (1024 * 1024)
        raise UploadRefused("too_large", name=shown, mb=mb)
    if not _content_matches(ext, upload.data):
        raise UploadRefused("wrong_content", name=shown, ext=ext)
    return name


def _content_matches(ext: str, data: bytes) -> bool:
    """A cheap look at the bytes: a PDF header, a Word zip, or text without NUL bytes."""
    if ext == ".pdf":
        return data[:1024].lstrip().startswith(b"%PDF-")
    if ext == ".docx":
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            return False
    return b"\x00" not in data[:65536]


def save(settings: Settings, folder: str,
         uploads: Sequence[Upload]) -> list[tuple[Path, bytes | None]]:
    """Check every upload first, then write them all: [(path, the bytes it replaced or None)].

    Raises:
        UploadRefused: one of the files cannot be accepted (nothing was written).
    """
    if not uploads:
        raise UploadRefused("no_file")
    if len(uploads) > MAX_FILES:
        raise UploadRefused("too_many", most=MAX_FILES)
    names = [check(u) for u in uploads]
    target = uploads_root(settings) / folder
    target.mkdir(parents=True, exist_ok=True)
    saved = []
    for name, upload in zip(names, uploads):
        path = target / name
        previous = path.read_bytes() if path.is_file() else None
        path.write_bytes(upload.data)
        saved.append((path, previous))
    return saved


def undo(saved: Sequence[tuple[Path, bytes | None]]) -> None:
    """Put back what `save` replaced (or remove what it added)."""
    for path, previous in saved:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(previous)
