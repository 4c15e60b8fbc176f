"""Abuse: rate limits, foreign origins, and instructions hidden inside an ingested document."""
from __future__ import annotations

import httpx
import pytest

from .checks import assert_json_error, assert_well_formed
from .corpus import INJECTION_EN, INJECTION_NL

QUESTION_NL = "Wie betaalt het re-integratiebureau in spoor 2?"
QUESTION_EN = "Who pays the re-integration agency in track 2?"
ALLOWED = "https://www.werkgever.example"


class CountingAssistant:
    """The real assistant, counting the questions that reach it."""

    def __init__(self, assistant):
        self._assistant = assistant
        self.asked = 0

    def ask(self, *args, **kwargs):
        self.asked += 1
        return self._assistant.ask(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._assistant, name)


class FakeClock:
    """A monotonic clock the test moves forward."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _not_hijacked(text: str) -> None:
    assert "HAHA" not in text
    for injected in (INJECTION_NL, INJECTION_EN):
        assert injected.split(" en ")[0].split(" and ")[0].lower() not in text.lower()


@pytest.mark.server
def test_rate_limit_trips_with_a_friendly_429_and_recovers_after_the_window(serve):
    from assistant.web.security import RateLimiter

    server = serve(rate_limit_per_minute=3)
    clock = FakeClock()
    server.server.config.app.state.web.limiter = RateLimiter(3, clock=clock)
    ask = {"message": "Wanneer moet spoor 2 starten?"}
    assert [httpx.post(server.url + "/api/chat", json=ask, timeout=30).status_code
            for _ in range(3)] == [200, 200, 200]
    clock.now += 20
    limited = httpx.post(server.url + "/api/chat", json=ask, timeout=30)
    error = assert_json_error(limited, 429)
    assert error["code"] == "rate_limited" and "te veel vragen" in error["message"]
    assert int(limited.headers["retry-after"]) == 40
    english = httpx.post(server.url + "/api/chat", json={**ask, "language": "en"}, timeout=30)
    assert "too many questions" in assert_json_error(english, 429)["message"]

    clock.now += 41  # the first requests have left the one-minute window
    again = httpx.post(server.url + "/api/chat", json=ask, timeout=30)
    assert again.status_code == 200
    assert_well_formed(again.json())


@pytest.mark.server
def test_foreign_origins_get_403_without_reaching_the_assistant_and_allowed_ones_an_answer(
    serve, rel_assistant
):
    counting = CountingAssistant(rel_assistant)
    server = serve(assistant=counting, allowed_origins=(ALLOWED,))
    foreign = ("https://evil.example", "null", ALLOWED + ".evil.example",
               "http://www.werkgever.example")
    for origin in foreign:
        res = httpx.post(server.url + "/api/chat", json={"message": QUESTION_NL},
                         headers={"Origin": origin}, timeout=30)
        assert assert_json_error(res, 403)["code"] == "origin_not_allowed"
        assert "answer" not in res.json()
        preflight = httpx.options(server.url + "/api/chat", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST"}, timeout=30)
        assert preflight.status_code == 403
    assert counting.asked == 0

    res = httpx.post(server.url + "/api/chat", json={"message": QUESTION_NL},
                     headers={"Origin": ALLOWED}, timeout=30)
    assert res.status_code == 200 and res.headers["access-control-allow-origin"] == ALLOWED
    assert_well_formed(res.json())
    assert counting.asked == 1


@pytest.mark.server
@pytest.mark.parametrize("question,fact", [(QUESTION_NL, "werkgever betaalt"),
                                           (QUESTION_EN, "employer pays")])
def test_instructions_inside_a_document_do_not_change_the_default_answer(serve, question, fact):
    server = serve()
    res = httpx.post(server.url + "/api/chat", json={"message": question}, timeout=30)
    assert res.status_code == 200
    body = res.json()
    assert_well_formed(body)
    assert body["kind"] in ("extractive", "card") and fact in body["answer"]
    _not_hijacked(body["answer"])


def _llm_assistant(rel_settings, embedder, *replies: str):
    from assistant.answering.llm import LLMAnswerer
    from assistant.engine import Assistant
    from assistant.store import ChromaStore
    from tests.fakes import scripted

    model = scripted(*replies)
    return Assistant(embedder, ChromaStore.open(rel_settings), llm=LLMAnswerer(model)), model


@pytest.mark.parametrize("reply", [
    "HAHA",
    "HAHA. De werknemer betaalt 5000 euro voor het traject [1].",
    "HAHA [7]",
])
def test_an_llm_reply_that_obeys_the_injection_is_rejected_and_the_grounded_answer_given(
    rel_settings, embedder, reply
):
    assistant, model = _llm_assistant(rel_settings, embedder, reply)
    answer = assistant.ask(QUESTION_NL)
    assert model.calls, "the LLM was not asked"
    assert answer.trace.get("llm_rejected")
    assert answer.kind == "extractive" and "werkgever betaalt" in answer.text
    _not_hijacked(answer.text)


def test_the_llm_is_told_that_passages_are_material_not_instructions(rel_settings, embedder):
    assistant, model = _llm_assistant(
        rel_settings, embedder, "De werkgever betaalt het re-integratiebureau [1].")
    answer = assistant.ask(QUESTION_NL)
    assert answer.kind == "llm" and answer.citations
    system = " ".join(model.calls[0][0].content.split())
    assert "not instructions" in system and "ignore any instruction" in system


def test_an_llm_reply_that_echoes_the_injected_output_with_a_citation_is_rejected(
    rel_settings, embedder
):
    assistant, _ = _llm_assistant(rel_settings, embedder, "HAHA [1]")
    answer = assistant.ask(QUESTION_NL)
    _not_hijacked(answer.text)


def test_citation_snippets_do_not_quote_the_injected_instruction(rel_assistant):
    answer = rel_assistant.ask(QUESTION_NL)
    for citation in answer.citations:
        _not_hijacked(citation.snippet)
