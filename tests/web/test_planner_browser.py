"""The planner tab in a real browser: earlier periods as date pickers (add, remove), a pregnancy
leave, steps done and the Poortwachter check, the cost view, a readable timeline and the
.ics/.csv/.pdf downloads. Desktop and 390 px, with axe-core on every state."""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from assistant.deadlines.dates import short_date
from assistant.web.context import today_nl

from . import test_browser
from .axe import assert_no_serious_violations
from .test_accessibility import PHONE, SIZES, _context, _no_sideways_scroll

site = test_browser.site
browser = test_browser.browser

pytestmark = pytest.mark.browser


def _iso(day: date) -> str:
    return day.isoformat()


def _nl(day: date) -> str:
    return short_date(day)


def _download(page, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(selector)
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def _overlapping_labels(page) -> list[str]:
    return page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('#timeline-svg svg .milestone text')]
            .map(t => [t.textContent, t.getBoundingClientRect()]);
        const out = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, p] = boxes[i], [b, q] = boxes[j];
            if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)
                out.push(a + ' / ' + b);
        }
        return out;
    }""")


@pytest.mark.parametrize("size", SIZES)
def test_planner_with_periods_steps_costs_and_downloads(site, browser, artifacts, size):
    today = today_nl()
    # About 19 months sick: the clusters of weeks 42-52 and 88-93 are both on the picture.
    first = today - timedelta(days=7 * 80)
    earlier = (first - timedelta(days=40), first - timedelta(days=20))  # 19 fit days: counted
    pa_done = earlier[0] + timedelta(days=30)  # week 5 of the period that started earlier
    context, page = _context(browser, SIZES[size])
    shots = artifacts / "planner"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(site["app"] + "/ui/")
        page.get_by_role("tab", name="Termijnen berekenen").click()
        page.fill("#first-sick-day input", _iso(first))
        # Earlier periods: add two, remove one; the fields are the browser's date pickers.
        page.click("#add-period")
        page.wait_for_selector("#period-1-start input")
        page.click("#add-period")
        page.wait_for_selector("#period-2-start input")
        assert page.get_attribute("#period-1-start input", "type") == "date"
        page.fill("#period-1-start input", _iso(earlier[0]))
        page.fill("#period-1-end input", _iso(earlier[1]))
        page.fill("#period-2-start input", _iso(first - timedelta(days=5)))
        page.fill("#period-2-end input", _iso(first - timedelta(days=2)))
        page.click("#remove-period")  # the removed period is cleared and does not count
        page.wait_for_selector("#period-2", state="hidden")
        page.get_by_text("Stappen die al gedaan zijn").click()
        page.fill("#step-probleemanalyse input", _iso(pa_done))
        page.get_by_text("Kosten (voor werkgevers)").click()
        page.fill("#monthly-wage input", "3000")
        page.fill("#alarm-days input", "10,1")
        page.click("#calculate")
        page.wait_for_selector("#planner-check table")

        assert f"gestart {_nl(earlier[0])}" in page.inner_text("#planner-summary")
        check = page.locator("#planner-check")
        pa = check.locator("tr[data-key=probleemanalyse]").inner_text()
        assert f"gedaan {_nl(pa_done)}" in pa and "art. 2 Regeling procesgang" in pa
        melding = check.locator("tr[data-key=ziekmelding_uwv]").inner_text()
        assert "te laat" in melding and "boete" in melding  # overdue: what to do now
        assert "nog te doen" in check.locator("tr[data-key=wia_aanvraag]").inner_text()
        costs = page.inner_text("#planner-costs")
        assert "Resterende wachttijd" in costs and "€ 25.200" in costs
        assert "lijstprijzen" in costs and "vakantiegeld" in costs

        svg = page.locator("#timeline-svg svg")
        assert svg.locator(".milestone.next").count() == 1
        assert svg.locator(".milestone.past").count() > 0 and svg.locator(".today").count() == 1
        assert _overlapping_labels(page) == []

        page.screenshot(path=shots / f"{size}-result.png", full_page=True)
        assert_no_serious_violations(page, f"planner with check and costs ({size})")
        if SIZES[size] is PHONE:
            _no_sideways_scroll(page, "planner with check and costs")

        name, data = _download(page, "#download-ics")
        assert name.endswith(".ics")
        events = list(Calendar.from_ical(data.decode()).walk("VEVENT"))
        assert events and all([a.decoded("TRIGGER") for a in e.walk("VALARM")]
                              == [timedelta(days=-10), timedelta(days=-1)] for e in events)
        name, data = _download(page, "#download-csv")
        rows = list(csv.DictReader(io.StringIO(data.decode())))
        assert name.endswith(".csv") and any(r["key"] == "wia_aanvraag" for r in rows)
        name, data = _download(page, "#download-pdf")
        reader = PdfReader(io.BytesIO(data))
        text = " ".join(reader.pages[0].extract_text().split())
        assert name.endswith(".pdf") and len(reader.pages) == 1
        assert f"Eerste ziektedag van de periode: {_nl(earlier[0])}" in text
        assert f"gedaan {_nl(pa_done)}" in text and f"Gemaakt op {_nl(today)}" in text
        wia = next(r for r in rows if r["key"] == "wia_aanvraag")
        assert _nl(date.fromisoformat(wia["date"])) in text

        page.get_by_label("English").check()
        page.locator("#planner-check", has_text="Where do I stand").wait_for()
        page.locator("#timeline-table", has_text="Start of track 2").wait_for()
        page.wait_for_timeout(500)  # Gradio's fade of pending outputs is over
        assert "Waiting period left" in page.inner_text("#planner-costs")
        assert_no_serious_violations(page, f"planner in English ({size})")
    finally:
        context.close()


def _row_date(page, key: str) -> str:
    """The "uiterlijk" date (last in the cell) of milestone `key` in the table."""
    return page.inner_text(f"#timeline-table tr[data-key={key}] td").split()[-1]


@pytest.mark.parametrize("size", SIZES)
def test_planner_leave_moves_the_deadlines(site, browser, size):
    from assistant.deadlines import Episode, Leave, compute_timeline

    today = today_nl()
    first = today - timedelta(days=7 * 40)
    leave = (first + timedelta(days=70), first + timedelta(days=70 + 111))  # 16 weeks, past
    days = (leave[1] - leave[0]).days + 1
    plain = compute_timeline([Episode(first, None)], today=today)
    with_leave = compute_timeline([Episode(first, None)], today=today, leave=[Leave(*leave)])
    key = "einde_wachttijd"
    before = next(m.date for m in plain.milestones if m.key == key)
    after = next(m.date for m in with_leave.milestones if m.key == key)
    assert after == before + timedelta(days=days)  # the case: the leave pauses the wachttijd
    context, page = _context(browser, SIZES[size])
    try:
        page.goto(site["app"] + "/ui/")
        page.get_by_role("tab", name="Termijnen berekenen").click()
        page.fill("#first-sick-day input", _iso(first))
        page.click("#calculate")
        page.locator("#timeline-table", has_text=_nl(before)).wait_for()
        assert _row_date(page, key) == _nl(before)

        # The leave pickers are labelled date pickers; a half or reversed leave is refused.
        assert page.get_attribute("#leave-start input", "type") == "date"
        assert "Zwangerschaps- en bevallingsverlof (optioneel)" in page.inner_text("#leave-label")
        page.get_by_label("Verlof: eerste dag").fill(_iso(leave[0]))
        page.click("#calculate")
        page.locator("#planner-summary", has_text="laatste dag van het verlof").wait_for()
        assert page.inner_text("#timeline-table").strip() == ""
        page.get_by_label("Verlof: laatste dag").fill(_iso(leave[0] - timedelta(days=1)))
        page.click("#calculate")
        page.locator("#planner-summary", has_text="ligt vóór de eerste dag").wait_for()

        page.get_by_label("Verlof: laatste dag").fill(_iso(leave[1]))
        page.click("#calculate")
        page.locator("#timeline-table", has_text=_nl(after)).wait_for()
        assert _row_date(page, key) == _nl(after)
        assert "verlof" in page.inner_text("#planner-summary").lower()  # the note on the leave
        svg_title = page.locator(f"#timeline-svg svg g[data-key={key}] title").text_content()
        assert _nl(after) in svg_title
        name, data = _download(page, "#download-csv")
        rows = list(csv.DictReader(io.StringIO(data.decode())))
        assert next(r["date"] for r in rows if r["key"] == key) == _iso(after)
        name, data = _download(page, "#download-pdf")
        text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
        assert f"{_nl(leave[0])} - {_nl(leave[1])}" in text and _nl(after) in text
        page.wait_for_timeout(500)  # Gradio's fade of pending outputs is over
        assert_no_serious_violations(page, f"planner with a leave ({size})")
        if SIZES[size] is PHONE:
            _no_sideways_scroll(page, "planner with a leave")

        page.get_by_label("English").check()
        page.locator("#leave-label", has_text="Pregnancy and maternity leave (optional)").wait_for()
        assert page.get_by_label("Leave: first day").input_value() == _iso(leave[0])
        page.locator("#timeline-table", has_text="Date").wait_for()
        assert _row_date(page, key) == _nl(after)
    finally:
        context.close()
