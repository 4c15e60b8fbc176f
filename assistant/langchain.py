"""The product's parts for LangChain users: `Spoor2Retriever` and `deadline_tool()`.

```python
from assistant import build_assistant
from assistant.langchain import Spoor2Retriever, deadline_tool

assistant = build_assistant()
retriever = Spoor2Retriever(assistant=assistant, k=4)     # a BaseRetriever (a Runnable)
docs = retriever.invoke("Wanneer moet spoor 2 starten?")   # Documents with citation metadata
tool = deadline_tool()                                     # a StructuredTool: model.bind_tools([tool])
```

The retriever runs the product's own hybrid search (`Assistant.retrieve`: understanding, dense
and BM25 fused); the tool runs the deterministic Poortwachter calculator. The optional LLM
answerer is built from the same two parts (`assistant.answering.llm`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.tools import StructuredTool
from pydantic import BaseModel, ConfigDict, Field

from assistant.answering.extractive import citation_for, without_instructions
from assistant.types import Chunk

DEADLINE_TOOL = "calculate_deadlines"


def to_document(chunk: Chunk, score: float | None = None, number: int = 0) -> Document:
    """A chunk as a LangChain `Document` carrying what a citation needs.

    Metadata: id, doc_id, title, url (a web address or the `/bron/` page), source, section,
    kind, language, score (fused retrieval score) and number (1-based rank). The text is the
    passage with any instruction-like lines removed, as the product's own answerers see it.
    """
    citation = citation_for(chunk, number)
    meta = chunk.metadata
    metadata: dict[str, Any] = {
        "id": chunk.id, "doc_id": meta.get("doc_id", ""), "title": citation.title,
        "url": citation.url, "source": citation.source, "section": citation.section,
        "kind": meta.get("kind", ""), "language": meta.get("language", ""), "number": number,
    }
    if score is not None:
        metadata["score"] = round(float(score), 5)
    return Document(id=chunk.id, page_content=without_instructions(chunk.text), metadata=metadata)


class Spoor2Retriever(BaseRetriever):
    """LangChain retriever over the Spoor 2 knowledge base (the product's hybrid search).

    Args:
        assistant: a built `Assistant` (`assistant.build_assistant()`).
        k: how many passages to return.
        language: "nl" or "en" to prefer passages in that language; None detects it from the query.
        audience: "werkgever" or "werknemer" to prefer passages written for them.
        mode: "hybrid" (default, as the product answers), "dense" or "bm25".
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any
    k: int = 5
    language: str | None = None
    audience: str | None = None
    mode: str = "hybrid"

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        turn = self.assistant.understand(query, audience=self.audience, language=self.language)
        hits = self.assistant.retrieve(turn, k=self.k, mode=self.mode)
        return [to_document(h.chunk, h.score, i) for i, h in enumerate(hits, start=1)]


class SicknessPeriod(BaseModel):
    """One sickness period."""

    start: date = Field(description="First sick day of this period (YYYY-MM-DD).")
    end: date | None = Field(None, description="Last sick day (YYYY-MM-DD); empty while still sick.")


class DeadlineInput(BaseModel):
    """What the Poortwachter deadline calculator needs."""

    first_sick_day: date | None = Field(
        None, description="First sick day of the current sickness (YYYY-MM-DD). Give this or episodes.")
    episodes: list[SicknessPeriod] = Field(
        default_factory=list, max_length=50,
        description="Earlier sickness periods with their end dates (a gap under 4 weeks joins them "
                    "into one period), and optionally the current one without an end.")
    eje: date | None = Field(None, description="Date the eerstejaarsevaluatie was held, if known.")
    probleemanalyse: date | None = Field(None, description="Date the probleemanalyse was made, if known.")
    loonsanctie_weeks: int | None = Field(
        None, ge=1, le=52, description="Length of a loonsanctie UWV imposed, in weeks (1-52), if any.")
    verlenging_tot: date | None = Field(
        None, description="End date of a vrijwillige verlenging of the wage payment agreed with UWV, if any.")


def calculate(request: DeadlineInput, today: date) -> dict[str, Any]:
    """The timeline for `request` as JSON-ready data, or {"error": ...} for input that cannot work."""
    from assistant.deadlines import Episode, compute_timeline
    from assistant.errors import DeadlineInputError

    episodes = [Episode(p.start, p.end) for p in request.episodes]
    if request.first_sick_day and all(e.start != request.first_sick_day for e in episodes):
        episodes.append(Episode(request.first_sick_day, None))
    if not episodes:
        return {"error": "Give first_sick_day or episodes.", "error_nl": "Geef first_sick_day of episodes."}
    try:
        timeline = compute_timeline(
            sorted(episodes, key=lambda e: e.start), today=today, eje=request.eje,
            probleemanalyse=request.probleemanalyse, loonsanctie_weeks=request.loonsanctie_weeks,
            verlenging_tot=request.verlenging_tot)
    except DeadlineInputError as exc:
        return {"error": exc.user_en, "error_nl": exc.user_nl}
    return timeline.to_dict()


def deadline_tool(clock: Callable[[], date] = date.today) -> StructuredTool:
    """The deadline calculator as a LangChain `StructuredTool` (`today` from `clock`)."""

    def run(**fields: Any) -> dict[str, Any]:
        return calculate(DeadlineInput(**fields), clock())

    return StructuredTool.from_function(
        func=run, name=DEADLINE_TOOL, args_schema=DeadlineInput,
        description=(
            "Compute the Wet verbetering poortwachter deadlines (probleemanalyse, plan van aanpak, "
            "eerstejaarsevaluatie, re-integratieverslag, WIA-aanvraag, end of wage payment) for one "
            "employee from the first sick day or the sickness periods. Returns the milestones with "
            "ISO dates. Never compute these dates yourself."),
    )


def documents(chunks: Sequence[Chunk], scores: dict[str, float] | None = None) -> list[Document]:
    """Chunks as numbered `Document`s (scores by chunk id where known)."""
    scores = scores or {}
    return [to_document(c, scores.get(c.id), i) for i, c in enumerate(chunks, start=1)]


__all__ = ["DEADLINE_TOOL", "DeadlineInput", "SicknessPeriod", "Spoor2Retriever", "calculate",
           "deadline_tool", "documents", "to_document"]
