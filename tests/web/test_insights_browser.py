"""An operator reads the dashboard and "Unanswered" in a real Chromium, on a desktop and a phone."""
# ruff: noqa: E501
from __future__ import annotations

import pytest

from assistant.web import AssistantHolder, create_app

from .axe import assert_no_serious_violations
from .browsers import WAIT, chromium
from .questionlog_rows import insert_questions, question
from .servers import LiveServer

pytestmark = pytest.mark.browser

TOKEN = "operator-token-0123456789"
SITE = "https://bureau-a.example"
# Rows over several days for the charts (asking would date them all today); the same grouping with
# questions really asked through /api/chat: test_insights.py::test_two_asked_rephrasings_of_an_*.
ROWS = (
    question("2026-11-23T09:00", "Wanneer moet spoor 2 starten?", "card", site=SITE, feedback="up",
             cited=["nl-spoor2-wanneer-starten"]),
    question("2026-11-24T10:00", "Hoeveel kost een jobcoach per uur?", "dont_know", site=SITE, confidence=0.4),
    question("2026-11-24T11:00", "Mag ik tijdens spoor 2 op vakantie naar Spanje?", "card", confidence=0.95,
             feedback="down"),
    question("2026-11-25T12:00", "Wat is het uurtarief van een jobcoach?", "extractive", site=SITE,
             confidence=0.5),
    question("2026-11-25T13:00", "Schrijf een gedicht over de lente", "refusal", confidence=0.9),
)


@pytest.fixture(scope="module")
def console(web_settings, real_assistant, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("insights-browser")
    insert_questions(data_dir, *ROWS)
    settings = web_settings.replace(data_dir=data_dir, admin_token=TOKEN, rate_limit_per_minute=1000)
    with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant))) as server:
        yield server.url


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(params=[1200, 390], ids=["desktop", "phone"])
def page(browser, request):
    # the operator's token as a bearer header (the console's login form is another area's)
    context = browser.new_context(viewport={"width": request.param, "height": 900}, locale="nl-NL",
                                  extra_http_headers={"Authorization": f"Bearer {TOKEN}"})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.width = request.param
    yield page
    context.close()


def _fits(page) -> None:
    """Nothing wider than the screen: wide tables scroll inside their own box."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {page.width}px"


def test_dashboard_shows_its_charts_with_tables_and_filters(console, page, artifacts):
    page.goto(console + "/admin")
    assert page.locator("h1").inner_text() == "Overzicht"
    charts = page.locator("figure.chart svg[role=img]")
    assert charts.count() == 3
    assert page.locator("#chart-days rect.bar").count() == 3  # 23, 24 and 25 November
    assert page.locator("#chart-kinds rect.bar").count() == 4
    assert "Vragen: 5" in page.locator(".totals").inner_text()
    page.locator("#chart-kinds summary").click()
    assert "Weet ik niet" in page.locator("#chart-kinds table").inner_text()
    assert page.locator("#chart-days").bounding_box()["width"] <= page.width
    _fits(page)
    assert_no_serious_violations(page, f"dashboard at {page.width}px")
    page.screenshot(path=artifacts / f"admin-dashboard-{page.width}.png", full_page=True)

    page.select_option("#f-site", SITE)
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**site=https*")
    assert "Vragen: 3" in page.locator(".totals").inner_text()


def test_unanswered_shows_two_rephrasings_as_one_group_of_two(console, page, artifacts):
    page.goto(console + "/admin")
    page.get_by_role("navigation").get_by_role("link", name="Onbeantwoord").click()
    page.wait_for_url("**/admin/onbeantwoord")
    groups = page.locator("ol.groups > li.group")
    assert groups.count() == 3
    first = groups.first
    assert first.get_attribute("data-count") == "2"
    assert first.locator(".count").inner_text() == "2 vragen"
    first.locator("summary").click()
    listed = first.locator("tbody").inner_text()
    assert "Hoeveel kost een jobcoach per uur?" in listed and "Wat is het uurtarief van een jobcoach?" in listed
    assert "Spanje" not in listed and "gedicht" not in listed
    assert [g.get_attribute("data-count") for g in groups.all()[1:]] == ["1", "1"]
    _fits(page)
    assert_no_serious_violations(page, f"unanswered at {page.width}px")
    page.screenshot(path=artifacts / f"admin-unanswered-{page.width}.png", full_page=True)
