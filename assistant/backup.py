"""`spoor2 backup DIR` and `spoor2 restore DIR`: the data dir's databases and index, consistently.

A backup folder holds `manifest.json` (format, product version, created_at, the index's model and
chunk settings and generation, every file with its size and sha256) and:
  sqlite/<name>.sqlite3   every `*.sqlite3` of the data dir (feedback, question log, handoffs),
                          copied with SQLite's online backup API, so a running server's writes
                          give a consistent copy, never a torn file;
  index.jsonl.gz          the ACTIVE index generation as records (id, document, metadata,
                          embedding), read through Chroma: the same in embedded and server mode;
  uploads/...             documents uploaded in the console (`data_dir/uploads`), when present.

Restore checks everything first (manifest, hashes, model settings, SQLite integrity), so a bad
backup changes nothing. It then builds the index into a NEW generation and switches the pointer
in one write, as ingest does (a running server keeps serving and picks it up), and writes each
database back with the backup API, which is atomic for the server's connections.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import metadata as package_metadata
from pathlib import Path, PurePosixPath
from typing import Any

from assistant.config import Settings
from assistant.errors import BackupError, Spoor2Error
from assistant.types import Chunk

log = logging.getLogger(__name__)

FORMAT = "spoor2-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
INDEX_FILE = "index.jsonl.gz"
_SQLITE_NAME = re.compile(r"^sqlite/[A-Za-z0-9_.-]+\.sqlite3$")
_PAGE = 500  # records per write into the new generation
_NOTHING = "; nothing was restored"


def _version() -> str:
    try:
        return package_metadata.version("spoor2-assistent")
    except package_metadata.PackageNotFoundError:
        return "unknown"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- backup -----------------------------------------------------------------------------------
def create_backup(settings: Settings, dest: Path) -> dict[str, Any]:
    """Write a backup of `settings.data_dir` (and its index) into the new folder `dest`.

    Returns:
        The manifest that was written.

    Raises:
        BackupError: no data dir, `dest` not empty, a database that cannot be read.
        StoreUnavailableError: the Chroma store or server cannot be read.
    """
    data_dir = settings.data_dir
    if not data_dir.is_dir():
        raise BackupError(f"no data dir at {data_dir}; pass --data-dir or set SPOOR2_DATA_DIR")
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError(f"{dest} already exists and is not an empty folder; "
                          "back up into a new folder")
    work = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir(parents=True)
        manifest = _write_manifest(work, _copy_data(settings, work))
        if dest.exists():
            dest.rmdir()
        dest.parent.mkdir(parents=True, exist_ok=True)
        work.rename(dest)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BackupError(f"cannot write the backup to {dest} "
                          f"({exc.strerror or type(exc).__name__})") from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return manifest


def _copy_data(settings: Settings, work: Path) -> dict[str, Any] | None:
    """Copy the index, the SQLite databases and the uploads into `work`; what `_backup_index`
    says of the index."""
    index = _backup_index(settings, work)
    for db in sorted(settings.data_dir.glob("*.sqlite3")):
        _backup_sqlite(db, work / "sqlite" / db.name)
    uploads = settings.data_dir / "uploads"
    if uploads.is_dir():
        shutil.copytree(uploads, work / "uploads")
    return index


def _write_manifest(work: Path, index: dict[str, Any] | None) -> dict[str, Any]:
    """Write (and return) the manifest of `work`: every file with its size and SHA-256."""
    files = [
        {"path": p.relative_to(work).as_posix(), "bytes": p.stat().st_size,
         "sha256": _sha256(p)}
        for p in sorted(work.rglob("*")) if p.is_file()
    ]
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "version": _version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": index["embedding_model"] if index else None,
        "generation": index["generation"] if index else None,
        "index": index, "files": files,
    }
    (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _backup_sqlite(src: Path, dest: Path) -> None:
    """Copy one database with the online backup API (a consistent snapshot) and check it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        source = sqlite3.connect(src, timeout=30)
        try:
            target = sqlite3.connect(dest)
            try:
                source.backup(target)
                _check_integrity(target, f"the copy of {src.name}")
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{src} cannot be read as a SQLite database ({exc})") from exc


def _check_integrity(conn: sqlite3.Connection, what: str) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()
    if not result or result[0] != "ok":
        raise BackupError(f"{what} fails SQLite's integrity check ({result and result[0]})")


def _backup_index(settings: Settings, work: Path) -> dict[str, Any] | None:
    """Export the active generation to `index.jsonl.gz`; None when nothing was ingested."""
    from assistant.store import ChromaIndexWriter, connect

    if not settings.server_mode and not settings.chroma_dir.is_dir():
        return None
    writer = ChromaIndexWriter(settings, connect(settings))
    name = writer.pointer().get("active", "")
    if not name:
        return None
    meta, pages = writer.export(name)
    count, dim = 0, 0
    with gzip.open(work / INDEX_FILE, "wt", encoding="utf-8") as out:
        for chunks, embeddings in pages:
            for chunk, vector in zip(chunks, embeddings, strict=True):
                dim = len(vector)
                out.write(json.dumps({"id": chunk.id, "document": chunk.text,
                                      "metadata": chunk.metadata, "embedding": vector},
                                     ensure_ascii=False) + "\n")
                count += 1
    return {
        "generation": name, "file": INDEX_FILE, "chunk_count": count, "embedding_dim": dim,
        "embedding_model": meta.get("embedding_model"), "chunk_size": meta.get("chunk_size"),
        "chunk_overlap": meta.get("chunk_overlap"), "schema_version": meta.get("schema_version"),
        "built_at": meta.get("built_at"), "server_mode": settings.server_mode,
    }


# -- restore ----------------------------------------------------------------------------------
def read_manifest(src: Path) -> dict[str, Any]:
    """The backup's manifest, after checking its format and every file's sha256.

    Raises:
        BackupError: not a backup, an unknown format, a missing or damaged file.
    """
    src = Path(src)
    if not src.is_dir():
        raise BackupError(f"no backup folder at {src}")
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{src} is not a spoor2 backup (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise BackupError(f"{src / MANIFEST} cannot be read ({type(exc).__name__})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{src / MANIFEST} is not a spoor2 backup manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{src} has backup format {manifest.get('format_version')!r}; this "
                          f"version reads format {FORMAT_VERSION}")
    files = manifest.get("files")
    if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
        raise BackupError(f"{src / MANIFEST} has no valid file list")
    for entry in files:
        rel = str(entry.get("path", ""))
        if not _safe(rel):
            raise BackupError(f"{src / MANIFEST} names an unsafe path {rel!r}")
        path = src / rel
        if not path.is_file():
            raise BackupError(f"{rel} is missing from the backup{_NOTHING}")
        if _sha256(path) != entry.get("sha256"):
            raise BackupError(f"{rel} in the backup is damaged (its sha256 does not match the "
                              f"manifest){_NOTHING}")
    return manifest


def _safe(rel: str) -> bool:
    """A manifest path the restore may read and write: sqlite/x.sqlite3, the index, uploads/."""
    parts = PurePosixPath(rel).parts
    if not rel or rel.startswith("/") or "\\" in rel or ".." in parts:
        return False
    return rel == INDEX_FILE or bool(_SQLITE_NAME.match(rel)) or (
        parts[0] == "uploads" and len(parts) > 1)


def check_compatible(manifest: dict[str, Any], settings: Settings) -> None:
    """Raise `BackupError` naming each setting the backup's index was built with otherwise."""
    from assistant.store import SCHEMA_VERSION

    index = manifest.get("index")
    if not index:
        return
    wanted = {"SPOOR2_EMBEDDING_MODEL": (index.get("embedding_model"), settings.embedding_model),
              "SPOOR2_CHUNK_SIZE": (index.get("chunk_size"), settings.chunk_size),
              "SPOOR2_CHUNK_OVERLAP": (index.get("chunk_overlap"), settings.chunk_overlap)}
    problems = [f"{name}={got!r} (configured: {have!r})"
                for name, (got, have) in wanted.items() if got != have]
    if problems:
        raise BackupError("the backup's index was built with " + ", ".join(problems)
                          + "; set these to restore it, or re-ingest instead" + _NOTHING)
    if index.get("schema_version") != SCHEMA_VERSION:
        raise BackupError(f"the backup's index has format {index.get('schema_version')!r}, this "
                          f"version uses {SCHEMA_VERSION}; re-ingest instead{_NOTHING}")


def restore_backup(settings: Settings, src: Path) -> dict[str, Any]:
    """Bring a backup back into `settings.data_dir` (created when missing).

    Returns:
        What was restored: `generation`, `chunks`, `databases`, `uploads`; `kept`: databases
        of the data dir that the backup does not hold (left as they are).

    Raises:
        BackupError: the backup is damaged or does not fit the settings (nothing changed).
        StoreUnavailableError: the Chroma store or server cannot be written.
    """
    src = Path(src)
    manifest = read_manifest(src)
    check_compatible(manifest, settings)
    paths = [str(f["path"]) for f in manifest["files"]]
    databases = [p for p in paths if p.startswith("sqlite/")]
    for rel in databases:
        _verify_sqlite(src / rel, rel)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    writer, generation, chunks = None, None, 0
    index = manifest.get("index")
    if index:
        writer, generation, chunks = _build_index(settings, src / INDEX_FILE, index)
    try:
        for rel in databases:
            _restore_sqlite(src / rel, settings.data_dir / PurePosixPath(rel).name)
    except BaseException:
        if writer is not None:
            writer.abort()
            writer.close()
        raise
    if writer is not None:
        try:
            previous = writer.pointer().get("active", "")
            generation = writer.commit(chunks, int(index.get("embedding_dim") or 0), previous)
        finally:
            writer.close()  # its PostgreSQL connections (the full-text rows), if it opened any
    uploads = [p for p in paths if p.startswith("uploads/")]
    for rel in uploads:
        _replace_file(src / rel, settings.data_dir / rel)
    restored = [PurePosixPath(p).name for p in databases]
    kept = sorted(p.name for p in settings.data_dir.glob("*.sqlite3") if p.name not in restored)
    return {"generation": generation, "chunks": chunks, "uploads": len(uploads),
            "databases": restored, "kept": kept}


def _verify_sqlite(path: Path, rel: str) -> None:
    try:
        conn = sqlite3.connect(_read_only(path), uri=True)
        try:
            _check_integrity(conn, f"{rel} in the backup")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{rel} in the backup is not a readable SQLite database "
                          f"({exc}){_NOTHING}") from exc


def _records(path: Path, index: dict[str, Any]) -> Iterator[tuple[Chunk, list[float]]]:
    dim = int(index.get("embedding_dim") or 0)
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                chunk = Chunk(id=str(row["id"]), text=str(row["document"]),
                              metadata=dict(row["metadata"]))
                vector = [float(x) for x in row["embedding"]]
            except (ValueError, KeyError, TypeError) as exc:
                raise BackupError(f"{INDEX_FILE} line {number} is not a valid record{_NOTHING}"
                                  ) from exc
            if len(vector) != dim:
                raise BackupError(f"{INDEX_FILE} line {number} has a {len(vector)}-dimensional "
                                  f"embedding, expected {dim}{_NOTHING}")
            yield chunk, vector


def _build_index(settings: Settings, path: Path, index: dict[str, Any]) -> tuple[Any, str, int]:
    """Load the records into a new, not yet active generation; (writer, name, count)."""
    from assistant.store import ChromaIndexWriter, connect

    writer = ChromaIndexWriter(settings, connect(settings))
    name = writer.begin()
    count, page = 0, []
    try:
        for record in _records(path, index):
            page.append(record)
            if len(page) >= _PAGE:
                writer.add([c for c, _ in page], [v for _, v in page])
                count, page = count + len(page), []
        if page:
            writer.add([c for c, _ in page], [v for _, v in page])
            count += len(page)
        if count != index.get("chunk_count"):
            raise BackupError(f"{INDEX_FILE} holds {count} records, the manifest says "
                              f"{index.get('chunk_count')}{_NOTHING}")
    except (Spoor2Error, OSError, EOFError, gzip.BadGzipFile) as exc:
        writer.abort()
        if isinstance(exc, Spoor2Error):
            raise
        raise BackupError(f"{INDEX_FILE} cannot be read ({type(exc).__name__}){_NOTHING}"
                          ) from exc
    return writer, name, count


def _restore_sqlite(backup: Path, live: Path) -> None:
    """Write `backup` into the live database with the backup API (atomic for its readers)."""
    try:
        source = sqlite3.connect(_read_only(backup), uri=True)
        try:
            target = sqlite3.connect(live, timeout=30)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.DatabaseError:
        log.warning("%s is not a readable database; replacing the file", live)
        _replace_file(backup, live)


def _read_only(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _replace_file(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.restoring")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dest)
