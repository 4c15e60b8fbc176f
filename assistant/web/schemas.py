"""Request and response bodies of the JSON API."""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

Language = Literal["nl", "en"]
Audience = Literal["werkgever", "werknemer"]

MAX_HISTORY = 20


class HistoryItem(BaseModel):
    """One earlier turn of the conversation."""

    role: Literal["user", "assistant"]
    content: str


class ChatRequest(BaseModel):
    """A question, with the conversation so far."""

    message: str = Field(description="The question (at most SPOOR2_MAX_MESSAGE_CHARS characters).")
    history: list[HistoryItem] = Field(default_factory=list, max_length=MAX_HISTORY)
    audience: Audience | None = None
    language: Language | None = Field(None, description="nl, en, or null to detect")


class CitationOut(BaseModel):
    """A numbered source under an answer."""

    number: int
    title: str
    source: str
    url: str = ""
    section: str = ""
    snippet: str = ""


class ChatResponse(BaseModel):
    """The answer in Markdown with its numbered citations."""

    answer: str
    kind: str
    language: str
    confidence: float
    citations: list[CitationOut]


class EpisodeIn(BaseModel):
    """A period of sickness; `end` is the last sick day (inclusive) or null while still sick."""

    start: date
    end: date | None = None


class DeadlineRequest(BaseModel):
    """Inputs of the deadline calculator."""

    first_sick_day: date | None = Field(None, description="First sick day of the current illness.")
    episodes: list[EpisodeIn] = Field(default_factory=list, max_length=50)
    eje: date | None = Field(None, description="Date of the eerstejaarsevaluatie, if held.")
    probleemanalyse: date | None = None
    loonsanctie_weeks: int | None = Field(None, ge=0, le=52)
    verlenging_tot: date | None = Field(None, description="End of a voluntary extension.")
    today: date | None = None
    language: Language | None = None
    format: Literal["json", "ics", "csv"] = "json"


class FeedbackRequest(BaseModel):
    """Thumbs up or down on an answer; the comment is optional."""

    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=1000)
    answer_kind: str | None = Field(None, max_length=40)
    question: str | None = Field(None, max_length=4000)
    language: Language | None = None
    source: Literal["ui", "widget", "api"] = "api"


class FeedbackResponse(BaseModel):
    """Confirmation that the feedback was stored."""

    ok: bool
    message: str
