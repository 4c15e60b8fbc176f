"""The optional LLM answerer, with a scripted chat model in place of a hosted LLM."""
from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from assistant.answering.base import thresholds_for
from assistant.answering.llm import LLMAnswerer
from assistant.build import default_answerers
from assistant.engine import RESET, Assistant
from tests.fakes import scripted

QUESTION = "Hoe lang duurt een loonsanctie maximaal?"


def _assistant(kb_assistant, model, cards: bool = False) -> Assistant:
    """The assistant with the scripted model; vetted cards (which come first) are off unless asked for."""
    today = lambda: date(2025, 11, 23)  # noqa: E731
    llm = LLMAnswerer(model, clock=today)
    thresholds = thresholds_for(kb_assistant.embedder.name)
    if not cards:
        thresholds = replace(thresholds, card=9.0)
    answerers = default_answerers(kb_assistant.embedder, llm=llm, thresholds=thresholds)
    return Assistant(kb_assistant.embedder, kb_assistant.store, answerers, llm=llm, clock=today,
                     cache_dir=kb_assistant.cache_dir)


def test_a_matching_vetted_card_comes_before_the_model(kb_assistant):
    model = scripted("Een loonsanctie duurt ten hoogste 52 weken [2].")
    answer = _assistant(kb_assistant, model, cards=True).ask("Wat houdt een loonsanctie van UWV in voor mij als werkgever?")
    assert answer.kind == "card" and not model.calls


def test_grounded_llm_answer_is_used_with_renumbered_citations(kb_assistant):
    # passage [3] of this question is the article on the loonsanctie of UWV (its 52 weeks); with
    # the card answerer switched off, no card is lifted to passage [1] either
    model = scripted("Een loonsanctie duurt ten hoogste 52 weken [3].")
    answer = _assistant(kb_assistant, model).ask("Wat houdt een loonsanctie van UWV in voor mij als werkgever?")
    assert answer.kind == "llm"
    assert answer.text == "Een loonsanctie duurt ten hoogste 52 weken [1]."
    assert len(answer.citations) == 1 and answer.citations[0].number == 1


def test_model_sees_only_the_retrieved_passages_and_the_prompt_file(kb_assistant):
    model = scripted("Maximaal 52 weken [1].")
    _assistant(kb_assistant, model).ask("Wat houdt een loonsanctie van UWV in voor mij als werkgever?")
    system, human = model.calls[0][:2]
    assert isinstance(system, SystemMessage) and "ONLY the numbered passages" in system.content
    assert isinstance(human, HumanMessage) and "[1]" in human.content and "loonsanctie" in human.content
    assert [t.name for t in model.tools] == ["calculate_deadlines"]


def test_answer_with_a_number_not_in_the_sources_falls_back_to_extractive(kb_assistant):
    model = scripted("Een loonsanctie duurt 78 weken [1].")
    answer = _assistant(kb_assistant, model).ask("Wat houdt een loonsanctie van UWV in voor mij als werkgever?")
    assert answer.kind in ("extractive", "card")
    assert "78 weken" not in answer.text
    assert "numbers not in the sources" in answer.trace.get("llm_rejected", "") or answer.kind == "card"


def test_answer_that_cites_nothing_falls_back(kb_assistant):
    model = scripted("Een loonsanctie is vervelend voor werkgevers.")
    answer = _assistant(kb_assistant, model).ask("Wat houdt een loonsanctie van UWV in voor mij als werkgever?")
    assert answer.kind != "llm"


def test_model_can_call_the_deadline_calculator_tool(kb_assistant):
    call = AIMessage(content="", tool_calls=[{"name": "calculate_deadlines", "id": "c1",
                                              "args": {"first_sick_day": "2024-03-01"}}])
    model = scripted(call, "De WIA-aanvraag moet uiterlijk 2025-12-11 binnen zijn, 11 weken voor het einde [1].")
    answer = _assistant(kb_assistant, model).ask("Hoe werkt de WIA-aanvraag voor een werknemer die lang ziek is?")
    tool_messages = [m for m in model.calls[-1] if isinstance(m, ToolMessage)]
    assert tool_messages and "2025-12-11" in tool_messages[0].content
    assert answer.kind == "llm"
    assert answer.trace["tool_calls"][0]["name"] == "calculate_deadlines"


def test_stream_passes_the_model_text_through(kb_assistant):
    model = scripted("Maximaal 52 weken [1].")
    parts = list(_assistant(kb_assistant, model).stream("Wat houdt een loonsanctie van UWV in voor mij als werkgever?"))
    assert parts[-1].kind == "llm"
    assert "".join(p for p in parts[:-1]) == "Maximaal 52 weken [1]."


LOONSANCTIE = "Wat houdt een loonsanctie van UWV in voor mij als werkgever?"
TWO_SENTENCES = "Een loonsanctie duurt ten hoogste 52 weken [3]. UWV legt de loonsanctie op aan de werkgever [3]."


class Recorder(BaseCallbackHandler):
    """Records the LLM and tool runs it sees; can hold the model until the reader has text."""

    def __init__(self, hold_after_tokens: int = 0):
        self.events: list[str] = []
        self.tokens = 0
        self.hold_after_tokens = hold_after_tokens
        self.reader_has_text = threading.Event()
        self.held_until_read: bool | None = None

    def on_chat_model_start(self, serialized, messages, **kwargs):
        self.events.append("llm_start")

    def on_llm_new_token(self, token, **kwargs):
        self.tokens += 1
        if self.hold_after_tokens and self.tokens == self.hold_after_tokens:
            self.held_until_read = self.reader_has_text.wait(timeout=10)

    def on_llm_end(self, response, **kwargs):
        self.events.append("llm_end")

    def on_tool_start(self, serialized, input_str, **kwargs):
        self.events.append("tool_start")


def _llm_assistant(kb_assistant, model, recorder=None) -> Assistant:
    def today() -> date:
        return date(2025, 11, 23)

    llm = LLMAnswerer(model, clock=today, config={"callbacks": [recorder]} if recorder else None)
    thresholds = replace(thresholds_for(kb_assistant.embedder.name), card=9.0)
    answerers = default_answerers(kb_assistant.embedder, llm=llm, thresholds=thresholds)
    return Assistant(kb_assistant.embedder, kb_assistant.store, answerers, llm=llm, clock=today,
                     cache_dir=kb_assistant.cache_dir)


def test_model_tokens_reach_the_reader_while_the_model_is_still_writing(kb_assistant):
    # GenericFakeChatModel streams word by word; the recorder holds the model after the first
    # sentence's words until the reader has received text, so only live streaming passes.
    recorder = Recorder(hold_after_tokens=17)
    model = GenericFakeChatModel(messages=iter([TWO_SENTENCES]))
    parts = []
    for item in _llm_assistant(kb_assistant, model, recorder).stream(LOONSANCTIE):
        if isinstance(item, str):
            recorder.reader_has_text.set()
        parts.append(item)
    answer = parts[-1]
    assert recorder.held_until_read is True
    assert answer.kind == "llm" and len(parts) >= 3
    assert parts[0] == "Een loonsanctie duurt ten hoogste 52 weken [1]."
    assert "".join(parts[:-1]) == answer.text == TWO_SENTENCES.replace("[3]", "[1]")


def test_a_streamed_answer_that_fails_the_check_is_replaced_not_kept(kb_assistant):
    model = GenericFakeChatModel(messages=iter([
        "Een loonsanctie duurt ten hoogste 52 weken [3]. Daarna betaalt u nog 78 weken extra [3]. Klaar."]))
    parts = list(_llm_assistant(kb_assistant, model).stream(LOONSANCTIE))
    answer = parts[-1]
    assert answer.kind != "llm" and "78" not in answer.text
    assert RESET in parts
    after = parts[parts.index(RESET) + 1:-1]
    assert "".join(after) == answer.text
    assert not any("78" in p for p in parts[:-1] if isinstance(p, str))


def test_a_callback_handler_passed_in_sees_the_model_and_the_tool_run(kb_assistant):
    recorder = Recorder()
    call = AIMessage(content="", tool_calls=[{"name": "calculate_deadlines", "id": "c1",
                                              "args": {"first_sick_day": "2024-03-01"}}])
    model = scripted(call, "De WIA-aanvraag moet uiterlijk 2025-12-11 binnen zijn, 11 weken voor het einde [1].")
    _llm_assistant(kb_assistant, model, recorder).ask("Hoe werkt de WIA-aanvraag voor een werknemer die lang ziek is?")
    assert recorder.events[:4] == ["llm_start", "llm_end", "tool_start", "llm_start"]


def test_build_assistant_hands_the_tracing_config_to_every_model_run(kb_settings):
    from assistant import build_assistant

    recorder = Recorder()
    assistant = build_assistant(kb_settings, llm=scripted("Maximaal 52 weken [1]."),
                                llm_config={"callbacks": [recorder]})
    passages = [h.chunk for h in assistant.retrieve(LOONSANCTIE, k=3)]
    assistant.llm.compose(LOONSANCTIE, passages, "nl", {})
    assert recorder.events[:2] == ["llm_start", "llm_end"]
