"""Console access: every admin endpoint is closed without credentials, cookie sessions need the
CSRF token for changes, failed sign-ins are limited, cookies carry the right flags."""
from __future__ import annotations

import logging
import subprocess
import sys

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.web.admin import auth
from assistant.web.admin.passwords import hash_password, verify_password
from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

from .console import TOKEN

PASSWORD = "correct horse battery staple"
BEARER = {"Authorization": f"Bearer {TOKEN}"}

# (method, path, json body) of every admin API endpoint.
API = [
    ("GET", "/api/admin/me", None),
    ("GET", "/api/admin/documents", None),
    ("POST", "/api/admin/documents", None),
    ("DELETE", "/api/admin/documents?path=knowledge/x.md", None),
    ("GET", "/api/admin/ingest", None),
    ("POST", "/api/admin/try", {"question": "Wanneer moet spoor 2 starten?"}),
    ("GET", "/api/admin/conflicts", None),
]
PAGES = ["/admin", "/admin/documenten", "/admin/probeer", "/admin/conflicten", "/admin/logout"]
PAGE_POSTS = ["/admin/documenten", "/admin/documenten/verwijderen", "/admin/probeer",
              "/admin/logout"]
# Every route that changes something (or runs an answer) with a cookie session.
CHANGES = [
    ("POST", "/api/admin/documents", {"files": ("a.md", b"# A\n\nTekst.", "text/markdown")}),
    ("DELETE", "/api/admin/documents?path=knowledge/x.md", None),
    ("POST", "/api/admin/try", None),
    ("POST", "/admin/documenten", {"files": ("a.md", b"# A\n\nTekst.", "text/markdown")}),
    ("POST", "/admin/documenten/verwijderen", None),
    ("POST", "/admin/probeer", None),
    ("POST", "/admin/logout", None),
]


def _client(tmp_path, holder=None, base_url="http://127.0.0.1", **overrides) -> TestClient:
    overrides.setdefault("admin_token", TOKEN)
    settings = Settings(data_dir=tmp_path, allowed_hosts=("127.0.0.1", "testserver"), **overrides)
    return TestClient(create_app(settings, holder or AssistantHolder()), base_url=base_url,
                      follow_redirects=False)


def _login(client: TestClient, secret: str = TOKEN, **headers: str) -> httpx.Response:
    return client.post("/admin/login", data={"secret": secret, "next": "/admin/documenten"},
                       headers=headers)


def _csrf(client: TestClient) -> str:
    page = client.get("/admin/logout")
    assert page.status_code == 200
    marker = 'name="csrf_token" value="'
    start = page.text.index(marker) + len(marker)
    return page.text[start:page.text.index('"', start)]


def test_every_admin_api_endpoint_answers_401_json_without_credentials(tmp_path):
    client = _client(tmp_path)
    for method, path, body in API:
        for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}):
            client.app.state.admin_auth.throttle = auth.LoginThrottle()  # its own test below
            got = client.request(method, path, json=body, headers=headers)
            assert got.status_code == 401, (method, path, headers, got.text)
            assert got.json()["error"]["code"] == "unauthorized"
            assert "documents" not in got.json()


def test_every_console_page_sends_a_stranger_to_the_login_form(tmp_path):
    client = _client(tmp_path)
    for path in PAGES:
        got = client.get(path)
        assert got.status_code == 303, path
        assert got.headers["location"].startswith("/admin/login?next=")
        assert "<table" not in got.text
    for path in PAGE_POSTS:
        got = client.post(path, data={"path": "knowledge/x.md", "question": "x"})
        assert got.status_code == 303, path
        assert got.headers["location"].startswith("/admin/login")
    form = client.get("/admin/login")
    assert form.status_code == 200 and 'type="password"' in form.text


def test_the_bearer_token_opens_every_api_endpoint_without_csrf(make_app):
    client = TestClient(make_app(admin_token=TOKEN), follow_redirects=False)
    for method, path, body in API:
        got = client.request(method, path, json=body, headers=BEARER)
        assert got.status_code not in (401, 403), (method, path, got.text)
    assert client.get("/api/admin/documents", headers=BEARER).json()["documents"]


def test_signing_in_with_the_token_gives_a_session_and_the_pages(make_app):
    client = TestClient(make_app(admin_token=TOKEN), follow_redirects=False)
    assert _login(client, "not the token").status_code == 401
    signed_in = _login(client)
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/admin/documenten"
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["cache-control"] == "no-store"
    assert client.get("/api/admin/documents").status_code == 200  # the cookie works on the API


def test_a_session_change_without_the_csrf_token_is_refused(make_app):
    client = TestClient(make_app(admin_token=TOKEN), follow_redirects=False)
    _login(client)
    token = _csrf(client)
    for method, path, files in CHANGES:
        body = {"question": "Wanneer moet spoor 2 starten?"} if path.endswith("/try") else None
        data = {"path": "knowledge/x.md", "question": "Wanneer moet spoor 2 starten?"}
        if path.startswith("/api/"):
            got = client.request(method, path, json=body, files=files)
        else:
            got = client.request(method, path, data=data, files=files)
        assert got.status_code == 403, (method, path, got.text)
        assert got.json()["error"]["code"] == "csrf_failed"
        forged = client.request(method, path, json=body, files=files,
                                headers={"X-CSRF-Token": "forged"})
        assert forged.status_code == 403, (method, path)
    # the same change with the session's token goes through
    tried = client.post("/api/admin/try", json={"question": "Wanneer moet spoor 2 starten?"},
                        headers={"X-CSRF-Token": token})
    assert tried.status_code == 200 and tried.json()["answer"]["answer"]
    via_form = client.post("/admin/probeer", data={"question": "Wanneer moet spoor 2 starten?",
                                                   "csrf_token": token})
    assert via_form.status_code == 200 and 'id="try-answer"' in via_form.text


def test_failed_sign_ins_are_limited_per_ip_and_logged_without_the_secret(tmp_path, caplog):
    client = _client(tmp_path)
    caplog.set_level(logging.WARNING, logger="assistant.web.admin.auth")
    for i in range(auth.MAX_FAILURES):
        assert _login(client, f"guess-number-{i}").status_code == 401
    blocked = _login(client, TOKEN)  # even the right token waits now
    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["retry-after"]) <= 15 * 60
    assert "Te veel mislukte inlogpogingen" in blocked.text
    assert "set-cookie" not in blocked.headers
    api = client.get("/api/admin/me", headers=BEARER)
    assert api.status_code == 429 and api.json()["error"]["code"] == "too_many_logins"
    logged = caplog.text
    assert "admin sign-in failed" in logged
    assert "guess-number" not in logged and TOKEN not in logged


def test_wrong_bearer_tokens_count_as_failed_sign_ins(tmp_path):
    client = _client(tmp_path)
    for _ in range(auth.MAX_FAILURES):
        wrong = client.get("/api/admin/me", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
    assert client.get("/api/admin/me", headers=BEARER).status_code == 429


def test_session_cookie_flags_over_http(tmp_path):
    client = _client(tmp_path, admin_session_hours=3)
    cookie = _login(client).headers["set-cookie"]
    parts = [p.strip().lower() for p in cookie.split(";")]
    assert parts[0].startswith(auth.COOKIE + "=")
    assert "httponly" in parts and "samesite=strict" in parts and "path=/" in parts
    assert "max-age=10800" in parts
    assert "secure" not in parts


def test_session_cookie_is_secure_over_https(tmp_path):
    client = _client(tmp_path, base_url="https://127.0.0.1")
    parts = [p.strip().lower() for p in _login(client).headers["set-cookie"].split(";")]
    assert "secure" in parts


def test_secure_cookie_behind_a_trusted_https_proxy_only(serve):
    https = {"X-Forwarded-Proto": "https"}
    trusted = serve(admin_token=TOKEN, trusted_proxies=("127.0.0.1/32",))
    got = httpx.post(trusted.url + "/admin/login", data={"secret": TOKEN}, headers=https)
    assert got.status_code == 303
    assert "secure" in [p.strip().lower() for p in got.headers["set-cookie"].split(";")]
    untrusted = serve(admin_token=TOKEN)  # the same header from a client we do not trust
    got = httpx.post(untrusted.url + "/admin/login", data={"secret": TOKEN}, headers=https)
    assert "secure" not in [p.strip().lower() for p in got.headers["set-cookie"].split(";")]


def test_password_sign_in_and_a_forged_or_expired_cookie(tmp_path, monkeypatch):
    client = _client(tmp_path, admin_password_hash=hash_password(PASSWORD))
    assert _login(client, "not the password").status_code == 401
    assert _login(client, PASSWORD).status_code == 303
    assert client.get("/api/admin/me").json() == {"site": None, "via": "session"}
    value = client.cookies[auth.COOKIE]
    payload, _, signature = value.partition(".")
    client.cookies.clear()
    client.cookies.set(auth.COOKIE, payload + "." + signature[::-1])
    assert client.get("/api/admin/me").status_code == 401
    client.cookies.clear()
    client.cookies.set(auth.COOKIE, value)
    assert client.get("/api/admin/me").status_code == 200
    later = auth.time.time() + 9 * 3600
    monkeypatch.setattr(auth.time, "time", lambda: later)
    assert client.get("/api/admin/me").status_code == 401
    assert client.get("/admin").status_code == 303


def test_sign_out_ends_the_session_even_for_a_replayed_cookie(tmp_path):
    client = _client(tmp_path)
    _login(client)
    value = client.cookies[auth.COOKIE]
    out = client.post("/admin/logout", data={"csrf_token": _csrf(client)})
    assert out.status_code == 303 and out.headers["location"] == "/admin/login"
    client.cookies.clear()
    client.cookies.set(auth.COOKIE, value)
    assert client.get("/api/admin/me").status_code == 401


def test_login_does_not_redirect_to_another_site(tmp_path):
    client = _client(tmp_path)
    got = client.post("/admin/login", data={"secret": TOKEN, "next": "//evil.example/admin"})
    assert got.headers["location"] == "/admin"


def test_hash_password_cli_round_trip_without_echo(monkeypatch, capsys):
    import getpass

    from assistant import cli

    prompts = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or PASSWORD)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert cli.main(["admin", "hash-password"]) == 0
    printed = capsys.readouterr().out.strip()
    assert len(prompts) == 2  # asked twice, through getpass (no echo)
    assert printed.startswith("scrypt:") and PASSWORD not in printed
    assert verify_password(PASSWORD, printed) and not verify_password("other password", printed)


def test_hash_password_cli_reads_a_pipe_and_refuses_short_passwords(tmp_path):
    run = [sys.executable, "-m", "assistant.cli", "admin", "hash-password"]
    done = subprocess.run(run, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    stored = done.stdout.strip()
    assert verify_password(PASSWORD, stored)
    client = _client(tmp_path, admin_password_hash=stored)
    assert _login(client, PASSWORD).status_code == 303
    short = subprocess.run(run, input="kort\n", capture_output=True, text=True, timeout=60)
    assert short.returncode == 1 and "at least" in short.stderr and not short.stdout


@pytest.mark.parametrize("stored", ["", "plain-text-password", "scrypt:1:8:1:xx:yy"])
def test_a_missing_or_malformed_password_hash_never_signs_in(tmp_path, stored):
    client = _client(tmp_path, admin_password_hash=stored)
    assert _login(client, "plain-text-password").status_code == 401
    assert _login(client, "").status_code in (401, 422)
