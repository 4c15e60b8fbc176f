"""Plain data that flows between the stages: documents -> chunks -> hits -> answers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

AnswerKind = Literal["card", "extractive", "deadline", "llm", "refusal", "clarify", "handoff"]


def speaks_to(written_for: str | None, asker: str | None) -> bool:
    """True when a text written for `written_for` ("werkgever", "werknemer", "beide") speaks to
    the asker (an unknown asker: every text)."""
    return not asker or (written_for or "beide") in ("beide", asker)


@dataclass(frozen=True)
class Chunk:
    """A piece of a source document with its provenance.

    `metadata` keys (all scalar, Chroma-safe): source, path, title, section, page (int, 0 = none),
    position (order within its document), url, language (nl/en), audience
    (werkgever/werknemer/beide/""), doc_id, kind (article/card/document), content_hash,
    file_hash, ingested_at (ISO-8601), and where the front matter gives them status, topics,
    last_reviewed and sources_json; for cards also questions and articles (JSON lists as str).
    """

    id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """A chunk found by a retriever, with its score (higher is better)."""

    chunk: Chunk
    score: float
    retriever: str = ""


@dataclass(frozen=True)
class Citation:
    """A numbered source shown under an answer."""

    number: int
    title: str
    source: str
    url: str = ""
    section: str = ""
    snippet: str = ""


@dataclass
class Answer:
    """What `Assistant.ask()` returns."""

    text: str
    kind: AnswerKind
    language: str
    citations: list[Citation] = field(default_factory=list)
    confidence: float = 0.0
    trace: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON data (text as written, citations in full, no trace): the one
        shape the CLI prints and the web API builds on."""
        return {"answer": self.text, "kind": self.kind, "language": self.language,
                "confidence": round(float(self.confidence), 3),
                "citations": [asdict(c) for c in self.citations]}
