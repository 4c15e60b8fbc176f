"""Asking back the one fact that decides the answer (issue 10): has the EJE been held?"""
from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.answering.askback import needs_eje
from assistant.understanding import read_turn


@pytest.mark.parametrize("message", [
    "ze is nu 50 weken ziek, moeten we al met spoor 2 starten?",
    "Mijn medewerker zit al 13 maanden thuis. Zijn we te laat met spoor 2?",
    "Our warehouse guy has been off sick for about 13 months. Are we already too late with track 2?",
])
def test_a_case_question_about_starting_spoor_2_without_the_eje_needs_it(message):
    assert needs_eje(read_turn(message))


@pytest.mark.parametrize("message", [
    "Wat is spoor 2?",  # no case, no timing
    "ze is 50 weken ziek en de EJE was vorige week; moeten we al met spoor 2 starten?",  # EJE given
    "Wat kost spoor 2 voor een werknemer die 50 weken ziek is?",  # not about when
])
def test_no_eje_question_when_it_does_not_decide_the_answer(message):
    assert not needs_eje(read_turn(message))


def test_the_assistant_asks_for_the_eje_then_computes_the_spoor_2_start_from_it(kb_assistant):
    first = kb_assistant.ask("ze is nu 50 weken ziek, moeten we al met spoor 2 starten?", audience="werkgever",
                             today=date(2025, 11, 23))
    assert first.kind == "clarify" and first.trace["asked"] == "eerstejaarsevaluatie"
    assert "eerstejaarsevaluatie" in first.text.lower() and "6 weken" in first.text
    assert first.citations  # the general rule comes with its sources
    history = [{"role": "user", "content": "ze is nu 50 weken ziek, moeten we al met spoor 2 starten?"},
               {"role": "assistant", "content": first.text}]
    second = kb_assistant.ask("ja, de EJE was op 3 november 2025. Ze is ziek sinds 1 december 2024", history,
                              audience="werkgever", today=date(2025, 11, 23))
    assert second.kind == "deadline"
    # spoor 2 within 6 weeks (42 days) after the EJE held on 3 November 2025: 15 December 2025
    assert "15 december 2025" in second.text
    assert "Eerstvolgende termijn: Start spoor 2" in second.text  # the EJE is done, not "next"


@pytest.mark.parametrize("message", [
    "wanneer moet de werkneemer de wia aanvagen?? datum graag",  # typos, and the wish in its own sentence
    "Wanneer moet de WIA-aanvraag de deur uit? Graag de datum.",
])
def test_asking_for_a_date_without_giving_one_gets_the_question_for_the_first_sick_day(kb_assistant, message):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.kind == "clarify" and answer.trace["path"] == "clarify:first_sick_day"
    assert "eerste ziektedag" in answer.text


@pytest.mark.parametrize("message", [
    "Onze medewerker zit ziek thuis. Tot wanneer moeten wij loon doorbetalen?",
    "wanneer moet het plan van aanpak klaar zijn voor haar",
    "Hoeveel tijd heb ik nog voor de eerstejaarsevaluatie van mijn zieke werknemer?",
    "Wanneer loopt de wachttijd af voor onze zieke collega?",
    # the case named in other words than "mijn werknemer"
    "Wanneer moet ik de 42 weken melding doen voor mijn medewerkster?",
    "onze monteur is ziek, wanneer is de eerstejaarsevaluatie?",
    "wanneer moet het re-integratieverslag klaar zijn voor mijn zieke collega",
    "Hoeveel tijd heb ik nog voor het plan van aanpak? Mijn personeelslid is sinds een paar weken ziek.",
])
def test_a_case_deadline_question_without_a_date_gets_the_rule_and_one_question(kb_assistant, message):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.kind == "clarify" and answer.trace["asked"] == "first_sick_day", answer.trace
    assert answer.text.rstrip().endswith(
        "Noem de eerste ziektedag (bijvoorbeeld \"ziek sinds 3 maart 2025\"), dan reken ik hem voor u uit.")
    assert answer.citations  # the rule itself, with its sources, comes first


@pytest.mark.parametrize("message", [
    "Ik moet voor het budget weten wat we hem in het tweede ziektejaar minimaal moeten betalen. Hoe bereken ik dat?",
    "Hoeveel loon moet ik mijn zieke werknemer doorbetalen? Hoe reken ik dat uit?",
])
def test_asking_how_to_calculate_a_sum_gets_the_rule_not_a_question_for_a_date(kb_assistant, message):
    answer = kb_assistant.ask(message)
    assert answer.kind == "card", answer.trace
    assert "70%" in answer.text and "eerste ziektedag" not in answer.text


@pytest.mark.parametrize("message", ["Bereken het voor mij", "Bereken wanneer we het loon mogen stoppen"])
def test_asking_to_calculate_without_a_sum_still_asks_for_the_first_sick_day(kb_assistant, message):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.trace["path"] == "clarify:first_sick_day", answer.trace


@pytest.mark.parametrize("message", [
    "Welke termijnen gelden er nu voor mijn zieke werknemer?",
    "Mijn werknemer is ziek, wat moet ik wanneer doen?",
])
def test_asking_for_all_of_a_cases_deadlines_asks_for_the_first_sick_day(kb_assistant, message):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.kind == "clarify" and answer.trace["path"] == "clarify:first_sick_day", answer.trace
    assert "eerste ziektedag" in answer.text


@pytest.mark.parametrize("message", [
    "Wanneer moet de probleemanalyse klaar zijn?",  # the general rule: nobody's dates asked
    "Wanneer is de eerstejaarsevaluatie?",
])
def test_a_general_deadline_question_gets_the_rule_without_asking_back(kb_assistant, message):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.kind == "card", answer.trace
    assert "eerste ziektedag (bijvoorbeeld" not in answer.text


@pytest.mark.parametrize("message,week", [
    ("Wanneer moet de melding bij UWV gebeuren, los van de precieze datum?", "42"),
    ("When is the reintegration report due, regardless of the exact date?", "91"),
    ("Zonder exacte datum: wanneer moet het plan van aanpak er zijn?", "8"),
])
def test_asking_for_the_rule_without_a_date_gets_it_without_asking_back(kb_assistant, message, week):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.kind == "card", answer.trace
    assert re.search(rf"\b{week}\b", answer.text), answer.text


def test_a_follow_up_back_to_the_first_question_gets_the_rule_when_no_date_is_wanted(kb_assistant):
    history = [
        {"role": "user", "content": "Onze medewerker is al een flinke tijd thuis. Wanneer moet ik hem bij UWV melden?"},
        {"role": "assistant", "content": "Dat hangt af van zijn eerste ziektedag."},
        {"role": "user", "content": "Mag hij binnen de re-integratie een cursus volgen?"},
        {"role": "assistant", "content": "Scholing kan onderdeel zijn van de re-integratie."},
    ]
    answer = kb_assistant.ask("Oké. Terug naar mijn eerste vraag: wanneer moet die melding gebeuren, los van de "
                              "precieze datum?", history, audience="werkgever")
    assert answer.kind == "card" and "42" in answer.text, answer.trace
