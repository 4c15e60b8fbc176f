"""Incremental, atomic indexing: files -> chunks -> a new Chroma generation, or nothing.

Unchanged files (same sha256 as recorded in the serving index) are not even parsed. When
anything changed, a new generation is built: unchanged chunks are copied with their stored
vectors, only new or changed text is embedded, and the pointer flips once the new generation is
complete. Any failure before that leaves the serving generation as it was.
"""
from __future__ import annotations

import contextlib
import logging
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from assistant.config import Settings
from assistant.errors import IngestBusyError, InvalidInputError, LoaderError
from assistant.sites import SHARED as SHARED_FOLDER  # data_dir/uploads/_shared/: every site
from assistant.store import ActiveIndex, ChromaIndexWriter, check_compatible
from assistant.types import Chunk
from ingest.chunking import chunk_document, embedding_text
from ingest.conflicts import conflicts
from ingest.files import discover, file_hash, path_key, under
from ingest.loaders import load
from ingest.report import IngestReport

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """What the indexer needs from an embedding model."""

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...


class Progress(Protocol):
    """Receives progress of the slow stages ("Reading", "Embedding")."""

    def start(self, stage: str, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def finish(self) -> None: ...


class SilentProgress:
    """Progress that shows nothing."""

    def start(self, stage: str, total: int) -> None:
        """Ignore."""

    def advance(self, n: int = 1) -> None:
        """Ignore."""

    def finish(self) -> None:
        """Ignore."""


@contextlib.contextmanager
def _exclusive(settings: Settings) -> Iterator[None]:
    """One ingest at a time per embedded store (a second one would delete the first's work)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    if settings.server_mode:
        yield
        return
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.data_dir / ".ingest.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise IngestBusyError(
                f"Another ingest is running on {settings.data_dir}; wait for it to finish"
            ) from None
        yield


class Indexer:
    """Ingests files into the Chroma index of `settings`; see `run()`."""

    def __init__(
        self, settings: Settings, embedder: Embedder | None = None, *,
        progress: Progress | None = None, batch_size: int = 256,
    ):
        self.settings = settings
        self._embedder = embedder
        self.progress = progress or SilentProgress()
        self.batch_size = batch_size
        self.site: str | None = None  # `run(site=)`: the site of every file of this run

    @property
    def embedder(self) -> Embedder:
        """The embedding model; created (not loaded) on first use."""
        if self._embedder is None:
            from assistant.embedders import make_embedder

            self._embedder = make_embedder(self.settings.embedding_model)
        return self._embedder

    def run(
        self, paths: Sequence[Path], *, prune: bool = False, rebuild: bool = False,
        site: str | None = None,
    ) -> IngestReport:
        """Ingest `paths` (files or folders).

        Args:
            paths: files or directories, walked recursively.
            prune: also remove chunks of files under `paths` that no longer exist.
            rebuild: ignore the serving index (e.g. after a model change) and embed everything.
            site: the site key these documents belong to ('' shared); default: a file under
                data_dir/uploads/<key>/ belongs to site <key> (`_shared`: shared), others shared.

        Raises:
            InvalidInputError: a path does not exist.
            ModelMismatchError: the index was built with other settings and `rebuild` is off.
            StoreUnavailableError: the store cannot be reached or written.
        """
        started = time.perf_counter()
        report = IngestReport()
        # with --prune a path that is gone is a valid request: remove what was ingested from it
        existing = [p for p in paths if p.exists()] if prune else list(paths)
        try:
            files, report.files_ignored = discover(
                existing, exclude=[self.settings.knowledge_dir / "eval"]
            )
        except FileNotFoundError as exc:
            raise InvalidInputError(f"No such file or directory: {exc}") from None
        report.files_read = len(files)
        self.site = "" if site == SHARED_FOLDER else site
        with _exclusive(self.settings):
            self._index(paths, files, report, prune, rebuild)
        report.seconds = time.perf_counter() - started - (report.model_load_seconds or 0.0)
        return report

    def _index(
        self, paths: Sequence[Path], files: list[Path], report: IngestReport, prune: bool,
        rebuild: bool,
    ) -> None:
        """Compare with the serving index and build a new generation when something changed."""
        writer = ChromaIndexWriter(self.settings)
        try:
            self._index_with(writer, paths, files, report, prune, rebuild)
        finally:
            writer.close()

    def _index_with(
        self, writer: ChromaIndexWriter, paths: Sequence[Path], files: list[Path],
        report: IngestReport, prune: bool, rebuild: bool,
    ) -> None:
        writer.remove_stale()
        active = writer.active()
        if active is not None and not rebuild:
            check_compatible(active.metadata, self.settings, for_ingest=True)
        old = {} if active is None or rebuild else active.entries
        new_chunks, changed, seen = self._read(files, old, report, rebuild)

        by_path: dict[str, list[str]] = defaultdict(list)
        for cid, meta in old.items():
            by_path[str(meta.get("path") or meta.get("source"))].append(cid)
        dropped = set(changed)
        if prune:
            roots = [path_key(p) for p in paths]
            dropped |= {k for k in by_path if k not in seen and under(k, roots)}
        keep = [cid for key, ids in by_path.items() if key not in dropped for cid in ids]
        new_chunks = self._dedupe(new_chunks, set(keep), report)
        reuse = {
            c.id: c for c in new_chunks
            if c.id in old and old[c.id].get("content_hash") == c.metadata["content_hash"]
        }
        to_embed = [c for c in new_chunks if c.id not in reuse]
        final = set(keep) | {c.id for c in new_chunks}
        report.chunks_unchanged = len(keep) + len(reuse)
        report.chunks_added = len(to_embed)
        report.chunks_removed = len(set(active.entries if active else old) - final)
        report.files_changed = len(changed)
        report.generation = active.name if active else ""

        if not rebuild and not changed and not report.chunks_removed:
            log.info("nothing changed")
        elif not final and not prune:
            log.warning("nothing could be ingested; the index was left as it was")
        else:
            self._build(writer, active, keep + list(reuse), reuse, to_embed, len(final), report)

    def _read(
        self, files: list[Path], old: dict[str, dict[str, Any]], report: IngestReport, rebuild: bool
    ) -> tuple[list[Chunk], set[str], set[str]]:
        """Parse and chunk the files whose hash differs from the recorded one."""
        recorded = {str(m.get("path") or m.get("source")): (m.get("file_hash"), m.get("site") or "")
                    for m in old.values()}
        ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
        chunks: list[Chunk] = []
        changed: set[str] = set()
        seen: set[str] = set()
        self.progress.start("Reading", len(files))
        for path in files:
            key = path_key(path)
            seen.add(key)
            try:
                chunks_of_file = self._chunks_of(path, key, recorded, rebuild, ingested_at, report)
            except LoaderError as exc:
                log.info("skipped %s: %s", key, exc)  # the summary names it
                report.skipped.append((key, str(exc)))
            else:
                if chunks_of_file is not None:
                    changed.add(key)
                    chunks.extend(chunks_of_file)
            self.progress.advance()
        self.progress.finish()
        return chunks, changed, seen

    def _chunks_of(
        self, path: Path, key: str, recorded: dict[str, Any], rebuild: bool, ingested_at: str,
        report: IngestReport,
    ) -> list[Chunk] | None:
        """The chunks of one file, or None when it is unchanged."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise LoaderError(f"cannot read the file ({reason})") from None
        digest = file_hash(data)
        site = self.site_of(path)
        if not rebuild and recorded.get(key) == (digest, site):
            return None
        try:
            document = load(path, data)
        except LoaderError:
            raise
        except Exception as exc:  # a parser bug must not stop the whole ingest
            log.warning("cannot parse %s", key, exc_info=True)
            raise LoaderError(f"cannot be parsed ({type(exc).__name__})") from None
        report.notes.extend((key, note) for note in document.notes)
        trusted = self._trusted(key)
        if not trusted and str(document.meta.get("type", "")).lower() == "card":
            report.notes.append((key, ("answer-card front matter outside the knowledge base: "
                                       "indexed as a passage (see SPOOR2_TRUSTED_SOURCES)")))
        chunks = chunk_document(
            document, path=key, file_hash=digest, ingested_at=ingested_at, stem=path.stem,
            chunk_size=self.settings.chunk_size, chunk_overlap=self.settings.chunk_overlap,
            trusted=trusted, site=site,
        )
        report.conflicts.extend((key, *found) for found in conflicts(chunks))
        return chunks

    def site_of(self, path: Path) -> str:
        """The site of a file: the run's `site`, else its uploads folder, else shared ('')."""
        if self.site is not None:
            return self.site
        try:
            parts = path.resolve().relative_to((self.settings.data_dir / "uploads").resolve()).parts
        except ValueError:
            return ""
        return parts[0] if len(parts) > 1 and parts[0] != SHARED_FOLDER else ""

    def _trusted(self, key: str) -> bool:
        """Only the curated knowledge base (and SPOOR2_TRUSTED_SOURCES) may hold vetted cards."""
        roots = [self.settings.knowledge_dir, *self.settings.trusted_sources]
        return under(key, [path_key(Path(root)) for root in roots])

    @staticmethod
    def _dedupe(chunks: list[Chunk], taken: set[str], report: IngestReport) -> list[Chunk]:
        """Drop chunks whose id another file already has (same URL, section and text)."""
        out = []
        for chunk in chunks:
            if chunk.id in taken:
                report.notes.append((chunk.metadata["path"], "a chunk duplicates another file's"))
                continue
            taken.add(chunk.id)
            out.append(chunk)
        return out

    def _build(
        self, writer: ChromaIndexWriter, active: ActiveIndex | None, copy_ids: list[str],
        reuse: dict[str, Chunk], to_embed: list[Chunk], expected: int, report: IngestReport,
    ) -> None:
        """Build a new generation and activate it; on any failure remove it and re-raise."""
        dim = int(active.metadata.get("embedding_dim", 0)) if active else 0
        writer.begin()
        try:
            if active is not None and copy_ids:
                writer.copy_from(active.name, copy_ids, reuse)
            if to_embed:
                dim = self._embed_into(writer, to_embed, report)
            report.generation = writer.commit(expected, dim, active.name if active else "")
        except BaseException:
            writer.abort()
            raise
        report.built = True
        self._cache_card_phrasings(report.generation)

    def _cache_card_phrasings(self, generation: str) -> None:
        """Embed the new index's card phrasings into the cache the server reads (data_dir/cache,
        see `CardMatcher`): its first start after this ingest then answers at once, instead of
        embedding them first (about a minute for 3,000 phrasings). Unchanged phrasings are not
        embedded again. A failure only costs that minute later: it is logged, not raised."""
        from assistant.answering.cards import CardMatcher, cards_from_chunks
        from assistant.retrieval.lexical import ChunkCatalog
        from assistant.retrieval.lexical_file import LexicalFile, lexical_path

        path = lexical_path(self.settings.lexical_dir, generation)
        try:
            cards = cards_from_chunks(ChunkCatalog(LexicalFile(path)).of_kind("card"))
            CardMatcher(cards, self.embedder, cache_dir=self.settings.data_dir / "cache")
        except Exception:  # noqa: BLE001 - an optimisation of the next start, never the ingest's failure
            log.warning("could not cache the card phrasings of %s; the server embeds them on start",
                        generation, exc_info=True)

    def _embed_into(
        self, writer: ChromaIndexWriter, chunks: list[Chunk], report: IngestReport
    ) -> int:
        """Embed `chunks` batch by batch into the new generation; returns the vector length."""
        warm_up = getattr(self.embedder, "warm_up", None)
        loading = time.perf_counter()
        if warm_up is not None:
            warm_up()
        report.model_load_seconds = time.perf_counter() - loading
        dim = 0
        self.progress.start("Embedding", len(chunks))
        for start in range(0, len(chunks), self.batch_size):
            batch = chunks[start:start + self.batch_size]
            vectors = self.embedder.embed_documents([embedding_text(c) for c in batch])
            writer.add(batch, vectors)
            dim = len(vectors[0])
            report.chunks_embedded += len(batch)
            self.progress.advance(len(batch))
        self.progress.finish()
        return dim
