"""The one place that wires the product together: `build_assistant(settings)`."""
from __future__ import annotations

import logging
from datetime import date

from assistant.config import Settings
from assistant.embedder import SentenceTransformerEmbedder
from assistant.engine import Assistant

log = logging.getLogger(__name__)


def build_assistant(settings: Settings | None = None, *, llm=None, clock=date.today) -> Assistant:
    """Load the embedding model and the index, and return a ready `Assistant`.

    Args:
        settings: product settings; read from the `SPOOR2_*` environment when omitted.
        llm: a LangChain chat model to use instead of the one `settings.llm` names (tests).
        clock: returns "today" (deadline answers); injectable for tests and the eval set.

    Raises:
        IndexMissingError: nothing has been ingested yet.
        ModelMismatchError: the index was built with another embedding model.
        StoreUnavailableError: the Chroma store or server cannot be reached.
        ConfigError: `SPOOR2_LLM` names a model that cannot be set up.
    """
    from assistant.store import ChromaStore

    settings = settings or Settings.from_env()
    store = ChromaStore.open(settings)
    embedder = SentenceTransformerEmbedder(settings.embedding_model)
    embedder.warm_up()
    answerer = None
    if llm is not None or settings.llm:
        from assistant.answering.llm import LLMAnswerer, chat_model_from_settings

        answerer = LLMAnswerer(llm if llm is not None else chat_model_from_settings(settings), clock=clock)
    return Assistant(embedder, store, llm=answerer, clock=clock, cache_dir=settings.data_dir / "cache")
