"""Handoff per site: each bureau's requests reach its own advisers (real SMTP server and webhook
receiver on loopback); a site that switched handoff off offers no adviser and refuses requests."""
from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

from ..handoff.receivers import Mailbox, WebhookReceiver
from .servers import free_port

ALFA, BETA, GAMMA = ("https://www.alfa.example", "https://www.beta.example",
                     "https://www.gamma.example")
SECRET = "handoff-secret-0123456789"
ASK = {"question": "Mag mijn werkgever spoor 2 starten zonder overleg?", "contact": "06-12345678",
       "consent": True, "audience": "werknemer"}


def _sites(tmp_path, hook_port: int):
    path = tmp_path / "sites.yaml"
    path.write_text(f"""sites:
  - key: alfa
    origin: {ALFA}
    handoff: {{email: adviseur@alfa.example, webhook: "http://127.0.0.1:{hook_port}/alfa"}}
  - key: beta
    origin: {BETA}
    handoff: {{email: [desk@beta.example]}}
  - key: gamma
    origin: {GAMMA}
    handoff: {{offered: false}}
""", encoding="utf-8")
    return path


@pytest.fixture
def receivers():
    made: list = []
    yield made
    for receiver in made:
        receiver.stop()


def _server(tmp_path, smtp_port: int, hook_port: int) -> dict[str, object]:
    return {"sites": _sites(tmp_path, hook_port), "smtp_host": "127.0.0.1",
            "smtp_port": smtp_port, "smtp_starttls": False,
            "smtp_from": "assistent@server.example", "smtp_to": ("balie@server.example",),
            "handoff_secret": SECRET}


def _who_got(mailbox: Mailbox) -> dict[str, list[str]]:
    """Website line of each e-mail -> its envelope recipients."""
    got = {}
    for message, rcpt in zip(mailbox.messages, mailbox.recipients, strict=True):
        text = message.get_payload(decode=True).decode()
        site = next(line.split(": ", 1)[1] for line in text.splitlines()
                    if line.startswith("Website: "))
        got[site] = rcpt
    return got


def test_each_sites_request_reaches_only_its_own_advisers(tmp_path, receivers):
    smtp_port, hook_port = free_port(), free_port()
    mailbox = Mailbox(smtp_port).start()
    hook = WebhookReceiver(hook_port, SECRET).start()
    receivers += [mailbox, hook]
    app = create_app(Settings(data_dir=tmp_path, **_server(tmp_path, smtp_port, hook_port)),
                     AssistantHolder())
    client = TestClient(app, base_url="http://127.0.0.1")

    for origin in (ALFA, BETA, None):
        headers = {"Origin": origin} if origin else {}
        assert client.post("/api/handoff", json=ASK, headers=headers).status_code == 201
    assert app.state.web.handoff.deliverer.deliver_due() == 3

    assert _who_got(mailbox) == {"alfa": ["adviseur@alfa.example"],
                                 "beta": ["desk@beta.example"],
                                 "de eigen chat": ["balie@server.example"]}
    # Only alfa has a webhook; it is signed with the server's secret (the receiver checks it).
    assert hook.rejected == 0 and [r["site"] for r in hook.received] == ["alfa"]


def test_a_site_with_handoff_off_offers_no_adviser_and_refuses_requests(make_app, tmp_path):
    settings = _server(tmp_path, free_port(), free_port())
    client = TestClient(make_app(**settings))
    ask_person = {"message": "Kan ik iemand spreken?"}
    on = client.post("/api/chat", json=ask_person, headers={"Origin": BETA}).json()
    off = client.post("/api/chat", json=ask_person, headers={"Origin": GAMMA}).json()
    assert on["kind"] == off["kind"] == "handoff"
    assert on["handoff"] is True and off["handoff"] is False

    res = client.post("/api/handoff", json=ASK, headers={"Origin": GAMMA})
    assert res.status_code == 403 and res.json()["error"]["code"] == "handoff_not_offered"
    assert "biedt geen doorsturen naar een adviseur" in res.json()["error"]["message"]
    en = client.post("/api/handoff", json={**ASK, "language": "en"}, headers={"Origin": GAMMA})
    assert "does not offer passing questions on to an adviser" in en.json()["error"]["message"]
    path = tmp_path / "data" / "handoff.sqlite3"
    stored = sqlite3.connect(path).execute("SELECT site FROM handoffs").fetchall() \
        if path.exists() else []
    assert stored == []


def test_a_site_target_the_server_cannot_deliver_to_is_named_in_the_log_and_not_offered(
        tmp_path, caplog):
    sites = _sites(tmp_path, free_port())
    with caplog.at_level("WARNING", logger="assistant.web.handoff"):
        app = create_app(Settings(data_dir=tmp_path, sites=sites), AssistantHolder())
    assert "site 'alfa', handoff.email needs SPOOR2_SMTP_HOST" in caplog.text
    assert "site 'alfa', handoff.webhook needs SPOOR2_HANDOFF_SECRET" in caplog.text
    client = TestClient(app, base_url="http://127.0.0.1")
    res = client.post("/api/handoff", json=ASK, headers={"Origin": ALFA})
    assert res.status_code == 503 and res.json()["error"]["code"] == "handoff_unavailable"
