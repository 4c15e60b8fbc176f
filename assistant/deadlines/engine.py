"""The Poortwachter deadline engine: a pure function from sickness episodes to a timeline.

Counting convention (fact sheet §3.1; README "Deadline calculator"):

* Dag 1 is the eerste ziektedag D. Sickness week N is sick days 7(N-1)+1 .. 7N, so for a
  continuous illness the calendar dates D+7(N-1) .. D+7N-1.
* "Uiterlijk in week N" is the last day of week N: D+7N-1 (not D+7N, the common off-by-one).
  The last day of the wachttijd is the end of week 104 (D+727); the WIA can start the day after
  (D+728).
* Samentellen (art. 7:629 lid 10 BW, art. 23 lid 3 WIA): episodes separated by fewer than 28
  days (less than 4 weeks) form one period and the gap days do not count; the clock pauses and
  resumes. A gap of 28 days or more starts a new period of 104 weeks. The gap is the number of
  days without illness between the last sick day of one episode and the first sick day of the
  next. `Episode.end` is the last sick day: "hersteld op 1 juni" means end = 31 May.
* The period used is the one that contains the last episode. "End of week N" is the calendar date
  of sick day 7N, counting only sick days, so it always falls on a sick day (never inside a gap).
  Beyond the end of the last episode the illness is assumed to continue without a break.
* If the last episode is closed: when today is less than 28 days after its last day (or before
  it), a new illness would still belong to this period, so later dates are shown as the earliest
  possible ones (state "recovered"); from 28 days on, the period is over (state "ended") and only
  the milestones up to the last sick day are listed.
* The 42e-weeksmelding is due on the first working day after the last day of week 42: Saturdays,
  Sundays and the algemeen erkende feestdagen of art. 3 lid 1 Algemene termijnenwet are skipped;
  Goede Vrijdag (lid 2) and the yearly gelijkstellingsbesluiten (lid 3) are not, so the date is
  never later than UWV could expect (see `holidays`).
* Fixed offsets: probleemanalyse end of week 6; plan van aanpak end of week 8, or 14 days after
  a given probleemanalyse date; EJE window weeks 46-52; spoor 2 within 42 days after the EJE held
  (or the end of week 52) - a practice norm; vervroegde IVA end of week 68; UWV WIA letter weeks
  88-89; re-integratieverslag 13 weeks (91 days) and WIA-aanvraag 11 weeks (77 days) before the
  end; UWV loonsanctie decision 6 weeks (42 days) before the end; evaluations every 42 days after
  the plan van aanpak (practice norm), restarting after the EJE, until the re-integratieverslag.
* A loonsanctie of N weeks extends the loondoorbetaling by 7N days after the end of week 104
  (a leave after the wachttijd interrupts it for its length: art. 25 lid 9 WIA); the
  WIA-aanvraag has then already been made, so only the WIA start moves. A vrijwillige verlenging
  (art. 24 WIA) ends on the date UWV set; the re-integratieverslag, the WIA-aanvraag and the UWV
  loonsanctie decision are counted back from that date (art. 25 lid 4, 64 lid 3, 25 lid 10 WIA).
  Both at once is rejected.
* Zwangerschaps- en bevallingsverlof (WAZO, `Leave`): its days are not sick days (art. 23 lid 5
  WIA: periods with a WAZO benefit do not count for the wachttijd) and not part of the 4-week
  break (art. 7:629 lid 10 BW, art. 23 lid 3 WIA: illness right before and after the leave is
  added up unless it cannot reasonably come from the same cause). An episode that runs into the
  leave is split around it. Fit days around the leave still count toward the break; whether the
  law adds up illness that does not directly adjoin the leave is not settled, so a note says so
  (adding up gives the earliest dates). Same cause is presumed; when the cause differs the user
  leaves the verlof out and the gap starts a new period. Pregnancy-related illness before the
  leave does not count for the opzegverbod (art. 7:670 lid 1 BW), which is not computed here: a
  note says so.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from assistant.deadlines.catalogue import END_TEXTS, SPECS
from assistant.deadlines.dates import short_date
from assistant.deadlines.holidays import HolidayCalendar, atw_holidays, first_working_day_after
from assistant.deadlines.leave_notes import leave_notes
from assistant.deadlines.model import (
    DUE_WITHIN_DAYS,
    Episode,
    Leave,
    Milestone,
    State,
    Timeline,
)
from assistant.deadlines.sickdays import (
    MAX_GAP_DAYS,
    SickCalendar,
    add_counted_days,
    last_chain,
    leave_days_between,
    split_by_leave,
)
from assistant.deadlines.validate import (
    check_date_after,
    check_episodes,
    check_extensions,
    check_in_range,
    check_leave,
    no_sick_days_left,
)
from assistant.deadlines.wording import both

EVALUATION_INTERVAL = timedelta(days=42)
_DAY = timedelta(days=1)


def compute_timeline(
    episodes: Sequence[Episode],
    *,
    today: date,
    probleemanalyse: date | None = None,
    eje: date | None = None,
    loonsanctie_weeks: int | None = None,
    verlenging_tot: date | None = None,
    holidays: HolidayCalendar | None = None,
    leave: Sequence[Leave] = (),
) -> Timeline:
    """Compute the Poortwachter timeline for the period containing the last episode.

    Args:
        episodes: sickness episodes, oldest first; only the last may be open (end None).
        today: the reference date for statuses and the current week.
        probleemanalyse: date the probleemanalyse was done, if known.
        eje: date the eerstejaarsevaluatie was held, if known.
        loonsanctie_weeks: length of a loonsanctie (1-52 weeks), if imposed.
        verlenging_tot: end date of a vrijwillige verlenging set by UWV, if any.
        holidays: year -> set of holidays; default the Algemene termijnenwet calendar.
        leave: zwangerschaps- en bevallingsverlof periods; their days are neither sick days nor
            part of the 4-week break.

    Returns:
        A `Timeline` with milestones sorted by date.

    Raises:
        DeadlineInputError: invalid or inconsistent input (Dutch and English messages).
    """
    leave_periods, all_episodes = _checked(episodes, today, leave, probleemanalyse=probleemanalyse,
                                           eje=eje, verlenging_tot=verlenging_tot)
    counted = split_by_leave(all_episodes, leave_periods) if leave_periods else all_episodes
    if not counted:
        raise no_sick_days_left()
    chain = last_chain(counted, leave_periods)
    cal = SickCalendar(chain, leave_periods)
    end_104 = cal.week_end(104)
    check_date_after(("probleemanalyse", "probleemanalyse"), probleemanalyse, cal.start)
    check_date_after(("eerstejaarsevaluatie", "first-year evaluation"), eje, cal.start)
    check_extensions(loonsanctie_weeks, verlenging_tot, end_104)

    builder = _Builder(cal, today)
    _add_year_one(builder, cal, probleemanalyse, eje, holidays or atw_holidays)
    _add_year_two(builder, cal, end_104, loonsanctie_weeks, verlenging_tot)
    state = _state(chain, today, leave_periods)
    milestones = builder.sorted()
    last_day = chain[-1].end
    if state == "ended" and last_day is not None:
        milestones = [m for m in milestones if m.date <= last_day]
    notes_nl, notes_en = _all_notes(counted, chain, state, leave_periods)
    current = None if state in ("not_started", "ended") else cal.week_of(today, project=False)
    return Timeline(
        milestones=milestones,
        period_start=cal.start,
        current_week=current,
        today=today,
        episodes=all_episodes,
        period_episodes=chain,
        state=state,
        sick_days=cal.day_of_date(today, project=False),
        paused_days=cal.paused_days,
        leave=leave_periods,
        leave_days=cal.leave_days,
        notes_nl=notes_nl,
        notes_en=notes_en,
    )


def _checked(episodes: Sequence[Episode], today: date, leave: Sequence[Leave], *,
             probleemanalyse: date | None, eje: date | None,
             verlenging_tot: date | None) -> tuple[tuple[Leave, ...], tuple[Episode, ...]]:
    """The validated leave (sorted) and episodes; every date before 2200."""
    check_in_range({
        ("van vandaag", "today"): today,
        ("van de ziekteperiode", "sickness period"):
            max((d for e in episodes for d in (e.start, e.end) if d), default=None),
        ("van de probleemanalyse", "probleemanalyse"): probleemanalyse,
        ("van de eerstejaarsevaluatie", "first-year evaluation"): eje,
        ("van de verlenging", "extension"): verlenging_tot,
    })
    return check_leave(leave), check_episodes(episodes, today)


def _all_notes(counted: Sequence[Episode], chain: tuple[Episode, ...], state: State,
               leave_periods: Sequence[Leave]) -> tuple[list[str], list[str]]:
    """The timeline's notes in Dutch and English: the period's, then the leave's."""
    notes_nl, notes_en = _notes(chain, state, leave_periods)
    extra_nl, extra_en = leave_notes(counted, chain, leave_periods)
    return notes_nl + extra_nl, notes_en + extra_en


class _Builder:
    """Collects milestones, filling in texts, week numbers and statuses."""

    def __init__(self, cal: SickCalendar, today: date):
        self.cal = cal
        self.today = today
        self.items: list[Milestone] = []

    def add(self, key: str, when: date, *, spec: str | None = None, week: int | None = None,
            date_from: date | None = None, done_on: date | None = None,
            basis: str | None = None, **fmt: Any) -> None:
        s = SPECS[spec or key]
        days_left = (when - self.today).days
        status = ("passed" if days_left < 0 else
                  "due" if days_left <= DUE_WITHIN_DAYS else "upcoming")
        self.items.append(Milestone(
            key=key, date=when, date_from=date_from,
            week=week if week is not None else (self.cal.week_of(when) or 1),
            actor=s.actor, title_nl=s.title_nl.format(**fmt), title_en=s.title_en.format(**fmt),
            description_nl=s.description_nl.format(**fmt),
            description_en=s.description_en.format(**fmt),
            basis=basis or s.basis, norm=s.norm, status=status, days_left=days_left,
            done_on=done_on,
        ))

    def sorted(self) -> list[Milestone]:
        order = {id(m): i for i, m in enumerate(self.items)}
        return sorted(self.items, key=lambda m: (m.date, order[id(m)]))


def _add_year_one(b: _Builder, cal: SickCalendar, probleemanalyse: date | None,
                  eje: date | None, holidays: HolidayCalendar) -> None:
    b.add("probleemanalyse", cal.week_end(6), done_on=probleemanalyse)
    if probleemanalyse is not None:
        pva = probleemanalyse + timedelta(days=14)
        pa_nl, pa_en = both("deadline.fragment.pa_on", day=probleemanalyse)
        b.add("plan_van_aanpak", pva, pa_nl=pa_nl, pa_en=pa_en)
    else:
        pva = cal.week_end(8)
        pa_nl, pa_en = both("deadline.fragment.pa_unknown")
        b.add("plan_van_aanpak", pva, pa_nl=pa_nl, pa_en=pa_en)
    end_42 = cal.week_end(42)
    b.add("ziekmelding_uwv", first_working_day_after(end_42, holidays), week=42,
          week_end=short_date(end_42))
    b.add("eerstejaarsevaluatie", cal.week_end(52), date_from=cal.week_start(46), done_on=eje)
    base = eje or cal.week_end(52)
    b.add("spoor2_start", base + timedelta(days=42), date_from=base, base=short_date(base))
    b.add("vervroegde_iva", cal.week_end(68))
    riv = cal.week_end(91)
    n = 0
    for start, stop in ((pva, eje or cal.week_start(46)), (base, riv)):
        when = start + EVALUATION_INTERVAL
        while when < stop:
            n += 1
            b.add(f"evaluatie_{n}", when, spec="evaluatie", n=n)
            when += EVALUATION_INTERVAL


def _add_year_two(b: _Builder, cal: SickCalendar, end_104: date, loonsanctie_weeks: int | None,
                  verlenging_tot: date | None) -> None:
    brief_nl = brief_en = ""
    if verlenging_tot:
        # Art. 64 lid 2 WIA ties the letter to 89 weeks of wachttijd, which a verlenging does not
        # extend; only the application term moves (lid 3).
        brief_nl, brief_en = both("deadline.fragment.brief_extension")
    b.add("wia_brief_uwv", cal.week_end(89), date_from=cal.week_start(88), ext_nl=brief_nl,
          ext_en=brief_en)
    end = verlenging_tot or end_104
    end_nl, end_en = END_TEXTS["verlenging" if verlenging_tot else "plain"]
    riv_basis = None if verlenging_tot else "art. 25 lid 3 WIA; art. 6 Regeling procesgang"
    b.add("re_integratieverslag", end - timedelta(days=91), end_nl=end_nl, end_en=end_en,
          basis=riv_basis)
    b.add("wia_aanvraag", end - timedelta(days=77), end_nl=end_nl, end_en=end_en)
    b.add("loonsanctie_besluit_uwv", end - timedelta(days=42), end_nl=end_nl, end_en=end_en)
    ext_nl, ext_en = both("deadline.fragment.pay_longer_if")  # 104 weeks as a rule (7:629 BW)
    what = both("deadline.fragment.what_wachttijd")
    if loonsanctie_weeks:
        end = _sanction_end(end_104, loonsanctie_weeks, cal.leave)
        ext_nl, ext_en = both("deadline.fragment.pay_until_sanction", day=end)
        what = both("deadline.fragment.what_loonsanctie")
        b.add("einde_loonsanctie", end, n=loonsanctie_weeks)
    elif verlenging_tot:
        ext_nl, ext_en = both("deadline.fragment.pay_until_extension", day=end)
        what = both("deadline.fragment.what_verlenging")
        b.add("einde_loondoorbetaling", end)
    b.add("einde_wachttijd", end_104, ext_nl=ext_nl, ext_en=ext_en)
    basis = "art. 23 lid 1 WIA" + ("; art. 25 lid 9 WIA" if loonsanctie_weeks else
                                   "; art. 24 WIA" if verlenging_tot else "")
    b.add("wia_ingangsdatum", end + _DAY, what_nl=what[0], what_en=what[1], basis=basis)


def _sanction_end(end_104: date, weeks: int, leave: Sequence[Leave]) -> date:
    """Last day of a loonsanctie; a leave after the wachttijd interrupts it (art. 25 lid 9 WIA).

    A leave cannot already run when the sanction starts: leave days pause the wachttijd, so the
    end of week 104 is a sick day and a leave begins the day after it at the earliest.
    """
    return add_counted_days(end_104, 7 * weeks, leave)


def _state(chain: tuple[Episode, ...], today: date, leave: Sequence[Leave] = ()) -> State:
    last = chain[-1]
    if today < chain[0].start:
        return "not_started"
    if last.end is None or today <= last.end:
        return "sick"
    fit_days = (today - last.end).days - leave_days_between(last.end + _DAY, today, leave)
    return "ended" if fit_days > MAX_GAP_DAYS else "recovered"


def _notes(chain: tuple[Episode, ...], state: State,
           leave: Sequence[Leave] = ()) -> tuple[list[str], list[str]]:
    last = chain[-1].end
    if last is None or state not in ("recovered", "ended"):
        return [], []
    fit = last + _DAY
    after_leave = next((lv for lv in leave if lv.start == fit), None)
    if after_leave is not None:
        fit = after_leave.end + _DAY  # the leave is not recovery: she is fit from after it
    if state == "ended":
        return _one(both("deadline.note.ended", fit=fit))
    limit = add_counted_days(last, MAX_GAP_DAYS + 1, leave)
    if after_leave is not None:
        return _one(both("deadline.note.leave_after_last_sick_day", last=last,
                         leave_end=after_leave.end, limit=limit))
    return _one(both("deadline.note.recovered", fit=fit, limit=limit))


def _one(note: tuple[str, str]) -> tuple[list[str], list[str]]:
    return [note[0]], [note[1]]
