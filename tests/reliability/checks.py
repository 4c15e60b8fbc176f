"""Assertions shared by the reliability tests."""
from __future__ import annotations


def assert_well_formed(body: dict) -> None:
    """An /api/chat answer: text, a known kind, numbered citations."""
    assert isinstance(body.get("answer"), str) and body["answer"].strip(), body
    assert body.get("kind") in ("card", "extractive", "deadline", "llm", "refusal", "clarify",
                                "handoff"), body
    assert isinstance(body.get("citations"), list), body
    for n, citation in enumerate(body["citations"], start=1):
        assert citation["number"] == n and citation["title"], body


def assert_json_error(res, *statuses: int) -> dict:
    """A JSON error `{"error": {"code", "message"}}` with one of `statuses`, no stack trace."""
    assert res.status_code in statuses, (res.status_code, res.text[:500])
    assert res.headers["content-type"].startswith("application/json"), res.headers
    error = res.json()["error"]
    assert error["code"] and error["message"].strip(), error
    assert "Traceback" not in res.text and 'File "' not in res.text, res.text
    return error
