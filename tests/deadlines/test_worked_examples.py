"""The worked examples of the fact sheet (§3.2-§3.5) and the calendar edge cases, as tables."""
from __future__ import annotations

import pytest

from .helpers import d, dates, timeline

# §3.3: eerste ziektedag Friday 1 March 2024, continuous illness.
EXAMPLE_A = [
    ("probleemanalyse", "11-04-2024"),
    ("plan_van_aanpak", "25-04-2024"),
    ("ziekmelding_uwv", "20-12-2024"),
    ("eerstejaarsevaluatie", "27-02-2025"),
    ("spoor2_start", "10-04-2025"),
    ("vervroegde_iva", "19-06-2025"),
    ("wia_brief_uwv", "13-11-2025"),
    ("re_integratieverslag", "27-11-2025"),
    ("wia_aanvraag", "11-12-2025"),
    ("einde_wachttijd", "26-02-2026"),
    ("wia_ingangsdatum", "27-02-2026"),
]


@pytest.mark.parametrize(("key", "expected"), EXAMPLE_A)
def test_example_a_continuous_illness_matches_fact_sheet(key, expected):
    t = timeline("01-03-2024..", today="01-03-2024")
    assert dates(t)[key] == expected


def test_example_a_windows_and_weeks():
    t = timeline("01-03-2024..", today="01-03-2024")
    eje = t.get("eerstejaarsevaluatie")
    assert eje.date_from == d("10-01-2025") and eje.week == 52
    brief = t.get("wia_brief_uwv")
    assert brief.date_from == d("31-10-2025") and brief.week == 89
    assert t.get("ziekmelding_uwv").week == 42
    assert t.get("einde_wachttijd").week == 104
    assert t.get("spoor2_start").week == 58


def test_example_a_maximum_loonsanctie_ends_a_year_later():
    t = timeline("01-03-2024..", today="01-03-2024", loonsanctie_weeks=52)
    assert dates(t)["einde_loonsanctie"] == "25-02-2027"
    assert dates(t)["wia_ingangsdatum"] == "26-02-2027"


# (episodes, expected einde_wachttijd, expected wia_ingangsdatum, extra expectations)
SAMENTELLEN = [
    # §3.4: hersteld op 01-06-2024 (last sick day 31-05), sick again 20-06: 19 gap days.
    (("01-03-2024..31-05-2024", "20-06-2024.."), "17-03-2026", "18-03-2026",
     {"ziekmelding_uwv": "08-01-2025", "wia_aanvraag": "30-12-2025"}),
    # R1 (§3.2): sick 3-1-2022 to 3-7-2022, fit 4-7 to 24-7 (21 days), sick again 25-7-2022.
    (("03-01-2022..03-07-2022", "25-07-2022.."), "21-01-2024", "22-01-2024", {}),
    # §3.5 (R3): sick 1-3-2009, works again 1-6-2009, sick again 15-6-2009: 14 days later.
    (("01-03-2009..31-05-2009", "15-06-2009.."), "12-03-2011", "13-03-2011", {}),
    # Gap of 27 days: still samengeteld, end moves 27 days.
    (("01-03-2024..31-05-2024", "28-06-2024.."), "25-03-2026", "26-03-2026", {}),
    # Gap of 28 days (= 4 weeks): a new period of 104 weeks from 29-06-2024.
    (("01-03-2024..31-05-2024", "29-06-2024.."), "26-06-2026", "27-06-2026",
     {"probleemanalyse": "09-08-2024"}),
    # Gap of 29 days: new period from 30-06-2024.
    (("01-03-2024..31-05-2024", "30-06-2024.."), "27-06-2026", "28-06-2026", {}),
    # Three episodes, gaps of 5 and 10 days: 15 paused days.
    (("01-03-2024..10-03-2024", "16-03-2024..30-04-2024", "11-05-2024.."), "13-03-2026",
     "14-03-2026", {"probleemanalyse": "16-04-2024"}),
    # Three episodes, the first separated by 40 days: only the last two form the period.
    (("01-01-2024..31-01-2024", "12-03-2024..31-03-2024", "10-04-2024.."), "18-03-2026",
     "19-03-2026", {}),
    # Back-to-back episodes (gap 0) count as one continuous illness.
    (("01-03-2024..31-03-2024", "01-04-2024.."), "26-02-2026", "27-02-2026", {}),
]


@pytest.mark.parametrize(("spans", "end", "wia", "extra"), SAMENTELLEN)
def test_samentellen_pauses_the_clock_and_28_days_resets(spans, end, wia, extra):
    t = timeline(*spans, today="01-08-2024" if spans[0].endswith("2024") else "01-01-2024")
    got = dates(t)
    assert got["einde_wachttijd"] == end
    assert got["wia_ingangsdatum"] == wia
    for key, value in extra.items():
        assert got[key] == value


def test_new_period_after_28_day_gap_reports_its_own_first_day():
    t = timeline("01-03-2024..31-05-2024", "29-06-2024..", today="01-08-2024")
    assert t.period_start == d("29-06-2024")
    assert t.paused_days == 0


# First sick day -> (probleemanalyse, einde_wachttijd): leap days and month ends.
CALENDAR_EDGES = [
    ("29-02-2024", "10-04-2024", "25-02-2026"),  # leap day as dag 1
    ("31-01-2025", "13-03-2025", "28-01-2027"),  # month end before a short February
    ("20-01-2028", "01-03-2028", "16-01-2030"),  # week 6 ends on 1 March of a leap year
    ("31-12-2025", "10-02-2026", "28-12-2027"),  # year end
    ("01-01-2004", "11-02-2004", "28-12-2005"),  # first day of the 104-week regime
]


@pytest.mark.parametrize(("first", "pa", "end"), CALENDAR_EDGES)
def test_calendar_edges_count_exact_days(first, pa, end):
    got = dates(timeline(f"{first}..", today=first))
    assert got["probleemanalyse"] == pa
    assert got["einde_wachttijd"] == end


def test_end_of_week_is_d_plus_7n_minus_1_not_d_plus_7n():
    """The public calculators' off-by-one: week 6 ends on day 42, i.e. D + 41."""
    t = timeline("01-03-2024..", today="01-03-2024")
    assert (t.get("probleemanalyse").date - d("01-03-2024")).days == 41
    assert (t.get("wia_aanvraag").date - d("01-03-2024")).days == 650
