"""The question log seen from a real browser: the widget on another site and the own UI, with
logging on: each question is one row with the right site, the notices say how long it is kept,
and the UI's thumbs land on the row."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from assistant.web import AssistantHolder, create_app

from .axe import assert_no_serious_violations
from .browsers import WAIT, chromium
from .servers import LiveServer, PageServer, free_port

pytestmark = pytest.mark.browser

HOST_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>Bureau</title></head><body><h1>Bureau</h1>
<script src="{app}/widget.js" data-language="nl" async></script></body></html>"""


@pytest.fixture(scope="module")
def site(web_settings, real_assistant, tmp_path_factory):
    port = free_port()
    app_url = f"http://127.0.0.1:{port}"
    with PageServer(HOST_PAGE.format(app=app_url)) as host:
        settings = web_settings.replace(data_dir=tmp_path_factory.mktemp("logged"),
                                        allowed_origins=(host.url,), rate_limit_per_minute=1000,
                                        question_log=True, retention_days=30)
        with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant)),
                        port=port) as server:
            yield {"app": server.url, "host": host.url, "db": settings.question_db}


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    yield page
    context.close()


def _row(db: Path, question: str) -> dict:
    for _ in range(100):  # the row is written as the answer is sent
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        try:
            found = conn.execute("SELECT * FROM questions WHERE question = ?",
                                 (question,)).fetchall()
        except sqlite3.OperationalError:
            found = []
        finally:
            conn.close()
        if found:
            assert len(found) == 1
            return dict(found[0])
        time.sleep(0.1)
    raise AssertionError(f"no row for {question!r}")


def test_widget_question_is_logged_with_the_host_sites_origin(site, page):
    page.goto(site["host"])
    page.locator("spoor2-widget .launcher").click()
    notice = page.locator("spoor2-widget .privacy").inner_text()
    assert "medische gegevens" in notice and "30 dagen bewaard" in notice
    question = "Wie betaalt spoor 2?"
    page.locator("spoor2-widget textarea").fill(question)
    page.locator("spoor2-widget textarea").press("Enter")
    page.locator("spoor2-widget .sources a").first.wait_for()
    row = _row(site["db"], question)
    assert row["site"] == site["host"] and row["language"] == "nl"
    assert_no_serious_violations(page, "widget with the retention notice")


def test_ui_question_is_logged_as_the_own_site_and_thumbs_land_on_it(site, page):
    page.goto(site["app"] + "/ui/")
    assert "30 dagen bewaard" in page.inner_text("#privacy-note")
    question = "Wanneer moet spoor 2 starten?"
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_selector("#chatbot details.bronnen")
    assert _row(site["db"], question)["site"] == ""
    page.locator("#chatbot button[aria-label='Vind ik niet leuk']").last.click()
    page.wait_for_selector("#feedback-comment textarea")
    page.fill("#feedback-comment textarea", "Te kort. Bel 06-12345678")
    page.click("#feedback-send")
    page.wait_for_selector("#feedback-comment", state="hidden")
    row = _row(site["db"], question)
    assert (row["feedback"], row["feedback_comment"]) == ("down", "Te kort. Bel [telefoon]")
