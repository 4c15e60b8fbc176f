"""BM25 on its own: stemming, Dutch compounds, English questions on Dutch text, length norm."""
from __future__ import annotations

from pathlib import Path

from assistant.retrieval.bm25 import BM25Retriever
from assistant.types import Chunk


def _chunk(cid: str, text: str, language: str = "nl", **meta: str) -> Chunk:
    return Chunk(cid, text, {"language": language, "title": meta.get("title", ""), **meta})


CORPUS = [
    _chunk("sanctie", "Een loonsanctie verlengt de loondoorbetaling met maximaal 52 weken.",
           title="Loonsanctie"),
    _chunk("bureau", "Een re-integratiebureau begeleidt de werknemer in het tweede spoor.",
           title="Re-integratiebureau"),
    _chunk("melding", "De ziekmelding bij UWV doet de werkgever in week 42.", title="Ziekmelding"),
    _chunk("en", "The employer reports the sickness to UWV in week 42.", language="en",
           title="Sickness report"),
]


def test_inflected_words_find_their_stem():
    hits = BM25Retriever(CORPUS).search("Wie begeleiden werknemers?", k=1)
    assert hits[0].chunk.id == "bureau"


def test_a_dutch_compound_is_found_by_its_parts():
    """'sanctie' finds the chunk that only says 'loonsanctie': the compound is split with the
    words the corpus knows ('loon', 'sanctie')."""
    corpus = [*CORPUS, _chunk("loon", "Het loon wordt doorbetaald."),
              _chunk("boete", "Een sanctie kan ook een boete zijn.")]
    hits = BM25Retriever(corpus).search("hoe lang duurt een sanctie", k=3)
    assert "sanctie" in [h.chunk.id for h in hits]
    without_parts = BM25Retriever(CORPUS).search("hoe lang duurt een sanctie", k=3)
    assert without_parts == []


def test_an_english_question_also_matches_dutch_legal_terms():
    hits = BM25Retriever(CORPUS).search("how long is a loonsanctie?", k=3, language="en")
    assert "sanctie" in [h.chunk.id for h in hits]


def test_the_title_counts_more_than_the_body():
    chunks = [
        _chunk("body", "Tekst over een plan van aanpak en ook over de ziekmelding.", title="Plan"),
        _chunk("title", "Tekst over een plan van aanpak.", title="Ziekmelding"),
    ]
    hits = BM25Retriever(chunks).search("ziekmelding", k=2)
    assert [h.chunk.id for h in hits][0] == "title"


def test_stopwords_alone_find_nothing_and_scores_are_positive():
    retriever = BM25Retriever(CORPUS)
    assert retriever.search("de het een en", k=3) == []
    assert all(h.score > 0 for h in retriever.search("UWV week 42", k=4))


def test_the_index_stems_with_snowballs_c_build_and_gets_the_pure_python_stems():
    """PyStemmer (a dependency) makes building the index at start-up several times faster; a
    version of it that stemmed differently from snowballstemmer would silently change every
    ranking, so the two are compared on the words of the knowledge base."""
    import snowballstemmer
    from snowballstemmer import dutch_stemmer, english_stemmer

    from assistant.text import words

    knowledge = Path(__file__).resolve().parents[2] / "knowledge"
    vocabulary = sorted({w for path in knowledge.rglob("*.md")
                         for w in words(path.read_text(encoding="utf-8"))})
    assert len(vocabulary) > 5000
    for language, pure in (("dutch", dutch_stemmer.DutchStemmer()),
                           ("english", english_stemmer.EnglishStemmer())):
        fast = snowballstemmer.stemmer(language)
        assert type(fast).__module__ == "Stemmer", "PyStemmer is not installed"
        assert [fast.stemWord(w) for w in vocabulary] == [pure.stemWord(w) for w in vocabulary]
