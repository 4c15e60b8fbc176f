"""The console and the admin API are closed without the admin token, absent without one set."""
from __future__ import annotations

from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

TOKEN = "operator-token-0123456789"


def _client(tmp_path, token: str = TOKEN) -> TestClient:
    settings = Settings(data_dir=tmp_path, admin_token=token)
    return TestClient(create_app(settings, AssistantHolder()), base_url="http://127.0.0.1")


def test_admin_api_needs_the_token(tmp_path):
    client = _client(tmp_path)
    assert client.get("/api/admin/me").status_code == 401
    wrong = client.get("/api/admin/me", headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    assert "beheerder" in wrong.json()["error"]["message"]
    ok = client.get("/api/admin/me", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["site"] is None


def test_no_console_without_a_configured_token(tmp_path):
    client = _client(tmp_path, token="")
    assert client.get("/api/admin/me", headers={"Authorization": "Bearer "}).status_code == 404
    assert client.get("/admin").status_code == 404
