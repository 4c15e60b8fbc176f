"""Property tests (hypothesis) of the counting rules."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.deadlines import (
    Episode,
    atw_holidays,
    compute_timeline,
    parse_dates,
)
from assistant.deadlines.holidays import is_working_day

first_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2035, 12, 31))
gaps = st.integers(min_value=0, max_value=60)
lengths = st.integers(min_value=1, max_value=400)
FAST = settings(max_examples=150, deadline=None)


@st.composite
def episode_lists(draw):
    """1-4 episodes, oldest first, the last one open, with random gaps."""
    start = draw(first_days)
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        end = start + timedelta(days=draw(lengths) - 1)
        out.append(Episode(start, end))
        start = end + timedelta(days=draw(gaps) + 1)
    out.append(Episode(start))
    return out


@FAST
@given(episode_lists(), st.integers(min_value=-30, max_value=900))
def test_milestones_are_ordered_and_inside_their_windows(episodes, offset):
    today = episodes[-1].start + timedelta(days=offset)
    t = compute_timeline(episodes, today=today)
    assert [m.date for m in t.milestones] == sorted(m.date for m in t.milestones)
    for m in t.milestones:
        assert m.date_from is None or m.date_from <= m.date
        assert m.days_left == (m.date - today).days
        assert m.status == ("passed" if m.days_left < 0 else "due" if m.days_left <= 14
                            else "upcoming")
    eje = t.get("eerstejaarsevaluatie")
    assert (eje.date - eje.date_from).days >= 6 * 7
    assert t.get("probleemanalyse").date < t.get("plan_van_aanpak").date
    assert t.get("wia_aanvraag").date < t.get("einde_wachttijd").date < t.get(
        "wia_ingangsdatum").date


@FAST
@given(episode_lists())
def test_melding_is_the_first_working_day_after_week_42(episodes):
    t = compute_timeline(episodes, today=episodes[-1].start)
    melding = t.get("ziekmelding_uwv").date
    week_42_end = melding - timedelta(days=1)
    while not _is_sick_day_42(t, week_42_end):
        week_42_end -= timedelta(days=1)
    assert is_working_day(melding, atw_holidays)
    day = week_42_end + timedelta(days=1)
    while day < melding:
        assert not is_working_day(day, atw_holidays)
        day += timedelta(days=1)


def _is_sick_day_42(t, day):
    from assistant.deadlines.sickdays import SickCalendar

    return SickCalendar(t.period_episodes).week_end(42) == day


@FAST
@given(first_days, lengths, st.integers(min_value=0, max_value=27))
def test_gap_days_shift_the_end_one_for_one(first, length, gap):
    end = first + timedelta(days=length - 1)
    second = end + timedelta(days=gap + 1)
    t = compute_timeline([Episode(first, end), Episode(second)], today=second)
    assert t.period_start == first
    assert t.get("einde_wachttijd").date == first + timedelta(days=727 + gap)
    assert t.paused_days == gap


@FAST
@given(first_days, lengths, st.integers(min_value=28, max_value=400))
def test_a_gap_of_28_days_or_more_starts_a_new_period(first, length, gap):
    end = first + timedelta(days=length - 1)
    second = end + timedelta(days=gap + 1)
    t = compute_timeline([Episode(first, end), Episode(second)], today=second)
    assert t.period_start == second
    assert t.get("einde_wachttijd").date == second + timedelta(days=727)
    assert t.current_week == 1


@FAST
@given(first_days, st.integers(min_value=1, max_value=110))
def test_week_n_ends_on_day_7n_for_continuous_illness(first, week):
    from assistant.deadlines.sickdays import SickCalendar

    cal = SickCalendar((Episode(first),))
    assert cal.week_end(week) == first + timedelta(days=7 * week - 1)
    assert cal.week_of(cal.week_end(week)) == week
    assert cal.week_of(cal.week_end(week) + timedelta(days=1)) == week + 1


@FAST
@given(first_days, st.sampled_from([
    "ziek sinds {:%d-%m-%Y}", "eerste ziektedag {:%Y-%m-%d}", "since {d.day} {d:%B %Y}",
    "ziek sinds {d.day}-{d.month}-{d:%y}",
]))
def test_written_dates_parse_back(day, template):
    text = template.format(day, d=day)
    parsed = parse_dates(text, date(2036, 1, 1))
    assert parsed is not None and parsed.episodes == [Episode(day)]


DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december"]


@FAST
@given(first_days)
def test_dutch_month_names_parse_back(day):
    text = f"Mijn werknemer is ziek sinds {day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}."
    parsed = parse_dates(text, date(2036, 1, 1))
    assert parsed is not None and parsed.episodes == [Episode(day)]
