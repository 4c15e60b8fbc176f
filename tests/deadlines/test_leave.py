"""Zwangerschaps- en bevallingsverlof (WAZO) and samentellen: fact sheet §3.2, art. 7:629 lid 10
BW, art. 23 lid 3 and lid 5 WIA. Every expected date is worked out by hand in the comments."""
from __future__ import annotations

import pytest

from assistant.deadlines import DeadlineInputError, Episode, Leave, compute_timeline

from .helpers import d, dates, eps

# The case of all examples: first sick day Monday 06-01-2025; leave Monday 10-03-2025 up to and
# including Monday 30-06-2025 = 22 (March) + 30 + 31 + 30 = 113 days.
LEAVE = Leave(d("10-03-2025"), d("30-06-2025"))


def _timeline(*spans: str, today: str = "01-07-2025", leave=(LEAVE,)):
    return compute_timeline(eps(*spans), today=d(today), leave=leave)


# Example 1: sick 06-01 up to the leave (last sick day 09-03 = day 26 + 28 + 9 = 63), sick
# again from 01-07 with the same cause. The 113 leave days count neither as sick days nor as
# the 4-week break, so 01-07-2025 is sick day 64 and sick day N falls on 01-07-2025 + (N - 64).
# - probleemanalyse, day 42: 06-01 + 41 = 16-02-2025 (before the leave, unchanged)
# - end of week 42, day 294: 01-07-2025 + 230 = 16-02-2026 (Mon); melding: Tue 17-02-2026
# - end of week 104, day 728: 01-07-2025 + 664 = 26-04-2027. Check: without the leave the end
#   is 06-01-2025 + 727 = 03-01-2027; 113 days later is 26-04-2027.
# - WIA-aanvraag, 77 days before: 26-04-2027 - 77 = 08-02-2027; WIA start 27-04-2027.
EXAMPLE_1 = {
    "probleemanalyse": "16-02-2025",
    "ziekmelding_uwv": "17-02-2026",
    "wia_aanvraag": "08-02-2027",
    "einde_wachttijd": "26-04-2027",
    "wia_ingangsdatum": "27-04-2027",
}


@pytest.mark.parametrize(("key", "expected"), EXAMPLE_1.items())
def test_illness_right_before_and_after_the_leave_is_added_up(key, expected):
    t = _timeline("06-01-2025..09-03-2025", "01-07-2025..")
    assert dates(t)[key] == expected
    assert t.period_start == d("06-01-2025")
    assert t.leave_days == 113 and t.paused_days == 0


def test_an_open_episode_through_the_leave_is_split_around_it():
    # The same case given as "sick since 06-01, still sick": the leave days are taken out.
    t = _timeline("06-01-2025..")
    assert {k: dates(t)[k] for k in EXAMPLE_1} == EXAMPLE_1
    assert t.period_episodes == (Episode(d("06-01-2025"), d("09-03-2025")),
                                 Episode(d("01-07-2025")))


def test_without_the_leave_the_gap_starts_a_new_period():
    # A different cause after the leave: the user leaves the verlof out. The 113-day gap is 4
    # weeks or more, so 01-07-2025 is a new dag 1: end 01-07-2025 + 727 = 28-06-2027.
    t = _timeline("06-01-2025..09-03-2025", "01-07-2025..", leave=())
    assert t.period_start == d("01-07-2025")
    assert dates(t)["einde_wachttijd"] == "28-06-2027"


def test_fit_days_around_the_leave_still_count_toward_the_break_and_the_note_says_unsettled():
    # Last sick day 28-02 (day 26 + 28 = 54), fit 01-03..09-03 (9 days), leave, fit
    # 01-07..14-07 (14 days), sick from 15-07: 23 fit days < 28, so added up (the earliest
    # dates). End: 03-01-2027 + 113 leave days + 23 fit days = 19-05-2027.
    t = _timeline("06-01-2025..28-02-2025", "15-07-2025..", today="15-07-2025")
    assert t.period_start == d("06-01-2025")
    assert dates(t)["einde_wachttijd"] == "19-05-2027"
    assert t.paused_days == 23
    assert any("niet uitgemaakt" in n for n in t.notes("nl"))
    assert any("not settled" in n for n in t.notes("en"))


def test_four_weeks_without_illness_around_the_leave_start_a_new_period():
    # 9 fit days before the leave and 19 after (01-07..19-07) make 28: a new period from
    # 20-07-2025, ending 20-07-2025 + 727 = 17-07-2027.
    t = _timeline("06-01-2025..28-02-2025", "20-07-2025..", today="20-07-2025")
    assert t.period_start == d("20-07-2025")
    assert dates(t)["einde_wachttijd"] == "17-07-2027"
    assert any("nieuwe periode" in n for n in t.notes("nl"))


def test_recovered_before_the_leave_the_break_counts_only_after_it():
    # Last sick day 09-03, then the leave; on 15-07 she has been fit 15 days outside the leave:
    # a new illness would still be added up, until 09-03 + 28 days not counting the leave =
    # 06-04 + 113 = 28-07-2025. The dates ahead are the earliest possible (as in example 1).
    t = _timeline("06-01-2025..09-03-2025", today="15-07-2025")
    assert t.state == "recovered"
    assert dates(t)["einde_wachttijd"] == "26-04-2027"
    assert any("28-07-2025" in n for n in t.notes("nl"))
    assert any("2025-07-28" in n for n in t.notes("en"))
    # 28 days outside the leave (01-07..28-07) on 28-07: the period is over.
    assert _timeline("06-01-2025..09-03-2025", today="29-07-2025").state == "ended"


def test_the_notes_name_the_laws_and_the_opzegverbod():
    t = _timeline("06-01-2025..")
    nl, en = " ".join(t.notes("nl")), " ".join(t.notes("en"))
    assert "art. 23 lid 5 WIA" in nl and "art. 7:629 lid 10 BW" in nl and "7:670 lid 1" in nl
    assert "dezelfde oorzaak" in nl and "same cause" in en
    assert t.to_dict()["leave"] == [{"start": "2025-03-10", "end": "2025-06-30"}]


def test_a_leave_long_before_the_illness_changes_nothing():
    t = compute_timeline(eps("01-03-2024.."), today=d("01-03-2024"),
                         leave=[Leave(d("01-03-2020"), d("30-06-2020"))])
    assert dates(t)["einde_wachttijd"] == "26-02-2026"
    assert t.notes("nl") == []


@pytest.mark.parametrize(("leave", "nl_words", "en_words"), [
    ([Leave(d("30-06-2025"), d("10-03-2025"))], "vóór het begin", "before it starts"),
    ([Leave(d("01-01-2025"), d("30-06-2026"))], "langer dan een jaar", "more than a year"),
    ([LEAVE, Leave(d("01-06-2025"), d("01-08-2025"))], "overlappen", "overlap"),
    ([Leave(d("01-01-2003"), d("01-03-2003"))], "Controleer het jaartal", "Check the year"),
])
def test_bad_leave_is_refused_in_both_languages(leave, nl_words, en_words):
    with pytest.raises(DeadlineInputError) as err:
        compute_timeline(eps("06-01-2025.."), today=d("01-07-2025"), leave=leave)
    assert nl_words in err.value.user_message("nl")
    assert en_words in err.value.user_message("en")


def test_sick_days_only_inside_the_leave_are_refused():
    with pytest.raises(DeadlineInputError) as err:
        compute_timeline(eps("01-04-2025..30-04-2025"), today=d("01-07-2025"), leave=[LEAVE])
    assert "verlof" in err.value.user_message("nl")


def test_leave_during_a_loonsanctie_interrupts_it():
    # Sick from 01-03-2024 (end of week 104: 26-02-2026), loonsanctie 52 weeks: normally up to
    # 25-02-2027. Leave 01-06..20-09-2026 (30 + 31 + 31 + 20 = 112 days) interrupts the sanction
    # (art. 25 lid 9 WIA): 25-02-2027 + 112 = 17-06-2027; the WIA can start on 18-06-2027.
    t = compute_timeline(eps("01-03-2024.."), today=d("01-10-2026"), loonsanctie_weeks=52,
                         leave=[Leave(d("01-06-2026"), d("20-09-2026"))])
    assert dates(t)["einde_wachttijd"] == "26-02-2026"
    assert dates(t)["einde_loonsanctie"] == "17-06-2027"
    assert dates(t)["wia_ingangsdatum"] == "18-06-2027"


def test_leave_in_the_wachttijd_moves_the_wachttijd_and_so_the_loonsanctie():
    # Sick from 01-03-2024; leave 01-02..31-05-2026 falls before the normal end (26-02-2026), so
    # it pauses the wachttijd: sick days stop on 31-01-2026 (day 702) and go on from 01-06-2026,
    # so week 104 (day 728) ends on 01-06-2026 + 25 = 26-06-2026, and a 52-week loonsanctie
    # (364 days) after it ends on 25-06-2027.
    t = compute_timeline(eps("01-03-2024.."), today=d("01-10-2026"), loonsanctie_weeks=52,
                         leave=[Leave(d("01-02-2026"), d("31-05-2026"))])
    assert dates(t)["einde_wachttijd"] == "26-06-2026"
    assert dates(t)["einde_loonsanctie"] == "25-06-2027"
