"""Two real app servers on loopback sharing one Chroma data dir, one PostgreSQL and one Redis
server: limits hold across them and the console of either shows the questions of both."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.database import instance_pools
from assistant.web import AssistantHolder, create_app
from tests.web.servers import LiveServer

from .servers import free_port

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "operator-token-0123456789"
PER_MINUTE = 4


@pytest.fixture
def instances(index_settings, postgres, redis_server, database_url):
    """Instances A and B: each its own app and assistant over the same data dir, sharing the
    instance's PostgreSQL pool (closed when its server stops)."""
    redis_server_flush(redis_server.url)
    settings = index_settings.replace(
        question_log=True, admin_token=TOKEN, rate_limit_per_minute=PER_MINUTE,
        database_url=database_url, redis_url=redis_server.url)
    servers = [LiveServer(instance_app(settings)) for _ in range(2)]
    for server in servers:
        server.__enter__()
    yield servers
    for server in servers:
        server.__exit__(None, None, None)


def instance_app(settings: Settings):
    """One instance as `compose` makes it: the assistant and the app over one set of pools."""
    from assistant import build_assistant

    pools = instance_pools(settings)
    return create_app(settings, AssistantHolder.ready(build_assistant(settings, pools=pools)),
                      pools)


def redis_server_flush(url: str) -> None:
    import redis

    with redis.Redis.from_url(url) as client:
        client.flushdb()


def test_a_client_alternating_between_instances_hits_one_rate_limit(instances):
    a, b = instances
    statuses = []
    for i in range(PER_MINUTE + 2):
        server = (a, b)[i % 2]
        reply = httpx.post(f"{server.url}/api/chat", timeout=30,
                           json={"message": "Wanneer moet spoor 2 starten?", "language": "nl"})
        statuses.append(reply.status_code)
    assert statuses == [200] * PER_MINUTE + [429, 429]
    body = reply.json()["error"]
    assert body["code"] == "rate_limited" and "seconden" in body["message"]
    assert 1 <= int(reply.headers["Retry-After"]) <= 60
    english = httpx.post(f"{a.url}/api/chat", json={"message": "When?", "language": "en"},
                         headers={"Accept-Language": "en"}, timeout=30)
    assert english.status_code == 429 and "seconds" in english.json()["error"]["message"]


def test_a_question_asked_on_one_instance_shows_in_the_console_of_the_other(instances):
    a, b = instances
    asked = httpx.post(f"{a.url}/api/chat", timeout=30,
                       json={"message": "Wanneer moet spoor 2 starten?"}).json()
    assert asked["question_id"]
    listed = httpx.get(f"{b.url}/api/admin/questions", timeout=30,
                       headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert [item["id"] for item in listed["items"]] == [asked["question_id"]]
    assert listed["items"][0]["question"] == "Wanneer moet spoor 2 starten?"
    feedback = httpx.post(f"{b.url}/api/feedback", timeout=30,
                          json={"rating": "up", "question_id": asked["question_id"]})
    assert feedback.status_code == 200
    page = httpx.get(f"{a.url}/admin/vragen", timeout=30,
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert "Wanneer moet spoor 2 starten?" in page.text


def test_failed_sign_ins_count_on_every_instance(instances):
    a, b = instances
    codes = [httpx.post(f"{(a, b)[i % 2].url}/admin/login", data={"secret": "wrong"},
                        timeout=30).status_code for i in range(6)]
    assert codes == [401] * 5 + [429]
    refused = httpx.post(f"{a.url}/admin/login", data={"secret": TOKEN}, timeout=30)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 60


def test_a_session_from_one_instance_works_on_the_other_until_it_signs_out(instances):
    a, b = instances
    signed_in = httpx.post(f"{a.url}/admin/login", data={"secret": TOKEN, "next": "/admin"},
                           timeout=30)
    assert signed_in.status_code == 303
    cookies = dict(signed_in.cookies)
    page = httpx.get(f"{b.url}/admin/vragen", cookies=cookies, timeout=30)
    assert page.status_code == 200 and "login" not in str(page.url)

    field, csrf = re.search(r'type="hidden" name="([^"]+)" value="([^"]+)"', httpx.get(
        f"{b.url}/admin/logout", cookies=cookies, timeout=30).text).groups()
    signed_out = httpx.post(f"{b.url}/admin/logout", cookies=cookies, data={field: csrf},
                            headers={"Origin": b.url}, timeout=30)
    assert signed_out.status_code in (200, 303)
    again = httpx.get(f"{a.url}/admin/vragen", cookies=cookies, timeout=30)
    assert again.status_code in (303, 307) and "/admin/login" in again.headers["location"]


def test_an_unreachable_redis_answers_503_in_both_languages(index_settings, real_assistant_free):
    settings = index_settings.replace(redis_url=f"redis://127.0.0.1:{free_port()}/0",
                                      rate_limit_per_minute=PER_MINUTE)
    client = TestClient(create_app(settings, AssistantHolder.ready(real_assistant_free)))
    for lang, word in (("nl", "tijdelijk"), ("en", "temporarily")):
        reply = client.post("/api/chat", json={"message": "Wanneer?", "language": lang},
                            headers={"Accept-Language": lang})
        assert reply.status_code == 503 and reply.headers["Retry-After"]
        error = reply.json()["error"]
        assert error["code"] == "limits_unavailable" and word in error["message"]
        assert "Traceback" not in reply.text and "redis" not in reply.text.lower()


@pytest.fixture(scope="module")
def real_assistant_free(index_settings):
    from assistant import build_assistant

    return build_assistant(index_settings)


@pytest.mark.parametrize("variable", ["SPOOR2_DATABASE_URL", "SPOOR2_REDIS_URL"])
def test_an_unreachable_shared_store_stops_the_start_with_one_line(variable, tmp_path):
    port = free_port()
    url = (f"postgresql://spoor2@127.0.0.1:{port}/spoor2" if "DATABASE" in variable
           else f"redis://127.0.0.1:{port}/0")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPOOR2_")}
    env |= {variable: url, "SPOOR2_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", "import app"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith(f"spoor2: {variable}: ")
    assert "Traceback" not in done.stderr


def test_a_lost_database_keeps_answers_and_says_so_in_both_languages(index_settings,
                                                                      real_assistant_free):
    url = f"postgresql://spoor2:pw@127.0.0.1:{free_port()}/spoor2"  # nothing listens there
    settings = index_settings.replace(database_url=url, question_log=True, admin_token=TOKEN)
    with TestClient(create_app(settings, AssistantHolder.ready(real_assistant_free))) as client:
        _lost_database(client)


def _lost_database(client: TestClient) -> None:
    answer = client.post("/api/chat", json={"message": "Wanneer moet spoor 2 starten?"})
    assert answer.status_code == 200 and answer.json()["question_id"] is None
    health = client.get("/api/health").json()
    assert health["status"] == "degraded" and health["ready"] is True
    for lang, word in (("nl", "feedback"), ("en", "feedback")):
        reply = client.post("/api/feedback", json={"rating": "up", "language": lang},
                            headers={"Accept-Language": lang})
        assert reply.status_code == 503 and word in reply.json()["error"]["message"]
    listed = client.get("/api/admin/questions", headers={
        "Authorization": f"Bearer {TOKEN}", "Accept-Language": "en"})
    assert listed.status_code == 503 and listed.json()["error"]["code"] == "database_unavailable"
    assert "temporarily" in listed.json()["error"]["message"]
    for text in (answer.text, health, listed.text):
        assert "pw@" not in str(text) and "Traceback" not in str(text)
