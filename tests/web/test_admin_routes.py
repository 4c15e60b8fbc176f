"""Every console route, found from the app itself (so a new one is covered the day it is added):
no data without credentials, no change from a session without its CSRF token."""
from __future__ import annotations

import re
from importlib import import_module

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.web.admin import ROUTERS, auth
from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

TOKEN = "operator-token-0123456789"
OPEN = {"/admin/login", "/admin/documenten.js"}  # the sign-in form; a script without data


def _client(tmp_path) -> TestClient:
    settings = Settings(data_dir=tmp_path, admin_token=TOKEN, question_log=True,
                        allowed_hosts=("127.0.0.1", "testserver"))
    return TestClient(create_app(settings, AssistantHolder()), base_url="http://127.0.0.1",
                      follow_redirects=False)


def _admin_routes(client: TestClient) -> list[tuple[str, str]]:
    """(method, path) of every route of every console router the app mounts (`ROUTERS`)."""
    found = []
    for module in ROUTERS:
        for route in import_module(module).router.routes:
            if not isinstance(route, APIRoute):
                continue
            path = re.sub(r"\{[^}]+\}", "1", route.path)
            found += [(method, path) for method in sorted(route.methods) if method != "HEAD"]
    return found


def test_the_console_has_routes_to_check(tmp_path):
    routes = _admin_routes(_client(tmp_path))
    assert len(routes) >= 20
    assert ("GET", "/api/admin/questions") in routes and ("GET", "/api/admin/handoffs") in routes


def test_no_console_route_gives_data_without_credentials(tmp_path):
    client = _client(tmp_path)
    for method, path in _admin_routes(client):
        if path in OPEN:
            continue
        for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}):
            client.app.state.admin_auth.throttle = auth.LoginThrottle()
            got = client.request(method, path, headers=headers)
            if path.startswith("/api/") or headers:
                assert got.status_code == 401, (method, path, headers, got.status_code)
                assert got.json()["error"]["code"] == "unauthorized"
            else:  # a browser without a session is sent to the sign-in form
                assert got.status_code == 303, (method, path, got.status_code)
                assert got.headers["location"].startswith("/admin/login")


def test_no_change_is_made_from_a_session_without_its_csrf_token(tmp_path):
    client = _client(tmp_path)
    signed_in = client.post("/admin/login", data={"secret": TOKEN, "next": "/admin"})
    assert signed_in.status_code == 303 and "spoor2_admin" in signed_in.cookies
    changes = [(m, p) for m, p in _admin_routes(client)
               if m in ("POST", "PUT", "PATCH", "DELETE") and p not in OPEN]
    assert len(changes) >= 8
    for method, path in changes:
        got = client.request(method, path, headers={"X-CSRF-Token": "not-the-token"})
        assert got.status_code == 403, (method, path, got.status_code)
        assert got.json()["error"]["code"] == "csrf_failed"
