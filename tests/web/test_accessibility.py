"""WCAG 2.2 AA in the real browser: axe-core on every page and state, keyboard-only tasks, phone.

axe-core is the npm package (tests/web/axe, installed by scripts/test.sh), injected by Playwright.
Screenshots of every state at both sizes go to test-artifacts/web/a11y/ for review.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from . import test_browser
from .axe import assert_no_serious_violations
from .browsers import WAIT
from .test_browser import QUESTION

# The app and Chromium fixtures of the browser tests, shared.
site = test_browser.site
browser = test_browser.browser

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
IDLE = ("document.querySelector('spoor2-widget').shadowRoot"
        ".querySelector('.log').getAttribute('aria-busy') === 'false'")


@pytest.fixture(scope="module")
def shots(artifacts) -> Path:
    folder = artifacts / "a11y"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _context(browser, size: dict, locale: str = "nl-NL"):
    # bypass_csp: axe-core is injected as an inline script, which a strict CSP would block.
    context = browser.new_context(viewport=size, locale=locale, bypass_csp=True,
                                  is_mobile=size is PHONE, has_touch=size is PHONE)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    return context, page


def _no_sideways_scroll(page, state: str) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{state}: {width[0]} px wide on a {width[1]} px screen"


def _check(page, state: str, size: str, shots: Path) -> None:
    page.wait_for_timeout(300)  # let transitions and our script settle
    page.screenshot(path=shots / f"{size}-{state}.png", full_page=True)
    assert_no_serious_violations(page, f"{state} ({size})")
    if size == "phone":
        _no_sideways_scroll(page, state)


def _answered(page) -> None:
    page.wait_for_selector("#chatbot details.bronnen")
    # Our script announces a message once it is complete.
    page.wait_for_function("document.querySelector('#announcer').textContent.length > 0")


@pytest.mark.parametrize("size", SIZES)
def test_every_page_and_state_has_no_serious_axe_violations(site, browser, shots, size):
    context, page = _context(browser, SIZES[size])
    try:
        page.goto(site["app"] + "/ui/")
        page.wait_for_selector("#chatbot")
        _check(page, "chat-empty-nl", size, shots)
        page.fill("#question textarea", QUESTION)
        page.click("#send")
        _answered(page)
        page.click("#chatbot details.bronnen summary")
        _check(page, "chat-answer-sources-nl", size, shots)
        source = page.locator("#chatbot details.bronnen a[href^='/bron/']").first
        source_href = source.get_attribute("href")

        page.get_by_role("tab", name="Termijnen berekenen").click()
        _check(page, "planner-empty-nl", size, shots)
        page.fill("#first-sick-day input", "2026-01-05")
        page.click("#add-period")
        page.fill("#period-1-start input", "2025-12-20")
        page.fill("#period-1-end input", "2025-12-01")
        page.click("#calculate")
        page.get_by_text("vóór het begin").wait_for()
        _check(page, "planner-error-nl", size, shots)
        page.click("#remove-period")
        page.wait_for_selector("#period-1", state="hidden")
        page.click("#calculate")
        page.wait_for_selector("#timeline-svg svg .today")
        _check(page, "planner-result-nl", size, shots)

        page.get_by_label("English").check()
        page.get_by_role("button", name="Download calendar (.ics)").wait_for()
        page.locator("#timeline-table", has_text="Start of track 2").wait_for()  # recomputed
        _check(page, "planner-result-en", size, shots)
        page.get_by_role("tab", name="Ask").click()
        page.get_by_role("button", name="Send").wait_for()
        _check(page, "chat-answer-en", size, shots)

        page.goto(site["app"] + source_href)
        _check(page, "bron-page", size, shots)
        page.goto(site["app"] + "/bron/bestaat-niet")
        _check(page, "bron-not-found", size, shots)

        page.goto(site["app"] + "/widget/demo")
        _check(page, "widget-closed", size, shots)
        page.locator("spoor2-widget .launcher").click()
        _check(page, "widget-open", size, shots)
        page.locator("spoor2-widget textarea").fill(QUESTION)
        page.locator("spoor2-widget textarea").press("Enter")
        page.locator("spoor2-widget .sources a").first.wait_for()
        page.wait_for_function(IDLE)
        _check(page, "widget-answer-sources", size, shots)
    finally:
        context.close()


def test_english_ui_in_an_english_browser_has_no_serious_axe_violations(site, browser, shots):
    context, page = _context(browser, DESKTOP, locale="en-GB")
    try:
        page.goto(site["app"] + "/ui/")
        page.wait_for_selector("#chatbot")
        # The app's language, not the browser's, sets <html lang> and Gradio's own labels.
        assert page.evaluate("document.documentElement.lang") == "nl"
        assert page.get_by_role("log", name="Gesprek").count() == 1
        page.get_by_label("English").check()
        page.get_by_role("log", name="Conversation").wait_for()
        assert page.evaluate("[document.documentElement.lang, document.title]") == \
            ["en", "Spoor 2 Assistant"]
        page.get_by_label("Your question").fill("When must track 2 start?")
        page.get_by_role("button", name="Send").click()
        _answered(page)
        assert page.locator("#chatbot button[aria-label='Like']").count() >= 1
        _check(page, "chat-answer-en-browser", "desktop", shots)
        page.set_content(f"""<!doctype html><html lang="en"><head><title>Host</title></head>
            <body><main><h1>Host</h1></main><script src="{site['app']}/widget.js"
            data-language="en"></script></body></html>""")
        page.locator("spoor2-widget .launcher").click()
        assert page.locator("spoor2-widget button.send").inner_text() == "Send"
        _check(page, "widget-open-en", "desktop", shots)
    finally:
        context.close()


# --- keyboard only -------------------------------------------------------------------------------

def _tab_to(page, matches: str, key: str = "Tab", limit: int = 60) -> None:
    """Press `key` until the focused element (inside shadow roots too) matches the CSS selector."""
    check = """sel => { let a = document.activeElement;
                        while (a && a.shadowRoot && a.shadowRoot.activeElement)
                          a = a.shadowRoot.activeElement;
                        return !!a && a.matches(sel); }"""
    for _ in range(limit):
        if page.evaluate(check, matches):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{matches} was not reached with {key}")


def _focused(page) -> str:
    return page.evaluate("""() => { let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return a ? a.outerHTML.slice(0, 120) : ''; }""")


def _outline(page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_keyboard_only_ask_open_sources_rate_and_start_over(site, browser, shots):
    context, page = _context(browser, DESKTOP)
    try:
        page.goto(site["app"] + "/ui/")
        page.wait_for_selector("#chatbot")
        # The audience radios are one group: one tab stop, arrow keys choose.
        _tab_to(page, "#audience input[type=radio]")
        assert _outline(page) != "none"   # the focused radio shows where the keyboard is
        page.keyboard.press("ArrowDown")
        assert page.get_by_label("Ik ben werknemer").is_checked()
        page.keyboard.press("Tab")
        assert "type=\"radio\"" not in _focused(page)
        _tab_to(page, "#question textarea")
        page.keyboard.type(QUESTION)
        page.keyboard.press("Enter")
        _answered(page)
        # A screen reader hears the answer once, with who said it.
        assert page.inner_text("#announcer").startswith("Assistent: ")
        _tab_to(page, "#chatbot details.bronnen summary", key="Shift+Tab")
        page.keyboard.press("Enter")
        assert page.locator("#chatbot details.bronnen").last.get_attribute("open") is not None
        _tab_to(page, "#chatbot button[aria-label='Vind ik leuk']")
        page.keyboard.press("Enter")
        page.get_by_text("Bedankt voor uw feedback.").wait_for()
        rows = sqlite3.connect(site["feedback_db"]).execute(
            "SELECT rating FROM feedback WHERE question = ? AND rating = 'up'", (QUESTION,)
        ).fetchall()
        assert rows
        page.screenshot(path=shots / "desktop-keyboard-rated.png", full_page=True)
        _tab_to(page, "#reset")
        page.keyboard.press("Enter")
        page.wait_for_selector("#chatbot details.bronnen", state="detached")
    finally:
        context.close()


def test_keyboard_only_compute_and_download_a_timeline(site, browser, shots):
    context, page = _context(browser, DESKTOP)
    try:
        page.goto(site["app"] + "/ui/")
        page.wait_for_selector("#chatbot")
        _tab_to(page, "[role=tab][aria-selected=true]")
        page.keyboard.press("ArrowRight")   # tabs switch with the arrow keys
        page.wait_for_selector("#tab-planner-button[aria-selected=true]")
        _tab_to(page, "#first-sick-day input")
        assert page.get_by_label("Eerste ziektedag").get_attribute("placeholder") == "JJJJ-MM-DD"
        assert _outline(page) != "none"
        page.keyboard.type("2026-01-05")
        _tab_to(page, "#calculate")
        page.keyboard.press("Enter")
        # The result is announced (a status region) and gets focus.
        page.wait_for_function("document.activeElement && "
                               "document.activeElement.id === 'planner-summary'")
        assert page.get_attribute("#planner-summary", "role") == "status"
        assert "week" in page.inner_text("#planner-summary")
        page.screenshot(path=shots / "desktop-keyboard-planner.png", full_page=True)
        _tab_to(page, "#download-ics")
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        assert Path(info.value.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    finally:
        context.close()


def test_keyboard_only_widget_opens_answers_a_starter_and_returns_focus(site, browser, shots):
    context, page = _context(browser, DESKTOP)
    try:
        page.goto(site["allowed"])
        _tab_to(page, "button.launcher")
        page.keyboard.press("Enter")
        assert "spoor2-input" in _focused(page)
        # Choose a starter question: focus stays in the widget, in the question box.
        _tab_to(page, ".starters button", key="Shift+Tab")
        added = page.evaluate("""() => { const log = document.querySelector('spoor2-widget')
            .shadowRoot.querySelector('.log'); window.__changes = {added: 0, removed: 0};
            window.__heard = [];
            const live = document.querySelector('spoor2-widget').shadowRoot
              .querySelector('[role=status]');
            new MutationObserver(ms => ms.forEach(m => {
              window.__changes.added += m.addedNodes.length;
              window.__changes.removed += m.removedNodes.length; }))
              .observe(log, {childList: true, subtree: true});
            new MutationObserver(() => {
              if (live.textContent) window.__heard.push(live.textContent); })
              .observe(live, {childList: true, subtree: true, characterData: true});
            return true; }""")
        assert added
        page.keyboard.press("Enter")
        assert "spoor2-input" in _focused(page)
        page.locator("spoor2-widget .sources a").first.wait_for()
        page.wait_for_function(IDLE)
        page.wait_for_timeout(200)
        changes = page.evaluate("window.__changes")
        heard = page.evaluate("window.__heard")
        # One answer changes a handful of nodes, not the whole log.
        assert changes["added"] <= 6 and changes["removed"] <= 6, changes
        assert len(heard) == 1 and heard[0].startswith("Assistent: "), heard
        speakers = [x.strip() for x in page.locator("spoor2-widget .msg .sr").all_inner_texts()]
        assert speakers[-2:] == ["U:", "Assistent:"]
        page.screenshot(path=shots / "desktop-keyboard-widget.png")
        page.keyboard.press("Escape")
        page.locator("spoor2-widget .panel").wait_for(state="hidden")
        assert "launcher" in _focused(page)
    finally:
        context.close()


# --- phone ---------------------------------------------------------------------------------------

TARGETS = """() => [...document.querySelectorAll(
    'button, summary, [role=tab], input:not([type=radio]), textarea, label:has(input[type=radio])')]
  .filter(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                 return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                        && !e.closest('[aria-hidden=true]'); })
  .map(e => { const r = e.getBoundingClientRect();
              return [e.outerHTML.slice(0, 80), Math.round(r.width), Math.round(r.height)]; })
  .filter(([, w, h]) => w < 24 || h < 24)"""


def test_phone_layout_has_no_sideways_scroll_and_big_enough_targets(site, browser, shots):
    context, page = _context(browser, PHONE)
    try:
        page.goto(site["app"] + "/ui/")
        page.wait_for_selector("#chatbot")
        page.wait_for_timeout(500)
        assert page.evaluate("window.scrollY") == 0  # no autofocus jump past the title
        assert page.locator("#privacy-note").is_visible()
        page.fill("#question textarea", QUESTION)
        page.click("#send")
        _answered(page)
        # The answer is shown from its start, not scrolled to its end.
        top = page.evaluate("""() => {
            const rows = document.querySelectorAll('#chatbot .message-row');
            const log = document.querySelector('#chatbot [role=log]');
            return [rows[rows.length - 1].getBoundingClientRect().top,
                    log.getBoundingClientRect().top, log.getBoundingClientRect().bottom]; }""")
        assert top[1] - 1 <= top[0] < top[2], top
        assert page.evaluate(TARGETS) == []
        _no_sideways_scroll(page, "chat")
        page.get_by_role("tab", name="Termijnen berekenen").click()
        page.fill("#first-sick-day input", "2026-01-05")
        page.click("#calculate")
        page.wait_for_selector("#timeline-svg svg .today")
        assert page.evaluate(TARGETS) == []
        _no_sideways_scroll(page, "planner with the timeline table")
        page.goto(site["app"] + "/widget/demo")
        _no_sideways_scroll(page, "widget demo page")
        launcher = page.locator("spoor2-widget .launcher").bounding_box()
        assert launcher["x"] + launcher["width"] <= PHONE["width"]
        page.screenshot(path=shots / "phone-widget-demo.png", full_page=True)
    finally:
        context.close()


def test_over_long_questions_are_counted_down_and_never_cut(site, browser, web_settings):
    limit = web_settings.max_message_chars
    context, page = _context(browser, DESKTOP)
    try:
        page.goto(site["app"] + "/ui/")
        page.wait_for_selector("#chatbot")
        page.fill("#question textarea", "a" * (limit - 120))
        page.get_by_text("nog 120 tekens").wait_for()
        page.fill("#question textarea", "a" * (limit + 5))
        page.get_by_text("5 tekens te veel").wait_for()
        assert len(page.input_value("#question textarea")) == limit + 5
        page.goto(site["allowed"])
        page.locator("spoor2-widget .launcher").click()
        box = page.locator("spoor2-widget textarea")
        box.fill("b" * (limit - 120))
        assert page.locator("spoor2-widget .count").inner_text() == "nog 120 tekens"
        box.fill("b" * (limit + 5))
        assert page.locator("spoor2-widget .count").inner_text().startswith("5 tekens te veel")
        assert len(box.input_value()) == limit + 5
        assert box.get_attribute("aria-invalid") == "true"
    finally:
        context.close()
