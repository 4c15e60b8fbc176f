"""Reading sickness episodes from what a user wrote, in Dutch or English.

Each date found is given a role by the words around it, nearest first: a first sick day
("ziek sinds", "eerste ziektedag", "sick since", plain "sinds"/"since"), a first fit day
("hersteld op", "werkte weer vanaf", "back to full work from"; partial work such as "50% aan
het werk" is not a recovery and is ignored), a last sick day ("laatste ziektedag"), a range
("ziek van X tot en met Y", "hersteld van X t/m Y"), the eerstejaarsevaluatie, the
probleemanalyse or a vrijwillige verlenging. Dates with another role ("in dienst sinds", "op 1
juni nog ziek") or none are ignored. The statements are then put in date order and turned
into episodes: "hersteld op 1 juni" closes an episode on 31 May, "sinds 25 juli weer ziek"
opens a new one. A second first sick day without any recovery in between is read as a
correction (the later statement wins), unless it says "weer"/"again", which needs a recovery
date and raises `DeadlineInputError`. A weekday beside an explicit date ("vrijdag 1 maart
2024") is only a label of that date (see `dateparse`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from assistant.deadlines.dateparse import WEEKDAY_NAMES, DateMention, find_dates
from assistant.deadlines.model import Episode, Leave
from assistant.deadlines.validate import MAX_LOONSANCTIE_WEEKS, fail
from assistant.text import sentence_breaks

# Alternatives are tried left to right at each position, so negated phrases come first.
_ROLE_WORDS = [
    # "niet meer aan het werk sinds", "unable to work since": a first sick day.
    ("not_working", r"niet\s+(?:meer\s+)?(?:aan\s+het\s+werk|(?:kunnen\s+)?werken|gewerkt)|"
                    r"(?:not|unable\s+to|could\s*n[o']t|stopped)\s+(?:been\s+)?(?:at\s+)?work\w*"),
    # "nog niet hersteld op", "not yet recovered by": says nothing about a start or end.
    ("not_fit", r"(?:nog\s+)?niet\s+(?:\w+\s+)?(?:hersteld|beter|fit)\w*|"
                r"not\s+(?:yet\s+)?(?:\w+\s+)?(?:recovered|better|fit|back)"),
    # "op 1 juni nog ziek", "still sick on 1 June": a status on that day, not a first sick day.
    ("still_sick", r"nog\s+(?:steeds\s+|altijd\s+)?(?:\w+\s+)?(?:ziek|arbeidsongeschikt)\w*|"
                   r"still\s+(?:\w+\s+)?(?:sick|ill|off\s+work|unfit)"),
    ("sick_end", r"laatste\s+ziektedag|last\s+(?:sick\s+)?day(?:\s+of\s+(?:sickness|illness))?"),
    ("fit", r"weer\s+(?:(?!ziek|niet|geen|not)\w+\s+){0,2}?(?:aan\s+het\s+werk|aan\s+de\s+slag|"
            r"gaan\s+werken|werken|gewerkt|begonnen|gezond|beter)|aan\s+het\s+werk|aan\s+de\s+slag|"
            r"werk(?:t|te|ten)\s+(?:(?:hij|zij|ze|ik|je|hier)\s+)?(?:weer|opnieuw)|"
            r"beter\s*gemeld|hersteld\w*|herstel\w*|hervat\w*|werkhervatting|beter|"
            r"gezond|arbeidsgeschikt|recovered|recovery|back\s+(?:at|to|in|on)\s+(?:\w+\s+){0,2}?"
            r"(?:work|duties|job|office)|returned\s+to\s+(?:\w+\s+)?(?:work|duties|job)|"
            r"resumed\s+(?:\w+\s+)?work|(?:working|works|worked)\s+(?:\w+\s+)?again|"
            r"healthy|fit"),
    ("eje", r"eerstejaars\s*-?\s*evaluatie|\beje\b|first[- ]year\s+(?:evaluation|review)"),
    ("pa", r"probleem\s*-?\s*analyse|problem\s+analysis"),
    ("verlenging", r"verlenging|verlengd|verlengen|extension|extended"),
    ("leave", r"zwangerschaps\w*|bevallings\w*|wazo\w*|(?:maternity|pregnancy)\s+leave|"
              r"maternity"),
    ("ignore", r"in\s+dienst|dienstverband|employed|hired|geboren|born|afspraak|appointment|"
               r"vakantie|holiday|verlof|leave|loonsanctie|wage\s+sanction|"
               r"werk(?:t|te|ten)\s+(?:al\s+)?(?:\w+\s+)?(?:bij|voor)\b|"
               r"(?:works|worked|working)\s+(?:for|at)\b"),
    # "on sick leave since": sick, not a leave; "was het weer mis", "terugval": sick again
    ("sick", r"(?:sick|medical|sickness)\s+leave|ziek\w*|1e\s+ziektedag|"
             r"(?:was|ging|gaat|is|liep)\s+het\s+(?:weer|opnieuw)\s+mis|terugval\w*|relapse\w*|"
             r"went\s+wrong\s+again|griep|flu\b|influenza|covid|corona|overspannen|ingestort|"
             r"burn-?out|uitgevallen|uitval\w*|arbeidsongeschikt|verzuim\w*|"
             r"(?:viel|vielen|valt)\s+(?:\w+\s+){0,3}?uit\b|sick\w*|ill|illness|unfit|off\s+work|"
             # an accident is where the sickness starts: "is op 11 november van de steiger gevallen"
             r"(?:van\s+(?:de|het|een)\s+\w+\s+(?:af)?gevallen|ongeluk(?:ken)?|ongeval(?:len)?|geblesseerd"
             r"|gewond|brak|gebroken|accident|injur(?:y|ed|ies)|broke|fell)\b"),
]
_ROLE_ALIASES = {"not_working": "sick", "not_fit": "ignore"}
_ROLE_RE = re.compile("|".join(f"(?P<{k}>\\b(?:{p}))" for k, p in _ROLE_WORDS), re.I)
# Partial work or recovery does not end an episode (the clock keeps running).
_PARTIAL_RE = re.compile(
    r"\b(?:gedeeltelijk\w*|deels|halve\s+dagen|parttime|part[- ]time|partial\w*|partly|"
    r"half\s+days|(?<![\d.,])(?:\d{1,2}(?:[.,]\d+)?)\s*(?:%|procent|percent)|opbouw\w*|opgebouwd|"
    r"aangepast\w*|\w*therapeut\w*|re-?integr\w*|build(?:ing)?\s+up|adjusted|light\s+duties)", re.I)
# A work verb and "weer"/"volledig" in one clause: "werkt vanaf 1 juni weer".
_WORK_RE = re.compile(r"\b(?:werk(?:t|te|ten|en)?|gewerkt|work(?:s|ed|ing)?)\b", re.I)
_FULLY_RE = re.compile(r"\b(?:weer|opnieuw|volledig|helemaal|again|fully|full)\b", re.I)
_SINCE_RE = re.compile(r"\b(?:sinds|vanaf|since|from|per)\b", re.I)
_STILL_SINCE_RE = re.compile(r"\b(?:sinds|since)\b", re.I)
_AGAIN_RE = re.compile(r"\b(?:weer|opnieuw|again|nogmaals)\b", re.I)
_CLAUSE_RE = re.compile(r"[,;:]|\b(?:en|and|maar|but)\b", re.I)
_HARD_CLAUSE_RE = re.compile(r";|\b(?:en|and|maar|but)\b", re.I)
# "in week 40" (of the sickness, see `find_dates`): the sickness's own week, so its first day
_IN_WEEK_RE = re.compile(r"in\s+(?:ziekte)?week\s+\d", re.I)
_RANGE_RE = re.compile(
    r"^\s*(?:tot\s+en\s+met|t/m|tm|tot|until|till|through|thru|to|-|–|—)\s*"
    rf"(?:(?:{WEEKDAY_NAMES}),?\s*)?$", re.I)  # "t/m zondag 29 maart": the weekday labels the end
# Plain "tot"/"until" between two dates: inclusive or exclusive is not said ("tot en met" is).
_PLAIN_UNTIL_RE = re.compile(
    rf"^\s*(?:tot|until|till|to|-|–|—)\s*(?:(?:{WEEKDAY_NAMES}),?\s*)?$", re.I)
# After a leave: "daarna weer ziek", "na het verlof nog steeds ziek", "sick again afterwards".
_SICK_AFTER_RE = re.compile(
    r"\b(?:weer|opnieuw|nog(?:\s+steeds|\s+altijd)?|still|again)\s+(?:\w+\s+)?"
    r"(?:ziek|arbeidsongeschikt|sick|ill)\b|\b(?:ziek|sick|ill)\s+(?:\w+\s+)?"
    r"(?:again|gebleven|afterwards)\b|\b(?:daarna|daarop|erna|aansluitend|afterwards)\s+"
    r"(?:\w+\s+){0,2}?(?:ziek|arbeidsongeschikt|sick|ill)\b", re.I)
_SANCTION_RE = re.compile(
    r"loonsanctie\s+van\s+(\d{1,3})\s+weken|(\d{1,3})\s+weken\s+loonsanctie|"
    r"(?:wage\s+sanction|loonsanctie)\s+of\s+(\d{1,3})\s+weeks|(\d{1,3})[- ]weeks?\s+"
    r"(?:wage\s+sanction|loonsanctie)", re.I)
# A loonsanctie already imposed, its length not given ("UWV heeft de maximale loonsanctie
# opgelegd", "we got a wage sanction"); not "geen loonsanctie gekregen", not "opgelegd krijgen".
_SANCTION_IMPOSED_RE = re.compile(
    r"(?<!geen )(?<!no )\b(?:loonsanctie|wage\s+sanction)"
    r"(?:\s+(?!(?:zou|zal|zullen|kan|kunnen|worden|wordt|dreigt|could|would|might|may|will|be)\b)\w+){0,3}?\s+"
    r"(?:opgelegd|gekregen|imposed)\b"
    r"(?!\s+(?:krijgen|krijgt|krijg|worden|wordt|zou|zal|kan|kunnen|if|unless))"
    r"|\blegden?\s+(?:ons\s+|hem\s+|haar\s+|mij\s+|me\s+)?(?:een|de)\s+(?:maximale\s+)?loonsanctie\s+op\b"
    r"|\b(?:imposed|got|received|given)\s+(?:us\s+|me\s+|him\s+|her\s+)?(?:a|the)\s+(?:maximum\s+)?"
    r"(?:wage\s+sanction|loonsanctie)\b", re.I)


@dataclass(frozen=True)
class Assumption:
    """A reading chosen where the text allowed more than one, for the answer to state.

    `kind`: "range" (a duration such as "al 5 weken": `day` is the earliest day that fits,
    `latest` the last), "no_year" (a date without a year: `day` is the most recent one up to
    today, or the year of an earlier date in the text; for a period `latest` is its end) or
    "until" (plain "tot"/"until": `day`, the end date, is read as the last day of a sick or fit
    period; for a leave as the first day after it, which makes no deadline late). `phrase` is
    the user's own words. "sanction": a loonsanctie imposed without its length, read as the
    52 weeks UWV imposes as a rule (`day` is the first sick day).
    """

    kind: Literal["range", "no_year", "until", "sanction"]
    day: date
    phrase: str
    latest: date | None = None
    role: str = "sick"  # what the date is: "sick", "fit", "sick_end" or "leave"


@dataclass
class ParsedSickness:
    """What the text says about the sickness: episodes and other dates for the calculator."""

    episodes: list[Episode]
    eje: date | None = None
    probleemanalyse: date | None = None
    loonsanctie_weeks: int | None = None
    verlenging_tot: date | None = None
    ignored: list[date] = field(default_factory=list)
    leave: list[Leave] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)

    def timeline_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `compute_timeline` (besides `today`)."""
        return {
            "probleemanalyse": self.probleemanalyse,
            "eje": self.eje,
            "loonsanctie_weeks": self.loonsanctie_weeks,
            "verlenging_tot": self.verlenging_tot,
            "leave": tuple(self.leave),
        }


@dataclass(frozen=True)
class _Event:
    day: date
    kind: str  # "sick" (first sick day) or "fit" (first fit day)
    weak: bool = False  # implied by a range, overruled by an explicit statement
    again: bool = False
    partial: bool = False  # "50% ziek": a change of degree, never a correction
    order: int = 0
    approximate: bool = False  # from a duration ("al 5 weken"): an explicit date wins


def _last_role(text: str) -> str | None:
    found = [m.lastgroup for m in _ROLE_RE.finditer(text)]
    return _ROLE_ALIASES.get(found[-1], found[-1]) if found else None


def _first_role(text: str) -> str | None:
    m = _ROLE_RE.search(text)
    return _ROLE_ALIASES.get(m.lastgroup, m.lastgroup) if m else None


@dataclass(frozen=True)
class _Role:
    name: str | None
    again: bool = False
    partial: bool = False


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or line) holding text[start:end] begins and ends."""
    breaks = sentence_breaks(text, lines=True)
    return (max((after for _, after in breaks if after <= start), default=0),
            min((stop for stop, _ in breaks if stop >= end), default=len(text)))


# "De bedrijfsarts heeft hem op 24 november gezien en de probleemanalyse gemaakt": the step done
# that day, named after "en" with a verb of making, and no date of its own
_DONE_BESIDE_RE = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:en|and)\s+(?:de|het|een|the|a|his|her|zijn|haar)?\s*"
    r"(?:(?P<pa>probleem\s*-?\s*analyse|problem\s+analysis)"
    r"|(?P<eje>eerstejaars\s*-?\s*evaluatie|eje|first[- ]year\s+(?:evaluation|review)))\s+"
    r"(?:(?!niet|nog|not|never|yet)\w+\s+)?(?:gemaakt|opgesteld|gedaan|afgerond|gehouden|geschreven"
    r"|made|done|held|completed"
    r"|written|drawn\s+up)\b", re.I)


def _done_beside(suffix: str) -> str | None:
    """"pa" or "eje" when the words after a date say that step was done that day."""
    found = _DONE_BESIDE_RE.match(suffix)
    return None if found is None else ("pa" if found.group("pa") else "eje")


def _role(text: str, start: int, end: int, prev_end: int, next_start: int) -> _Role:
    """The role of the date at text[start:end], read from the words of its own clause.

    The clause runs from the last separator (comma, "en", "and", ...) before the date to the
    first one after it, and never past a neighbouring date: role words behind a separator
    belong to another statement ("werkte weer vanaf 1 juni en is op 29 juni opnieuw ziek").
    Words before the date in its clause win, then words after it; only when the clause has
    none does a role word earlier in the sentence count ("eerste ziektedag: 3 maart"), and then
    only up to the last "en"/"and"/";".
    """
    sentence_start, sentence_end = _sentence_around(text, start, end)
    prefix = text[max(prev_end, sentence_start):start]
    clauses = list(_CLAUSE_RE.finditer(prefix))
    clause = prefix[clauses[-1].end():] if clauses else prefix
    suffix_end = min(next_start, sentence_end)
    suffix = text[end:suffix_end]
    cut = _CLAUSE_RE.search(suffix)
    suffix_clause = suffix[: cut.start()] if cut else suffix
    window = f"{clause} {suffix_clause}"
    # Last: a verb split around the date ("viel op 1 september uit").
    role = _last_role(clause) or _first_role(suffix_clause) or _first_role(window)
    if role is None and _WORK_RE.search(window) and _FULLY_RE.search(window):
        role = "fit"  # "werkt vanaf 1 juni weer", "worked fully from 1 June"
    partial = bool(_PARTIAL_RE.search(window))
    if partial and (role == "fit" or role is None):
        # partial work does not end the sickness, nor does it start one ("vanaf 12 januari weer 3
        # ochtenden per week op kantoor (arbeidstherapeutisch)")
        return _Role("ignore", partial=True)
    if role is None:
        # A label earlier in the sentence ("eerste ziektedag: 3 maart", "ziek, eerste dag 3
        # maart"), but never across "en"/"and"/";": that is another statement.
        hard = list(_HARD_CLAUSE_RE.finditer(prefix))
        role = _last_role(prefix[hard[-1].end():] if hard else prefix)
    if role is None:
        role = _done_beside(suffix)
    if role is None and _SINCE_RE.search(clause):
        role = "sick"
    if role == "still_sick":  # "nog steeds ziek sinds 1 maart" is a start, "op 1 juni nog ziek" not
        role = "sick" if _STILL_SINCE_RE.search(clause) else "ignore"
    return _Role(role, again=bool(_AGAIN_RE.search(window)), partial=partial)


def parse_dates(text: str, today: date) -> ParsedSickness | None:
    """Sickness episodes and related dates in `text`; None when it names no sick day.

    Raises:
        DeadlineInputError: a date that does not exist, a range that ends before it starts, or
            a new sick day ("weer ziek") without a recovery date before it.
    """
    mentions = find_dates(text, today)
    events: list[_Event] = []
    result = ParsedSickness(episodes=[])
    i = 0
    while i < len(mentions):
        m = mentions[i]
        end_m: DateMention | None = None
        if i + 1 < len(mentions) and _RANGE_RE.match(text[m.end:mentions[i + 1].start]):
            end_m = mentions[i + 1]
        last = end_m or m
        prev_end = mentions[i - 1].end if i else 0
        j = i + (2 if end_m else 1)
        next_start = mentions[j].start if j < len(mentions) else len(text)
        found = _role(text, m.start, last.end, prev_end, next_start)
        if found.name is None and _IN_WEEK_RE.match(text, m.start):
            found = replace(found, name="sick")  # "hij zit in week 40": his sickness's week
        role = found.name
        if m.latest is not None and (role != "sick" or end_m is not None):
            role = "ignore"  # a duration only ever gives a first sick day
        _apply(text, role, found, m, end_m, next_start, result, events)
        i = j
    result.episodes = _episodes(_corrected(events))
    if not result.episodes:
        return None
    starts = {e.start for e in result.episodes}
    result.assumptions = [a for a in result.assumptions if a.kind != "range" or a.day in starts]
    sanction = _SANCTION_RE.search(text)
    if sanction:
        result.loonsanctie_weeks = int(next(g for g in sanction.groups() if g))
    elif result.verlenging_tot is None and (imposed := _SANCTION_IMPOSED_RE.search(text)):
        # UWV imposes 52 weeks as a rule, shortened after a repair (art. 25 lid 9 WIA): the
        # latest end, said as an assumption the user can correct
        result.loonsanctie_weeks = MAX_LOONSANCTIE_WEEKS
        result.assumptions.append(Assumption("sanction", result.episodes[0].start,
                                             " ".join(imposed.group(0).split())))
    return result


def _apply(text: str, role: str | None, found: _Role, m: DateMention, end_m: DateMention | None,
           next_start: int, result: ParsedSickness, events: list[_Event]) -> None:
    """What the date (range) at `m` (.. `end_m`) read as `role` adds to `result` and `events`."""
    again = found.again
    last = end_m or m
    order = len(events)
    if role in ("sick", "fit", "sick_end", "leave"):
        result.assumptions.extend(_assumptions(text, m, end_m, role))
    if role == "leave":
        _add_leave(text, m, end_m, next_start, order, result, events)
    elif end_m is not None and role in ("sick", "fit"):
        _check_order(m, end_m)
        other = "fit" if role == "sick" else "sick"
        events.append(_Event(m.value, role, again=again, order=order))
        after = end_m.value + timedelta(days=1)
        events.append(_Event(after, other, weak=True, order=order + 1))
    elif role == "sick":
        events.append(_Event(m.value, "sick", again=again, partial=found.partial,
                             order=order, approximate=m.latest is not None))
    elif role in ("fit", "sick_end"):
        day = m.value + timedelta(days=1) if role == "sick_end" else m.value
        events.append(_Event(day, "fit", order=order))
    elif role == "eje":
        result.eje = m.value
    elif role == "pa":
        result.probleemanalyse = m.value
    elif role == "verlenging":
        result.verlenging_tot = last.value
    else:
        result.ignored.append(m.value)


def _add_leave(text: str, m: DateMention, end_m: DateMention | None, next_start: int,
               order: int, result: ParsedSickness, events: list[_Event]) -> None:
    """A leave from `m` to `end_m`: its days, and sickness again after it when the text says so.

    Raises:
        DeadlineInputError: the leave has no last day, or ends before it starts.
    """
    if end_m is None:
        raise fail("leave_no_end", day=m.value)
    _check_order(m, end_m)
    last_day = end_m.value
    if _PLAIN_UNTIL_RE.match(text[m.end:end_m.start]) and last_day > m.value:
        last_day -= timedelta(days=1)  # "tot 30 juni": back on 30 June (the safe reading)
    result.leave.append(Leave(m.value, last_day))
    events.append(_Event(m.value, "fit", weak=True, order=order))
    after = text[end_m.end:min(next_start, _sentence_around(text, m.start, end_m.end)[1])]
    if _SICK_AFTER_RE.search(after):
        events.append(_Event(last_day + timedelta(days=1), "sick", weak=True,
                             again=True, order=order + 1))


def _check_order(m: DateMention, end_m: DateMention) -> None:
    if end_m.value < m.value:
        raise fail("period_reversed", start=m.value, end=end_m.value)


def _assumptions(text: str, m: DateMention, end_m: DateMention | None,
                 role: str | None) -> list[Assumption]:
    """The readings taken for the date (range) at `m` (.. `end_m`)."""
    out = []
    role = role or "sick"
    whole = text[m.start:(end_m or m).end].strip().rstrip(".,;:")  # "12 December." is a date
    if m.latest is not None:
        out.append(Assumption("range", m.value, whole, m.latest, role))
    if end_m is not None and not (m.has_year and end_m.has_year):
        out.append(Assumption("no_year", m.value, whole, end_m.value, role))
    elif end_m is None and not m.has_year:
        out.append(Assumption("no_year", m.value, whole, role=role))
    if end_m is not None and _PLAIN_UNTIL_RE.match(text[m.end:end_m.start]):
        out.append(Assumption("until", end_m.value, whole, role=role))
    return out


def _corrected(events: list[_Event]) -> list[_Event]:
    """Without any recovery, several plain first sick days are corrections: keep the last one.

    When one of them is partial ("sinds 1 juni 50% ziek") they describe changes of degree within
    one sickness, so the earliest is the first sick day.
    """
    if any(not e.approximate for e in events if e.kind == "sick" and not e.again):
        events = [e for e in events if not e.approximate]  # "ziek sinds 1 maart, al 5 weken"
    if any(e.kind == "fit" for e in events):
        return events
    plain = [e for e in events if e.kind == "sick" and not e.again]
    if len({e.day for e in plain}) <= 1:
        return events
    keep = min(plain, key=lambda e: e.day) if any(e.partial for e in plain) else plain[-1]
    return [e for e in events if e.again or e is keep]


def _episodes(events: list[_Event]) -> list[Episode]:
    ordered = sorted(events, key=lambda e: (e.day, e.kind != "fit", e.order))
    episodes: list[Episode] = []
    start: date | None = None
    for n, e in enumerate(ordered):
        if e.weak:
            upcoming = next((x for x in ordered[n + 1:] if not x.weak), None)
            if upcoming is not None and upcoming.kind == e.kind:
                continue
        if e.kind == "sick":
            if start is None:
                start = e.day
            elif e.again and not e.weak:
                raise fail("sick_again_without_recovery", day=e.day)
        elif start is not None and e.day > start:
            episodes.append(Episode(start, e.day - timedelta(days=1)))
            start = None
    if start is not None:
        episodes.append(Episode(start))
    return episodes
