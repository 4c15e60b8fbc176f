"""Chunking: cards stay whole, articles split per section, long text splits cleanly."""
from __future__ import annotations

import json
import re

from ingest.chunking import chunk_document, embedding_text, split_text
from ingest.document import Document, Section
from ingest.loaders import load

SENTENCES = [
    "De werkgever meldt de werknemer uiterlijk in week 42 ziek bij UWV.",
    "Art. 7:629 BW regelt de loondoorbetaling, bijv. in het tweede ziektejaar.",
    "De bedrijfsarts adviseert over wat de werknemer nog kan.",
    "Werkgever en werknemer bespreken de voortgang minstens elke zes weken.",
    "Een arbeidsdeskundige kijkt of het eigen werk nog passend is.",
    "Lukt terugkeer niet, dan zoekt de werkgever ook werk buiten het bedrijf.",
]


def _chunks(path, **kw):
    doc = load(path, path.read_bytes())
    return chunk_document(
        doc, path=path.name, file_hash="f" * 64, ingested_at="2026-11-23T12:00:00+00:00",
        stem=path.stem, chunk_size=kw.get("size", 900), chunk_overlap=kw.get("overlap", 120),
    )


def test_card_is_one_chunk_with_its_questions_in_metadata(knowledge):
    (chunk,) = _chunks(knowledge / "faq" / "nl-faq-probleemanalyse-termijn.md")
    meta = chunk.metadata
    assert chunk.text.startswith("De probleemanalyse moet uiterlijk in de zesde week")
    assert meta["kind"] == "card" and meta["doc_id"] == "nl-faq-probleemanalyse-termijn"
    assert json.loads(meta["questions"])[1] == "uiterlijk wanneer probleemanalyse"
    assert json.loads(meta["articles"]) == ["nl-probleemanalyse"]
    assert json.loads(meta["sources_json"])[0]["url"].startswith("http://www.uwv.nl/")
    assert meta["audience"] == "werkgever" and meta["language"] == "nl"
    # the question phrasings are embedded with the answer, so a question finds its card
    assert embedding_text(chunk).startswith("Wanneer moet de probleemanalyse klaar zijn?\n")


def test_article_gets_one_chunk_per_section_with_provenance(knowledge):
    chunks = _chunks(knowledge / "nl-probleemanalyse.md")
    assert [c.metadata["section"] for c in chunks] == [
        "", "Wanneer moet de probleemanalyse klaar zijn?", "Wat staat er in de probleemanalyse?"
    ]
    assert [c.metadata["position"] for c in chunks] == [0, 1, 2]
    meta = chunks[1].metadata
    assert meta["kind"] == "article" and meta["doc_id"] == "nl-probleemanalyse"
    assert meta["title"] == "De probleemanalyse door de bedrijfsarts"
    assert meta["source"] == "nl-probleemanalyse.md" and meta["url"] == ""
    assert meta["status"] == "law" and json.loads(meta["topics"]) == ["probleemanalyse", "tijdlijn"]
    assert meta["page"] == 0 and meta["last_reviewed"] == "2026-11-23"
    assert re.fullmatch(r"[0-9a-f]{32}", chunks[1].id)
    assert all(isinstance(v, (str, int, float, bool)) for c in chunks for v in c.metadata.values())
    assert embedding_text(chunks[1]).startswith(
        "De probleemanalyse door de bedrijfsarts — "
        "Wanneer moet de probleemanalyse klaar zijn?\n\n"
    )


def test_front_matter_url_becomes_the_source(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\nurl: https://example.org/t\n---\nTekst over spoor 2.\n")
    (chunk,) = _chunks(path)
    assert chunk.metadata["source"] == "https://example.org/t"
    assert chunk.metadata["url"] == "https://example.org/t" and chunk.metadata["path"] == "a.md"


def test_plain_document_language_is_detected_and_kind_is_document(knowledge):
    (chunk,) = _chunks(knowledge / "week-42.txt")
    assert chunk.metadata["language"] == "en" and chunk.metadata["kind"] == "document"
    assert chunk.metadata["doc_id"] == "week-42" and chunk.metadata["audience"] == ""


def test_pdf_chunks_carry_their_page(knowledge):
    chunks = _chunks(knowledge / "eerstejaarsevaluatie.pdf")
    assert [c.metadata["page"] for c in chunks] == [1, 2]
    assert chunks[0].metadata["title"] == "Gids eerstejaarsevaluatie"


def test_ids_derive_from_content(knowledge):
    path = knowledge / "nl-probleemanalyse.md"
    first = [c.id for c in _chunks(path)]
    assert first == [c.id for c in _chunks(path)]
    path.write_text(path.read_text().replace("zesde week", "6e week"))
    second = [c.id for c in _chunks(path)]
    assert first[0] == second[0] and first[2] == second[2] and first[1] != second[1]


def test_long_section_splits_at_sentences_with_overlap_and_never_mid_word():
    text = "\n\n".join(" ".join(SENTENCES[i:] + SENTENCES[:i]) for i in range(6))
    pieces = split_text(text, 300, 80)
    assert len(pieces) > 3
    words = set(text.split())
    for before, after in zip(pieces, pieces[1:]):
        assert len(before) <= 300
        assert set(before.split()) <= words  # no word was cut in two
        assert before.rstrip().endswith((".", "!", "?"))  # cut at a sentence end
        # the next piece repeats the end of this one (overlap of whole sentences)
        assert after.split("\n\n")[0].split(". ")[0] in before
    # nothing is lost: every sentence of the input is in some piece
    assert all(any(s in p for p in pieces) for s in SENTENCES)


def test_a_sentence_longer_than_a_chunk_is_cut_between_words():
    text = " ".join(["ziekteverzuimbegeleiding"] * 100)
    pieces = split_text(text, 250, 40)
    assert all(len(p) <= 250 for p in pieces)
    assert all(set(p.split()) == {"ziekteverzuimbegeleiding"} for p in pieces)


def test_abbreviations_do_not_end_sentences():
    doc = Document("T", [Section((), " ".join(SENTENCES * 3))])
    chunks = chunk_document(doc, path="t.md", file_hash="x", ingested_at="now", stem="t",
                            chunk_size=200, chunk_overlap=0)
    assert not any(c.text.startswith(("7:629", "in het tweede")) for c in chunks)
