"""A new message that only tells a situation, which no card answers, is asked what the user wants
to know instead of getting a passage on whatever its words matched."""
from __future__ import annotations

import pytest

from assistant.understanding import asks_nothing

# First messages of conversations in the dev and probe sets. Before, each got a passage that
# answered something else (working in both tracks for a broken ankle).
_TOLD = [
    ("Ik werk in een tattooshop in Rotterdam en zit thuis met een handblessure. Vorige week "
     "was ik voor het eerst bij de bedrijfsarts.", "werknemer", "Wat wil je weten?"),
    ("I run a climbing gym in Utrecht. One of our route setters tore his shoulder in mid-March and "
     "is still off sick.", "werkgever", "What would you like to know?"),
    ("Mijn medewerker heeft vorige maand een zwaar motorongeluk gehad en ligt nog in het "
     "ziekenhuis, daarna volgt revalidatie.", "werkgever", "Wat wilt u weten?"),
]


@pytest.mark.parametrize(("message", "audience", "asks"), _TOLD)
def test_a_message_that_only_tells_its_situation_is_asked_what_the_user_wants_to_know(
        kb_assistant, message, audience, asks):
    answer = kb_assistant.ask(message, audience=audience)
    assert answer.kind == "clarify", answer.trace
    assert answer.text.startswith(("Dank", "Thank")) and asks in answer.text
    # it offers to compute the dates and warns against medical details, in the asker's voice
    assert ("eerste ziektedag" in answer.text or "first day of sickness" in answer.text)
    assert "BSN" in answer.text
    assert (" je " in answer.text) == (audience == "werknemer" and answer.language == "nl")


@pytest.mark.parametrize(("message", "audience", "says"), [
    ("Ik heb net de brief van UWV over de WIA gekregen.", "werknemer", "WIA"),
    # a nanny's broken leg got the counting rule as a passage; what the employer needs is the 6
    # weeks of sick pay for domestic staff
    ("We have a nanny who works in our home three days a week, looking after our twins. She broke "
     "her leg skiing three weeks ago.", "werkgever", "only 6 weeks, not 104"),
])
def test_a_told_message_that_a_card_answers_gets_the_card(kb_assistant, message, audience, says):
    answer = kb_assistant.ask(message, audience=audience)
    assert answer.kind == "card" and says in answer.text, answer.trace


def test_a_told_message_with_a_first_sick_day_gets_its_dates(kb_assistant):
    answer = kb_assistant.ask("Mijn werknemer is sinds 3 maart 2026 ziek thuis met een hernia.",
                              audience="werkgever")
    assert answer.kind == "deadline", answer.trace


def test_a_follow_up_that_tells_something_is_read_with_the_conversation(kb_assistant):
    history = [{"role": "user", "content": "Moet mijn werknemer meewerken aan spoor 2?"},
               {"role": "assistant", "content": "Ja, je werknemer moet meewerken aan spoor 2."}]
    answer = kb_assistant.ask("ze werkt nu al drie weken halve dagen in aangepast werk bij ons",
                              history, audience="werkgever")
    assert answer.trace.get("path") != "clarify:told", answer.trace


@pytest.mark.parametrize("message", [
    "42e week melding",  # a vague one-liner asks, though it has no question mark
    "loonsanctie hoe lang duurt dat bij ons",
    "ziek en mn contract loopt af help",
    "I'm not sure whether my transition payment still applies if I resign myself.",
    "Ik ben ziek. Kan ik op vakantie.",
])
def test_a_message_that_asks_in_its_words_is_not_only_telling(message):
    assert not asks_nothing(message)


_TATTOO = _TOLD[0][0]


def _conversation(assistant, *messages):
    history, answers = [], []
    for message in messages:
        answer = assistant.ask(message, list(history), audience="werknemer")
        history += [{"role": "user", "content": message},
                    {"role": "assistant", "content": answer.text}]
        answers.append(answer)
    return answers


def test_the_first_sick_day_given_after_the_question_back_gets_the_check(kb_assistant):
    # the question back offers to compute the deadlines; it was asked again instead
    told, dated = _conversation(kb_assistant, _TATTOO, "ik ben ziek sinds 2 november 2026")
    assert told.kind == "clarify"
    assert dated.kind == "deadline" and "02-11-2026" in dated.text, dated.trace


def test_the_question_back_is_asked_once_in_a_conversation(kb_assistant):
    answers = _conversation(kb_assistant, _TATTOO, "wat gebeurt er nu verder?",
                            "Vorige week was ik weer bij de bedrijfsarts voor mijn handblessure.",
                            "ik ben ziek sinds 2 november 2026")
    paths = [a.trace.get("path") for a in answers]
    assert paths.count("clarify:told") == 1, paths
    assert answers[-1].kind == "deadline", answers[-1].trace
