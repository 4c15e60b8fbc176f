"""Real Chromium (Debian's, via Playwright) against the real app on loopback."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.web import AssistantHolder, create_app

from .browsers import WAIT, chromium
from .servers import LiveServer, PageServer, free_port

pytestmark = pytest.mark.browser

QUESTION = "Wanneer moet spoor 2 starten?"
XSS = "<img src=x onerror=alert(1)>"
HOST_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Host site</title>
<style>* {{ font-family: serif !important; }} button {{ background: hotpink !important; }}</style>
</head><body><h1>Een andere website</h1>
<script src="{app}/widget.js" data-title="Hulp bij spoor 2" data-color="#0f766e"
  data-language="nl" data-audience="werknemer" data-contact-url="https://example.org/contact"
  data-send-label="Vraag het" async></script></body></html>"""


@pytest.fixture(scope="module")
def site(web_settings, real_assistant, tmp_path_factory):
    """The app, a host site on an allowed origin and one on an origin that is not allowed."""
    port = free_port()
    app_url = f"http://127.0.0.1:{port}"
    with PageServer(HOST_PAGE.format(app=app_url)) as allowed, \
            PageServer(HOST_PAGE.format(app=app_url)) as denied:
        # one browser plays many users here: the rate limit has its own tests
        settings = web_settings.replace(data_dir=tmp_path_factory.mktemp("browser"),
                                        allowed_origins=(allowed.url,), rate_limit_per_minute=1000)
        app = create_app(settings, AssistantHolder.ready(real_assistant))
        with LiveServer(app, port=port) as server:
            yield {"app": server.url, "allowed": allowed.url, "denied": denied.url,
                   "feedback_db": settings.feedback_db}


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def _ask_ui(page, text: str) -> None:
    page.fill("#question textarea", text)
    page.click("#send")


def test_chat_ui_answers_with_a_collapsible_bronnen_block(site, page, artifacts):
    page.goto(site["app"] + "/")
    page.wait_for_selector("#chatbot")
    assert "medische gegevens, BSN of namen" in page.inner_text("#privacy-note")
    page.get_by_label("Ik ben werkgever").check()
    _ask_ui(page, QUESTION)
    bronnen = page.wait_for_selector("#chatbot details.bronnen")
    assert "geen vaste week" in page.inner_text("#chatbot")
    bronnen.click()
    link = page.locator("#chatbot details.bronnen a").first
    link.wait_for(state="visible")
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith(("/bron/", "https://"))
    page.screenshot(path=artifacts / "ui-chat-bronnen.png", full_page=True)


def test_chat_ui_shows_html_as_text_and_runs_nothing(site, page, artifacts):
    page.goto(site["app"] + "/ui/")
    _ask_ui(page, XSS)
    page.get_by_text(XSS, exact=True).wait_for()
    page.wait_for_function(
        "document.querySelectorAll('#chatbot .message-row').length >= 2 && "
        "!document.querySelector('#chatbot').innerText.includes('Even nadenken')")
    assert page.locator("#chatbot img[src='x']").count() == 0
    assert page.dialogs == []
    page.screenshot(path=artifacts / "ui-xss-as-text.png", full_page=True)


def test_chat_ui_thumbs_down_stores_an_optional_comment_without_personal_details(site, page):
    page.goto(site["app"] + "/ui/")
    _ask_ui(page, QUESTION)
    page.wait_for_selector("#chatbot details.bronnen")
    page.locator("#chatbot button[aria-label='Vind ik niet leuk']").last.click()
    page.wait_for_selector("#feedback-comment textarea")
    page.fill("#feedback-comment textarea", "Te kort. Mail jan@example.nl")
    page.click("#feedback-send")
    page.wait_for_selector("#feedback-comment", state="hidden")
    rows = sqlite3.connect(site["feedback_db"]).execute(
        "SELECT rating, comment, question, source FROM feedback WHERE comment LIKE 'Te kort%'"
    ).fetchall()
    assert rows == [("down", "Te kort. Mail [e-mail]", QUESTION, "ui")]


def test_chat_ui_examples_new_conversation_and_english_switch(site, page, artifacts):
    page.goto(site["app"] + "/ui/")
    page.get_by_text(QUESTION, exact=True).click()   # an example question
    page.wait_for_selector("#chatbot details.bronnen")
    page.click("#reset")
    page.wait_for_selector("#chatbot details.bronnen", state="detached")
    page.get_by_label("Ik ben werknemer").check()
    page.get_by_label("English").check()
    page.get_by_label("I am the employee").wait_for()
    assert page.get_by_label("I am the employee").is_checked()  # the choice survives
    page.get_by_role("button", name="New conversation").wait_for()
    assert page.locator("#send").inner_text().strip() == "Send"
    assert "medical details" in page.inner_text("#privacy-note")
    page.get_by_role("tab", name="Calculate deadlines").wait_for()
    page.screenshot(path=artifacts / "ui-english.png", full_page=True)


def test_planner_shows_table_and_timeline_and_offers_ics(site, page, artifacts):
    page.goto(site["app"] + "/ui/")
    page.get_by_role("tab", name="Termijnen berekenen").click()
    page.fill("#first-sick-day input", "2026-01-05")
    page.click("#calculate")
    page.wait_for_selector("#timeline-svg svg .today")
    assert page.locator("#timeline-svg svg .milestone.status-passed").count() > 0
    assert page.locator("#timeline-svg svg .milestone.status-upcoming").count() > 0
    assert "42e-weeksmelding bij UWV" in page.inner_text("#timeline-table")
    assert "Vandaag is het week" in page.inner_text("#planner-summary")
    with page.expect_download() as info:
        page.click("#download-ics")
    path = info.value.path()
    assert info.value.suggested_filename.endswith(".ics")
    assert Path(path).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    page.screenshot(path=artifacts / "ui-planner.png", full_page=True)


def test_planner_explains_a_wrong_date(site, page):
    page.goto(site["app"] + "/ui/")
    page.get_by_role("tab", name="Termijnen berekenen").click()
    page.fill("#first-sick-day input", "2026-01-05")
    page.click("#add-period")
    page.fill("#period-1-start input", "2025-12-20")
    page.fill("#period-1-end input", "2025-12-01")
    page.click("#calculate")
    page.get_by_text("vóór het begin").wait_for()


def _shadow(page, selector: str):
    return page.locator(f"spoor2-widget {selector}")


def test_widget_on_an_allowed_site_answers_with_citations_and_survives_reload(
    site, page, artifacts
):
    page.goto(site["allowed"])
    launcher = _shadow(page, ".launcher")
    assert launcher.get_attribute("aria-label")
    launcher.click()
    assert _shadow(page, ".log").get_attribute("role") == "log"
    assert _shadow(page, ".starters button").count() == 3
    assert _shadow(page, "button.send").inner_text() == "Vraag het"  # data-send-label
    assert "medische gegevens" in _shadow(page, ".privacy").inner_text()
    _shadow(page, "textarea").fill(QUESTION)
    _shadow(page, "textarea").press("Enter")
    link = _shadow(page, ".sources a").first
    link.wait_for()
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith((site["app"] + "/bron/", "https://"))
    assert "geen vaste week" in _shadow(page, ".log").inner_text()
    page.screenshot(path=artifacts / "widget-answer.png")
    page.reload()
    _shadow(page, ".sources a").first.wait_for()
    assert QUESTION in _shadow(page, ".log").inner_text()
    _shadow(page, ".reset").click()
    assert _shadow(page, ".sources").count() == 0


def test_widget_on_a_site_that_is_not_allowed_says_so(site, page, artifacts):
    page.goto(site["denied"])
    _shadow(page, ".launcher").click()
    notice = _shadow(page, ".notice")
    notice.wait_for()
    assert "niet vanaf deze website" in notice.inner_text()
    assert _shadow(page, "textarea").is_disabled()
    page.screenshot(path=artifacts / "widget-not-allowed.png")


def test_widget_shows_html_as_text_and_runs_nothing(site, page):
    page.goto(site["allowed"])
    _shadow(page, ".launcher").click()
    _shadow(page, "textarea").fill(XSS)
    _shadow(page, "textarea").press("Enter")
    _shadow(page, ".msg.user").first.wait_for()
    page.wait_for_function("!document.querySelector('spoor2-widget').shadowRoot"
                           ".querySelector('.log').getAttribute('aria-busy').includes('true')")
    assert _shadow(page, ".msg.user").first.text_content() == "U: " + XSS  # speaker label first
    assert _shadow(page, "img").count() == 0 and page.dialogs == []
    # The assistant cannot answer this, so the widget offers a person to contact.
    assert _shadow(page, "a.contact").get_attribute("href") == "https://example.org/contact"


def test_widget_is_full_screen_on_a_phone_and_keyboard_usable(site, browser, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    try:
        page.goto(site["allowed"])
        _shadow(page, ".launcher").click()
        panel = _shadow(page, ".panel")
        panel.wait_for()
        box = panel.bounding_box()
        assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 390, 844), box
        page.screenshot(path=artifacts / "widget-phone.png")
        _shadow(page, "textarea").press("Escape")
        panel.wait_for(state="hidden")
        focused = page.evaluate("document.activeElement.shadowRoot.activeElement.className")
        assert focused == "launcher"
    finally:
        context.close()


def test_widget_says_when_it_is_rate_limited(web_settings, real_assistant, tmp_path, page):
    settings = web_settings.replace(data_dir=tmp_path, rate_limit_per_minute=1)
    with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant))) as server:
        page.goto(server.url + "/widget/demo")   # same origin: always allowed
        _shadow(page, ".launcher").click()
        for question in (QUESTION, "Wie betaalt spoor 2?"):
            _shadow(page, "textarea").fill(question)
            _shadow(page, "textarea").press("Enter")
            # A locator, not a JS string: the page's CSP (rightly) forbids eval.
            _shadow(page, ".log[aria-busy='false']").wait_for()
        notice = _shadow(page, ".msg.notice")
        assert "te veel vragen" in notice.inner_text()
        assert _shadow(page, ".sources").count() == 1  # the first answer is still there


def _csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    return found


def test_the_security_headers_break_neither_the_ui_nor_the_widget(site, page):
    violations = _csp_violations(page)
    page.goto(site["app"] + "/ui/")
    _ask_ui(page, QUESTION)
    page.wait_for_selector("#chatbot details.bronnen")
    page.get_by_role("tab", name="Termijnen berekenen").click()
    page.fill("#first-sick-day input", "2026-01-05")
    page.click("#calculate")
    page.wait_for_selector("#timeline-svg svg .today")
    with page.expect_download() as download:
        page.click("#download-ics")
    assert download.value.suggested_filename.endswith(".ics")
    page.goto(site["app"] + "/widget/demo")
    _shadow(page, ".launcher").click()
    _shadow(page, "textarea").fill(QUESTION)
    _shadow(page, "textarea").press("Enter")
    _shadow(page, ".sources a").first.wait_for()
    assert violations == []


FRAME_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Bureau</title>
<link rel="icon" href="data:,"></head><body>
<iframe id="assistent" src="{app}/ui/" width="900" height="700"></iframe></body></html>"""


def test_the_ui_can_be_framed_by_an_allowed_site_only(web_settings, real_assistant, page,
                                                      tmp_path):
    port = free_port()
    app_url = f"http://127.0.0.1:{port}"
    with PageServer(FRAME_PAGE.format(app=app_url)) as bureau, \
            PageServer(FRAME_PAGE.format(app=app_url)) as stranger:
        settings = web_settings.replace(data_dir=tmp_path / "frames",
                                        allowed_origins=(bureau.url,))
        with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant)), port=port):
            violations = _csp_violations(page)
            page.goto(bureau.url)
            page.frame_locator("#assistent").locator("#chatbot").wait_for()
            assert violations == []
            page.goto(stranger.url)
            page.wait_for_timeout(3000)
            frame = page.frame_locator("#assistent")
            assert frame.locator("#chatbot").count() == 0
            assert any("frame-ancestors" in v for v in violations), violations


def test_widget_shows_a_models_answer_while_it_is_written(web_settings, real_assistant, tmp_path, page):
    import itertools
    import time
    from dataclasses import replace

    from langchain_core.callbacks import BaseCallbackHandler
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    from assistant.answering.base import thresholds_for
    from assistant.answering.llm import LLMAnswerer
    from assistant.build import default_answerers
    from assistant.engine import Assistant

    class SlowTokens(BaseCallbackHandler):
        def on_llm_new_token(self, token, **kwargs):
            time.sleep(0.08)

    first = "De wet noemt geen vaste week voor de start van spoor 2 [1]."
    model = GenericFakeChatModel(messages=itertools.repeat(
        first + " Veel adviseurs houden een praktijknorm aan voor de start van spoor 2 [1]."))
    llm = LLMAnswerer(model, config={"callbacks": [SlowTokens()]})
    thresholds = replace(thresholds_for(real_assistant.embedder.name), card=9.0)
    assistant = Assistant(real_assistant.embedder, real_assistant.store,
                          default_answerers(real_assistant.embedder, llm=llm, thresholds=thresholds), llm=llm)
    port = free_port()
    with PageServer(HOST_PAGE.format(app=f"http://127.0.0.1:{port}")) as host:
        settings = web_settings.replace(data_dir=tmp_path / "d", allowed_origins=(host.url,))
        with LiveServer(create_app(settings, AssistantHolder.ready(assistant)), port=port):
            page.goto(host.url)
            _shadow(page, ".launcher").click()
            _shadow(page, "textarea").fill(QUESTION)
            _shadow(page, "textarea").press("Enter")
            log = _shadow(page, ".log")
            deadline = time.monotonic() + 20
            while first not in log.inner_text() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert first in log.inner_text()
            assert _shadow(page, ".sources a").count() == 0  # the model is still writing
            _shadow(page, ".sources a").first.wait_for()
            assert "praktijknorm" in log.inner_text()
