"""`Assistant`: turns a question and the conversation so far into a cited answer.

Each message becomes a `Turn` (`assistant.understanding`); each question part of it is retrieved
once (`Retrieval`) and offered to an ordered list of answerers (scope guard, deadline, operator
documents, card, LLM, extractive, don't know; see `build.default_answerers`) until one answers.
"""
from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from assistant.answering.askback import needs_eje
from assistant.answering.base import Answerer, StreamClosed
from assistant.embedders import Embedder
from assistant.errors import InvalidInputError
from assistant.privacy import mentions_health, mentions_identifier
from assistant.retrieval.hybrid import FusedHit
from assistant.retrieval.index import Retrieval, Snapshot
from assistant.retrieval.lexical_file import lexical_path
from assistant.retrieval.site_view import site_view
from assistant.retrieval.spelling import lexicon
from assistant.text import base_terms, words
from assistant.text import sentences as split_sentences
from assistant.texts import text
from assistant.types import Answer, Chunk, Citation, Hit
from assistant.understanding import Turn, query_after, read_turn

log = logging.getLogger(__name__)

RESET = "\x00reset"  # `stream()`: forget the text so far, the answer follows anew
_MARKER = re.compile(r"\[(\d{1,2})\]")


class Assistant:
    """The product's core: understanding, retrieval and the answer pipeline over one index."""

    def __init__(
        self,
        embedder: Embedder,
        store,
        answerers: Sequence[Answerer] | None = None,
        *,
        clock: Callable[[], date] = date.today,
        refresh_seconds: float = 10.0,
        cache_dir: Path | None = None,
        llm=None,
        lexical: str = "auto",
        full_text=None,
    ):
        from assistant.answering.cards import CardAnswerer
        from assistant.build import default_answerers

        self.embedder = embedder
        self.store = store
        self.clock = clock
        self.refresh_seconds = refresh_seconds
        self.cache_dir = cache_dir
        self.llm = llm
        self.answerers = list(answerers) if answerers is not None else default_answerers(embedder, llm=llm)
        # the card a card answer would give leads the passages (`Retrieval.sure_card`): judged by
        # the card answerer's own threshold, so the two never disagree
        self.card_threshold = next((a.thresholds.card for a in self.answerers if isinstance(a, CardAnswerer)),
                                   None)
        self._lock = threading.Lock()
        self._checked = 0.0
        self._retired = ""  # the generation replaced last (its file goes at the next swap)
        self.lexical = lexical  # SPOOR2_LEXICAL: "auto", "memory", "disk" or "postgres"
        self.full_text = full_text  # PostgreSQL full-text search (SPOOR2_DATABASE_URL) or None
        self.snapshot = Snapshot.load(store, embedder, cache_dir, lexical=lexical,
                                      full_text=full_text)
        # the spelling word lists load in the background, so no question waits for them; not a
        # daemon: Python stops a daemon thread at exit where it stands, and inside numpy's C++
        # (np.unique) that aborts the process ("terminate called without an active exception",
        # exit code 134). A process that ends at once waits for the load instead (about 2 s).
        threading.Thread(target=lexicon, name="spoor2-lexicon").start()
        self.site_chunks: dict[str, Sequence] = {}  # site key -> extra chunks (its packages)
        self._views: dict[tuple[str, str], Snapshot] = {}

    # -- index state -------------------------------------------------------------------------
    @property
    def generation(self) -> str:
        return self.snapshot.generation

    @property
    def chunks(self) -> Iterator[Chunk]:
        """Every chunk of the serving generation, read from its lexical file as iterated."""
        return self.snapshot.catalog.chunks()

    def chunk_count(self) -> int:
        """Number of chunks in the serving generation."""
        return self.snapshot.catalog.file.chunk_count

    @property
    def by_doc(self):
        return self.snapshot.by_doc

    @property
    def cards(self):
        return self.snapshot.cards

    def _current(self) -> Snapshot:
        """The snapshot to answer from; picks up a newly built generation (checked every
        `refresh_seconds`) and swaps it in whole."""
        now = time.monotonic()
        if now - self._checked >= self.refresh_seconds:
            with self._lock:
                self._checked = now
                if self.store.refresh() or self.store.generation != self.snapshot.generation:
                    old = self.snapshot.generation
                    self.snapshot = Snapshot.load(self.store, self.embedder, self.cache_dir,
                                                  lexical=self.lexical, full_text=self.full_text)
                    self._retire(old)
        return self.snapshot

    def _retire(self, generation: str) -> None:
        """With a Chroma server, delete the lexical file of the generation replaced before
        `generation` (this instance wrote it; ingest cleans up an embedded store's files)."""
        if self.store.server_mode and self._retired:
            lexical_path(self.store.lexical_dir, self._retired).unlink(missing_ok=True)
        self._retired = generation

    def _for_site(self, snapshot: Snapshot, site: str | None) -> Snapshot:
        """What a request from `site` may use: the shared knowledge base plus that site's own
        documents (None: the shared knowledge base only); see `assistant.retrieval.site_view`."""
        key = (snapshot.generation, site or "")
        view = self._views.get(key)
        if view is None:
            view = site_view(snapshot, site, self.site_chunks.get(site or "", ()), self.embedder,
                             self.cache_dir)
            if any(g != snapshot.generation for g, _ in list(self._views)):
                self._views.clear()
            self._views[key] = view
        return view

    def health(self) -> dict:
        """Readiness for the health endpoint."""
        snapshot = self.snapshot
        return {"ready": True, "chunks": snapshot.catalog.file.chunk_count,
                "cards": len(snapshot.cards.cards),
                "model": self.embedder.name, "generation": snapshot.generation,
                "llm": getattr(self.llm, "name", "") if self.llm else "",
                "built_at": self.store.info().get("built_at", "")}

    def ping(self) -> None:
        """Raise `StoreUnavailableError` when the vector store does not answer."""
        self.store.ping()

    def close(self) -> None:
        """Close the PostgreSQL connections of the full-text search when they are the
        assistant's own (built without the instance's pools); else the instance closes them."""
        if self.full_text is not None:
            self.full_text.close()

    def __enter__(self) -> Assistant:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def source_document(self, doc_id: str) -> dict | None:
        """A knowledge-base document for its /bron page: title, sources and sections in order."""
        chunks = self.snapshot.by_doc.get(doc_id)
        if not chunks:
            return None
        ordered = sorted(chunks, key=lambda c: int(c.metadata.get("position") or 0))
        meta = ordered[0].metadata
        try:
            sources = json.loads(meta.get("sources_json") or "[]")
        except ValueError:
            sources = []
        sections, seen = [], set()
        for chunk in ordered:
            if chunk.text in seen:
                continue
            seen.add(chunk.text)
            sections.append({"section": chunk.metadata.get("section", ""), "text": chunk.text})
        return {"id": doc_id, "title": meta.get("title") or doc_id, "language": meta.get("language", ""),
                "url": meta.get("url", ""), "kind": meta.get("kind", ""), "sources": sources,
                "questions": json.loads(meta.get("questions") or "[]"), "sections": sections,
                "last_reviewed": meta.get("last_reviewed", ""), "site": meta.get("site") or ""}

    # -- understanding and retrieval ---------------------------------------------------------
    def understand(
        self, question: str, history: Sequence[dict] | None = None, audience: str | None = None,
        language: str | None = None, today: date | None = None, snapshot: Snapshot | None = None,
    ) -> Turn:
        """The `Turn` the pipeline answers (see `assistant.understanding.read_turn`), read with its
        typos corrected to the knowledge base's words ("wanneer moet de probleemanalise klaar
        zijn?" asks for a date; the scope guard took "lonsanctie" for medical advice), and so are
        the user's earlier messages."""
        speller = (snapshot or self._current()).speller
        # what the user wrote before is read the same way ("sinds 3 novmber ziek", then "en
        # wanneer moet het plan van aanpak klaar zijn?"); the assistant's own answers are ours
        history = [dict(h, content=speller.correct(h["content"]))
                   if isinstance(h, dict) and h.get("role") == "user" and isinstance(h.get("content"), str) else h
                   for h in history or ()]
        return read_turn(speller.correct(question), history, audience, language, today or self.clock())

    def retrieve(
        self, query: str | Turn, *, language: str | None = None, audience: str | None = None,
        k: int = 5, mode: str = "hybrid", site: str | None = None,
    ) -> list[Hit]:
        """Top-k hits for a turn (its first part's query, as the product retrieves it) or a plain
        query, with one retriever ("dense", "bm25") or both fused ("hybrid"). A plain query is
        searched as written (no typo correction: the naive baseline of `spoor2 eval` uses it)."""
        turn = isinstance(query, Turn)
        if isinstance(query, Turn):
            language, audience, query = query.language, query.audience, query.query
        retrieval = Retrieval(self._for_site(self._current(), site), self.embedder, query, language,
                              audience, k=k, correct=turn, sure=self.card_threshold)
        if mode == "bm25":
            return retrieval.lexical_hits[:k]
        if mode == "dense":
            return retrieval.dense_hits[:k]
        return retrieval.hits(k)

    # -- answering ---------------------------------------------------------------------------
    def ask(
        self, question: str, history: Sequence[dict] | None = None, audience: str | None = None,
        language: str | None = None, today: date | None = None,
        on_text: Callable[[str], None] | None = None, site: str | None = None,
    ) -> Answer:
        """Answer `question` in its own language, with citations and a trace.

        `language` is the page's language (the default when the question does not tell);
        `audience` is what the UI knows about the asker ("werkgever" or "werknemer");
        `on_text` receives the answer's text while a model writes it (one-part questions);
        `site` is the key of the site asking: its own documents join the shared knowledge base
        (None: the shared knowledge base only, never a site's documents).

        Raises:
            InvalidInputError: the question is empty or not text.
            StoreUnavailableError: the vector store cannot be reached.
        """
        started = time.perf_counter()
        if not isinstance(question, str) or not question.strip():
            raise InvalidInputError("empty question", nl=text("answer.empty", "nl"), en=text("answer.empty", "en"))
        snapshot = self._for_site(self._current(), site)  # one generation for the whole answer
        turn = self.understand(question, history, audience if audience in ("werkgever", "werknemer") else None,
                               language, today, snapshot)
        if on_text is not None and len(turn.parts) == 1:
            turn.notes["on_text"] = on_text
        timings: dict = {}
        searches = [self._retrieval(turn, snapshot, i, timings) for i in range(len(turn.parts))]
        self._encode_together(turn, searches, timings)
        answers: list[Answer] = []
        for i, search in enumerate(searches):
            # "... en hoe lang kan dat duren?": about what the first part's answer led with
            after = query_after(turn, i, answers[0].text) if answers else ""
            if after:
                search = self._retrieval(turn, snapshot, i, timings, after)
            answers.append(self._answer_part(turn, search))
        if answers[0].trace.get("path", "").startswith("refusal:") and answers[0].trace.get("scope"):
            answers = answers[:1]  # a declined message is declined whole
        answer = combine(turn, answers)
        if mentions_health(turn.message) or mentions_identifier(turn.message):
            answer.text = f"{answer.text}\n\n{text('answer.privacy', turn.language, answer.trace.get('voice', turn.voice))}"
            answer.trace["privacy_notice"] = True
        timings["total_ms"] = _ms(started)
        answer.trace.update(turn.trace(), timings=timings, generation=snapshot.generation)
        if turn.notes.get("llm_rejected"):
            answer.trace["llm_rejected"] = turn.notes["llm_rejected"]
        return answer

    def _retrieval(self, turn: Turn, snapshot: Snapshot, part: int, timings: dict, query: str = "") -> Retrieval:
        """The search of one part; `query` replaces the turn's query of the part when given."""
        return Retrieval(snapshot, self.embedder, query or turn.queries[part], turn.language, turn.audience,
                         part=part, timings=timings,
                         own=turn.parts[part] if query else turn.own_words(part),
                         said=" ".join([*turn.previous, turn.message]),
                         own_counts=turn.story and not turn.follow_up and not query,
                         sure=self.card_threshold)

    def _encode_together(self, turn: Turn, searches: Sequence[Retrieval], timings: dict) -> None:
        """Encode the texts the pipeline will likely need in one batch, not one by one (see
        `CachedQueries.prefetch`): the scope guard's and every part's query and own words."""
        texts = [t for answerer in self.answerers for t in getattr(answerer, "embeds", _nothing)(turn)]
        texts += [t for search in searches for t in search.embeds]
        started = time.perf_counter()
        self.embedder.prefetch(texts)
        timings["embed_ms"] = _ms(started)  # the parts' own encodings add to it

    def _answer_part(self, turn: Turn, retrieval: Retrieval) -> Answer:
        """The answer to the part of the turn that `retrieval` searches for."""
        for answerer in self.answerers:
            answer = answerer.answer(turn, retrieval)
            if answer is not None:
                if retrieval.searched:
                    answer.trace["hits"] = [_hit_trace(f) for f in retrieval.fused]
                if retrieval.cards_matched and retrieval.card is not None:
                    answer.trace.setdefault("card", {"id": retrieval.card.card.id,
                                                     "score": round(retrieval.card.score, 3)})
                answer.trace.setdefault("path", answerer.name)
                if turn.notes.pop("ask_first_sick_day", False) and answer.kind in ("card", "extractive", "llm"):
                    answer.text = f"{answer.text}\n\n{text('answer.ask_first_sick_day', turn.language, turn.voice)}"
                    answer.kind = "clarify"
                    answer.trace["asked"] = "first_sick_day"
                elif answer.kind in ("card", "extractive", "llm") and not retrieval.part and needs_eje(turn):
                    answer.text = f"{answer.text}\n\n{text('answer.ask_eje', turn.language, turn.voice)}"
                    answer.kind = "clarify"
                    answer.trace["asked"] = "eerstejaarsevaluatie"
                answer.trace.setdefault("voice", turn.voice)
                if turn.notes.get("scope") is not None:
                    answer.trace.setdefault("scope", turn.notes["scope"].label)
                return answer
        raise RuntimeError("the answer pipeline ended without an answer (no don't-know answerer?)")

    def stream(
        self, question: str, history=None, audience=None, language=None,
        stop: threading.Event | None = None, site: str | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the answer text as it is written, then the complete `Answer`.

        A computed answer (card, extractive, deadline) comes as one piece; a model's answer
        sentence by sentence. When what was sent is not the start of the final text (the model's
        answer was rejected), `RESET` comes first and then the whole text. Set `stop` when the
        reader leaves: the model stops writing.
        """
        stop = stop or threading.Event()
        pieces: queue.Queue = queue.Queue()
        result: dict = {}

        def on_text(text: str) -> None:
            if stop.is_set():
                raise StreamClosed()
            pieces.put(text)

        def work() -> None:
            try:
                result["answer"] = self.ask(question, history, audience, language, on_text=on_text, site=site)
            except BaseException as exc:  # noqa: BLE001 - handed to the reader below
                result["error"] = exc
            finally:
                pieces.put(None)

        threading.Thread(target=work, name="spoor2-answer", daemon=True).start()
        shown = ""
        try:
            while (piece := pieces.get()) is not None:
                shown += piece
                yield piece
        finally:
            stop.set()
        if "error" in result:
            raise result["error"]
        answer = result["answer"]
        if shown and not answer.text.startswith(shown):
            yield RESET
            shown = ""
        if answer.text[len(shown):]:
            yield answer.text[len(shown):]
        yield answer


def combine(turn: Turn, answers: list[Answer]) -> Answer:
    """One answer for a message of one or more parts; each part keeps its own citations."""
    pairs = [(p, a) for p, a in zip(turn.parts, answers) if not a.trace.get("covered")] or [(turn.parts[0], answers[0])]
    if len({_same_answer(a) for _, a in pairs}) == 1:
        # one part, or every part got the same answer ("Kan ik dat zelf aanvragen en wat kost me
        # dat?": one card says both): said once, without a heading that names one part only
        return pairs[0][1]
    answers = [a for _, a in pairs]
    seen: set[str] = set()
    shown: set[str] = set()
    blocks: list[str] = []
    citations: list[Citation] = []
    for part, answer in pairs:
        key = _same_answer(answer)
        if key in seen:  # two parts, one answer: say it once
            continue
        seen.add(key)
        offset = len(citations)
        text = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", answer.text)
        citations += [Citation(c.number + offset, c.title, c.source, c.url, c.section, c.snippet)
                      for c in answer.citations]
        text = said_once(text, shown, part, answer.language, answer.trace.get("voice", turn.voice))
        blocks.append(f"**{heading(part)}**\n\n{text}")
    first = answers[0]
    voices = {a.trace.get("voice") for a in answers if a.trace.get("voice")}
    trace = {"path": "multi:" + "+".join(a.trace.get("path", a.kind) for a in answers),
             "parts_answered": [{"part": p, "kind": a.kind, "path": a.trace.get("path")} for p, a in pairs],
             "voice": first.trace.get("voice", turn.voice) if len(voices) <= 1 else turn.voice}
    trace.update({k: a.trace[k] for a in answers for k in ("deadline", "card") if k in a.trace})
    kind = next((a.kind for a in answers if a.kind != "refusal"), first.kind)
    return Answer("\n\n".join(blocks), kind, first.language, citations,
                  min(a.confidence for a in answers), trace)


HEADING_WORDS = 25
# A sentence of at least this many words that an earlier part's answer already gave is not
# given again (a card quoted by the first part's passages, the same "Volgende stap").
REPEAT_WORDS = 6


# The questions back a part's answer may end with (see `Assistant._answer_part`)
ASKS_BACK = ("ask_first_sick_day", "ask_eje")


def _same_answer(answer: Answer) -> str:
    """What two parts share when they got the same answer: the card, or the text."""
    card = (answer.trace.get("card") or {}).get("id") if answer.kind == "card" else None
    return card or answer.text


def said_once(block: str, shown: set[str], part: str, language: str, voice: str) -> str:
    """A later part's answer without the paragraphs an earlier part's answer already gave (their
    sentences added to `shown`). When nothing new is left, the part gets the sentence of the
    answer above that shares most words with it ("wat kost me dat?": "Het kost de werkgever €400
    en de werknemer €100"), or a pointer to the answer above."""
    kept: list[str] = []
    dropped: list[str] = []
    candidates: list[str] = []  # the long sentences of the dropped paragraphs, as written
    for paragraph in block.split("\n\n"):
        long = [s for s in split_sentences(_MARKER.sub("", paragraph)) if len(words(s)) >= REPEAT_WORDS]
        said = [_said(s) for s in long]
        if said and all(s in shown for s in said):
            dropped.append(paragraph)
            candidates += long
        else:
            kept.append(_new_sentences(paragraph, shown))
        shown.update(said)
    # a question back ("Wil je de precieze datum? Noem de eerste ziektedag") is not an answer:
    # a part whose answer is only that still gets the sentence above that answers it
    asks = {text(f"answer.{key}", language, voice).strip() for key in ASKS_BACK}
    asked_back = [p for p in kept if p.strip() in asks]
    if not dropped or any(not p.startswith("_") and p not in asked_back for p in kept):
        return "\n\n".join(kept)  # something new: the new part only
    markers = "".join(f"[{m}]" for m in dict.fromkeys(_MARKER.findall(" ".join(dropped))))
    asked = set(base_terms(part, language))
    best = max(candidates, key=lambda s: len(asked & set(base_terms(s, language))), default="")
    if best and asked & set(base_terms(best, language)):
        found = f"{text('answer.said_above', language, voice)} {best.strip()} {markers}".rstrip()
    else:
        found = f"{text('answer.answered_above', language, voice)} {markers}".rstrip()
    return "\n\n".join([found, *asked_back])


def _new_sentences(paragraph: str, shown: set[str]) -> str:
    """A paragraph without its long sentences already in `shown` (a passage that repeats a card's
    sentence beside new ones); a paragraph laid out over several lines is left as written."""
    if "\n" in paragraph.strip():
        return paragraph
    said = split_sentences(paragraph)
    new = [s for s in said if len(words(_MARKER.sub("", s))) < REPEAT_WORDS or _said(_MARKER.sub("", s)) not in shown]
    return paragraph if len(new) == len(said) else " ".join(new)


def _said(sentence: str) -> str:
    """A sentence as compared for repeats: folded, one space between words."""
    return " ".join(words(sentence))


_CARRIED = re.compile(r"(?<=[?!.])\s*\([^()]*\)\s*$")


def heading(part: str) -> str:
    """A part's heading: its question, with the sentences just before it up to about
    `HEADING_WORDS` words (a story's question is read with its lead-in, not shown whole)."""
    # without the subject an announcement named, which the part carries in brackets for retrieval
    # ("Two things about track 2: ..., and what can I do if he turns it down?")
    said = split_sentences(_CARRIED.sub("", part.strip()))
    shown = said[-1:] if said else [part.strip()]
    for sentence in reversed(said[:-1]):
        if len(words(" ".join([sentence, *shown]))) > HEADING_WORDS:
            break
        shown.insert(0, sentence)
    return " ".join(shown).rstrip()


def _hit_trace(f: FusedHit) -> dict:
    meta = f.hit.chunk.metadata
    return {"id": f.hit.chunk.id, "doc_id": meta.get("doc_id", ""), "section": meta.get("section", ""),
            "kind": meta.get("kind", ""), "language": meta.get("language", ""),
            "score": round(f.hit.score, 5), "dense": round(f.dense, 4), "bm25": round(f.bm25, 3),
            "dense_rank": f.dense_rank, "bm25_rank": f.bm25_rank}


def _nothing(turn: Turn) -> list[str]:
    return []


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)


__all__ = ["RESET", "Assistant", "combine"]
