"""Typo correction of questions: only non-words change, only into words the knowledge base uses."""

from __future__ import annotations

import pytest

from assistant.retrieval.spelling import Lexicon, Speller, edits, lexicon

CARD_TEXTS = [
    "De werknemer moet de WIA aanvragen; de werkgever betaalt de loonsanctie.",
    "Spoor 2 moet beginnen na de eerstejaarsevaluatie. Eerder is ook mogelijk.",
]
PHRASINGS = ["loonsantie werknemer wat nu"]  # a typo on purpose, so people who write it are matched


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(CARD_TEXTS, PHRASINGS, general=lexicon())


@pytest.mark.parametrize(
    "typo, meant",
    [
        ("wnneer moet spoor 2 beginne", "wanneer moet spoor 2 beginnen"),
        ("moet de werkneemer de wia aanvagen??", "moet de werknemer de wia aanvragen??"),
        ("loonsanktie", "loonsanctie"),
    ],
)
def test_a_typo_becomes_the_word_the_knowledge_base_uses(speller, typo, meant):
    assert speller.correct(typo) == meant


@pytest.mark.parametrize(
    "text",
    [
        "moeilijk",  # Dutch, two letters from "mogelijk": never turned into another word
        "mijn moeder heeft haar arm gebroken",
        "He doesn't want it",  # an apostrophe keeps the word whole
        "poortwachtertraject",  # no knowledge-base word within two typos
        "loonsantie",  # a typo the card phrasings know is matched as it is
    ],
)
def test_real_words_and_unfixable_words_are_left_as_written(speller, text):
    assert speller.correct(text) == text


def test_the_general_word_list_is_what_keeps_a_real_word_from_becoming_another(speller):
    bare = Speller(CARD_TEXTS, PHRASINGS, general=Lexicon.load(languages=()))
    assert bare.correct("moeilijk") == "mogelijk"  # without it, "difficult" would read "possible"
    assert speller.correct("moeilijk") == "moeilijk"


def test_a_word_written_without_its_accents_is_a_word_whatever_was_asked_before():
    # "prive" is "privé" without its accent, not a typo of the knowledge base's "price"; and a
    # user's answer must not depend on whether an earlier user wrote "privé" (p17-017 did)
    texts = [*CARD_TEXTS, "The price of a deskundigenoordeel is paid by the applicant."]
    for earlier in ([], ["privé"]):
        fresh = Speller(texts, PHRASINGS, general=lexicon())
        for word in earlier:
            fresh.correct(word)
        assert fresh.correct("prive ging er van alles mis") == "prive ging er van alles mis"
        assert fresh.correct("de financien van het bedrijf") == "de financien van het bedrijf"


def test_edit_distance():
    assert (
        edits("wnneer", "wanneer") == 1 and edits("kitten", "sitting") == 3 and edits("", "ab") == 2
    )


def test_the_assistant_answers_a_question_full_of_typos_with_the_right_card(kb_assistant):
    answer = kb_assistant.ask("wnneer moet spoor 2 beginne", audience="werkgever")
    assert answer.kind == "card" and answer.trace["card"]["id"] == "nl-faq-wanneer-start-spoor2", (
        answer.trace
    )
    assert "eerstejaarsevaluatie" in answer.text
