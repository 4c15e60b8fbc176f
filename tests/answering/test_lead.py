"""A card answer leads with its sentence on what was asked (who pays, how long)."""
from __future__ import annotations

import pytest

from assistant.answering.lead import lead_with_aspect
from assistant.evaluation import first_sentence

CARD = ("Een second opinion is een tweede oordeel van een bedrijfsarts van een andere arbodienst. "
        "Alleen de werknemer kan die vragen. De werkgever betaalt de second opinion. "
        "De uitkomst is niet bindend.\n\nVolgende stap: vraag het bij je arbodienst.")


def test_who_pays_moves_the_sentence_on_paying_to_the_front_and_keeps_every_sentence():
    led = lead_with_aspect(CARD, "die second opinion, moet ik die zelf betalen?")
    assert led.startswith("De werkgever betaalt de second opinion. Een second opinion is")
    assert sorted(led.replace("\n\n", " ").split()) == sorted(CARD.replace("\n\n", " ").split())
    assert led.endswith("\n\nVolgende stap: vraag het bij je arbodienst.")


@pytest.mark.parametrize("question", [
    "Wat is een second opinion?",  # no aspect asked: the card's own order
    "Hoe lang duurt een second opinion?",  # no sentence on how long: nothing to move
])
def test_a_question_without_an_answered_aspect_keeps_the_cards_order(question):
    assert lead_with_aspect(CARD, question) == CARD


def test_an_opening_sentence_that_answers_already_stays_first():
    card = ("Er is geen vaste prijs: bureaus bepalen hun tarieven. "
            "Eén bureau vraagt €1.775 voor 3 maanden.")
    assert lead_with_aspect(card, "Wat kost een spoor 2 traject?") == card


@pytest.mark.parametrize("leaning", [
    "Je werkgever betaalt die.",  # ends on a pointer
    "Dat kost je werkgever €400.",  # starts with one
    "Ben je dan nog ziek, dan betaalt UWV.",  # the second half of a condition
])
def test_a_sentence_that_leans_on_the_one_before_it_is_not_moved(leaning):
    card = (f"Je kunt een second opinion vragen bij een andere arbodienst. {leaning} "
            "De uitkomst is niet bindend.")
    assert lead_with_aspect(card, "wie betaalt de second opinion?") == card


def test_a_bare_yes_or_no_stays_first_and_the_answer_follows_it():
    card = "Nee. Je kunt een second opinion vragen. De werkgever betaalt de second opinion."
    led = lead_with_aspect(card, "moet ik de second opinion zelf betalen?")
    assert led == "Nee. De werkgever betaalt de second opinion. Je kunt een second opinion vragen."


@pytest.mark.parametrize(("question", "language", "audience", "lead"), [
    ("Hoe lang duurt het voordat ik een deskundigenoordeel van het UWV heb?", "nl", "werknemer",
     "binnen 2 tot 4 weken"),
    ("no-riskpolis how long", "en", "werkgever", "5 years"),
])
def test_the_assistant_answers_how_long_in_its_first_sentence(kb_assistant, question, language,
                                                              audience, lead):
    answer = kb_assistant.ask(question, audience=audience, language=language)
    assert answer.kind == "card" and lead in first_sentence(answer.text), answer.text


def test_what_is_it_still_opens_with_what_it_is(kb_assistant):
    answer = kb_assistant.ask("Wat is een deskundigenoordeel?", audience="werknemer")
    assert first_sentence(answer.text).startswith("Een deskundigenoordeel is"), answer.text
