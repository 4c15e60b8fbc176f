"""The default answerer: the most relevant sentences of the best passages, cited inline."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answering.base import Thresholds
from assistant.answering.claims import contradicted, is_vetted
from assistant.answering.scope import looks_like_instruction
from assistant.text import addressed_as, base_terms
from assistant.text import sentences as split_sentences
from assistant.types import Answer, Chunk, Citation

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

_BARE_YES_NO = re.compile(r"^(Ja|Nee|Yes|No)\.(\s+|$)")
_MARKDOWN_NOISE = re.compile(r"^\s*(#+\s+|[-*+]\s+|\d+\.\s+)")
_CONTINUING_ITEM = re.compile(r"(?:[-*+]|\d+\.)\s+[a-z]")  # a list item that starts in lower case


def sentences(text: str) -> list[str]:
    """Split a passage into sentences; list items and lines count as sentences too, except the
    items that continue a lead-in ("Spoor 2 mag alleen achterwege blijven als: 1. er concreet zicht
    is ...; 2. ..."), which stay one sentence with it: an item quoted alone states a condition as
    if it were the rule."""
    out: list[str] = []
    continuing = False  # the last sentence is a lead-in and the items so far
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", text):
        block = " ".join(line.strip() for line in block.strip().splitlines())
        if not block:
            continue
        found = split_sentences(block, cased=True)
        if out and _CONTINUING_ITEM.match(block) and (continuing or out[-1].endswith(":")):
            out[-1] = f"{out[-1]} {found[0]}"
            continuing, found = len(found) == 1, found[1:]
        else:
            continuing = False
        out.extend(found)
    return out


@dataclass(frozen=True)
class Passage:
    """A passage chosen for the answer, with its citation number."""

    chunk: Chunk
    number: int


def without_instructions(text: str) -> str:
    """The text minus sentences that try to instruct the assistant (a document never gives orders)."""
    kept = [s for s in sentences(text) if not looks_like_instruction(s)]
    return " ".join(kept)


def snippet(text: str, limit: int = 220) -> str:
    """A short preview of a passage for the sources list."""
    flat = " ".join(without_instructions(text).split())
    return flat if len(flat) <= limit else flat[: flat.rfind(" ", 0, limit)] + " …"


def citation_for(chunk: Chunk, number: int) -> Citation:
    """The citation shown for a chunk; knowledge-base articles link to their /bron page."""
    meta = chunk.metadata
    doc_id = meta.get("doc_id") or ""
    url = meta.get("url") or (f"/bron/{doc_id}" if meta.get("kind") in ("article", "card") else "")
    page = meta.get("page") or 0
    section = meta.get("section") or ""
    if page:
        section = f"{section} (p. {page})".strip()
    return Citation(
        number=number, title=meta.get("title") or doc_id or meta.get("source", ""),
        source=meta.get("source", ""), url=url, section=section, snippet=snippet(chunk.text),
    )


_FRAGMENT = re.compile(r"^[a-zß-ÿ,;:)]")  # a sentence that does not start like one
_META = re.compile(r"\b(dit artikel|in dit artikel|this article|deze pagina|this page)\b", re.I)


def rerank(question: str, chunks: Sequence[Chunk], language: str) -> list[Chunk]:
    """Order candidate passages for answering: retrieval order, plus how well the section
    heading (written as the question it answers) matches; article intros sink."""
    query = set(base_terms(question, language)) | set(base_terms(question, "nl"))
    scored = []
    for position, chunk in enumerate(chunks):
        meta = chunk.metadata
        heading = set(base_terms(f"{meta.get('section', '')}", meta.get("language") or language))
        match = len(query & heading) / len(query | heading) if query and heading else 0.0
        score = 1.0 / (position + 2) + 0.6 * match
        if meta.get("kind") == "article" and not meta.get("section"):
            score *= 0.5
        if meta.get("kind") == "article" and _FRAGMENT.match(chunk.text.lstrip()):
            score *= 0.6  # the tail of a split section of an article: not the place to start
        scored.append((score, position, chunk))
    return [c for _, _, c in sorted(scored, key=lambda t: (-t[0], t[1]))]


def article_citation(by_doc: dict[str, list[Chunk]], doc_id: str, number: int) -> Citation | None:
    """A citation of a whole knowledge-base document (linked to its /bron page), if indexed."""
    chunks = by_doc.get(doc_id)
    if not chunks:
        return None
    meta = chunks[0].metadata
    return Citation(number, meta.get("title") or doc_id, meta.get("source", ""), f"/bron/{doc_id}", "",
                    snippet(chunks[0].text))


class ExtractiveAnswerer:
    """The best passage in full (sections are written to stand alone), then the most relevant
    sentences of the next passages, each with its citation marker, in their original order."""

    name = "extractive"

    def __init__(self, thresholds: Thresholds | None = None, max_passages: int = 3, max_words: int = 190):
        self.thresholds = thresholds
        self.max_passages = max_passages
        self.max_words = max_words

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        """An answer made of the best passages, preferring the vetted knowledge base."""
        from assistant.answering.refusals import confidence, strong_enough

        if self.thresholds is not None and not strong_enough(retrieval, self.thresholds):
            return None
        # a later part of the message is not answered with what an earlier part showed (the
        # card given, the passages quoted): the same text twice answers nothing new
        shown = {*turn.notes.get("cards_answered", ()), *turn.notes.get("passages_shown", ())}
        passages = (retrieval.passages(turn.language, ("article", "card"), shown)
                    or retrieval.passages(turn.language, shown=shown)
                    or retrieval.passages(turn.language, ("article", "card"))
                    or retrieval.passages(turn.language))
        text, citations, used = self._compose(retrieval.query, passages, turn.language, voice=turn.voice)
        if not text:  # every passage speaks to the other side: better that than no answer
            text, citations, used = self._compose(retrieval.query, passages, turn.language)
        if not text:
            return None
        turn.notes.setdefault("passages_shown", []).extend(chunk.id for chunk in used)
        return Answer(text, "extractive", turn.language, citations, confidence(retrieval), {"path": "extractive"})

    def compose(
        self, question: str, chunks: Sequence[Chunk], language: str, voice: str | None = None,
    ) -> tuple[str, list[Citation]]:
        """Markdown text with [n] markers and the citations it uses; with a `voice` ("u" or "je"),
        Dutch sentences that address the reader the other way are left out."""
        text, citations, _ = self._compose(question, chunks, language, voice)
        return text, citations

    def _compose(
        self, question: str, chunks: Sequence[Chunk], language: str, voice: str | None = None,
    ) -> tuple[str, list[Citation], list[Chunk]]:
        """`compose`, and the chunks it quoted."""
        query = set(base_terms(question, language)) | set(base_terms(question, "nl"))
        chunks = rerank(question, chunks, language)
        picked: list[tuple[int, list[str]]] = []
        budget = self.max_words
        for number, chunk in enumerate(chunks[: self.max_passages], start=1):
            chosen = self._best_sentences(chunk, query, budget, first=number == 1, voice=voice)
            if not chosen:
                continue
            picked.append((number, chosen))
            budget -= sum(len(s.split()) for s in chosen)
            if budget < 25:
                break
        citations: list[Citation] = []
        paragraphs: list[str] = []
        for new_number, (old_number, chosen) in enumerate(picked, start=1):
            chunk = chunks[old_number - 1]
            citations.append(citation_for(chunk, new_number))
            paragraphs.append(" ".join(chosen) + f" [{new_number}]")
        return "\n\n".join(paragraphs), citations, [chunks[n - 1] for n, _ in picked]

    def _best_sentences(
        self, chunk: Chunk, query: set[str], budget: int, first: bool, voice: str | None = None,
    ) -> list[str]:
        language = chunk.metadata.get("language") or "nl"
        vetted = is_vetted(chunk.metadata)
        other = {"u": "je", "je": "u"}.get(voice or "") if language == "nl" else None
        candidates = [
            _MARKDOWN_NOISE.sub("", s) for s in sentences(chunk.text)
            if not _META.search(s) and not looks_like_instruction(s)  # text in a document is never an order
            and (vetted or contradicted(s) is None)  # nor is a known-wrong legal claim ever quoted as fact
            and (other is None or other not in addressed_as(s))  # one form of address per answer
        ]
        if len(candidates) > 1 and _FRAGMENT.match(candidates[0]):
            candidates = candidates[1:]  # the overlap of a split section starts mid-sentence
        if candidates:
            # a card's or a section's bare "Ja." answers its own question ("Mag ik mijn dossier
            # inzien?"), which this answer was not matched to: quoted here it could say yes to a
            # different question ("mag mijn leidinggevende mijn diagnose vastleggen?")
            candidates[0] = _BARE_YES_NO.sub("", candidates[0], count=1)
            candidates = [c for c in candidates if c]
        if first and sum(len(s.split()) for s in candidates) <= budget:
            return candidates
        scored = []
        for i, sentence in enumerate(candidates):
            terms = set(base_terms(sentence, language))
            overlap = len(terms & query)
            scored.append((overlap + (0.5 if i == 0 and overlap else 0.0), i, sentence))
        ranked = sorted(scored, key=lambda t: (-t[0], t[1]))
        limit = 4 if first else 2
        keep: list[tuple[int, str]] = []
        words = 0
        for score, i, sentence in ranked:
            if len(keep) >= limit or (score < 1 and keep):
                break
            length = len(sentence.split())
            if words + length > budget and keep:
                continue
            keep.append((i, sentence))
            words += length
        return [s for _, s in sorted(keep)]
