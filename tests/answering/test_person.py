"""A request for a person is recognised, a question about a person is not."""
from __future__ import annotations

import pytest

from assistant.answering.person import asks_for_a_person


@pytest.mark.parametrize("message", [
    "Kan ik iemand spreken?", "kan ik iemand spreken", "Ik wil een mens",
    "Ik wil een mens spreken", "Ik wil graag een adviseur", "Graag contact met een adviseur",
    "Kan ik met een medewerker praten?",
    "Kunt u me terugbellen?", "Bel me terug", "Kan ik iemand bellen?",
    "Can I talk to someone?", "I want to speak with a human", "Can I speak to an adviser please",
    "I'd like a real person", "Please call me back",
])
def test_requests_for_a_person(message):
    assert asks_for_a_person(message)


@pytest.mark.parametrize("message", [
    "Moet ik met de bedrijfsarts spreken?", "Wanneer moet ik contact opnemen met UWV?",
    "Moet mijn werkgever een re-integratieadviseur inschakelen?",
    "Wie betaalt de arbeidsdeskundige?", "Mag mijn werkgever iemand anders op mijn plek zetten?",
    "Do I need to talk to the company doctor?",
    "When must track 2 start?", "Wat doet een adviseur in spoor 2?",
])
def test_questions_about_people_are_answered_as_questions(message):
    assert not asks_for_a_person(message)
