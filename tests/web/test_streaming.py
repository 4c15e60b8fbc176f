"""With a model configured, its answer reaches SSE and OpenAI clients while it is being written."""
from __future__ import annotations

import itertools
import json
import time
from dataclasses import replace

import httpx
import openai
import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from assistant.answering.base import thresholds_for
from assistant.answering.llm import LLMAnswerer
from assistant.build import default_answerers
from assistant.engine import Assistant
from assistant.web import AssistantHolder, create_app

from .servers import LiveServer

pytestmark = pytest.mark.server
KEY = "sk-spoor2-test-key-0123456789"
QUESTION = "Wanneer moet spoor 2 starten?"
ANSWER = ("De wet noemt geen vaste week voor de start van spoor 2 [1]. "
          "Veel adviseurs houden een praktijknorm aan voor de start van spoor 2 [1].")


class SlowTokens(BaseCallbackHandler):
    """A model that writes at a human pace: 40 ms per token."""

    def on_llm_new_token(self, token, **kwargs):
        time.sleep(0.04)


@pytest.fixture
def llm_server(web_settings, real_assistant, tmp_path):
    model = GenericFakeChatModel(messages=itertools.repeat(ANSWER))
    llm = LLMAnswerer(model, config={"callbacks": [SlowTokens()]})
    thresholds = replace(thresholds_for(real_assistant.embedder.name), card=9.0)  # no card first
    assistant = Assistant(real_assistant.embedder, real_assistant.store,
                          default_answerers(real_assistant.embedder, llm=llm, thresholds=thresholds), llm=llm)
    settings = web_settings.replace(data_dir=tmp_path / "d", openai_api=True, openai_api_key=KEY)
    with LiveServer(create_app(settings, AssistantHolder.ready(assistant))) as server:
        yield server


def test_sse_sends_the_models_sentences_as_they_are_written(llm_server):
    events: list[tuple[str, dict, float]] = []
    with httpx.stream("POST", llm_server.url + "/api/chat/stream", json={"message": QUESTION},
                      timeout=60) as stream:
        event = ""
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                events.append((event, json.loads(line[6:]), time.monotonic()))
    kinds = [e for e, _, _ in events]
    assert kinds[-1] == "done" and kinds.count("delta") >= 2 and "reset" not in kinds
    done = events[-1][1]
    assert done["kind"] == "llm"
    assert "".join(d["text"] for e, d, _ in events if e == "delta") == done["answer"]
    assert events[0][1]["text"].startswith("De wet noemt geen vaste week")
    assert events[-1][2] - events[0][2] > 0.5  # the first sentence came well before the end


def test_openai_stream_sends_the_models_sentences_as_they_are_written(llm_server):
    client = openai.OpenAI(base_url=llm_server.url + "/v1", api_key=KEY, max_retries=0, timeout=60)
    stream = client.chat.completions.create(model="spoor2-assistent", stream=True,
                                            messages=[{"role": "user", "content": QUESTION}])
    texts = [(c.choices[0].delta.content or "", time.monotonic()) for c in stream]
    contents = [t for t, _ in texts if t]
    assert len(contents) >= 3  # two sentences and the sources
    assert "".join(contents).startswith(ANSWER)
    assert "Bronnen:" in contents[-1]
    assert texts[-1][1] - texts[1][1] > 0.5


def test_both_streams_send_keep_alive_pings_while_the_model_is_silent(llm_server, monkeypatch):
    import fastapi.routing

    from assistant.web import openai_api

    monkeypatch.setattr(fastapi.routing, "_PING_INTERVAL", 0.1)
    monkeypatch.setattr(openai_api, "PING_SECONDS", 0.1)
    sse = httpx.post(llm_server.url + "/api/chat/stream", json={"message": QUESTION}, timeout=60).text
    assert ": ping" in sse and "event: done" in sse
    text = httpx.post(llm_server.url + "/v1/chat/completions", headers={"Authorization": f"Bearer {KEY}"},
                      json={"stream": True, "messages": [{"role": "user", "content": QUESTION}]}, timeout=60).text
    assert ": ping" in text and text.rstrip().endswith("data: [DONE]")
    client = openai.OpenAI(base_url=llm_server.url + "/v1", api_key=KEY, max_retries=0, timeout=60)
    chunks = list(client.chat.completions.create(model="spoor2-assistent", stream=True,
                                                 messages=[{"role": "user", "content": QUESTION}]))
    assert "".join(c.choices[0].delta.content or "" for c in chunks).startswith(ANSWER)
