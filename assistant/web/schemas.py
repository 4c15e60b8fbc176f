"""Request and response bodies of the JSON API."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, model_validator

Language = Literal["nl", "en"]
Audience = Literal["werkgever", "werknemer"]

MAX_HISTORY = 20
_SURROGATE = re.compile("[\ud800-\udfff]")
NOT_BLANK = r"\S"  # at least one character that is not white space


def has_surrogates(text: str) -> bool:
    """True when `text` holds a lone UTF-16 surrogate (not text; it cannot be stored or logged)."""
    return bool(_SURROGATE.search(text))


def _readable(text: str) -> str:
    if has_surrogates(text):
        raise ValueError("contains a lone surrogate")
    return text


Text = Annotated[str, AfterValidator(_readable)]


class HistoryItem(BaseModel):
    """One earlier turn of the conversation."""

    role: Literal["user", "assistant"]
    content: Text


class ChatRequest(BaseModel):
    """A question, with the conversation so far."""

    message: Text = Field(
        min_length=1, pattern=NOT_BLANK,
        description="The question (at most SPOOR2_MAX_MESSAGE_CHARS characters, not blank).",
    )
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
    question_id: int | None = Field(
        None, description="The question log's row (null when questions are not kept); send it "
        "back with /api/feedback.")
    handoff: bool = Field(False, description="Offer \"Stel uw vraag aan een adviseur\" (POST "
                          "/api/handoff): the assistant did not know, declined the subject, or the "
                          "visitor asked for a person, and handoff is configured.")


class EpisodeIn(BaseModel):
    """A period of sickness; `end` is the last sick day (inclusive) or null while still sick."""

    start: date
    end: date | None = None


class StepsDoneIn(BaseModel):
    """Poortwachter steps already done, with the date each was done (all optional)."""

    probleemanalyse: date | None = None
    plan_van_aanpak: date | None = None
    evaluations: list[date] = Field(default_factory=list, max_length=30,
                                    description="Dates of evaluations of the plan van aanpak.")
    ziekmelding_uwv: date | None = Field(None, description="The 42e-weeksmelding to UWV.")
    eerstejaarsevaluatie: date | None = None
    spoor2_start: date | None = None
    re_integratieverslag: date | None = None
    wia_aanvraag: date | None = None


class LeaveIn(BaseModel):
    """Zwangerschaps- or bevallingsverlof (WAZO): first and last day of the leave, inclusive."""

    start: date
    end: date


class DeadlineRequest(BaseModel):
    """Inputs of the deadline calculator: a first sick day, or earlier episodes, or both."""

    first_sick_day: date | None = Field(None, description="First sick day of the current illness.")
    episodes: list[EpisodeIn] = Field(default_factory=list, max_length=50)
    eje: date | None = Field(None, description="Date of the eerstejaarsevaluatie, if held.")
    probleemanalyse: date | None = None
    loonsanctie_weeks: int | None = Field(None, ge=0, le=52)
    verlenging_tot: date | None = Field(None, description="End of a voluntary extension.")
    leave: list[LeaveIn] = Field(
        default_factory=list, max_length=10,
        description="Zwangerschaps-/bevallingsverlof. Its days are no sick days and no part of "
        "the 4-week break: illness right before and after it is added up (art. 7:629 lid 10 BW, "
        "art. 23 lid 3 and 5 WIA).")
    today: date | None = None
    language: Language | None = None
    steps_done: StepsDoneIn | None = Field(
        None, description="Steps done so far: the answer then has a `check` per step (JSON) "
        "and the PDF shows it.")
    monthly_wage: float | None = Field(
        None, gt=0, le=100_000, description="Gross monthly wage in euros, for the cost "
        "estimate (`costs` in JSON); not stored.")
    alarm_days: list[Annotated[int, Field(ge=0, le=365)]] | None = Field(
        None, max_length=5, description="Reminders in the .ics, days before each milestone "
        "(default 14 and 2; [] for none).")
    format: Literal["json", "ics", "csv", "pdf"] = "json"

    model_config = {"json_schema_extra": {"anyOf": [
        {"required": ["first_sick_day"], "properties": {"first_sick_day": {"type": "string"}}},
        {"required": ["episodes"], "properties": {"episodes": {"minItems": 1}}},
    ]}}

    @model_validator(mode="after")
    def _needs_a_start(self) -> DeadlineRequest:
        if self.first_sick_day is None and not self.episodes:
            raise ValueError("first_sick_day or episodes is required")
        return self


class FeedbackRequest(BaseModel):
    """Thumbs up or down on an answer; the comment is optional."""

    rating: Literal["up", "down"]
    comment: Text | None = Field(None, max_length=1000)
    answer_kind: Text | None = Field(None, max_length=40)
    question: Text | None = Field(None, max_length=4000)
    language: Language | None = None
    source: Literal["ui", "widget", "api"] = "api"
    question_id: int | None = Field(None, ge=1, le=2**31 - 1,
                                    description="`question_id` of the answer rated")


class FeedbackResponse(BaseModel):
    """Confirmation that the feedback was stored."""

    ok: bool
    message: str


class HandoffRequestIn(BaseModel):
    """A visitor's question for an adviser, with contact details given with consent."""

    question: Text = Field("", description="The question (no medical details, no BSN; at most "
                           "SPOOR2_MAX_MESSAGE_CHARS characters).")
    contact: Text = Field("", max_length=254, description="E-mail address or phone number.")
    consent: bool = Field(False, description="Must be true: the visitor agrees that the question "
                          "and contact details are passed on to an adviser.")
    language: Language | None = None
    audience: Audience | None = None


class HandoffResponse(BaseModel):
    """The stored request's id and a confirmation for the visitor."""

    id: int
    status: str
    message: str
