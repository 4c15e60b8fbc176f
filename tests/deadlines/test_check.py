"""The Poortwachter check: every step done, due and overdue on fact-sheet example A (§3.3)."""
from __future__ import annotations

import pytest

from assistant.deadlines.check import check_steps
from assistant.deadlines.check_catalogue import STEPS
from assistant.deadlines.dates import short_date
from assistant.errors import DeadlineInputError

from .helpers import d, timeline

START = "01-03-2024"  # Friday; fact sheet §3.3 worked example A

# step, deadline (fact sheet §3.3), a day before it, a day after it
DEADLINES = [
    ("probleemanalyse", "11-04-2024"),
    ("plan_van_aanpak", "25-04-2024"),
    ("ziekmelding_uwv", "20-12-2024"),
    ("eerstejaarsevaluatie", "27-02-2025"),
    ("spoor2_start", "10-04-2025"),  # 6 weeks after the end of week 52 (practice norm)
    ("re_integratieverslag", "27-11-2025"),
    ("wia_aanvraag", "11-12-2025"),
]


def _check(today: str, done: dict | None = None, evaluations=()):
    t = timeline(f"{START}..", today=today)
    steps = check_steps(t, {k: d(v) for k, v in (done or {}).items()}, today=d(today),
                        evaluations=[d(e) for e in evaluations])
    return {s.key: s for s in steps}


@pytest.mark.parametrize("key,deadline", DEADLINES)
def test_step_is_due_with_days_left_before_its_deadline(key, deadline):
    step = _check("01-04-2024")[key]
    assert step.status == "due"
    assert step.due == d(deadline)
    assert step.days_left == (d(deadline) - d("01-04-2024")).days
    assert step.action("nl") == "" and "nog te doen" in step.label("nl")


@pytest.mark.parametrize("key,deadline", DEADLINES)
def test_step_due_today_says_today_not_0_days(key, deadline):
    step = _check(deadline)[key]
    assert step.status == "due" and step.days_left == 0
    assert step.label("nl") == "nog te doen (vandaag)" and step.label("en") == "to do (today)"


@pytest.mark.parametrize("key,deadline", DEADLINES)
def test_step_is_overdue_the_day_after_its_deadline_with_what_to_do_now(key, deadline):
    day_after = d(deadline).toordinal() + 1
    from datetime import date
    today = short_date(date.fromordinal(day_after))
    step = _check(today)[key]
    assert step.status == "overdue" and step.days_left == -1
    assert step.action("nl") and step.action("en")
    assert "te laat (1 dag)" in step.label("nl") and "overdue (1 day)" in step.label("en")


@pytest.mark.parametrize("key,deadline", DEADLINES)
def test_step_is_done_when_a_date_is_given_even_after_its_deadline(key, deadline):
    on_time = _check("01-03-2026", {key: deadline})[key]
    assert on_time.status == "done" and not on_time.late and on_time.action("nl") == ""
    assert on_time.label("nl") == f"gedaan {deadline}"
    late = _check("01-03-2026", {key: "20-02-2026"})[key]
    assert late.status == "done" and late.late and "te laat" in late.label("nl")


def test_deadline_on_the_day_itself_is_due_not_overdue():
    step = _check("11-04-2024")["probleemanalyse"]
    assert step.status == "due" and step.days_left == 0


def test_plan_van_aanpak_counts_two_weeks_from_the_probleemanalyse_held():
    step = _check("20-03-2024", {"probleemanalyse": "15-03-2024"})["plan_van_aanpak"]
    assert step.due == d("29-03-2024") and step.status == "due" and step.days_left == 9
    assert "art. 4 Regeling procesgang" in step.basis and step.norm == "law"


def test_spoor2_counts_six_weeks_from_the_eje_held_and_is_a_practice_norm():
    step = _check("15-02-2025", {"eerstejaarsevaluatie": "10-01-2025"})["spoor2_start"]
    assert step.due == d("21-02-2025") and step.norm == "practice"
    assert "praktijknorm" in step.basis and "art. 7:658a lid 1 BW" in step.basis


def test_evaluation_due_six_weeks_after_the_plan_then_overdue_then_done():
    # No plan date given: the plan is due at the end of week 8 (25-04-2024), + 42 days.
    due = _check("01-06-2024")["evaluatie"]
    assert due.status == "due" and due.due == d("06-06-2024") and due.norm == "practice"
    overdue = _check("10-06-2024")["evaluatie"]
    assert overdue.status == "overdue" and overdue.days_left == -4
    assert "loonsanctie" in overdue.action("nl")
    done = _check("10-06-2024", evaluations=["01-06-2024"])["evaluatie"]
    assert done.status == "done" and done.done_on == d("01-06-2024")
    assert done.due == d("13-07-2024")  # the next one, 6 weeks later
    stale = _check("20-07-2024", evaluations=["01-06-2024"])["evaluatie"]
    assert stale.status == "overdue"


def test_legal_bases_match_the_fact_sheet():
    steps = _check("01-04-2024")
    assert steps["probleemanalyse"].basis.startswith("art. 2 Regeling procesgang")
    assert steps["ziekmelding_uwv"].basis == "art. 38 Ziektewet"
    assert "art. 25 lid 3 WIA" in steps["re_integratieverslag"].basis
    assert "art. 64 lid 3 WIA" in steps["wia_aanvraag"].basis
    assert [s for s in STEPS if s in steps] == list(steps)
    assert {s.norm for k, s in steps.items() if k not in ("evaluatie", "spoor2_start")} == {"law"}


def test_overdue_42nd_week_report_says_fine_not_loonsanctie():
    step = _check("01-01-2025")["ziekmelding_uwv"]
    assert "boete" in step.action("nl") and "geen loonsanctie" in step.action("nl")
    assert "fine" in step.action("en") and "week 81" in step.action("en")


@pytest.mark.parametrize("done,message", [
    ({"probleemanalyse": "01-02-2024"}, "vóór de eerste ziektedag"),
    ({"probleemanalyse": "01-05-2024"}, "in de toekomst"),
])
def test_impossible_done_dates_are_refused_in_both_languages(done, message):
    with pytest.raises(DeadlineInputError) as err:
        _check("01-04-2024", done)
    assert message in err.value.user_message("nl") and err.value.user_message("en")


def test_unknown_step_is_refused():
    t = timeline(f"{START}..", today="01-04-2024")
    with pytest.raises(DeadlineInputError):
        check_steps(t, {"koffie": d("02-03-2024")}, today=d("01-04-2024"))


def test_a_step_said_done_without_a_date_is_done_and_never_late():
    t = timeline(f"{START}..", today="01-03-2025")
    steps = {s.key: s for s in check_steps(t, {}, today=d("01-03-2025"),
                                           undated={"plan_van_aanpak", "evaluatie"})}
    for key in ("plan_van_aanpak", "evaluatie"):
        assert steps[key].status == "done" and steps[key].done_on is None
        assert steps[key].label("nl") == "gedaan" and steps[key].label("en") == "done"
    assert steps["probleemanalyse"].status == "overdue"
