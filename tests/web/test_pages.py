"""Server-rendered HTML: source pages, the timeline picture and table, the chat message format."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.deadlines import Episode, compute_timeline
from assistant.web.planner import parse_episode_lines, table_html, table_rows, timeline_svg
from assistant.web.sources import render_source_page
from assistant.web.ui_chat import render_answer, render_user

XSS = "<img src=x onerror=alert(1)>"


def test_source_page_escapes_everything_and_links_only_web_urls():
    html = render_source_page({
        "title": f"Titel {XSS}", "language": "nl",
        "sources": [{"title": "Wet <b>", "url": "javascript:alert(1)", "law": "art. 1"},
                    {"title": "UWV", "url": "https://www.uwv.nl/x"}],
        "sections": [{"section": "Kop <script>", "text": f"Alinea **vet** {XSS}\n\n- een\n- twee"}],
    })
    assert "<img" not in html and "<script>" not in html and "javascript:" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<strong>vet</strong>" in html and "<li>een</li>" in html
    assert ('<a href="https://www.uwv.nl/x" target="_blank" rel="noopener noreferrer">UWV</a>'
            in html)


def test_chat_messages_show_user_html_as_text_and_keep_sources_safe():
    assert render_user(XSS) == "&lt;img src=x onerror=alert(1)&gt;"
    out = render_answer({"content": f"Antwoord {XSS} [1]", "citations": [
        {"number": 1, "title": "T <i>", "url": "javascript:alert(1)", "section": ""},
        {"number": 2, "title": "Bron", "url": "/bron/nl-x", "section": "Kop"},
    ]}, "nl")
    assert "<img" not in out and "javascript:" not in out and "T &lt;i&gt;" in out
    assert "<summary>Bronnen (2)</summary>" in out
    assert ('<a href="/bron/nl-x" target="_blank" rel="noopener noreferrer">[2] Bron</a> — Kop'
            in out)


def test_timeline_picture_marks_today_and_colours_by_status():
    timeline = compute_timeline([Episode(date(2026, 1, 5))], today=date(2026, 2, 20))
    svg = timeline_svg(timeline, "nl")
    assert svg.startswith("<svg") and "Vandaag 20-02-2026" in svg
    statuses = {m.status for m in timeline.milestones}
    assert {"passed", "upcoming"} <= statuses
    for status in statuses:
        assert f'class="milestone status-{status}' in svg
    assert svg.count("<circle") >= len(timeline.milestones)
    assert "Today 20-02-2026" in timeline_svg(timeline, "en")


def test_timeline_picture_greys_past_milestones_and_highlights_the_next_one():
    timeline = compute_timeline([Episode(date(2025, 1, 6))], today=date(2025, 12, 1))
    svg = timeline_svg(timeline, "nl")
    upcoming = sorted((m for m in timeline.milestones if m.date >= timeline.today),
                      key=lambda m: m.date)
    assert svg.count(" next\"") == 1
    assert f'next" data-key="{upcoming[0].key}"' in svg
    passed = [m for m in timeline.milestones if m.status == "passed"]
    assert svg.count(' past"') == len(passed) > 0
    assert "volgende stap" in svg and "next step" in timeline_svg(timeline, "en")


@pytest.mark.parametrize(("today", "dutch", "english", "not_english"), [
    (date(2026, 2, 14), "binnenkort (1 dag)", "(1 day)", "(1 days)"),
    (date(2026, 2, 15), "binnenkort (vandaag)", "(today)", "(0 days)"),
])
def test_timeline_table_counts_days_in_words_that_read_right(today, dutch, english, not_english):
    """"1 dag", not "1 dagen"; "vandaag" on the due day, not "0 dagen"."""
    # week 6 ends on 05-01-2026 + 41 days = 15-02-2026
    timeline = compute_timeline([Episode(date(2026, 1, 5))], today=today)
    status = {row[3]: row[4] for row in table_rows(timeline, "nl")}
    assert status["Probleemanalyse door de bedrijfsarts"] == dutch
    status = " ".join(row[4] for row in table_rows(timeline, "en"))
    assert english in status and not_english not in status


def test_check_table_shows_each_step_with_status_and_what_to_do(tmp_path):
    from assistant.web.planner import check, check_html

    timeline = compute_timeline([Episode(date(2025, 1, 6))], today=date(2025, 12, 1))
    html = check_html(check(timeline, {"probleemanalyse": date(2025, 2, 10)}, [],
                            date(2025, 12, 1)), "nl")
    assert '<tr class="check-done" data-key="probleemanalyse">' in html
    assert "gedaan 10-02-2025" in html and "<caption>" in html
    melding = html.split('data-key="ziekmelding_uwv">')[1].split("</tr>")[0]
    assert "te laat" in melding and "werkgeversportaal" in melding


def test_timeline_table_lists_every_milestone_with_its_status():
    timeline = compute_timeline([Episode(date(2024, 3, 1))], today=date(2024, 6, 1))
    html = table_html(timeline, "nl")
    assert html.count("<tr class=") == len(timeline.milestones)
    assert "20-12-2024" in html and "42e-weeksmelding bij UWV" in html and "voorbij" in html


def test_episode_lines_accept_iso_and_dutch_dates():
    assert parse_episode_lines("2026-01-05 tot 2026-01-20\n\n6-2-2026 tot 10-02-2026") == [
        (date(2026, 1, 5), date(2026, 1, 20)), (date(2026, 2, 6), date(2026, 2, 10))]


def test_ui_chat_streams_the_answer_and_rate_limits_with_a_friendly_message(
    web_settings, real_assistant, tmp_path
):
    from assistant.web import AssistantHolder
    from assistant.web.context import WebContext
    from assistant.web.ui_chat import respond

    settings = web_settings.replace(data_dir=tmp_path, rate_limit_per_minute=1)
    ctx = WebContext.create(settings, AssistantHolder.ready(real_assistant))
    steps = list(respond(ctx, "Wanneer moet spoor 2 starten?", [], "werkgever", "nl", None))
    assert steps[0][0][-1]["content"] == "_Even nadenken…_" and steps[0][2] == ""
    messages, turns, _ = steps[-1]
    assert "geen vaste week" in messages[-1]["content"] and "Bronnen" in messages[-1]["content"]
    assert turns[-1]["kind"] != "refusal"
    assert turns[-1]["question"] == "Wanneer moet spoor 2 starten?"
    *_, (messages, _, _) = respond(ctx, "En voor de werknemer?", turns, None, "nl", None)
    assert "te veel vragen" in messages[-1]["content"]


def test_timeline_picture_is_1000_units_wide_whatever_the_labels():
    timeline = compute_timeline([Episode(date(2025, 3, 1))], today=date(2026, 11, 30))
    assert timeline_svg(timeline, "nl").startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 ')
