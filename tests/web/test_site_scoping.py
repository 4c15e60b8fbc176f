"""Site scoping: bureau B's widget never quotes bureau A's documents or prices (a real index of
the knowledge base plus one document per site, the real assistant, the real API)."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from assistant.errors import InvalidInputError

ALFA = "https://www.alfa-reintegratie.nl"
BETA = "https://www.beta-loopbaan.nl"
ALFA_DOC = """---
title: Tarieven Alfa Re-integratie
---
# Tarieven Alfa Re-integratie

Een tweede spoortraject bij Alfa Re-integratie kost € 1.234 exclusief btw. Het traject duurt zes
maanden en begint met een intakegesprek met de werknemer.
"""
BETA_DOC = """---
title: Tarieven Beta Loopbaan
---
# Tarieven Beta Loopbaan

Een tweede spoortraject bij Beta Loopbaan kost € 5.678 exclusief btw. Het traject duurt negen
maanden en begint met een kennismakingsgesprek met de werknemer.
"""
SITES = f"""sites:
  - key: alfa
    origin: {ALFA}
    title: Alfa Re-integratie
  - key: beta
    origin: {BETA}
    title: Beta Loopbaan
    packages:
      - name: Spoor 2 Compleet
        price: "€ 777 per traject"
        description: Begeleiding naar ander werk, inclusief cv en sollicitatietraining
"""
PRICE_QUESTION = "Wat kost een tweede spoortraject bij jullie?"


@pytest.fixture(scope="module")
def scoped(kb_settings, embedder, tmp_path_factory):
    """A copy of the knowledge-base index with Alfa's upload (uploads/alfa/) and Beta's document
    (ingested with --site beta), and the assistant over it."""
    from assistant.build import site_chunks
    from assistant.engine import Assistant
    from assistant.store import ChromaStore
    from ingest.cli import run as ingest

    root = tmp_path_factory.mktemp("sites")
    shutil.copytree(kb_settings.data_dir, root / "data")
    (root / "sites.yaml").write_text(SITES, encoding="utf-8")
    settings = kb_settings.replace(data_dir=root / "data", sites=root / "sites.yaml",
                                   allowed_hosts=("testserver",))
    upload = root / "data" / "uploads" / "alfa" / "alfa-tarieven.md"
    upload.parent.mkdir(parents=True)
    upload.write_text(ALFA_DOC, encoding="utf-8")
    (root / "beta").mkdir()
    (root / "beta" / "beta-tarieven.md").write_text(BETA_DOC, encoding="utf-8")
    assert ingest(settings, [root / "data" / "uploads"], embedder=embedder, quiet=True) == 0
    assert ingest(settings, [root / "beta"], embedder=embedder, quiet=True, site="beta") == 0
    assistant = Assistant(embedder, ChromaStore.open(settings),
                          cache_dir=settings.data_dir / "cache")
    assistant.site_chunks = site_chunks(settings)
    return settings, assistant


@pytest.fixture(scope="module")
def client(scoped):
    from assistant.web import AssistantHolder, create_app

    settings, assistant = scoped
    with TestClient(create_app(settings, AssistantHolder.ready(assistant))) as client:
        yield client


def _ask(client, question: str, origin: str | None) -> dict:
    headers = {"Origin": origin} if origin else {}
    response = client.post("/api/chat", json={"message": question}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _cited(answer: dict) -> str:
    return " ".join(c["title"] for c in answer["citations"])


def test_each_sites_widget_quotes_its_own_price_never_the_other_sites(client):
    alfa = _ask(client, PRICE_QUESTION, ALFA)
    assert "1.234" in alfa["answer"] and "Alfa" in _cited(alfa)
    assert "5.678" not in alfa["answer"] and "Beta" not in _cited(alfa)
    beta = _ask(client, PRICE_QUESTION, BETA)
    assert "5.678" in beta["answer"] and "Beta" in _cited(beta)
    assert "1.234" not in beta["answer"] and "Alfa" not in _cited(beta)


def test_naming_the_other_bureau_does_not_reach_its_documents(client):
    answer = _ask(client, "Wat kost een tweede spoortraject bij Alfa Re-integratie?", BETA)
    assert "1.234" not in answer["answer"] and "Alfa" not in _cited(answer)


def test_a_request_without_a_site_sees_only_the_shared_knowledge_base(client):
    answer = _ask(client, PRICE_QUESTION, None)  # the own UI / same origin
    for price in ("1.234", "5.678", "777"):
        assert price not in answer["answer"]
    assert "Alfa" not in _cited(answer) and "Beta" not in _cited(answer)


def test_the_sites_packages_are_quoted_and_cited_on_that_site_only(client):
    beta = _ask(client, "Wat kosten jullie pakketten?", BETA)
    assert "777" in beta["answer"] and "Pakketten en prijzen" in _cited(beta)
    alfa = _ask(client, "Wat kosten jullie pakketten?", ALFA)
    assert "777" not in alfa["answer"] and "Pakketten en prijzen" not in _cited(alfa)


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_every_retriever_keeps_to_the_shared_and_the_own_documents(scoped, mode):
    _, assistant = scoped
    query = "tweede spoortraject tarief exclusief btw Alfa Beta"

    def sites(site):
        hits = assistant.retrieve(query, language="nl", k=25, mode=mode, site=site)
        return {h.chunk.metadata.get("site") or "" for h in hits}

    assert sites("beta") <= {"", "beta"} and "beta" in sites("beta")
    assert sites("alfa") <= {"", "alfa"} and "alfa" in sites("alfa")
    assert sites(None) == {""}


def test_ingest_site_must_name_a_configured_site(scoped, embedder, tmp_path):
    from ingest.cli import run as ingest

    settings, _ = scoped
    (tmp_path / "x.md").write_text("# X\n\nTekst.\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="no site with that key"):
        ingest(settings, [tmp_path], embedder=embedder, quiet=True, site="gamma")
    with pytest.raises(InvalidInputError, match="a site key is"):
        ingest(settings, [tmp_path], embedder=embedder, quiet=True, site="../etc")


def test_a_sites_own_document_page_opens_only_from_that_site(scoped, client):
    _, assistant = scoped
    hits = assistant.retrieve("Tarieven Alfa Re-integratie", language="nl", k=25, site="alfa")
    metas = [h.chunk.metadata for h in hits]
    alfa_doc = next(m["doc_id"] for m in metas if m.get("site") == "alfa")
    shared_doc = next(m["doc_id"] for m in metas if not m.get("site"))

    def page(doc_id: str, **headers: str):
        return client.get(f"/bron/{doc_id}", headers=headers)

    own = page(alfa_doc, Origin=ALFA)
    assert own.status_code == 200 and "1.234" in own.text
    # The widget's source link sends only the site's origin as Referer.
    assert "1.234" in page(alfa_doc, Referer=ALFA + "/").text
    for headers in ({"Origin": BETA}, {"Referer": BETA + "/vragen"}, {}):
        other = page(alfa_doc, **headers)
        assert other.status_code == 404 and "1.234" not in other.text
        assert "Bron niet gevonden" in other.text
    for headers in ({"Origin": BETA}, {}):
        assert page(shared_doc, **headers).status_code == 200
