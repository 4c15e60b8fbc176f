"""The Chroma adapter: the only module that imports chromadb.

The index is a series of generations, collections named `<collection>__g<timestamp>`. A registry
collection `<collection>__registry` holds in its metadata `active` (the generation that serves)
and `previous` (kept so a reader that still has it open keeps working). Ingest builds a new
generation beside the active one and flips the pointer in one metadata write, so a failed ingest
never touches the index that was serving. `ChromaStore` reads; `ChromaIndexWriter` builds.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import IndexMissingError, ModelMismatchError, StoreUnavailableError
from assistant.retrieval.lexical_file import (
    LexicalFile,
    LexicalFileWriter,
    lexical_path,
    remove_lexical_files,
)
from assistant.types import Chunk, Hit

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2  # 2: chunks say whether they come from a trusted source
PAGE = 1000  # rows per get/add call; well under Chroma's max batch size


def registry_name(settings: Settings) -> str:
    """Name of the collection whose metadata points at the active generation."""
    return f"{settings.collection}__registry"


def generation_prefix(settings: Settings) -> str:
    """Common prefix of every generation's collection name."""
    return f"{settings.collection}__g"


def connect(settings: Settings) -> Any:
    """A chromadb client: embedded under `settings.chroma_dir`, or HTTP in server mode."""
    try:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if settings.server_mode:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:  # chromadb raises ValueError, httpx and OS errors alike
        log.warning("cannot open the Chroma store: %r", exc)
        raise StoreUnavailableError(_where(settings) + " cannot be reached or opened") from exc


def _where(settings: Settings) -> str:
    if settings.server_mode:
        return f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
    return f"Chroma store {settings.chroma_dir}"


def _is_not_found(exc: Exception) -> bool:
    return type(exc).__name__ in ("NotFoundError", "InvalidCollectionException") or (
        "does not exist" in str(exc)
    )


def read_pointer(client: Any, settings: Settings) -> dict[str, str]:
    """The registry metadata (`active`, `previous`), empty when nothing was ever ingested."""
    try:
        registry = client.get_collection(registry_name(settings), embedding_function=None)
    except Exception as exc:
        if _is_not_found(exc):
            return {}
        raise
    return {k: str(v) for k, v in (registry.metadata or {}).items()}


def check_compatible(meta: Mapping[str, Any], settings: Settings, *, for_ingest: bool) -> None:
    """Raise `ModelMismatchError` when the index was built with other model or chunk settings."""
    built_with = meta.get("embedding_model")
    problems = []
    if built_with != settings.embedding_model:
        problems.append(
            f"embedding model {built_with!r} (configured: {settings.embedding_model!r})"
        )
    if (meta.get("chunk_size"), meta.get("chunk_overlap")) != (
        settings.chunk_size, settings.chunk_overlap
    ):
        problems.append(
            f"chunk size/overlap {meta.get('chunk_size')}/{meta.get('chunk_overlap')} "
            f"(configured: {settings.chunk_size}/{settings.chunk_overlap})"
        )
    if meta.get("schema_version") != SCHEMA_VERSION:
        problems.append(
            f"index format {meta.get('schema_version')} (this version: {SCHEMA_VERSION})"
        )
    if not problems:
        return
    how = (
        "add --rebuild to replace it: `spoor2 ingest --rebuild knowledge/`"
        if for_ingest
        else "re-ingest with `spoor2 ingest --rebuild knowledge/`"
    )
    raise ModelMismatchError(f"The index was built with {'; '.join(problems)}; {how}")


def _to_chunks(ids: Sequence[str], docs: Sequence[Any], metas: Sequence[Any]) -> list[Chunk]:
    return [
        Chunk(id=i, text=d or "", metadata=dict(m or {})) for i, d, m in zip(ids, docs, metas)
    ]


class ChromaStore:
    """Reads the active generation: dense queries, all chunks, recorded metadata."""

    def __init__(self, settings: Settings, client: Any, collection: Any):
        self.settings = settings
        self._client = client
        self._collection = collection
        self.generation: str = collection.name
        self._others: dict[str, Any] = {}  # older generations a snapshot still answers from

    @property
    def lexical_dir(self) -> Path:
        """Where each generation's lexical file lives."""
        return self.settings.lexical_dir

    @property
    def server_mode(self) -> bool:
        """True when a Chroma server holds the index."""
        return self.settings.server_mode

    @classmethod
    def open(cls, settings: Settings) -> ChromaStore:
        """Open the active generation.

        Raises:
            IndexMissingError: nothing was ingested yet.
            ModelMismatchError: the index was built with another model or chunk settings.
            StoreUnavailableError: the store or server cannot be reached.
        """
        client = connect(settings)
        try:
            collection = cls._open_active(client, settings)
        except (IndexMissingError, ModelMismatchError):
            raise
        except Exception as exc:
            log.warning("cannot read the active generation: %r", exc)
            raise StoreUnavailableError(f"{_where(settings)} cannot be read") from exc
        return cls(settings, client, collection)

    @staticmethod
    def _open_active(client: Any, settings: Settings) -> Any:
        missing = IndexMissingError(
            f"No index in {_where(settings)} - run `spoor2 ingest knowledge/`"
        )
        name = read_pointer(client, settings).get("active", "")
        if not name:
            raise missing
        try:
            collection = client.get_collection(name, embedding_function=None)
        except Exception as exc:
            if _is_not_found(exc):
                raise missing from exc
            raise
        check_compatible(collection.metadata or {}, settings, for_ingest=False)
        return collection

    def _generation(self, name: str | None) -> Any:
        """The collection of generation `name` (None or gone: the current one)."""
        if name is None or name == self.generation:
            return self._collection
        if name not in self._others:
            try:
                self._others = {name: self._client.get_collection(name, embedding_function=None)}
            except Exception as exc:  # removed by two later ingests: answer from the current one
                log.info("generation %s is gone (%r); using %s", name, exc, self.generation)
                return self._collection
        return self._others[name]

    def _call(self, what: str, fn: Any, generation: str | None = None) -> Any:
        """Run `fn(collection)`; after a generation swap retry once on the new one."""
        try:
            return fn(self._generation(generation))
        except Exception as exc:
            if _is_not_found(exc) and self.refresh():
                return fn(self._collection)
            log.warning("Chroma %s failed: %r", what, exc)
            raise StoreUnavailableError(f"{_where(self.settings)}: {what} failed") from exc

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None,
              generation: str | None = None) -> list[Hit]:
        """The `k` chunks of `generation` (default: the current one) nearest to `embedding`, best
        first; score = cosine similarity."""
        if k <= 0:
            return []
        result = self._search(embedding, k, where, generation,
                              ["documents", "metadatas", "distances"])
        chunks = _to_chunks(result["ids"][0], result["documents"][0], result["metadatas"][0])
        return [
            Hit(chunk=c, score=1.0 - float(d), retriever="dense")
            for c, d in zip(chunks, result["distances"][0])
        ]

    def nearest(self, embedding: Sequence[float], k: int, where: dict | None = None,
                generation: str | None = None) -> list[tuple[str, float]]:
        """Ids and cosine similarities of the `k` chunks of `generation` nearest to `embedding`,
        best first; no documents or metadata are read (the lexical file has them)."""
        if k <= 0:
            return []
        result = self._search(embedding, k, where, generation, ["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]

    def _search(self, embedding: Sequence[float], k: int, where: dict | None,
                generation: str | None, include: list[str]) -> Any:
        return self._call(
            "query",
            lambda c: c.query(query_embeddings=[list(embedding)], n_results=k,
                              where=where or None, include=include),
            generation,
        )

    def all_chunks(self) -> list[Chunk]:
        """Every chunk of the active generation with its metadata."""
        return [c for page in self._call("read", lambda c: list(_pages(c, []))) for c in page[0]]

    def pages(self, generation: str) -> Iterator[list[Chunk]]:
        """Every chunk of `generation` in pages of `PAGE` (to write its lexical file)."""
        collection = self._call("read", lambda c: c, generation)
        pages = _pages(collection, [])
        while (page := self._call("read", lambda c: next(pages, None))) is not None:
            yield page[0]

    def count(self) -> int:
        """Number of chunks in the active generation."""
        return int(self._call("count", lambda c: c.count()))

    def info(self) -> dict:
        """The metadata recorded with the active generation, plus its name."""
        return {**dict(self._collection.metadata or {}), "generation": self.generation}

    def active_generation(self) -> str:
        """Re-read the pointer: the generation serving now (may differ from `generation`)."""
        try:
            return read_pointer(self._client, self.settings).get("active", "")
        except Exception as exc:
            log.warning("cannot read the Chroma registry: %r", exc)
            raise StoreUnavailableError(f"{_where(self.settings)} cannot be read") from exc

    def refresh(self) -> bool:
        """Switch to the active generation if a new one was built; True when it switched."""
        if self.active_generation() in ("", self.generation):
            return False
        try:
            self._collection = self._open_active(self._client, self.settings)
        except (IndexMissingError, ModelMismatchError):
            raise
        except Exception as exc:
            raise StoreUnavailableError(f"{_where(self.settings)} cannot be read") from exc
        self.generation = self._collection.name
        log.info("switched to index generation %s", self.generation)
        return True

    def ping(self) -> None:
        """Raise `StoreUnavailableError` when the store does not answer."""
        try:
            self._client.heartbeat()
        except Exception as exc:
            log.warning("Chroma heartbeat failed: %r", exc)
            raise StoreUnavailableError(f"{_where(self.settings)} does not answer") from exc


def _pages(collection: Any, include_extra: list[str]) -> Iterator[tuple[list[Chunk], list]]:
    """(chunks, embeddings) in pages of `PAGE`."""
    offset = 0
    while True:
        got = collection.get(
            limit=PAGE, offset=offset, include=["documents", "metadatas", *include_extra]
        )
        if not got["ids"]:
            return
        embeddings = got.get("embeddings")
        yield _to_chunks(got["ids"], got["documents"], got["metadatas"]), (
            [list(map(float, e)) for e in embeddings] if embeddings is not None else []
        )
        offset += len(got["ids"])


@dataclass
class ActiveIndex:
    """What ingest needs to know about the serving generation."""

    name: str
    metadata: dict[str, Any]
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # chunk id -> metadata


class ChromaIndexWriter:
    """Builds a new generation beside the active one and flips the pointer when complete."""

    def __init__(self, settings: Settings, client: Any | None = None,
                 full_text: Any | None = None):
        """`full_text`: a `PostgresLexicalStore` to fill with each generation (default: one
        for `SPOOR2_DATABASE_URL` when the lexical search runs there, see `postgres_lexical`)."""
        from assistant.retrieval.lexical_postgres import postgres_lexical

        self.settings = settings
        self._client = client if client is not None else connect(settings)
        self._building: Any = None
        self._lexical: LexicalFileWriter | None = None
        self._full_text = full_text if full_text is not None else postgres_lexical(settings)
        self._own_full_text = full_text is None

    def _guard(self, what: str, fn: Any) -> Any:
        try:
            return fn()
        except Exception as exc:
            log.warning("Chroma %s failed: %r", what, exc)
            raise StoreUnavailableError(f"{_where(self.settings)}: {what} failed") from exc

    def pointer(self) -> dict[str, str]:
        """The registry metadata (`active`, `previous`)."""
        return self._guard(
            "reading the registry", lambda: read_pointer(self._client, self.settings)
        )

    def active(self) -> ActiveIndex | None:
        """The serving generation with every chunk's metadata, or None when there is none."""
        name = self.pointer().get("active", "")
        if not name:
            return None

        def read() -> ActiveIndex | None:
            try:
                collection = self._client.get_collection(name, embedding_function=None)
            except Exception as exc:
                if _is_not_found(exc):
                    return None
                raise
            entries = {c.id: c.metadata for page, _ in _pages(collection, []) for c in page}
            return ActiveIndex(name, dict(collection.metadata or {}), entries)

        return self._guard("reading the active index", read)

    def remove_stale(self) -> list[str]:
        """Delete generations that are neither active nor previous (half-built leftovers)."""
        pointer = self.pointer()
        keep = {pointer.get("active", ""), pointer.get("previous", "")}
        return self._delete_generations(keep)

    def generations(self) -> list[str]:
        """Names of every generation in the store (active, previous and leftovers), sorted."""
        prefix = generation_prefix(self.settings)
        names = self._guard("listing collections", self._client.list_collections)
        return sorted(n for n in (getattr(c, "name", c) for c in names) if n.startswith(prefix))

    def _delete_generations(self, keep: set[str]) -> list[str]:
        def delete() -> list[str]:
            doomed = [n for n in self.generations() if n not in keep]
            for name in doomed:
                self._client.delete_collection(name)
                log.info("deleted index generation %s", name)
            remove_lexical_files(self.settings.lexical_dir, keep)
            if self._full_text is not None:
                self._full_text.remove(keep)
            return doomed

        return self._guard("deleting old generations", delete)

    def begin(self) -> str:
        """Create an empty new generation and return its name."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{generation_prefix(self.settings)}{stamp}"
        self._building = self._guard(
            "creating a generation",
            lambda: self._client.create_collection(
                name, configuration={"hnsw": {"space": "cosine"}},
                metadata=self._metadata(0, 0, building=True), embedding_function=None,
            ),
        )
        self._lexical = LexicalFileWriter(lexical_path(self.settings.lexical_dir, name), name)
        return name

    def _metadata(self, dim: int, count: int, building: bool = False) -> dict[str, Any]:
        return {
            "embedding_model": self.settings.embedding_model,
            "embedding_dim": dim,
            "chunk_size": self.settings.chunk_size,
            "chunk_overlap": self.settings.chunk_overlap,
            "schema_version": SCHEMA_VERSION,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "chunk_count": count,
            "state": "building" if building else "ready",
        }

    def add(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Add chunks with their embeddings to the generation being built."""
        for start in range(0, len(chunks), PAGE):
            part = chunks[start:start + PAGE]
            vectors = [list(v) for v in embeddings[start:start + PAGE]]
            self._guard("adding chunks", lambda: self._building.add(
                ids=[c.id for c in part], documents=[c.text for c in part],
                metadatas=[c.metadata for c in part], embeddings=vectors,
            ))
            if self._lexical is not None:
                self._lexical.add(part)

    def copy_from(self, source: str, ids: Iterable[str], replace: Mapping[str, Chunk]) -> int:
        """Copy chunks with their stored embeddings from generation `source` (no re-embedding).

        For ids in `replace` the new text/metadata are stored with the old embedding.
        """
        wanted = list(ids)
        collection = self._guard(
            "reading the active index",
            lambda: self._client.get_collection(source, embedding_function=None),
        )
        for start in range(0, len(wanted), PAGE):
            got = self._guard("copying chunks", lambda: collection.get(
                ids=wanted[start:start + PAGE], include=["documents", "metadatas", "embeddings"]
            ))
            stored = _to_chunks(got["ids"], got["documents"], got["metadatas"])
            chunks = [replace.get(c.id, c) for c in stored]
            self.add(chunks, [list(map(float, e)) for e in got["embeddings"]])
        return len(wanted)

    def commit(self, expected: int, dim: int, previous: str) -> str:
        """Verify the new generation, make it active, drop generations older than `previous`."""
        building = self._building
        count = self._guard("counting", building.count)
        if count != expected:
            raise StoreUnavailableError(
                f"the new index holds {count} chunks, expected {expected}; "
                "the old index still serves"
            )
        self._guard("finishing", lambda: building.modify(metadata=self._metadata(dim, count)))
        if self._lexical is not None:  # in place before the pointer names its generation
            path = self._lexical.finish()
            self._lexical = None
            if self._full_text is not None:  # likewise the PostgreSQL rows, in one transaction
                self._full_text.fill(building.name, LexicalFile(path).chunks())
        registry = self._guard(
            "opening the registry",
            lambda: self._client.get_or_create_collection(
                registry_name(self.settings), embedding_function=None
            ),
        )
        self._guard("switching generations", lambda: registry.modify(
            metadata={"active": building.name, "previous": previous}
        ))
        self._building = None
        self._delete_generations({building.name, previous})
        return building.name

    def export(self, name: str) -> tuple[dict[str, Any], Iterator[tuple[list[Chunk], list]]]:
        """Generation `name`'s metadata and its (chunks, embeddings) in pages (for a backup).

        Raises:
            StoreUnavailableError: the generation is gone (replaced by two ingests) or unreadable.
        """
        collection = self._guard(
            "reading the active index",
            lambda: self._client.get_collection(name, embedding_function=None),
        )
        pages = _pages(collection, ["embeddings"])

        def read() -> Iterator[tuple[list[Chunk], list]]:
            while (page := self._guard("reading chunks", lambda: next(pages, None))) is not None:
                yield page

        return dict(collection.metadata or {}), read()

    def close(self) -> None:
        """Close the PostgreSQL connections of the full-text store the writer opened itself."""
        if self._own_full_text and self._full_text is not None:
            self._full_text.close()

    def abort(self) -> None:
        """Best-effort removal of a half-built generation (the next ingest also removes it)."""
        if self._lexical is not None:
            self._lexical.discard()
            self._lexical = None
        if self._building is None:
            return
        name, self._building = self._building.name, None
        try:
            self._client.delete_collection(name)
        except Exception:  # the next ingest deletes it anyway
            log.warning("could not delete half-built generation %s", name, exc_info=True)
