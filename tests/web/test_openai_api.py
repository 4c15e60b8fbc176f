"""The OpenAI-compatible API, used with the official `openai` client against a real server."""
from __future__ import annotations

import time

import httpx
import openai
import pytest

from assistant.config import Settings
from assistant.errors import ConfigError

from .servers import LiveServer

pytestmark = pytest.mark.server
KEY = "sk-spoor2-test-key-0123456789"
QUESTION = "Wanneer moet spoor 2 starten?"


def _client(server: LiveServer, key: str = KEY) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key=key, max_retries=0, timeout=60)


def test_openai_client_gets_a_cited_answer(serve):
    server = serve(openai_api=True, openai_api_key=KEY)
    completion = _client(server).chat.completions.create(
        model="spoor2-assistent", messages=[{"role": "system", "content": "Be brief."},
                                            {"role": "user", "content": QUESTION}])
    content = completion.choices[0].message.content
    assert completion.choices[0].finish_reason == "stop"
    assert "geen vaste week" in content and "[1]" in content
    assert "\n\nBronnen:\n[1] " in content
    citations = completion.model_extra["citations"]
    assert citations and citations[0]["number"] == 1 and citations[0]["url"].startswith(("/bron/", "http"))
    assert citations[0]["title"] in content
    assert completion.model_extra["spoor2"]["language"] == "nl"


def test_openai_client_streams_the_same_answer_in_chunks(serve):
    server = serve(openai_api=True, openai_api_key=KEY)
    client = _client(server)
    messages = [{"role": "user", "content": QUESTION}]
    plain = client.chat.completions.create(model="spoor2-assistent", messages=messages)
    chunks = list(client.chat.completions.create(model="spoor2-assistent", messages=messages, stream=True))
    assert chunks[0].choices[0].delta.role == "assistant"
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert streamed == plain.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"] == plain.model_extra["citations"]


def test_a_wrong_or_missing_key_is_refused_in_openais_error_shape(serve):
    server = serve(openai_api=True, openai_api_key=KEY)
    with pytest.raises(openai.AuthenticationError) as caught:
        _client(server, key="sk-wrong").chat.completions.create(
            model="spoor2-assistent", messages=[{"role": "user", "content": QUESTION}])
    assert caught.value.status_code == 401
    res = httpx.post(server.url + "/v1/chat/completions", json={"messages": [{"role": "user", "content": "x"}]},
                     headers={"Accept-Language": "en"})
    assert res.status_code == 401 and res.headers["www-authenticate"] == "Bearer"
    error = res.json()["error"]
    assert error == {"code": "invalid_api_key", "type": "authentication_error", "param": None,
                     "message": "Missing or incorrect API key. Send Authorization: Bearer <key>."}


def test_it_shares_the_rate_limit_and_checks_input_like_the_rest_of_the_api(serve):
    server = serve(openai_api=True, openai_api_key=KEY, rate_limit_per_minute=2)
    client = _client(server)
    with pytest.raises(openai.BadRequestError) as caught:  # counts as one request
        client.chat.completions.create(model="m", messages=[{"role": "assistant", "content": "Hallo"}])
    assert "laatste bericht" in caught.value.body["message"]
    assert client.chat.completions.create(model="m", messages=[{"role": "user", "content": QUESTION}])
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": QUESTION}])
    assert httpx.post(server.url + "/api/feedback", json={"rating": "up"}).status_code == 429


def test_too_long_messages_and_bodies_get_413_from_the_openai_route(serve):
    server = serve(openai_api=True, openai_api_key=KEY)
    with pytest.raises(openai.APIStatusError) as caught:
        _client(server).chat.completions.create(model="m", messages=[{"role": "user", "content": "x" * 2001}])
    assert caught.value.status_code == 413 and "2000" in caught.value.body["message"]
    with pytest.raises(openai.APIStatusError) as caught:  # the body limit, before any route
        _client(server).chat.completions.create(model="m", messages=[{"role": "user", "content": "x" * 300_000}])
    assert caught.value.status_code == 413 and caught.value.body["code"] == "request_too_large"


def test_the_openai_api_is_off_unless_switched_on(serve):
    server = serve()
    res = httpx.post(server.url + "/v1/chat/completions", headers={"Authorization": f"Bearer {KEY}"},
                     json={"messages": [{"role": "user", "content": QUESTION}]})
    assert res.status_code == 404


def test_switching_it_on_without_a_key_is_a_clear_config_error():
    with pytest.raises(ConfigError, match="SPOOR2_OPENAI_API_KEY"):
        Settings.from_env({"SPOOR2_OPENAI_API": "1"})
    assert Settings.from_env({"SPOOR2_OPENAI_API": "1", "SPOOR2_OPENAI_API_KEY": KEY}).openai_api


def test_a_stream_the_client_leaves_gives_its_slot_back(serve):
    server = serve(openai_api=True, openai_api_key=KEY, max_concurrency=1)
    server.server.config.app.state.web.gate.wait_seconds = 2.0
    body = {"stream": True, "messages": [{"role": "user", "content": QUESTION}]}
    headers = {"Authorization": f"Bearer {KEY}"}
    for _ in range(2):
        with httpx.stream("POST", server.url + "/v1/chat/completions", json=body, headers=headers,
                          timeout=60) as stream:
            next(stream.iter_lines())  # read one line, then hang up
    time.sleep(0.5)
    answer = _client(server).chat.completions.create(model="m", messages=body["messages"])
    assert answer.choices[0].message.content
