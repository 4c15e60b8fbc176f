"""The one place that wires the product together: `build_assistant(settings)`."""
from __future__ import annotations

import logging
from datetime import date

from assistant.answering.base import Answerer, Thresholds, thresholds_for
from assistant.config import Settings
from assistant.database import PostgresPools
from assistant.embedders import Embedder, make_embedder
from assistant.engine import Assistant

log = logging.getLogger(__name__)


def default_answerers(embedder: Embedder, *, llm=None, thresholds: Thresholds | None = None) -> list[Answerer]:
    """The answer pipeline, in order: a request for a person, Poortwachter check, scope guard, deadline calculator, dismissal
    with a known first sick day, the operator's own
    documents, vetted cards, a question back to a message that asks nothing, the LLM (when configured), extractive
    passages, don't know."""
    from assistant.answering.cards import CardAnswerer
    from assistant.answering.check_answerer import CheckAnswerer
    from assistant.answering.deadline_answerer import DeadlineAnswerer
    from assistant.answering.dismissal import DismissalAnswerer
    from assistant.answering.extractive import ExtractiveAnswerer
    from assistant.answering.operator import OperatorAnswerer
    from assistant.answering.person import PersonAnswerer
    from assistant.answering.refusals import DontKnowAnswerer, ScopeAnswerer
    from assistant.answering.scope import ScopeGuard, ScopeModel
    from assistant.answering.told import ToldAnswerer

    thresholds = thresholds or thresholds_for(embedder.name)
    extractive = ExtractiveAnswerer(thresholds)
    answerers: list[Answerer] = [
        PersonAnswerer(),  # "kan ik iemand spreken?": offer an adviser, before the scope guard declines it
        # "waar sta ik?" is too short for the scope guard (chitchat); the check only answers it when
        # the conversation holds a sick case or a Poortwachter step, else the guard decides.
        CheckAnswerer(),
        ScopeAnswerer(ScopeGuard(ScopeModel.load(), embedder.name), embedder, thresholds),
        DeadlineAnswerer(),
        DismissalAnswerer(),  # "mag ik haar per 1 februari ontslaan?": the end of week 104, computed
        OperatorAnswerer(ExtractiveAnswerer(max_passages=2, max_words=260)),  # a bureau's own pages, fuller
        CardAnswerer(thresholds),
        ToldAnswerer(),  # a new message that only tells its situation, which no card answers: what do you want to know?
    ]
    if llm is not None:
        llm.thresholds = thresholds
        answerers.append(llm)
    answerers += [extractive, DontKnowAnswerer(thresholds)]
    return answerers


def build_assistant(settings: Settings | None = None, *, llm=None, clock=date.today,
                    llm_config: dict | None = None, pools: PostgresPools | None = None
                    ) -> Assistant:
    """Load the embedding model and the index, and return a ready `Assistant`.

    Args:
        settings: product settings; read from the `SPOOR2_*` environment when omitted.
        llm: a LangChain chat model to use instead of the one `settings.llm` names (tests).
        clock: returns "today" (deadline answers); injectable for tests and the eval set.
        llm_config: a LangChain `RunnableConfig` for every model run, e.g. tracing callbacks.
        pools: the instance's PostgreSQL connections, shared with the web app's stores (the
            composition root's); default: the assistant's own, closed by `Assistant.close()`.

    Raises:
        IndexMissingError: nothing has been ingested yet.
        ModelMismatchError: the index was built with another embedding model.
        StoreUnavailableError: the Chroma store or server cannot be reached.
        ConfigError: `SPOOR2_LLM` names a model that cannot be set up.
    """
    from assistant.retrieval.lexical_postgres import postgres_lexical
    from assistant.store import ChromaStore

    settings = settings or Settings.from_env()
    embedder = make_embedder(settings.embedding_model)
    embedder.warm_up()
    settings = settings.replace(embedding_model=embedder.name)  # what a fallback actually loaded
    store = ChromaStore.open(settings)
    answerer = None
    if llm is not None or settings.llm:
        from assistant.answering.llm import LLMAnswerer, chat_model_from_settings

        answerer = LLMAnswerer(llm if llm is not None else chat_model_from_settings(settings), clock=clock,
                               config=llm_config)
    assistant = Assistant(embedder, store, default_answerers(embedder, llm=answerer), clock=clock,
                          cache_dir=settings.data_dir / "cache", llm=answerer, lexical=settings.lexical,
                          full_text=postgres_lexical(settings, pools))
    assistant.site_chunks = site_chunks(settings)
    return assistant


def site_chunks(settings: Settings) -> dict:
    """Each site's extra chunks (its profile's packages, SPOOR2_SITES), by site key."""
    from assistant.sites import load_sites, package_chunks

    return {p.key: package_chunks(p) for p in load_sites(settings.sites).profiles}
