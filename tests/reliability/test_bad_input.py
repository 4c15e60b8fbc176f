"""Bad input, tried systematically against the real server: always a 4xx JSON message, never a 5xx.

Request bodies are derived from the app's own OpenAPI schema (every POST operation and field) and
mutated by hypothesis; raw bytes, invalid UTF-8 and a table of known-nasty values come on top.
"""
from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .checks import assert_json_error, assert_well_formed

pytestmark = pytest.mark.server

VALID = {  # a minimal valid body per operation; the fuzzers break it field by field
    "/api/chat": {"message": "Wanneer moet spoor 2 starten?"},
    "/api/chat/stream": {"message": "Wanneer moet spoor 2 starten?"},
    "/api/deadlines": {"first_sick_day": "2025-03-03", "today": "2025-11-23"},
    "/api/feedback": {"rating": "up"},
    "/api/handoff": {"question": "Kan een adviseur mij bellen over spoor 2?",
                     "contact": "p.jansen@example.nl", "consent": True},
}
# Values that broke the server before (issue 12): lone surrogates, dates at the edge of the
# calendar, timestamps and numbers far out of range.
SURROGATES = ["\ud800", "Wat is spoor 2? \udfff", "\udc00\ud800"]
EXTREME_DATES = ["9999-12-31", "9999-01-01", "2199-12-31", "2200-01-01", "0001-01-01",
                 "1970-01-01", "2004-01-01", "2003-12-31"]
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40) | st.sampled_from(["", "   ", "\x00", "31-02-2025", "2025-02-29", "nl",
                                              "up", "werkgever", 1e20, -1e20, 10**30,
                                              *SURROGATES, *EXTREME_DATES]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def live(rel_settings, rel_assistant, tmp_path_factory):
    """One real server for the whole module (no rate limit: the fuzzers send many requests)."""
    from assistant.web import AssistantHolder, create_app
    from tests.web.servers import LiveServer

    # Handoff on, to a receiver that is not there: requests are stored and wait for delivery.
    settings = rel_settings.replace(data_dir=tmp_path_factory.mktemp("bad-input"),
                                    rate_limit_per_minute=0,
                                    handoff_webhook="http://127.0.0.1:9/handoff",
                                    handoff_secret="handoff-secret-0123456789")
    app = create_app(settings, AssistantHolder.ready(rel_assistant))
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def date_fields(live) -> list[list[str]]:
    """Every date field of /api/deadlines as a path into the body, read from the schema."""
    spec = live.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def is_date(prop: dict) -> bool:
        options = prop.get("anyOf", [prop])
        return any(o.get("format") == "date" for o in options)

    found = [[name] for name, prop in schemas["DeadlineRequest"]["properties"].items()
             if is_date(prop)]
    found += [["episodes", name] for name, prop in schemas["EpisodeIn"]["properties"].items()
              if is_date(prop)]
    return found


@pytest.fixture(scope="module")
def operations(live) -> dict[str, list[str]]:
    """POST path -> its request body's field names, read from the served OpenAPI schema."""
    spec = live.get("/openapi.json").json()
    found = {}
    for path, item in spec["paths"].items():
        body = item.get("post", {}).get("requestBody")
        if body:
            ref = body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
            found[path] = sorted(spec["components"]["schemas"][ref]["properties"])
    return found


def check(res: httpx.Response, path: str) -> None:
    """Never a 5xx; errors are JSON with a message; successes have the documented shape."""
    assert res.status_code < 500, (path, res.status_code, res.text[:300])
    if res.status_code >= 400:
        assert_json_error(res, res.status_code)
    elif path == "/api/chat":
        assert_well_formed(res.json())
    elif path == "/api/chat/stream":
        assert "event: done" in res.text or "event: error" in res.text, res.text[-300:]
    elif path == "/api/feedback":
        assert res.json()["ok"] is True
    elif path == "/api/handoff":
        assert res.status_code == 201 and res.json()["id"] > 0


def test_schema_lists_every_post_operation(operations):
    assert set(operations) == set(VALID)
    assert "message" in operations["/api/chat"] and "first_sick_day" in operations["/api/deadlines"]


@FUZZ
@given(data=st.data())
def test_any_field_of_any_operation_with_any_json_value_never_gives_a_5xx(live, operations, data):
    path = data.draw(st.sampled_from(sorted(operations)))
    body: Any = dict(VALID[path])
    for field in data.draw(st.lists(st.sampled_from(operations[path]), min_size=1, max_size=3)):
        body[field] = data.draw(json_values)
    if data.draw(st.booleans()):
        body[data.draw(st.text(min_size=1, max_size=8))] = data.draw(json_values)  # unknown key
    # json.dumps escapes lone surrogates (\ud800), as a browser's JSON.stringify would send them.
    check(live.post(path, content=json.dumps(body), headers={"Content-Type": "application/json"}),
          path)


@FUZZ
@given(data=st.data())
def test_extreme_dates_on_every_date_field_give_a_4xx(live, date_fields, data):
    assert len(date_fields) >= 6  # first_sick_day, eje, probleemanalyse, verlenging_tot, today, ..
    body: Any = {**VALID["/api/deadlines"], "language": data.draw(st.sampled_from(["nl", "en"]))}
    for path in data.draw(st.lists(st.sampled_from(date_fields), min_size=1, max_size=3)):
        value = data.draw(st.sampled_from(EXTREME_DATES) | st.dates().map(str))
        if path[0] == "episodes":
            body["episodes"] = [{"start": value} if path[1] == "start"
                                else {"start": "2025-01-06", "end": value}]
        else:
            body[path[0]] = value
    check(live.post("/api/deadlines", json=body), "/api/deadlines")


@FUZZ
@given(path=st.sampled_from(sorted(VALID)), text=st.sampled_from(SURROGATES) | st.text(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=5))
def test_lone_surrogates_in_any_text_field_give_a_4xx(live, operations, path, text):
    fields = {"/api/chat": ["message"], "/api/chat/stream": ["message"],
              "/api/feedback": ["comment", "question", "answer_kind"],
              "/api/deadlines": ["first_sick_day"],
              "/api/handoff": ["question", "contact"]}[path]
    for field in fields:
        body = {**VALID[path], field: text}
        res = live.post(path, content=json.dumps(body),
                        headers={"Content-Type": "application/json"})
        check(res, path)
    history = {**VALID["/api/chat"], "history": [{"role": "user", "content": text}]}
    check(live.post("/api/chat", content=json.dumps(history),
                    headers={"Content-Type": "application/json"}), "/api/chat")


@pytest.mark.parametrize("path", [*sorted(VALID), "/ui/gradio_api/queue/join"])
def test_a_chunked_body_over_the_limit_is_413_on_every_route(live, path):
    def chunks():
        for _ in range(64):
            yield b" " * 16_384

    res = live.post(path, content=chunks(), headers={"Content-Type": "application/json"})
    assert assert_json_error(res, 413)["code"] == "request_too_large"


def test_a_rebound_host_name_is_refused_everywhere(live):
    for path in ("/api/health", "/ui/", "/widget/demo"):
        res = live.get(path, headers={"Host": "rebound.example",
                                      "Origin": "http://rebound.example"})
        assert assert_json_error(res, 400)["code"] == "host_not_allowed"


@FUZZ
@given(path=st.sampled_from(sorted(VALID)),
       raw=st.binary(max_size=300) | json_values.map(json.dumps))
def test_raw_bodies_and_non_object_json_give_a_json_4xx(live, path, raw):
    if isinstance(raw, str):
        raw = raw.encode()
    res = live.post(path, content=raw, headers={"Content-Type": "application/json"})
    check(res, path)


ASK = "Wat is spoor 2?"
NASTY = [
    ("/api/chat", {"message": ""}, 400),
    ("/api/chat", {"message": " \n\t "}, 400),
    ("/api/chat", {"message": "x" * 100_000}, 413),
    ("/api/chat", {"message": ASK, "history": [{"role": "user", "content": "x" * 100_000}]}, 413),
    ("/api/chat", {"message": ASK, "history": [{"role": "user", "content": "hoi"}] * 21}, 422),
    ("/api/chat", {"message": ASK, "history": [{"role": "system", "content": "hoi"}]}, 422),
    ("/api/chat", {"message": 42}, 422),
    ("/api/chat", {"message": None}, 422),
    ("/api/chat", {"message": ["Wat is spoor 2?"]}, 422),
    ("/api/chat", {"message": "Wat is spoor 2?", "language": "de"}, 422),
    ("/api/chat", {"message": "Wat is spoor 2?", "audience": "baas"}, 422),
    ("/api/chat/stream", {"message": ""}, 400),
    ("/api/deadlines", {"first_sick_day": "31-02-2025"}, 422),
    ("/api/deadlines", {"first_sick_day": "2025-02-31"}, 422),
    ("/api/deadlines", {"first_sick_day": "2025-13-01"}, 422),
    ("/api/deadlines", {"first_sick_day": "0001-01-01", "today": "2025-11-23"}, 422),
    ("/api/deadlines", {"first_sick_day": "9999-12-31"}, 422),
    ("/api/deadlines", {"first_sick_day": "2025-03-03", "today": "0001-01-01"}, 422),
    ("/api/deadlines", {"first_sick_day": "2025-03-03", "loonsanctie_weeks": -1}, 422),
    ("/api/deadlines", {"first_sick_day": "2025-03-03", "format": "docx"}, 422),
    ("/api/deadlines", {"episodes": [{"start": "2025-03-10", "end": "2025-03-01"}]}, 422),
    ("/api/feedback", {"rating": "sideways"}, 422),
    ("/api/feedback", {"rating": "up", "comment": "x" * 5000}, 422),
]


@pytest.mark.parametrize("path,body,status", NASTY,
                         ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(NASTY)])
def test_known_bad_values_get_the_right_4xx_with_a_message(live, path, body, status):
    error = assert_json_error(live.post(path, json=body), status)
    assert len(error["message"]) < 300


@pytest.mark.parametrize("raw", [b"\xff\xfe\xfa", b'{"message": "\xc3\x28"}', b"\x00" * 64, b"{",
                                 b'{"message": "wat is spoor 2?"', b'{"message": NaN}',
                                 b'{"message": "Wat is spoor 2?", "history": Infinity}'])
def test_binary_and_invalid_utf8_get_400_invalid_json(live, raw):
    error = assert_json_error(live.post("/api/chat", content=raw,
                                        headers={"Content-Type": "application/json"}), 400, 422)
    assert error["code"] in ("invalid_json", "bad_request", "invalid_field")


def test_a_body_over_the_size_limit_is_refused_before_it_is_read(live):
    res = live.post("/api/chat", content=b"{" + b" " * 300_000 + b"}",
                    headers={"Content-Type": "application/json"})
    assert assert_json_error(res, 413)["code"] == "request_too_large"


def test_the_server_still_answers_after_all_of_that(live):
    assert live.get("/api/health").status_code == 200
    res = live.post("/api/chat", json=VALID["/api/chat"])
    assert res.status_code == 200
    assert_well_formed(res.json())
