"""Knowledge management through the admin API: upload, progress, per-file errors, removal,
the try-it panel and conflicts, over a private copy of a real index."""
from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from assistant.web import AssistantHolder, create_app

from .console import (
    PRICE_QUESTION,
    PRICE_TEXT,
    PRICE_TITLE,
    TOKEN,
    console_assistant,
    docx_bytes,
    wait_for_ingest,
)

BEARER = {"Authorization": f"Bearer {TOKEN}"}
PRICE_MD = f"# {PRICE_TITLE}\n\n{PRICE_TEXT}\n".encode()
WRONG_CLAIM = ("# Ziekmelden bij Zonnebloem\n\nBij Zonnebloem regelen we alles voor u. "
               "De 42e-weeksmelding doet u in week 13 bij UWV.\n")


@pytest.fixture
def console(web_settings, embedder, tmp_path):
    settings, assistant = console_assistant(web_settings, embedder, tmp_path / "data")
    client = TestClient(create_app(settings, AssistantHolder.ready(assistant)),
                        follow_redirects=False)
    client.headers.update(BEARER)
    return client, settings, assistant


def _status(client):
    return lambda: client.get("/api/admin/ingest").json()


def _upload(client, name: str, data: bytes, content_type: str = "application/octet-stream"):
    return client.post("/api/admin/documents", files=[("files", (name, data, content_type))])


def _documents(client) -> dict[str, dict]:
    return {d["file"]: d for d in client.get("/api/admin/documents").json()["documents"]}


def _ask(client, question: str = PRICE_QUESTION) -> dict:
    got = client.post("/api/admin/try", json={"question": question, "language": "nl"})
    assert got.status_code == 200, got.text
    return got.json()


def test_upload_is_ingested_into_a_new_generation_and_answers_cite_it(console):
    client, settings, assistant = console
    before = assistant.generation
    answer_before = _ask(client)
    assert "2.950" not in answer_before["answer"]["answer"]
    assert all(p["title"] != PRICE_TITLE for p in answer_before["passages"])

    started = _upload(client, "tarieven-zonnebloem.docx", docx_bytes(PRICE_TITLE, PRICE_TEXT))
    assert started.status_code == 202, started.text
    assert started.json()["state"] in ("running", "done")
    status = wait_for_ingest(_status(client))
    assert status["state"] == "done" and status["built"] and status["live"], status
    assert status["skipped"] == [] and status["chunks_added"] >= 1
    assert assistant.generation == status["generation"] != before

    listed = _documents(client)["tarieven-zonnebloem.docx"]
    assert listed["origin"] == "upload" and listed["folder"] == "_shared"
    assert listed["chunks"] >= 1 and not listed["vetted"] and listed["removable"]
    assert listed["title"] == PRICE_TITLE and listed["ingested_at"].startswith("20")
    assert (settings.data_dir / "uploads" / "_shared" / "tarieven-zonnebloem.docx").is_file()

    after = _ask(client)
    assert "2.950" in after["answer"]["answer"]
    assert PRICE_TITLE in after["cited_titles"]
    assert after["path"] == "operator"
    scored = [p for p in after["passages"] if p["title"] == PRICE_TITLE]
    assert scored and {"fused", "dense", "bm25"} <= set(scored[0])
    assert isinstance(scored[0]["dense"], float) and "2.950" in scored[0]["text"]


def test_a_corrupt_pdf_is_reported_and_the_old_index_keeps_serving(console):
    client, settings, assistant = console
    before = assistant.generation
    documents_before = _documents(client)
    got = _upload(client, "kapot.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf",
                  "application/pdf")
    assert got.status_code == 202
    status = wait_for_ingest(_status(client))
    assert status["state"] == "done" and not status["built"]
    assert [s["file"] for s in status["skipped"]] == ["kapot.pdf"]
    assert "overgeslagen" in status["skipped"][0]["message_nl"]
    assert assistant.generation == before
    assert _documents(client) == documents_before
    assert not (settings.data_dir / "uploads" / "_shared" / "kapot.pdf").exists()
    answer = _ask(client, "Wanneer moet spoor 2 starten?")
    assert answer["answer"]["citations"] and answer["generation"] == before
    page = client.get("/admin/documenten")
    assert "kapot.pdf" in page.text and "overgeslagen" in page.text


def test_a_corrupt_file_beside_a_good_one_skips_only_itself(console):
    client, settings, assistant = console
    before = assistant.generation
    got = client.post("/api/admin/documents", files=[
        ("files", ("kapot.pdf", b"%PDF-1.4\nnot really a pdf", "application/pdf")),
        ("files", ("zonnebloem.md", PRICE_MD, "text/markdown")),
    ])
    assert got.status_code == 202
    status = wait_for_ingest(_status(client))
    assert status["built"] and [s["file"] for s in status["skipped"]] == ["kapot.pdf"]
    assert assistant.generation != before
    listed = _documents(client)
    assert "zonnebloem.md" in listed and "kapot.pdf" not in listed
    uploads = settings.data_dir / "uploads" / "_shared"
    assert (uploads / "zonnebloem.md").is_file() and not (uploads / "kapot.pdf").exists()
    broken_docx = _upload(client, "kapot.docx", b"PK\x03\x04 not really a zip")
    assert broken_docx.status_code == 400 and "kapot.docx" in broken_docx.json()["error"]["message"]


@pytest.mark.parametrize(("name", "data", "says"), [
    ("virus.exe", b"MZ\x90\x00", "bestandstype"),
    ("brief.pdf", b"just text, no pdf header", "past niet bij de extensie"),
    ("brief.docx", b"just text", "past niet bij de extensie"),
    ("leeg.md", b"", "leeg"),
    ("binary.txt", b"abc\x00def", "past niet bij de extensie"),
])
def test_bad_uploads_get_a_clear_400_and_nothing_is_saved(console, name, data, says):
    client, settings, _ = console
    got = _upload(client, name, data)
    assert got.status_code == 400, got.text
    assert says in got.json()["error"]["message"]
    assert not (settings.data_dir / "uploads").exists() or not any(
        (settings.data_dir / "uploads").rglob("*.*"))


def test_removing_an_upload_prunes_its_chunks_in_a_new_generation(console):
    client, settings, assistant = console
    _upload(client, "zonnebloem.md", PRICE_MD, "text/markdown")
    added = wait_for_ingest(_status(client))
    assert added["built"] and "zonnebloem.md" in _documents(client)
    path = _documents(client)["zonnebloem.md"]["path"]

    removed = client.delete("/api/admin/documents", params={"path": path})
    assert removed.status_code == 202, removed.text
    status = wait_for_ingest(_status(client))
    assert status["state"] == "done" and status["built"] and status["chunks_removed"] >= 1
    assert assistant.generation == status["generation"] != added["generation"]
    assert "zonnebloem.md" not in _documents(client)
    assert not (settings.data_dir / "uploads" / "_shared" / "zonnebloem.md").exists()
    assert all(c.metadata.get("path") != path for c in assistant.chunks)
    assert PRICE_TITLE not in _ask(client)["cited_titles"]


def test_the_curated_knowledge_base_cannot_be_removed_from_the_console(console):
    client, _, assistant = console
    curated = [d for d in _documents(client).values() if d["origin"] == "knowledge"]
    assert curated and not any(d["removable"] for d in curated)
    got = client.delete("/api/admin/documents", params={"path": curated[0]["path"]})
    assert got.status_code == 403 and got.json()["error"]["code"] == "knowledge_protected"
    assert "knowledge/" in got.json()["error"]["message"]
    assert client.delete("/api/admin/documents", params={"path": "nope.md"}).status_code == 404


def test_one_ingest_at_a_time(console, monkeypatch):
    from ingest.indexer import Indexer

    client, _, _ = console
    release = threading.Event()
    real_run = Indexer.run

    def held_run(self, *args, **kwargs):
        release.wait(30)
        return real_run(self, *args, **kwargs)

    monkeypatch.setattr(Indexer, "run", held_run)
    first = _upload(client, "een.md", b"# Een\n\nZonnebloem werkt in heel Nederland.\n",
                    "text/markdown")
    assert first.status_code == 202 and first.json()["state"] == "running"
    second = _upload(client, "twee.md", b"# Twee\n\nNog een document.\n", "text/markdown")
    assert second.status_code == 409
    assert "al een verwerking" in second.json()["error"]["message"]
    release.set()
    assert wait_for_ingest(_status(client))["state"] == "done"
    assert "twee.md" not in _documents(client)


def test_conflicts_show_the_document_the_passage_and_the_vetted_claim(console):
    client, _, _ = console
    assert client.get("/api/admin/conflicts").json() == {"conflicts": []}
    _upload(client, "ziekmelden.md", WRONG_CLAIM.encode(), "text/markdown")
    status = wait_for_ingest(_status(client))
    assert status["conflicts"] and "week 13" in status["conflicts"][0]["passage"]
    found = client.get("/api/admin/conflicts").json()["conflicts"]
    assert len(found) == 1
    assert found[0]["path"].endswith("uploads/_shared/ziekmelden.md")
    assert "week 13" in found[0]["passage"] and "week 42" in found[0]["vetted"]
    page = client.get("/admin/conflicten")
    assert "ziekmelden.md" in page.text and "week 42" in page.text


def test_try_it_validates_its_input(console):
    client, _, _ = console
    assert client.post("/api/admin/try", json={"question": ""}).status_code in (400, 422)
    odd = client.post("/api/admin/try", json={"question": "x", "audience": "baas"})
    assert odd.status_code == 422


def test_only_an_operator_may_send_a_large_upload(console):
    client, _, _ = console
    big = b"# Groot document\n\n" + b"Zonnebloem begeleidt werknemers naar ander werk. " * 8000
    assert len(big) > 300_000
    stranger = client.post("/api/admin/documents", headers={"Authorization": ""},
                           files=[("files", ("groot.md", big, "text/markdown"))])
    assert stranger.status_code == 413  # refused before any route reads it
    operator = _upload(client, "groot.md", big, "text/markdown")
    assert operator.status_code == 202, operator.text
    assert wait_for_ingest(_status(client))["state"] == "done"
    assert "groot.md" in _documents(client)


def test_the_console_forms_upload_and_remove_with_a_session(console):
    client, settings, _ = console
    client.headers.pop("Authorization")
    client.post("/admin/login", data={"secret": TOKEN})
    page = client.get("/admin/documenten")
    assert page.status_code == 200 and "Uploaden en verwerken" in page.text
    marker = 'name="csrf_token" value="'
    start = page.text.index(marker) + len(marker)
    csrf = page.text[start:page.text.index('"', start)]
    sent = client.post("/admin/documenten", data={"csrf_token": csrf},
                       files=[("files", ("zonnebloem.md", PRICE_MD, "text/markdown"))])
    assert sent.status_code == 303 and sent.headers["location"] == "/admin/documenten"
    wait_for_ingest(_status(client))
    page = client.get("/admin/documenten")
    assert "zonnebloem.md" in page.text and "Klaar" in page.text
    path = _documents(client)["zonnebloem.md"]["path"]
    refused = client.post("/admin/documenten", data={"csrf_token": csrf},
                          files=[("files", ("virus.exe", b"MZ", "application/octet-stream"))])
    assert refused.status_code == 400 and "wordt niet ondersteund" in refused.text
    assert 'role="alert"' in refused.text
    gone = client.post("/admin/documenten/verwijderen", data={"csrf_token": csrf, "path": path})
    assert gone.status_code == 303
    wait_for_ingest(_status(client))
    assert "zonnebloem.md" not in _documents(client)
    assert not (settings.data_dir / "uploads" / "_shared" / "zonnebloem.md").exists()


def _site_session(client, site: str) -> str:
    """A session cookie for an operator of one site (site-scoped tokens come with site profiles)."""
    import json
    import time

    from assistant.web.admin import auth

    state = client.app.state.admin_auth
    payload = auth._b64(json.dumps({"site": site, "csrf": "site-csrf", "id": "s1",
                                    "exp": int(time.time()) + 600}).encode())
    return f"{payload}.{auth._sign(state.key, payload)}"


def test_a_site_operator_sees_and_changes_only_its_own_uploads(console):
    client, settings, _ = console
    _upload(client, "gedeeld.md", b"# Gedeeld\n\nVoor alle sites.\n", "text/markdown")
    wait_for_ingest(_status(client))
    site_a = TestClient(client.app, follow_redirects=False)
    site_a.cookies.set("spoor2_admin", _site_session(client, "https://bureau-a.nl"))
    csrf = {"X-CSRF-Token": "site-csrf"}
    assert site_a.get("/api/admin/me").json()["site"] == "https://bureau-a.nl"
    assert site_a.get("/api/admin/documents").json()["documents"] == []
    shared = _documents(client)["gedeeld.md"]["path"]
    assert site_a.delete("/api/admin/documents", params={"path": shared},
                         headers=csrf).status_code == 403
    other = site_a.post("/api/admin/documents", data={"site": "https://bureau-b.nl"}, headers=csrf,
                        files=[("files", ("b.md", b"# B\n\nTekst.\n", "text/markdown"))])
    assert other.status_code == 403 and other.json()["error"]["code"] == "forbidden_site"
    own_file = ("a.md", b"# Bureau A\n\nPrijs: 1000 euro.\n", "text/markdown")
    own = site_a.post("/api/admin/documents", headers=csrf, files=[("files", own_file)])
    assert own.status_code == 202
    wait_for_ingest(_status(client))
    assert (settings.data_dir / "uploads" / "bureau-a.nl" / "a.md").is_file()
    assert [d["file"] for d in site_a.get("/api/admin/documents").json()["documents"]] == ["a.md"]
