"""Statuses, current week, recovery states, given dates, evaluations and extensions."""
from __future__ import annotations

from datetime import timedelta

import pytest

from .helpers import d, dates, timeline


@pytest.mark.parametrize(
    ("today", "status", "days_left"),
    [
        ("12-04-2024", "passed", -1),
        ("11-04-2024", "due", 0),
        ("28-03-2024", "due", 14),
        ("27-03-2024", "upcoming", 15),
    ],
)
def test_status_against_today(today, status, days_left):
    m = timeline("01-03-2024..", today=today).get("probleemanalyse")
    assert (m.status, m.days_left) == (status, days_left)


@pytest.mark.parametrize(
    ("spans", "today", "week"),
    [
        (("01-03-2024..",), "29-02-2024", None),
        (("01-03-2024..",), "01-03-2024", 1),
        (("01-03-2024..",), "07-03-2024", 1),
        (("01-03-2024..",), "08-03-2024", 2),
        (("01-03-2024..",), "26-02-2026", 104),
        # In the gap (01-06 .. 19-06) the clock pauses at the last sick day, 31-05 = day 92.
        (("01-03-2024..31-05-2024", "20-06-2024.."), "10-06-2024", 14),
        (("01-03-2024..31-05-2024", "20-06-2024.."), "20-06-2024", 14),  # day 93
        (("01-03-2024..31-05-2024", "20-06-2024.."), "25-06-2024", 14),  # day 98 = 14 * 7
        (("01-03-2024..31-05-2024", "20-06-2024.."), "26-06-2024", 15),  # day 99
    ],
)
def test_current_week(spans, today, week):
    assert timeline(*spans, today=today).current_week == week


def test_recently_recovered_projects_earliest_dates_and_says_so():
    t = timeline("01-03-2024..31-05-2024", today="10-06-2024")
    assert t.state == "recovered"
    assert t.current_week == 14
    assert dates(t)["einde_wachttijd"] == "26-02-2026"
    assert "28-06-2024" in t.notes_nl[0] and "2024-06-28" in t.notes_en[0]


def test_recovered_for_28_days_ends_the_period():
    t = timeline("01-03-2024..31-05-2024", today="28-06-2024")
    assert t.state == "ended"
    assert t.current_week is None
    assert t.get("einde_wachttijd") is None
    # Only what fell on or before the last sick day (31-05); evaluatie 1 (06-06) is dropped.
    assert [m.key for m in t.milestones] == ["probleemanalyse", "plan_van_aanpak"]
    assert "nieuwe periode" in t.notes_nl[0]


def test_given_probleemanalyse_moves_plan_van_aanpak_two_weeks_after_it():
    t = timeline("01-03-2024..", today="01-04-2024", probleemanalyse=d("20-03-2024"))
    assert t.get("probleemanalyse").done_on == d("20-03-2024")
    assert t.get("plan_van_aanpak").date == d("03-04-2024")


def test_held_eje_sets_spoor2_start_six_weeks_later():
    t = timeline("01-03-2024..", today="01-03-2025", eje=d("15-01-2025"))
    s2 = t.get("spoor2_start")
    assert (s2.date_from, s2.date) == (d("15-01-2025"), d("26-02-2025"))
    assert s2.norm == "practice"
    assert t.get("eerstejaarsevaluatie").done_on == d("15-01-2025")


def test_evaluations_every_six_weeks_are_practice_norms_until_the_riv():
    t = timeline("01-03-2024..", today="01-03-2024")
    evals = [m for m in t.milestones if m.key.startswith("evaluatie_")]
    assert evals[0].date == d("25-04-2024") + timedelta(days=42)
    assert all(m.norm == "practice" for m in evals)
    assert all(m.date < t.get("re_integratieverslag").date for m in evals)
    eje = t.get("eerstejaarsevaluatie")
    assert not any(eje.date_from <= m.date <= eje.date for m in evals)
    assert [m.key for m in evals] == [f"evaluatie_{i}" for i in range(1, len(evals) + 1)]


def test_loonsanctie_extends_sick_pay_but_not_the_wia_application():
    plain = dates(timeline("01-03-2024..", today="01-03-2024"))
    t = timeline("01-03-2024..", today="01-03-2024", loonsanctie_weeks=10)
    got = dates(t)
    assert got["einde_loonsanctie"] == "07-05-2026"
    assert got["wia_ingangsdatum"] == "08-05-2026"
    assert got["einde_wachttijd"] == plain["einde_wachttijd"]
    assert got["wia_aanvraag"] == plain["wia_aanvraag"]


def test_voluntary_extension_recomputes_wia_deadlines_from_the_new_end():
    t = timeline("01-03-2024..", today="01-03-2024", verlenging_tot=d("31-08-2026"))
    got = dates(t)
    assert got["einde_loondoorbetaling"] == "31-08-2026"
    assert got["wia_ingangsdatum"] == "01-09-2026"
    assert got["wia_aanvraag"] == "15-06-2026"  # 11 weeks before
    assert got["re_integratieverslag"] == "01-06-2026"  # 13 weeks before
    assert got["loonsanctie_besluit_uwv"] == "20-07-2026"  # 6 weeks before
    assert got["einde_wachttijd"] == "26-02-2026"


def test_milestone_fields_and_json_shape():
    t = timeline("01-03-2024..", today="01-06-2024")
    data = t.to_dict()
    assert data["current_week"] == 14 and data["period_start"] == "2024-03-01"
    required = {"key", "date", "date_from", "week", "actor", "title_nl", "title_en", "basis",
                "norm", "status", "days_left"}
    for m in data["milestones"]:
        assert required <= set(m)
        assert m["actor"] in {"werkgever", "werknemer", "bedrijfsarts", "UWV"}
        assert m["norm"] in {"law", "practice"} and m["status"] in {"passed", "due", "upcoming"}
    keys = {m["key"] for m in data["milestones"]}
    assert {"probleemanalyse", "plan_van_aanpak", "evaluatie_1", "ziekmelding_uwv",
            "eerstejaarsevaluatie", "spoor2_start", "vervroegde_iva", "wia_brief_uwv",
            "re_integratieverslag", "wia_aanvraag", "einde_wachttijd", "wia_ingangsdatum"} <= keys
    assert t.get("spoor2_start").norm == "practice" and t.get("wia_aanvraag").norm == "law"
    assert t.get("nope") is None
