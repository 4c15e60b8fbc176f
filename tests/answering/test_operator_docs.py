"""A bureau's own pages beside the knowledge base: asked about, they answer; on the law, they never do.

The bureau pages in tests/fixtures/bureau are fictitious and contain wrong legal claims on purpose
(their ids are in assistant/answering/wrong_claims.yaml).
"""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.answering.claims import contradicted
from assistant.engine import Assistant
from assistant.store import ChromaStore
from ingest.indexer import Indexer

ROOT = Path(__file__).resolve().parents[2]
BUREAU = ROOT / "tests" / "fixtures" / "bureau"


@pytest.fixture(scope="module")
def with_bureau(kb_settings, embedder, tmp_path_factory):
    """The knowledge-base index plus three bureau sites (only their chunks are embedded anew)."""
    data = tmp_path_factory.mktemp("bureau-index")
    shutil.rmtree(data)
    shutil.copytree(kb_settings.data_dir, data)
    settings = kb_settings.replace(data_dir=data)
    report = Indexer(settings, embedder).run([ROOT / "knowledge", BUREAU])
    assistant = Assistant(embedder, ChromaStore.open(settings), clock=lambda: date(2025, 11, 23),
                          cache_dir=settings.data_dir / "cache")  # the card phrasings embedded once
    return assistant, report


def test_ingest_reports_each_wrong_legal_claim_on_the_bureau_pages(with_bureau):
    _, report = with_bureau
    found = {(Path(path).name, claim) for path, claim, _, _ in report.conflicts}
    assert ("werkfit-spoor2.md", "melding-42-week-13") in found
    assert ("sporenwijzer-tarieven.html", "probleemanalyse-week-8") in found
    assert ("bridgework-track2.txt", "loonsanctie-twee-jaar") in found
    assert not any("knowledge/" in path for path, *_ in report.conflicts)
    lines = "\n".join(report.summary_lines())
    assert "Conflict: " in lines and "never quoted as fact" in lines


@pytest.mark.parametrize("question", [
    "Wanneer moet de 42e-weeksmelding bij UWV?",
    "Hoe lang duurt een loonsanctie?",
    "Wie betaalt het deskundigenoordeel?",
    "How long does a wage sanction last?",
    "Moet spoor 2 altijd in week 52 starten?",
])
def test_legal_questions_are_answered_from_the_knowledge_base_never_from_a_wrong_page(with_bureau, question):
    assistant, _ = with_bureau
    answer = assistant.ask(question)
    assert answer.kind != "refusal"
    quoted = [s for s in answer.text.replace("\n", " ").split(". ") if contradicted(s)]
    assert not quoted, quoted
    assert not any(c.url == "" and "bureau" in c.source for c in answer.citations)


@pytest.mark.parametrize(("question", "figure", "page"), [
    ("Wat kost het pakket Spoor 2 Basis bij Werkfit?", "2.450", "werkfit"),
    ("Wat betaalt een werkgever bij SporenWijzer?", "2.795", "sporenwijzer"),  # "betaalt": the vowel doubles
    ("Welke pakketten bieden jullie aan bij SporenWijzer en wat kosten ze?", "2.795", "sporenwijzer"),
    ("What does BridgeWork charge for a 3-month track 2?", "2,150", "bridgework"),
])
def test_questions_about_a_bureau_are_answered_from_its_own_pages(with_bureau, question, figure, page):
    assistant, _ = with_bureau
    answer = assistant.ask(question)
    assert answer.trace["path"] in ("operator", "multi:operator+operator"), answer.trace
    assert figure in answer.text
    assert all(page in (c.source or "").lower() or page in c.title.lower() for c in answer.citations)
    assert not any(contradicted(s) for s in answer.text.split(". "))
