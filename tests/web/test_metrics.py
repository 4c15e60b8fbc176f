"""`GET /metrics`: off by default; on, it counts real answers and requests with bounded labels."""
from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from assistant.web.metrics import Metrics
from assistant.web.ui_chat import respond

QUESTION = "Wanneer moet spoor 2 starten?"
TOKEN = "operator-token-0123456789"

Samples = dict[tuple[str, frozenset], float]


def parse(text: str) -> Samples:
    """Every sample of a scrape (the official parser: the output must be valid)."""
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def scrape(url: str, **headers: str) -> Samples:
    res = httpx.get(url + "/metrics", headers=headers, timeout=30)
    assert res.status_code == 200, res.text
    assert res.headers["content-type"].startswith("text/plain")
    return parse(res.text)


def test_metrics_are_absent_unless_switched_on(make_app):
    client = TestClient(make_app(admin_token=TOKEN))
    res = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert res.status_code == 404


@pytest.mark.server
def test_a_real_chat_answer_moves_the_answer_latency_and_request_counters(serve):
    server = serve(metrics=True)
    before = scrape(server.url)
    res = httpx.post(server.url + "/api/chat", json={"message": QUESTION}, timeout=60)
    assert res.status_code == 200
    kind, language = res.json()["kind"], res.json()["language"]
    with httpx.stream("POST", server.url + "/api/chat/stream", json={"message": QUESTION},
                      timeout=60) as stream:
        assert any(line == "event: done" for line in stream.iter_lines())
    after = scrape(server.url)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("spoor2_answers_total", surface="api", kind=kind, language=language) == 1
    assert moved("spoor2_answers_total", surface="stream", kind=kind, language=language) == 1
    assert moved("spoor2_answer_seconds_count", surface="api") == 1
    assert value(after, "spoor2_answer_seconds_sum", surface="api") > 0
    assert moved("spoor2_http_requests_total", route="/api/chat", method="POST",
                 status="2xx") == 1
    assert moved("spoor2_http_request_seconds_count", route="/api/chat", method="POST") == 1
    health = httpx.get(server.url + "/api/health", timeout=30).json()
    assert value(after, "spoor2_index_chunks") == health["chunks"] > 0


@pytest.mark.server
def test_fifty_unknown_paths_add_no_fifty_series(serve):
    server = serve(metrics=True)
    scrape(server.url)
    before = scrape(server.url)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        for i in range(50):
            assert client.get(f"/nope-{i}/x?q=secret{i}").status_code == 404
            assert client.get(f"/api/unknown-{i}").status_code == 404
            assert client.get(f"/bron/doc-{i}").status_code == 404
    after = scrape(server.url)
    new = {key for key in after if key not in before}
    routes = {dict(pairs).get("route") for _, pairs in new} - {None}
    assert len(routes) <= 3, routes  # one per route template, not 50 per path
    assert len(new) < 60  # the histograms' buckets of those few, not 150 new series
    labels = " ".join(f"{k}={v}" for _, pairs in after for k, v in pairs)
    assert "nope-" not in labels and "secret" not in labels and "doc-7" not in labels
    requests = {dict(pairs)["route"]: v for (name, pairs), v in after.items()
                if name == "spoor2_http_requests_total" and dict(pairs)["status"] == "4xx"}
    assert requests["<unmatched>"] >= 50 and requests["/api/{rest:path}"] == 50


@pytest.mark.server
def test_errors_and_rate_limited_requests_are_counted_by_code(serve):
    server = serve(metrics=True, rate_limit_per_minute=2)
    empty = httpx.post(server.url + "/api/chat", json={"message": "   "}, timeout=30)
    assert empty.status_code == 400
    statuses = [httpx.post(server.url + "/api/chat", json={"message": QUESTION},
                           timeout=60).status_code for _ in range(3)]
    assert statuses[-1] == 429
    after = scrape(server.url)
    assert value(after, "spoor2_errors_total", code="empty_message") == 1
    assert value(after, "spoor2_errors_total", code="rate_limited") == statuses.count(429)
    assert value(after, "spoor2_rate_limited_requests_total") == statuses.count(429)


@pytest.mark.server
def test_metrics_are_for_this_machine_or_the_admin_token_never_another_site(serve):
    server = serve(metrics=True, admin_token=TOKEN)
    assert httpx.get(server.url + "/metrics", timeout=30).status_code == 200  # loopback
    proxied = httpx.get(server.url + "/metrics", headers={"X-Forwarded-For": "203.0.113.9"},
                        timeout=30)
    assert proxied.status_code == 401 and "SPOOR2_ADMIN_TOKEN" in proxied.json()["error"]["message"]
    assert "spoor2_" not in proxied.text
    scrape(server.url, **{"X-Forwarded-For": "203.0.113.9", "Authorization": f"Bearer {TOKEN}"})
    foreign = httpx.get(server.url + "/metrics", timeout=30, headers={
        "Origin": "https://evil.example", "Authorization": f"Bearer {TOKEN}"})
    assert foreign.status_code == 403 and "access-control-allow-origin" not in foreign.headers


def test_a_remote_client_needs_the_admin_token(make_app):
    client = TestClient(make_app(metrics=True, admin_token=TOKEN))  # peer "testclient"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    res = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert res.status_code == 200 and "spoor2_index_chunks" in res.text
    assert res.headers["cache-control"] == "no-store"
    guessing = TestClient(make_app(metrics=True, admin_token=TOKEN, rate_limit_per_minute=2))
    statuses = [guessing.get("/metrics", headers={"Authorization": f"Bearer guess{i}"})
                .status_code for i in range(3)]
    assert statuses == [401, 401, 429]


def test_two_apps_in_one_process_keep_their_own_counts(make_app):
    first, second = make_app(metrics=True, admin_token=TOKEN), make_app(metrics=True,
                                                                         admin_token=TOKEN)
    assert TestClient(first).post("/api/chat", json={"message": QUESTION}).status_code == 200
    auth = {"Authorization": f"Bearer {TOKEN}"}
    counts = [sum(v for (name, _), v in parse(TestClient(app).get("/metrics", headers=auth).text)
                  .items() if name == "spoor2_answers_total") for app in (first, second)]
    assert counts == [1, 0]


def test_the_chat_tab_counts_its_answers_as_the_ui_surface(make_app):
    ctx = make_app(metrics=True).state.web
    updates = list(respond(ctx, QUESTION, [], None, "nl", None))
    assert updates[-1][1][-1].get("kind") not in (None, "error")
    samples = parse(ctx.metrics.render().decode())
    assert sum(v for (name, labels), v in samples.items()
               if name == "spoor2_answers_total" and ("surface", "ui") in labels) == 1
    assert value(samples, "spoor2_answer_seconds_count", surface="ui") == 1


def test_handoff_and_ingest_outcomes_are_bounded_labels():
    metrics = Metrics(enabled=True)
    metrics.record_handoff("delivered")
    metrics.record_handoff("a visitor's e-mail address")
    metrics.record_ingest("ok")
    samples = parse(metrics.render().decode())
    assert value(samples, "spoor2_handoffs_total", outcome="delivered") == 1
    assert value(samples, "spoor2_handoffs_total", outcome="other") == 1
    assert value(samples, "spoor2_ingest_runs_total", result="ok") == 1
    off = Metrics(enabled=False)
    off.record_handoff("delivered")
    assert value(parse(off.render().decode()), "spoor2_handoffs_total", outcome="delivered") == 0


def test_a_handoff_and_a_console_upload_move_their_counters(web_settings, embedder, tmp_path):
    from assistant.web import AssistantHolder, create_app

    from ..handoff.receivers import Mailbox
    from .console import PRICE_TEXT, PRICE_TITLE, console_assistant, docx_bytes, wait_for_ingest
    from .servers import free_port

    smtp_port = free_port()
    settings, assistant = console_assistant(
        web_settings, embedder, tmp_path / "data", metrics=True, admin_token=TOKEN,
        smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_starttls=False,
        smtp_to=("adviseurs@bureau.example",))
    app = create_app(settings, AssistantHolder.ready(assistant))
    client = TestClient(app)
    client.headers.update({"Authorization": f"Bearer {TOKEN}"})
    desk = app.state.web.handoff

    def now(name: str, **labels: str) -> float:
        return value(parse(client.get("/metrics").text), name, **labels)

    ask = {"question": "Wie betaalt het tweede spoor?", "contact": "06-12345678", "consent": True}
    first = client.post("/api/handoff", json=ask).json()["id"]
    second = client.post("/api/handoff", json=ask).json()["id"]
    assert now("spoor2_handoffs_total", outcome="stored") == 2
    # Nobody listens on the SMTP port yet: both attempts fail.
    desk.deliverer.deliver_due()
    assert now("spoor2_handoffs_total", outcome="failed") == 2
    assert now("spoor2_handoffs_total", outcome="delivered") == 0
    assert client.post(f"/api/admin/handoffs/{first}/handled").status_code == 200
    assert now("spoor2_handoffs_total", outcome="handled") == 1
    mailbox = Mailbox(smtp_port).start()
    try:
        client.post(f"/api/admin/handoffs/{second}/retry")  # the operator's "try again now"
    finally:
        mailbox.stop()
    assert len(mailbox.messages) == 1
    assert now("spoor2_handoffs_total", outcome="retried") == 1
    assert now("spoor2_handoffs_total", outcome="delivered") == 1

    assert now("spoor2_ingest_runs_total", result="ok") == 0
    upload = ("tarieven.docx", docx_bytes(PRICE_TITLE, PRICE_TEXT), "application/octet-stream")
    started = client.post("/api/admin/documents", files=[("files", upload)])
    assert started.status_code == 202, started.text
    assert wait_for_ingest(lambda: client.get("/api/admin/ingest").json())["state"] == "done"
    assert now("spoor2_ingest_runs_total", result="ok") == 1
    client.post("/api/admin/documents", files=[("files", ("kapot.pdf", b"%PDF-1.7 not a pdf",
                                                         "application/pdf"))])
    assert wait_for_ingest(lambda: client.get("/api/admin/ingest").json())["state"] == "done"
    assert now("spoor2_ingest_runs_total", result="failed") == 1
