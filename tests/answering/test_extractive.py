"""The extractive composer on its own: which sentences it quotes and in what order."""
from __future__ import annotations

import re

from assistant.answering.extractive import ExtractiveAnswerer
from assistant.types import Chunk


def _chunk(cid: str, text: str, section: str = "", doc: str = "nl-doc") -> Chunk:
    return Chunk(id=cid, text=text, metadata={"doc_id": doc, "kind": "article", "language": "nl",
                                              "section": section, "trusted": True, "vetted": True,
                                              "source": f"{doc}.md", "title": doc})


def test_a_section_tail_that_starts_mid_sentence_is_not_where_the_answer_starts():
    tail = _chunk("t", "wachttijd, dus de rechter verwees de werknemer naar UWV. Op tijd beginnen is daarom het "
                       "veiligst voor de werkgever.", "Te laat met spoor 2")
    head = _chunk("h", "Start spoor 2 te laat, dan kan UWV een loonsanctie opleggen. Die duurt maximaal 52 weken.",
                  "Te laat met spoor 2")
    text, citations = ExtractiveAnswerer().compose("wat als spoor 2 te laat start", [tail, head], "nl")
    assert text.startswith("Start spoor 2 te laat")
    assert "wachttijd, dus" not in text  # the fragment is never quoted


def test_one_form_of_address_per_answer():
    mixed = _chunk("m", "U betaalt het re-integratiebureau. Je hoeft als werknemer niets te betalen.", "Wie betaalt")
    text, _ = ExtractiveAnswerer().compose("wie betaalt het bureau", [mixed], "nl", voice="u")
    assert "U betaalt" in text and "Je hoeft" not in text
    text, _ = ExtractiveAnswerer().compose("wie betaalt het bureau", [mixed], "nl", voice="je")
    assert "Je hoeft" in text and "U betaalt" not in text


def test_a_cards_bare_yes_is_not_quoted_as_the_answer_to_another_question():
    card = Chunk(id="c", text="Ja. Ook kleine werkgevers moeten spoor 2 inzetten als terugkeer niet lukt.",
                 metadata={"doc_id": "nl-faq-klein", "kind": "card", "language": "nl", "section": "",
                           "trusted": True, "vetted": True, "source": "klein.md", "title": "Kleine werkgever"})
    text, _ = ExtractiveAnswerer().compose("telt zwangerschap mee voor de twee jaar", [card], "nl")
    assert text.startswith("Ook kleine werkgevers")  # the card's "Ja." answered its own question


def test_a_sections_bare_yes_is_not_quoted_as_the_answer_to_another_question():
    section = _chunk("s", "Ja. Het re-integratiedossier bevat persoonsgegevens die de werknemer mag opvragen.",
                     "Mag ik mijn dossier inzien?", doc="nl-inzage-dossier")
    text, _ = ExtractiveAnswerer().compose("mag mijn leidinggevende mijn diagnose in het dossier opnemen",
                                           [section], "nl")
    assert text.startswith("Het re-integratiedossier")  # "Ja." would say yes to recording the diagnosis


def test_each_quoted_passage_is_numbered_and_cited_in_the_order_it_is_quoted():
    first = _chunk("a", "Een loonsanctie duurt maximaal 52 weken. UWV legt die op na de WIA-aanvraag.",
                   "Loonsanctie", doc="nl-loonsanctie")
    second = _chunk("b", "Tijdens een loonsanctie betaalt de werkgever het loon door.", "Loonsanctie",
                    doc="nl-loondoorbetaling")
    text, citations = ExtractiveAnswerer().compose("hoe lang duurt een loonsanctie", [first, second], "nl")
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", text)]
    assert markers == list(range(1, len(citations) + 1))
    assert "52 weken" in text.split("[1]")[0]  # the passage that answers comes first


def test_an_article_reference_is_not_cut_into_two_sentences():
    chunk = _chunk("r", "De werkgever is aansprakelijk op grond van art. 7:658 BW als hij tekortschiet. "
                        "Dat geldt ook in spoor 2.", "Aansprakelijkheid")
    text, _ = ExtractiveAnswerer().compose("wanneer is de werkgever aansprakelijk", [chunk], "nl")
    assert "art. 7:658 BW als hij tekortschiet" in text


def test_a_list_item_is_quoted_with_the_sentence_it_completes():
    # quoted alone, "er concreet zicht is op terugkeer" would read as the rule, not one condition of it
    later = _chunk("l", "Spoor 2 start als terugkeer niet lukt. Bespreek het met de bedrijfsarts.", "Start")
    conditions = _chunk("c", "Spoor 2 mag alleen achterwege blijven als:\n"
                             "1. er concreet zicht is op terugkeer binnen 3 maanden;\n"
                             "2. de werknemer blijvend zeer beperkte mogelijkheden heeft.\n\n"
                             "Leg de reden vast in het dossier.\n\n"
                             "Let op:\n- Een arbeidsdeskundige onderbouwt de keuze.", "Overslaan")
    text, _ = ExtractiveAnswerer().compose("concreet zicht op terugkeer spoor 2 achterwege blijven",
                                           [later, conditions], "nl")
    assert "achterwege blijven als: 1. er concreet zicht is op terugkeer binnen 3 maanden; 2. de werknemer" in text
    assert not re.search(r"(^|\n)(1\. )?er concreet", text), text
    from assistant.answering.extractive import sentences
    assert "- Een arbeidsdeskundige onderbouwt de keuze." in sentences(conditions.text)  # capitalised: its own
