"""Dates as people give them (issue 15): durations, dates without a year, named days, "tot",
and pregnancy leave, in Dutch and English. "Today" is Tuesday 7 April 2026 unless said."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.deadlines import DeadlineInputError, Episode, Leave, parse_dates
from assistant.deadlines.dateparse import duration_range, find_dates

TODAY = date(2026, 4, 7)


def _start(text: str, today: date = TODAY) -> date:
    parsed = parse_dates(text, today)
    assert parsed is not None, text
    return parsed.episodes[-1].start


def _kinds(text: str, today: date = TODAY) -> dict[str, date]:
    parsed = parse_dates(text, today)
    assert parsed is not None, text
    return {a.kind: a.day for a in parsed.assumptions}


# A duration is a range of first sick days; the earliest is used. 5 weeks before 7 April is
# 35 to 41 days: 3 March back to 25 February. Three months: 8 December 2025 to 7 January 2026.
@pytest.mark.parametrize(("text", "earliest", "latest"), [
    ("Mijn werknemer is al 5 weken ziek", date(2026, 2, 25), date(2026, 3, 3)),
    ("ze is inmiddels vijf weken ziek", date(2026, 2, 25), date(2026, 3, 3)),
    ("ziek sinds 5 weken", date(2026, 2, 25), date(2026, 3, 3)),
    ("She has been off sick for 5 weeks", date(2026, 2, 25), date(2026, 3, 3)),
    ("I am already sick for five weeks", date(2026, 2, 25), date(2026, 3, 3)),
    ("hij zit sinds drie maanden ziek thuis", date(2025, 12, 8), date(2026, 1, 7)),
    ("ziek sinds drie maanden", date(2025, 12, 8), date(2026, 1, 7)),
    ("he has been ill for three months", date(2025, 12, 8), date(2026, 1, 7)),
    ("al een week ziek", date(2026, 3, 25), date(2026, 3, 31)),
    ("sick for a week", date(2026, 3, 25), date(2026, 3, 31)),
    ("al 10 dagen ziek", date(2026, 3, 28), date(2026, 3, 29)),
    ("off sick for 10 days", date(2026, 3, 28), date(2026, 3, 29)),
    # "bijna" (almost) 5 weeks: 4 weeks and some days, 28 to 34 days; "ruim"/"ongeveer": 5 weeks
    ("hij is nu bijna 5 weken ziek", date(2026, 3, 4), date(2026, 3, 10)),
    ("she has been off sick for almost 5 weeks", date(2026, 3, 4), date(2026, 3, 10)),
    ("al ruim 5 weken ziek", date(2026, 2, 25), date(2026, 3, 3)),
    ("inmiddels ongeveer vijf weken ziek", date(2026, 2, 25), date(2026, 3, 3)),
    ("een monteur is nu bijna 20 maanden ziek", date(2024, 8, 8), date(2024, 9, 7)),
    # a present-tense verb with the duration and "ziek" right after it
    ("ik ben 5 weken ziek en heb een vraag", date(2026, 2, 25), date(2026, 3, 3)),
    ("hij is vijf weken ziek thuis", date(2026, 2, 25), date(2026, 3, 3)),
    # "in week 40" of the sickness: 39 whole weeks and some days, 273 to 279 days before 7 April
    ("Mijn werknemer zit in week 40", date(2025, 7, 2), date(2025, 7, 8)),
    ("hij zit inmiddels in week 12, wat nu?", date(2026, 1, 14), date(2026, 1, 20)),
    ("My employee is now in week 12 of her sick leave", date(2026, 1, 14), date(2026, 1, 20)),
    ("ik zit nu in week 1", date(2026, 4, 1), date(2026, 4, 7)),
    ("I’m in week 12 now", date(2026, 1, 14), date(2026, 1, 20)),  # a phone's apostrophe
    # A third of a month ("begin/half/eind maart") is a range too: days 1-10, 11-20, 21 to the
    # month's end; without a year the most recent one that has begun by today (7 April).
    ("ziek sinds eind januari", date(2026, 1, 21), date(2026, 1, 31)),
    ("mijn werknemer is sinds begin maart ziek", date(2026, 3, 1), date(2026, 3, 10)),
    ("ziek sinds medio februari", date(2026, 2, 11), date(2026, 2, 20)),
    ("ziek sinds half april", date(2025, 4, 11), date(2025, 4, 20)),   # not begun this year
    ("ziek sinds begin april", date(2026, 4, 1), date(2026, 4, 7)),     # up to today
    ("ziek sinds eind augustus vorig jaar", date(2025, 8, 21), date(2025, 8, 31)),
    ("off sick since mid-March", date(2026, 3, 11), date(2026, 3, 20)),
    ("sick since the end of January 2025", date(2025, 1, 21), date(2025, 1, 31)),
    # a month alone: the whole month
    ("Ik ben sinds maart ziek", date(2026, 3, 1), date(2026, 3, 31)),
    ("hij is in januari 2025 ziek geworden", date(2025, 1, 1), date(2025, 1, 31)),
    ("ziek sinds mei", date(2025, 5, 1), date(2025, 5, 31)),
    ("she has been off sick since March", date(2026, 3, 1), date(2026, 3, 31)),
])
def test_a_duration_or_part_of_a_month_gives_the_earliest_first_sick_day(text, earliest, latest):
    parsed = parse_dates(text, TODAY)
    assert parsed.episodes == [Episode(earliest)]
    [assumption] = parsed.assumptions
    assert (assumption.kind, assumption.day, assumption.latest) == ("range", earliest, latest)


@pytest.mark.parametrize("text", ["ziek sinds 3 maart, dus begin maart",
                                  "in maart had ik een gesprek, ziek sinds 3 maart",
                                  "ziek sinds maart 3"])
def test_an_exact_date_wins_over_a_part_of_a_month(text):
    parsed = parse_dates(text, TODAY)
    assert parsed.episodes == [Episode(date(2026, 3, 3))]


def test_a_month_named_for_something_else_is_not_a_first_sick_day():
    assert parse_dates("in maart had ik een gesprek met mijn leidinggevende", TODAY) is None


@pytest.mark.parametrize("text", [
    "hij is al 2 weken hersteld",          # a duration is only ever a first sick day
    "hij werkt op 2-3 dagen per week",      # not a date
    "ze werkt al 3 dagen per week halve dagen",
    "het duurt 5 weken geleden",            # no sickness named
    "ze is 2 weken ziek geweest vorig jaar",  # a past episode, not the current one
    "ze was 5 weken ziek",
    "de 42e-weeksmelding is in week 42",  # a rule, said of no person
    "we zitten nu in week 15",  # the calendar's week
    "hij zit in week 40 van het jaar",
])
def test_durations_and_numbers_that_are_not_a_first_sick_day_give_no_dates(text):
    assert parse_dates(text, TODAY) is None


# Without a year: the most recent such date not after today.
@pytest.mark.parametrize(("text", "expected"), [
    ("ziek sinds 1-3", date(2026, 3, 1)),
    ("ziek sinds 1/3", date(2026, 3, 1)),
    ("ziek sinds 8-4", date(2025, 4, 8)),    # 8 April 2026 is tomorrow
    ("sinds 12 maart ziek", date(2026, 3, 12)),
    ("sick since 12 March", date(2026, 3, 12)),
    ("sick since 12 April", date(2025, 4, 12)),
    ("off sick from 3/1", date(2026, 1, 3)),  # day first, as everywhere
])
def test_a_date_without_a_year_is_the_last_one_up_to_today_and_is_stated(text, expected):
    assert _start(text) == expected
    assert _kinds(text) == {"no_year": expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("ziek sinds vorige week maandag", date(2026, 3, 30)),
    ("ziek sinds maandag vorige week", date(2026, 3, 30)),
    ("sick since last week Monday", date(2026, 3, 30)),
    ("sick since Monday last week", date(2026, 3, 30)),
])
def test_last_weeks_weekday(text, expected):
    assert _start(text) == expected


# Koningsdag 2025 was Saturday 26 April (27 April was a Sunday); Easter 2025 was 20 April, so
# Hemelvaartsdag 29 May; Koningsdag 2014 was 26 April (27 April 2014 was a Sunday).
@pytest.mark.parametrize(("text", "expected"), [
    ("ziek sinds de dag na Koningsdag 2025", date(2025, 4, 27)),
    ("sick since the day after King's Day 2025", date(2025, 4, 27)),
    ("ziek sinds Koningsdag 2014", date(2014, 4, 26)),
    ("ziek sinds Tweede Kerstdag 2025", date(2025, 12, 26)),
    ("sick since Boxing Day 2025", date(2025, 12, 26)),
    ("ziek sinds Pasen 2025", date(2025, 4, 20)),
    ("sick since Easter Monday 2025", date(2025, 4, 21)),
    ("ziek sinds 2 dagen na Hemelvaartsdag 2025", date(2025, 5, 31)),
    ("ziek sinds de dag voor Nieuwjaarsdag 2026", date(2025, 12, 31)),
    ("ziek sinds eerste kerstdag 2025", date(2025, 12, 25)),
])
def test_named_days_with_a_year(text, expected):
    assert _start(text) == expected
    assert _kinds(text) == {}


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("ziek sinds Kerst", TODAY, date(2025, 12, 25)),
    ("sick since Christmas", TODAY, date(2025, 12, 25)),
    ("ziek sinds Nieuwjaarsdag", TODAY, date(2026, 1, 1)),
    ("ziek sinds de dag na Kerst", date(2025, 12, 25), date(2024, 12, 26)),  # not tomorrow
    ("sick since the day after Easter", date(2026, 4, 5), date(2025, 4, 21)),
])
def test_named_days_without_a_year_are_the_last_ones_and_are_stated(text, today, expected):
    assert _start(text, today) == expected
    assert _kinds(text, today) == {"no_year": expected}


def test_kerstvakantie_is_not_christmas_day():
    assert parse_dates("ziek sinds de kerstvakantie", TODAY) is None


# "tot en met" is inclusive; plain "tot"/"until" is read the same way (as the parser always did)
# and the reading is recorded so the answer can state it.
@pytest.mark.parametrize(("text", "until"), [
    ("ziek van 1 maart 2026 tot 20 maart 2026, sinds 1 april 2026 weer ziek", True),
    ("ziek van 1 maart 2026 tot en met 20 maart 2026, sinds 1 april 2026 weer ziek", False),
    ("ziek van 1 maart 2026 t/m 20 maart 2026, sinds 1 april 2026 weer ziek", False),
    ("sick from 1 March 2026 until 20 March 2026, sick again since 1 April 2026", True),
    ("sick from 1 March 2026 through 20 March 2026, sick again since 1 April 2026", False),
])
def test_tot_in_a_sick_period_is_inclusive_and_plain_tot_is_recorded(text, until):
    parsed = parse_dates(text, TODAY)
    assert parsed.episodes == [Episode(date(2026, 3, 1), date(2026, 3, 20)),
                               Episode(date(2026, 4, 1))]
    assert ("until" in {a.kind for a in parsed.assumptions}) is until


def test_tot_in_a_recovery_period_keeps_its_reading_and_is_recorded():
    parsed = parse_dates("ziek sinds 1 maart 2026, hersteld van 1 tot 20 juni 2026",
                         date(2026, 7, 1))
    assert parsed.episodes == [Episode(date(2026, 3, 1), date(2026, 5, 31)),
                               Episode(date(2026, 6, 21))]
    [until] = [a for a in parsed.assumptions if a.kind == "until"]
    assert (until.day, until.role) == (date(2026, 6, 20), "fit")


# Pregnancy leave: the episode before it closes, "daarna weer ziek" opens one after it.
@pytest.mark.parametrize("text", [
    "ziek sinds 1 februari 2025, zwangerschapsverlof van 10 maart 2025 tot en met 30 juni 2025, "
    "daarna weer ziek",
    "Ziek sinds 1 februari 2025. Bevallingsverlof van 10 maart t/m 30 juni 2025, na het verlof "
    "nog steeds ziek.",
    "sick since 1 February 2025, maternity leave from 10 March 2025 through 30 June 2025, sick "
    "again afterwards",
])
def test_leave_in_a_message_is_read_into_episodes_and_leave(text):
    parsed = parse_dates(text, TODAY)
    assert parsed.leave == [Leave(date(2025, 3, 10), date(2025, 6, 30))]
    assert parsed.episodes == [Episode(date(2025, 2, 1), date(2025, 3, 9)),
                               Episode(date(2025, 7, 1))]
    assert parsed.timeline_kwargs()["leave"] == (Leave(date(2025, 3, 10), date(2025, 6, 30)),)


def test_plain_tot_ends_the_leave_the_day_before_which_is_the_safe_reading():
    parsed = parse_dates("ziek sinds 1 februari, zwangerschapsverlof van 10 maart tot 30 juni, "
                         "daarna weer ziek", date(2026, 11, 30))
    assert parsed.leave == [Leave(date(2026, 3, 10), date(2026, 6, 29))]
    assert parsed.episodes[-1] == Episode(date(2026, 6, 30))
    [until] = [a for a in parsed.assumptions if a.kind == "until"]
    assert until.role == "leave"


def test_leave_without_more_sickness_closes_the_episode():
    parsed = parse_dates("ziek sinds 1 februari 2025, zwangerschapsverlof van 10 maart 2025 t/m "
                         "30 juni 2025", TODAY)
    assert parsed.episodes == [Episode(date(2025, 2, 1), date(2025, 3, 9))]


def test_a_holiday_leave_is_not_pregnancy_leave():
    parsed = parse_dates("ziek sinds 1 februari 2025, vakantieverlof van 10 maart tot 20 maart "
                         "2025", TODAY)
    assert parsed.leave == []


@pytest.mark.parametrize(("text", "language", "words"), [
    ("ziek sinds 1 februari 2025, met zwangerschapsverlof sinds 10 maart 2025", "nl",
     "laatste dag"),
    ("sick since 1 February 2025, on maternity leave since 10 March 2025", "en", "last day"),
])
def test_leave_without_an_end_asks_for_it(text, language, words):
    with pytest.raises(DeadlineInputError) as err:
        parse_dates(text, TODAY)
    assert words in err.value.user_message(language)


# Property tests against a fixed "today".
_TODAYS = st.dates(min_value=date(2010, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=200, deadline=None)
@given(today=_TODAYS, n=st.integers(min_value=1, max_value=52),
       form=st.sampled_from(["al {n} weken ziek", "ziek sinds {n} weken", "off sick for {n} weeks"]))
def test_n_weeks_sick_never_gives_a_first_sick_day_after_today_minus_7n(today, n, form):
    start = _start(form.format(n=n), today)
    assert today - timedelta(days=7 * n + 6) <= start <= today - timedelta(days=7 * n)
    assert start == today - timedelta(days=7 * n + 6)  # the earliest day of the range


@settings(max_examples=200, deadline=None)
@given(today=_TODAYS, n=st.integers(min_value=1, max_value=110),
       form=st.sampled_from(["mijn werknemer zit in week {n}", "hij zit nu in week {n}",
                             "she is in week {n}"]))
def test_in_week_n_gives_first_sick_days_that_make_today_a_day_of_week_n(today, n, form):
    # day 1 is the first sick day, week 1 its first seven days: both ends of the range agree
    [assumption] = parse_dates(form.format(n=n), today).assumptions
    for start in (assumption.day, assumption.latest):
        assert (today - start).days // 7 + 1 == n
    assert assumption.day == today - timedelta(days=7 * n - 1)  # the earliest: today is day 7n


@settings(max_examples=200, deadline=None)
@given(today=_TODAYS, n=st.integers(min_value=1, max_value=24))
def test_n_months_sick_is_the_earliest_day_that_is_still_n_months(today, n):
    start = _start(f"al {n} maanden ziek", today)
    earliest, latest = duration_range(n, "maanden", today)
    assert start == earliest <= latest < today
    assert (today - start).days >= 28 * n and (today - latest).days <= 31 * n + 3


_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]


@settings(max_examples=300, deadline=None)
@given(today=_TODAYS, day=st.dates(min_value=date(2023, 1, 1), max_value=date(2023, 12, 31)),
       form=st.sampled_from(["ziek sinds {d}-{m}", "since {d} {month} sick", "sick since {d} {month}"]))
def test_a_date_without_a_year_is_never_in_the_future_and_within_the_last_12_months(today, day, form):
    # 2023 has no 29 February: that date alone can lie further back (the last leap year).
    text = form.format(d=day.day, m=day.month, month=_MONTHS_EN[day.month - 1])
    start = _start(text, today)
    assert (start.month, start.day) == (day.month, day.day)
    assert today - timedelta(days=366) < start <= today


def test_29_february_without_a_year_is_the_last_one_that_existed():
    assert _start("ziek sinds 29-2", date(2026, 4, 7)) == date(2024, 2, 29)


@settings(max_examples=100, deadline=None)
@given(year=st.integers(min_value=2014, max_value=2100))
def test_koningsdag_is_27_april_or_the_saturday_before(year):
    day = _start(f"ziek sinds Koningsdag {year}", date(2101, 1, 1))
    assert day in (date(year, 4, 27), date(year, 4, 26))
    assert day.weekday() != 6 and (day.day == 27 or day.weekday() == 5)


def test_an_explicit_date_wins_over_a_duration():
    parsed = parse_dates("ziek sinds 1 maart 2026, nu al 5 weken", TODAY)
    assert parsed.episodes == [Episode(date(2026, 3, 1))]
    assert [a.kind for a in parsed.assumptions] == []


@pytest.mark.parametrize(("text", "episodes"), [
    ("ziek sinds 1 november 2025, na de kerst weer aan het werk", [Episode(date(2025, 11, 1))]),
    ("sick since 1 November 2025, back at work after Christmas", [Episode(date(2025, 11, 1))]),
])
def test_around_a_named_day_is_not_that_day(text, episodes):
    assert parse_dates(text, TODAY).episodes == episodes


@pytest.mark.parametrize("text", ["rond Pasen ziek geworden", "ziek geworden tijdens de kerst",
                                  "fell ill around Easter", "sinds 1-3 jaar ziek"])
def test_vague_phrases_give_no_date(text):
    assert parse_dates(text, TODAY) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Ik ben op 17 november vorig jaar uitgevallen", date(2025, 11, 17)),
    ("ziek sinds 3 maart verleden jaar", date(2025, 3, 3)),
    ("sinds 3 maart dit jaar", date(2026, 3, 3)),
    ("off sick since March 3 last year", date(2025, 3, 3)),
    ("sick since 12 March this year", date(2026, 3, 12)),
])
def test_a_year_named_relative_to_today(text, expected):
    # "vorig jaar" is the calendar year before today's, never the most recent such date
    assert [m.value for m in find_dates(text, date(2026, 11, 30))] == [expected]
