"""The widget on two bureaus' sites (two loopback origins with a profile each), in real Chromium:
defaults from the profile, data- overrides, the JS API with its queue, events, inline mode and
thumbs; WCAG 2.2 AA (axe-core) and a 390 px phone."""
from __future__ import annotations

import sqlite3

import pytest

from assistant.web import AssistantHolder, create_app

from .axe import assert_no_serious_violations
from .browsers import WAIT, chromium
from .servers import LiveServer, PageServer, free_port

pytestmark = pytest.mark.browser

HEAD = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>{title}</title>
<style>* {{ font-family: serif !important; }} button {{ background: hotpink !important; }}</style>
<script>
window.events = [];
["spoor2:opened", "spoor2:answered", "spoor2:handoff"].forEach(function (name) {{
  window.addEventListener(name, function (e) {{
    window.events.push({{type: e.type, detail: e.detail}});
  }});
}});
window.Spoor2=window.Spoor2||function(){{(Spoor2.q=Spoor2.q||[]).push(arguments)}};
{calls}
</script></head><body><main><h1>{title}</h1>"""
# Alfa's page: no data- attributes at all; it opens the chat through the queued API.
ALFA_PAGE = HEAD + """<p>Re-integratie in het tweede spoor.</p>
<script src="{app}/widget.js" async></script></main></body></html>"""
# Beta's page: the chat inside the page, its own title on the script tag.
BETA_PAGE = HEAD + """<div id="chat"></div>
<script src="{app}/widget.v1.js" data-target="#chat" data-title="Stel uw vraag aan Beta"
  async></script></main></body></html>"""
SITES = """sites:
  - key: alfa
    origin: {alfa}
    title: {{nl: "Vragen aan Alfa?", en: "Questions for Alfa?"}}
    greeting: {{nl: Welkom bij Alfa., en: Welcome to Alfa.}}
    colour: "#7c2d12"
    language: en
    audience: werkgever
  - key: beta
    origin: {beta}
    title: "Vragen aan Beta?"
    greeting: Welkom bij Beta Loopbaan.
    colour: "#14532d"
    language: nl
    contact_url: https://www.beta-loopbaan.nl/contact
"""


@pytest.fixture(scope="module")
def sites(web_settings, real_assistant, tmp_path_factory):
    """The app and two host sites on different origins (127.0.0.1 and localhost)."""
    port = free_port()
    app = f"http://127.0.0.1:{port}"
    alfa_page = ALFA_PAGE.format(app=app, lang="en", title="Alfa", calls='Spoor2("open");')
    with PageServer(alfa_page) as alfa, \
            PageServer(BETA_PAGE.format(app=app, lang="nl", title="Beta", calls="")) as beta:
        beta_url = beta.url.replace("127.0.0.1", "localhost")
        root = tmp_path_factory.mktemp("widget-sites")
        (root / "sites.yaml").write_text(SITES.format(alfa=alfa.url, beta=beta_url),
                                         encoding="utf-8")
        settings = web_settings.replace(data_dir=root / "data", sites=root / "sites.yaml",
                                        rate_limit_per_minute=1000)
        with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant)), port=port):
            yield {"alfa": alfa.url, "beta": beta_url, "feedback_db": settings.feedback_db}


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    yield page
    context.close()


def _shadow(page, selector: str):
    return page.locator(f"spoor2-widget {selector}")


def _events(page) -> list[str]:
    return page.evaluate("window.events.map(e => e.type)")


def test_the_widget_takes_title_greeting_colour_and_language_from_the_sites_profile(sites, page):
    page.goto(sites["alfa"])
    panel = _shadow(page, ".panel")
    panel.wait_for()  # opened by the call queued before the script loaded
    assert _shadow(page, ".head h2").inner_text() == "Questions for Alfa?"
    assert "Welcome to Alfa." in _shadow(page, ".log").inner_text()
    assert _shadow(page, "textarea").get_attribute("placeholder") == "Type your question…"
    colour = _shadow(page, ".head").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(124, 45, 18)"
    assert _events(page) == ["spoor2:opened"]
    assert_no_serious_violations(page, "widget with a site profile, open")
    page.evaluate("Spoor2('close')")
    panel.wait_for(state="hidden")


def test_the_js_api_asks_the_answered_event_fires_and_thumbs_store_feedback(sites, page, artifacts):
    page.goto(sites["alfa"])
    _shadow(page, ".panel").wait_for()
    page.evaluate("Spoor2('ask', 'When must track 2 start?')")
    page.wait_for_function("window.events.some(e => e.type === 'spoor2:answered')")
    detail = page.evaluate("window.events.find(e => e.type === 'spoor2:answered').detail")
    assert detail["kind"] and detail["language"] == "en" and "question_id" in detail
    up = _shadow(page, ".rate button.thumb-up").last
    assert up.inner_text().endswith("Helpful") and up.get_attribute("aria-pressed") == "false"
    assert _shadow(page, ".rate").last.get_attribute("aria-label") == "Was this answer helpful?"
    up.click()
    _shadow(page, ".rated").get_by_text("Thank you for your feedback.").wait_for()
    assert up.get_attribute("aria-pressed") == "true"
    rows = sqlite3.connect(sites["feedback_db"]).execute(
        "SELECT rating, source, answer_kind FROM feedback").fetchall()
    assert rows == [("up", "widget", detail["kind"])]
    assert_no_serious_violations(page, "widget answered, thumbs up")
    page.screenshot(path=artifacts / "widget-site-profile-thumbs.png")


def test_data_attributes_override_the_profile_and_inline_mode_renders_in_the_page(
    sites, browser, artifacts
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    try:
        page.goto(sites["beta"])
        inline = page.locator("#chat spoor2-widget")
        inline.locator(".panel").wait_for()  # open without a click, inside #chat
        assert inline.locator(".launcher").is_hidden() and inline.locator(".close").is_hidden()
        assert inline.locator(".head h2").inner_text() == "Stel uw vraag aan Beta"  # data-title
        assert "Welkom bij Beta Loopbaan." in inline.locator(".log").inner_text()   # the profile's
        colour = inline.locator(".head").evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(20, 83, 45)"
        chat, panel = page.locator("#chat").bounding_box(), inline.locator(".panel").bounding_box()
        assert chat["x"] <= panel["x"]
        assert panel["x"] + panel["width"] <= chat["x"] + chat["width"] + 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        inline.locator("textarea").fill("Wanneer moet spoor 2 starten?")
        inline.locator("textarea").press("Enter")
        page.wait_for_function("window.events.some(e => e.type === 'spoor2:answered')")
        assert "geen vaste week" in inline.locator(".log").inner_text()
        page.evaluate("Spoor2('close')")  # an inline chat stays
        assert inline.locator(".panel").is_visible()
        assert_no_serious_violations(page, "inline widget on a phone, answered")
        page.screenshot(path=artifacts / "widget-inline-phone.png", full_page=True)
    finally:
        context.close()


def test_a_source_link_tells_the_source_page_the_sites_origin_and_nothing_more(sites, page):
    # /bron/ shows a site's own document only to visitors from that site (test_site_scoping.py);
    # the widget's link sends the site's origin as Referer, never the page's path.
    page.goto(sites["alfa"] + "/vragen?klant=123")
    _shadow(page, ".panel").wait_for()
    page.evaluate("Spoor2('ask', 'When must track 2 start?')")
    page.wait_for_function("window.events.some(e => e.type === 'spoor2:answered')")
    link = _shadow(page, 'a[href*="/bron/"]').first
    assert link.get_attribute("rel") == "noopener"
    with page.context.expect_event("request", predicate=lambda r: "/bron/" in r.url) as sent, \
            page.context.expect_page() as opened:
        link.click()
    assert sent.value.all_headers().get("referer") == sites["alfa"].rstrip("/") + "/"
    opened.value.wait_for_load_state()
    assert opened.value.locator("h1").inner_text()
    opened.value.close()
