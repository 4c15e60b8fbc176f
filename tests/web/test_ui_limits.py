"""Issue 12 for the Gradio events: the API's rate limit and message limit, no crash on any form
input, planner downloads kept in the data dir and cleaned up."""
from __future__ import annotations

import math
import os
import time
import warnings

import gradio as gr
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.web import AssistantHolder, ui_chat, ui_planner
from assistant.web.context import WebContext
from assistant.web.downloads import DownloadFolder


@pytest.fixture
def make_ctx(web_settings, real_assistant, tmp_path):
    def build(**overrides: object) -> WebContext:
        overrides.setdefault("data_dir", tmp_path / "data")
        return WebContext.create(web_settings.replace(**overrides),
                                 AssistantHolder.ready(real_assistant))

    return build


def _calculate(ctx: WebContext, first="2025-03-03", episodes="", eje=None, until=None,
               weeks=None, language="nl", client="1.2.3.4"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ui_planner.calculate(ctx, first, episodes, eje, until, weeks, language, client)


def test_the_planner_shares_the_per_client_rate_limit(make_ctx):
    ctx = make_ctx(rate_limit_per_minute=2)
    ok = [_calculate(ctx)[0] for _ in range(2)]
    assert all(not s.startswith("⚠️") for s in ok)
    summary, table, *_ = _calculate(ctx, language="en")
    assert summary.startswith("⚠️") and "too many questions" in summary and table == ""
    assert not _calculate(ctx, client="5.6.7.8")[0].startswith("⚠️")  # another client


def test_thumbs_are_rate_limited_and_store_no_more_rows(make_ctx):
    ctx = make_ctx(rate_limit_per_minute=3)
    turns = [{"role": "user", "content": "vraag"}, {"role": "assistant", "content": "antwoord"}]
    like = gr.LikeData(None, {"index": 1, "value": "antwoord", "liked": True})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(20):
            ui_chat.on_like(ctx, turns, "nl", like)
    assert len(ctx.feedback.all()) == 3


@pytest.mark.parametrize(("field", "value"), [
    ("eje", "9999-12-31"), ("until", "9999-12-31"), ("first", 1e20), ("eje", -1e20),
    ("first", math.inf), ("weeks", math.nan), ("weeks", math.inf), ("first", "0001-01-01"),
])
def test_extreme_planner_inputs_give_a_clear_message(make_ctx, field, value):
    summary, table, picture, *_ = _calculate(make_ctx(), **{field: value}, language="en")
    assert summary.startswith("⚠️") and len(summary) < 300 and "None" not in summary
    assert table == "" and picture == ""


ANY = (st.none() | st.floats() | st.integers(min_value=-10**20, max_value=10**20)
       | st.text(max_size=30) | st.sampled_from(["9999-12-31", "0001-01-01", "\ud800",
                                                 "2025-02-29", "31-12-9999", "2025-03-03"]))


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=ANY, episodes=st.text(max_size=60) | st.just("9999-01-01 tot 9999-12-31"),
       eje=ANY, until=ANY, weeks=ANY)
def test_no_planner_input_raises(make_ctx, first, episodes, eje, until, weeks):
    ctx = make_ctx(rate_limit_per_minute=0)
    summary, *_ = _calculate(ctx, first, episodes, eje, until, weeks)
    assert isinstance(summary, str)


def test_an_over_long_or_unreadable_message_is_not_echoed_or_answered(make_ctx):
    ctx = make_ctx()
    limit = ctx.settings.max_message_chars
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        *_, (messages, turns, box) = ui_chat.respond(ctx, "x" * 1_000_000, [], None, "nl", None)
        assert len(box) <= limit and messages == [] and turns == []
        *_, (messages, turns, box) = ui_chat.respond(ctx, "hoi \ud800", [], None, "nl", None)
        assert messages == [] and turns == []


def test_planner_downloads_live_in_the_data_dir_and_are_removed(make_ctx, make_app, tmp_path):
    ctx = make_ctx()
    *_, ics, csv = _calculate(ctx)
    path = ics["value"]
    assert path.startswith(str(ctx.settings.data_dir / "cache" / "planner"))
    assert os.path.exists(path) and csv["value"].endswith(".csv")
    folder = DownloadFolder(ctx.downloads.root, max_age=60)
    assert folder.sweep(now=time.time()) == 0 and os.path.exists(path)
    assert folder.sweep(now=time.time() + 120) == 3 and not os.path.exists(path)  # .ics .csv .pdf

    app = make_app(data_dir=tmp_path / "served")
    with TestClient(app):
        written = app.state.web.downloads.write(b"BEGIN:VCALENDAR", "x.ics")
        assert written.exists()
    assert not written.exists()  # removed at shutdown


def test_a_planned_eje_is_accepted_and_shown_as_not_done_yet(make_ctx):
    from datetime import timedelta

    from assistant.web.context import today_nl

    today = today_nl()
    first = (today - timedelta(days=300)).isoformat()
    planned = (today + timedelta(days=20)).isoformat()
    summary, _table, _svg, check, *_ = _calculate(make_ctx(), first=first, eje=planned)
    assert not summary.startswith("⚠️")
    row = check.split('data-key="eerstejaarsevaluatie">')[1].split("</tr>")[0]
    assert "nog te doen" in row


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_step_date_that_cannot_be_read_is_named_by_its_form_label(make_ctx, language):
    from assistant.texts import text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary, table, *_ = ui_planner.calculate(
            make_ctx(), "2025-03-03", "", None, None, None, language, "1.2.3.4",
            steps={"spoor2_start": "31-02-2025"})
    assert summary.startswith(f"⚠️ {text('ui.step_spoor2_start', language)}: ")
    assert "31-02-2025" in summary
    assert table == ""
