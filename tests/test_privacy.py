"""Redaction of personal identifiers: a generated corpus of formats, and what must stay."""
from __future__ import annotations

import pytest

from assistant.privacy import redact
from tests.privacy_corpus import identifiers

SENTENCES = [
    "Mijn BSN is {} en ik wil weten wanneer spoor 2 start.",
    "Bel me op {}, of mail.",
    "({}) graag terugbellen",
    "Loon naar {}. Dank!",
]


@pytest.mark.parametrize("template", SENTENCES)
def test_no_generated_identifier_survives_redaction(template):
    for secret in identifiers(25, seed=SENTENCES.index(template)):
        text = template.format(secret)
        assert secret not in redact(text), (secret, redact(text))


@pytest.mark.parametrize("text", [
    "In week 42 (2025-10-20) volgt de ziekmelding bij UWV, na 104 weken de WIA.",
    "De eerstejaarsevaluatie valt op 03-03-2026; art. 7:629 BW en art. 25 lid 9 WIA.",
    "Het loon is 2.500 euro per maand, 70% van 3.571,43.",
])
def test_dates_articles_and_amounts_are_left_alone(text):
    assert redact(text) == text
