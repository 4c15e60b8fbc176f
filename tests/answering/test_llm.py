"""The optional LLM answerer, with a scripted chat model in place of a hosted LLM."""
from __future__ import annotations

from datetime import date

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from dataclasses import replace

from assistant.answering.base import thresholds_for
from assistant.answering.llm import LLMAnswerer
from assistant.build import default_answerers
from assistant.engine import Assistant
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
    return Assistant(kb_assistant.embedder, kb_assistant.store, answerers, llm=llm, clock=today)


def test_a_matching_vetted_card_comes_before_the_model(kb_assistant):
    model = scripted("Een loonsanctie duurt ten hoogste 52 weken [2].")
    answer = _assistant(kb_assistant, model, cards=True).ask("Wat houdt een loonsanctie van UWV in voor mij als werkgever?")
    assert answer.kind == "card" and not model.calls


def test_grounded_llm_answer_is_used_with_renumbered_citations(kb_assistant):
    # passage [3] of this question is the card on how a UWV loonsanctie affects the employee
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
