"""The one sentence splitter (`assistant.text.sentences`), as messages, passages and model output
use it."""
from __future__ import annotations

import pytest

from assistant.text import sentence_breaks, sentences


@pytest.mark.parametrize("text, expected", [
    ("Hij is ziek. Wanneer start spoor 2? Snel!",
     ["Hij is ziek.", "Wanneer start spoor 2?", "Snel!"]),
    ("Volgens art. 7:658 BW moet dat. Dan klopt het.",
     ["Volgens art. 7:658 BW moet dat.", "Dan klopt het."]),
    ("Dat geldt o.a. voor de werkgever, bijv. bij ziekte. En verder?",
     ["Dat geldt o.a. voor de werkgever, bijv. bij ziekte.", "En verder?"]),
    ("Dat is d.w.z. de regel i.v.m. de WIA. Klaar.",
     ["Dat is d.w.z. de regel i.v.m. de WIA.", "Klaar."]),
    ("Een traject kost € 1.234. Dat is veel.", ["Een traject kost € 1.234.", "Dat is veel."]),
    ("Stappen: 1. Probleemanalyse. 2. Plan van aanpak.",
     ["Stappen: 1. Probleemanalyse.", "2. Plan van aanpak."]),
    ("Melden in week 6. Daarna volgt het plan.", ["Melden in week 6.", "Daarna volgt het plan."]),
    ("", []),
    ("   ", []),
])
def test_sentences_end_at_punctuation_but_not_at_abbreviations_numbers_or_list_numbers(
        text, expected):
    assert sentences(text) == expected


def test_lines_makes_every_line_break_a_sentence_end_for_messages():
    message = "ik ben ziek sinds 3 maart\nwanneer moet spoor 2 starten? en wie betaalt"
    assert sentences(message) == [
        "ik ben ziek sinds 3 maart\nwanneer moet spoor 2 starten?", "en wie betaalt"]
    assert sentences(message, lines=True) == [
        "ik ben ziek sinds 3 maart", "wanneer moet spoor 2 starten?", "en wie betaalt"]


def test_semicolons_split_a_list_of_case_steps():
    told = "De probleemanalyse is gedaan op 3 maart; het plan van aanpak nog niet."
    assert sentences(told) == [told]
    assert sentences(told, semicolons=True) == [
        "De probleemanalyse is gedaan op 3 maart;", "het plan van aanpak nog niet."]


def test_closers_end_a_sentence_after_a_citation_marker():
    answer = "Spoor 2 start na de EJE.[1] De werkgever betaalt.[2] Klaar"
    assert sentences(answer) == ["Spoor 2 start na de EJE.[1] De werkgever betaalt.[2] Klaar"]
    assert sentences(answer, closers="]") == [
        "Spoor 2 start na de EJE.[1]", "De werkgever betaalt.[2]", "Klaar"]


def test_cased_text_needs_a_capital_after_the_break():
    passage = "De termijn is kort. daarna niets. Dan het plan."
    assert sentences(passage, cased=True) == ["De termijn is kort. daarna niets.", "Dan het plan."]
    assert len(sentences(passage)) == 3


def test_breaks_give_positions_for_streamed_text():
    streamed = "Eerst dit [1]. Dan dat "
    assert sentence_breaks(streamed, closers="]") == [(14, 15)]
    assert streamed[:14] == "Eerst dit [1]."


def test_a_long_text_splits_like_its_parts():
    # an uploaded document can hold one 300 kB paragraph: only the words before a break decide
    # it (looking back over the whole text made splitting quadratic; the console's large-upload
    # test timed out on it)
    sentence = "Zie art. 7 lid 2 voor meer. 1. Eerste stap. Dat is o.a. zo. "
    short, long = sentences(sentence * 100), sentences(sentence * 3000)
    assert short == ["Zie art. 7 lid 2 voor meer.", "1. Eerste stap.", "Dat is o.a. zo."] * 100
    assert long == short * 30
