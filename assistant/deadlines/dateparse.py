"""Finding dates in Dutch and English text: 3 maart 2025, 03-03-2025, 3 March 2025, gisteren.

Numeric dates are read day first (03-04-2025 is 3 April); two-digit years are 20xx; a date that
does not exist (31-02-2025, month 13, year 0001) raises `DeadlineInputError`, never a guess.
Dates without a year take the year of the previous full date in the text (rolling over to the
next year when they would otherwise lie before it), or else their last occurrence up to today.
A weekday right beside an explicit date ("vrijdag 1 maart 2024", "1 maart 2024 (vrijdag)") is a
label of that date, not a relative date; alone ("sinds vrijdag") it is the last such day.
"sinds 1-3" (day-month after a word such as sinds/vanaf/tot/since) has no year either.
A duration ("al 5 weken ziek", "sinds drie maanden", "for 5 weeks") is a range of days: 5 weeks
is 35 to 41 days ago; "bijna 5 weken" (almost) is 4 weeks and some days, 28 to 34 days ago.
The mention's `value` is the earliest day of the range (the safest first sick day: no deadline
comes out late) and `latest` the last one.
Named days ("Koningsdag 2025", "de dag na Kerst", "the day after Easter") come from `named_days`;
without a year they are the most recent such day up to today.
"""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from assistant.deadlines.named_days import NAMES_PATTERN, last_named_day, named_day
from assistant.deadlines.validate import fail

_log = logging.getLogger(__name__)

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "febr": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3, "mrz": 3, "april": 4, "apr": 4, "mei": 5,
    "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "maandag": 0, "monday": 0, "dinsdag": 1, "tuesday": 1, "woensdag": 2, "wednesday": 2,
    "donderdag": 3, "thursday": 3, "vrijdag": 4, "friday": 4, "zaterdag": 5, "saturday": 5,
    "zondag": 6, "sunday": 6,
}
_NUMBERS = {
    "een": 1, "één": 1, "one": 1, "a": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4,
    "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8,
    "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10, "elf": 11, "eleven": 11,
    "twaalf": 12, "twelve": 12,
}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Full month names, a regex alternation ("sinds maart"; never "sinds Jan", a name)
MONTH_NAMES = "|".join(sorted(
    (m for m in _MONTHS if len(m) > 4 or m in ("mei", "juni", "juli", "june", "july")),
    key=len, reverse=True))
_WD = "|".join(_WEEKDAYS)
# The weekday names, a regex alternation ("t/m zondag 29 maart": a label before a range's end)
WEEKDAY_NAMES = _WD
_NUM = r"\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True))
_ORD = r"(?:ste|de|st|nd|rd|th|e)?"
# "17 november vorig jaar", "March 3 last year": a year named relative to today.
_RELATIVE_YEAR = r"(?:vorig|verleden|afgelopen)\s+jaar|dit\s+jaar|last\s+year|this\s+year"
_YEAR_OFFSET = {"vorig": -1, "verleden": -1, "afgelopen": -1, "last": -1, "dit": 0, "this": 0}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])")),
    ("dmy", re.compile(
        r"(?<![\d/.,-])(?P<d>\d{1,2})([-/.])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\d]|[.,/-]\d)")),
    ("day_range", re.compile(
        rf"\b(?P<d1>\d{{1,2}}){_ORD}\s*(?P<conn>tot\s+en\s+met|t/m|tot|until|till|through|to|-|–)"
        rf"\s*(?P<d>\d{{1,2}}){_ORD}\s+(?P<mon>{_MON})\b\.?(?:,?\s*(?P<y>\d{{4}}|'\d{{2}})(?!\d))?",
        re.I)),
    ("text_dmy", re.compile(
        rf"\b(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+)?(?P<mon>{_MON})\b\.?"
        rf"(?:,?\s*(?P<y>\d{{4}}|'\d{{2}}|{_RELATIVE_YEAR})(?!\d))?", re.I)),
    ("text_mdy", re.compile(
        rf"\b(?P<mon>{_MON})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:{_MON})\b)"
        rf"(?:,?\s*(?P<y>\d{{4}}|{_RELATIVE_YEAR})(?!\d))?", re.I)),
    ("prev_week", re.compile(
        rf"\b(?:(?:vorige|afgelopen)\s+week|last\s+week)\s+(?:on\s+)?(?P<wd>{_WD})\b"
        rf"|\b(?P<wd2>{_WD})\s+(?:van\s+)?(?:vorige\s+week|last\s+week)\b", re.I)),
    ("last_wd", re.compile(
        rf"\b(?:afgelopen|vorige|last|past)\s+(?P<wd>{_WD})\b|\b(?P<wd2>{_WD})\s+(?:jl|j\.l)\b\.?"
        rf"|\b(?:sinds|vanaf|since|op|on|per)\s+(?P<wd3>{_WD})\b", re.I)),
    ("ago", re.compile(
        rf"\b(?P<n>{_NUM})\s+(?P<unit>dagen|dag|weken|week|days|day|weeks)\s+(?:geleden|ago)\b",
        re.I)),
    ("word", re.compile(r"\b(?P<w>vandaag|today|eergisteren|gisteren|yesterday)\b", re.I)),
    # "sinds 1-3", "tot 15/4", "ziekmelding 9/2": day-month without a year, only after a word that
    # introduces a date.
    ("dm", re.compile(
        r"\b(?:sinds|vanaf|per|op|tot(?:\s+en\s+met)?|t/m|van|since|from|on|until|till|to|"
        r"through|ziekmelding:?|(?:ziek|beter|hersteld)\s*gemeld:?|ziektedag:?)\s+"
        r"(?P<d>\d{1,2})[-/](?P<m>\d{1,2})(?![\d]|[-/.]\d|\s*(?:dagen|dag|weken|week|"
        r"maanden|maand|jaar|jaren|uur|keer|days|day|weeks|week|months|month|years|year|hours|"
        r"times|x\b|%))", re.I)),
    # "al 5 weken ziek", "sinds drie maanden", "ziek sinds 5 weken", "off sick for 5 weeks".
    # The span starts at the number, so "sinds"/"sick for" stay in the clause that gives the role.
    ("duration", re.compile(
        rf"(?:\b(?:al|nu|inmiddels|sinds|sedert|since|already)|\b(?:sick|ill|unwell|off\s+work|"
        rf"absent|unfit)\s+(?:for|since))\s+(?:(?:the\s+)?(?:last|past)\s+)?"
        rf"(?:(?P<under>bijna|nagenoeg|haast|almost|nearly|not\s+quite)\s+|(?:ruim|over|more\s+than|"
        rf"ongeveer|circa|zo'?n|about|around|roughly)\s+)?(?P<n>{_NUM})\s+"
        rf"(?P<unit>dagen|dag|weken|week|maanden|maand|days|day|weeks|week|months|month)\b"
        rf"(?!\s+(?:geleden|ago|na|after|voor|before|per|a|in)\b)", re.I)),
    # "ik ben 30 weken ziek", "hij zit 9 weken thuis": a present-tense verb and a word for being
    # off sick right after the duration ("ze was 5 weken ziek" tells of a past episode: not read)
    ("duration", re.compile(
        rf"\b(?:ben|bent|is|zijn|zit|zitten)\s+(?:(?:nu|al|inmiddels|ook)\s+)?"
        rf"(?:(?P<under>bijna|nagenoeg|haast)\s+|(?:ruim|ongeveer|circa|zo'?n)\s+)?(?P<n>{_NUM})\s+"
        rf"(?P<unit>dagen|dag|weken|week|maanden|maand)\s+(?=(?:ziek|thuis|arbeidsongeschikt|"
        rf"uitgevallen|uit\s+de\s+running)\b(?!\s+(?:geweest|gewees)\b))", re.I)),
    # "hij zit in week 40", "she is now in week 12": the N-th week since the first sick day, so N-1
    # whole weeks have passed. Said of a person ("de melding is in week 42" is a rule, "we zitten
    # in week 49" a calendar week: not read)
    ("duration", re.compile(
        r"(?:(?<!\bwe )(?<!\bwij )\b(?:zit|zitten)"
        r"|\b(?:he|she|i|they|employee|worker)(?:\s+(?:is|am|are)|[’']s|[’']m))"
        r"\s+(?:(?:nu|inmiddels|al|ongeveer|now|currently|about)\s+)?"
        r"(?P<inweek>in\s+(?:ziekte)?week)\s+(?P<n>\d{1,3})\b(?P<under>)(?P<unit>)"
        r"(?!\s+(?:van|of)\s+(?:het|dit|dat|the|this)\s+(?:jaar|year|kalenderjaar))", re.I)),
    # "sinds begin maart", "half januari 2026", "eind augustus vorig jaar", "since mid-March": a
    # third of a month, read as a range of days like a duration
    ("month_part", re.compile(
        rf"\b(?:(?P<part>begin|eind|einde|half|medio|midden|halverwege|early|mid|late)(?:\s*-\s*|\s+)"
        rf"(?:van\s+)?|(?:the\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+)(?P<mon>{_MON})\b\.?"
        rf"(?:,?\s*(?P<y>\d{{4}}|{_RELATIVE_YEAR})(?!\d))?", re.I)),
    # "sinds maart", "in januari 2025 ziek geworden", "since March": a whole month, read as a range
    ("month", re.compile(
        rf"\b(?:sinds|sedert|vanaf|in|since|from)\s+(?P<part>)(?P<mon>{MONTH_NAMES})\b"
        rf"(?:,?\s*(?P<y>\d{{4}}|{_RELATIVE_YEAR})(?!\d))?(?!\s*[-/.]?\s*\d)", re.I)),
    # "Koningsdag 2025", "de dag na Koningsdag", "2 dagen voor Kerst", "the day after Easter".
    ("named", re.compile(
        rf"(?:\b(?:(?:de|the)\s+(?P<one>dag|day)|(?P<n>{_NUM})\s+(?:dagen|days))\s+"
        rf"(?P<dir>na|voor|vóór|after|before)\s+(?:(?:de|het|the)\s+)?)?"
        rf"\b(?P<name>{NAMES_PATTERN})\b(?:\s+(?P<y>\d{{4}})\b)?", re.I)),
]


_Candidate = tuple[int, int, str, "re.Match[str]"]
# "na de kerst", "rond Pasen", "after Christmas": some time around the day, not the day itself.
_VAGUE_BEFORE_RE = re.compile(
    r"\b(?:na|voor|vóór|rond|rondom|tijdens|begin|eind|after|before|around|during|over)\s+"
    r"(?:de\s+|het\s+|the\s+)?\Z", re.I)
_EXPLICIT = ("iso", "dmy", "day_range", "text_dmy", "text_mdy", "dm", "named")
_WEEKDAY_KINDS = ("prev_week", "last_wd")
# Between a weekday label and its date: "vrijdag 1 maart", "Friday, 13 June", "vrijdag de 1e".
_LABEL_BEFORE_RE = re.compile(r"[\s,]*(?:(?:de|den|the)\s+)?\Z", re.I)
# Between a date and its weekday label: "1 maart 2024 (vrijdag)", "1 maart 2024, op vrijdag".
_LABEL_AFTER_RE = re.compile(r"[\s,(]*(?:(?:op|on|een|a)\s+)?\Z", re.I)

_RANGE_GAP_RE = re.compile(
    r"\s*(?:tot\s+en\s+met|t/m|tm|tot|until|till|through|thru|to|-|–|—)\s*\Z", re.I)
_FIELD_LABEL_RE = re.compile(rf"^(?:{_WD})\b[\s,]*|[\s,]*\(?\b(?:{_WD})\)?$", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date found in text, with its character span."""

    start: int
    end: int
    value: date
    has_year: bool
    latest: date | None = None  # a range ("al 5 weken"): `value` is its earliest day


def _make(y: int, m: int, d: int, raw: str) -> date:
    try:
        if y < 1900 or y > 2200:
            raise ValueError
        return date(y, m, d)
    except ValueError:
        raise fail("no_such_date", raw=raw) from None


def _year(raw: str) -> int:
    raw = raw.lstrip("'")
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def _absolute(kind: str, m: re.Match[str], today: date, anchor: date | None) -> tuple[date, bool]:
    raw = m.group(0).strip()
    if kind in ("iso", "dmy"):
        return _make(_year(m["y"]), int(m["m"]), int(m["d"]), raw), True
    if kind == "named":
        return _named(m, today)
    month = int(m["m"]) if kind == "dm" else _MONTHS[m["mon"].lower()]
    day = int(m["d"])
    if m.groupdict().get("y"):
        word = m["y"].split()[0].lower()
        year = today.year + _YEAR_OFFSET[word] if word in _YEAR_OFFSET else _year(m["y"])
        return _make(year, month, day, raw), True
    _make(2024, month, day, raw)  # leap year: checks that day and month can exist at all
    if anchor is not None:
        year = anchor.year
        if (month, day) < (anchor.month, anchor.day):
            year += 1
    else:
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    if month == 2 and day == 29:
        while True:
            try:
                return date(year, 2, 29), False
            except ValueError:
                year += 1 if anchor is not None else -1
    return date(year, month, day), False


def _named(m: re.Match[str], today: date) -> tuple[date, bool]:
    """A named day, moved by "de dag na" / "3 dagen voor"; without a year the latest one."""
    raw = m["n"]
    shift = 1 if m["one"] else (int(raw) if raw and raw.isdigit() else _NUMBERS.get(
        (raw or "").lower(), 0))
    if m["dir"] and m["dir"].lower() in ("voor", "vóór", "before"):
        shift = -shift
    if m["y"]:
        year = int(m["y"])
        if not 1900 <= year <= 2200:
            _make(year, 1, 1, m.group(0).strip())  # raises: not an existing date
        return named_day(m["name"], year) + timedelta(days=shift), True
    base = last_named_day(m["name"], today)
    if base + timedelta(days=shift) > today:  # "de dag na Kerst" on 25 December: last year's
        base = named_day(m["name"], base.year - 1)
    return base + timedelta(days=shift), False


def _months_back(day: date, n: int) -> date:
    """`day` n calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - n, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def duration_range(n: int, unit: str, today: date) -> tuple[date, date]:
    """First sick days that fit "sick for n <unit>" today: (earliest, latest).

    n weeks is n to n+1 weeks minus a day (35-41 days for 5 weeks); n months likewise; n days is
    n or n-1 days ago (whether today is the n-th sick day or the day after it).
    """
    unit = unit.lower()
    if unit.startswith("we"):
        return today - timedelta(days=7 * n + 6), today - timedelta(days=7 * n)
    if unit.startswith(("maand", "month")):
        return _months_back(today, n + 1) + timedelta(days=1), _months_back(today, n)
    return today - timedelta(days=n), today - timedelta(days=max(n - 1, 0))


def _month_part(m: re.Match[str], today: date) -> tuple[date, date]:
    """(earliest, latest) day of "begin/half/eind <month>": days 1-10, 11-20 or 21 to the end;
    of "sinds <month>" the whole month; without a year the most recent one begun by today."""
    month = _MONTHS[m["mon"].lower()]
    part = (m["part"] or m.groupdict().get("part2") or "").lower()
    first, last = ((1, 10) if part in ("begin", "early", "beginning", "start") else
                   (11, 20) if part in ("half", "medio", "midden", "halverwege", "mid", "middle")
                   else (21, 31) if part else (1, 31))
    if m["y"]:
        word = m["y"].split()[0].lower()
        year = today.year + _YEAR_OFFSET[word] if word in _YEAR_OFFSET else _year(m["y"])
    else:
        year = today.year if (month, first) <= (today.month, today.day) else today.year - 1
    _make(year, month, 1, m.group(0).strip())  # raises for a year that cannot be
    last = min(last, calendar.monthrange(year, month)[1])
    latest = date(year, month, last)
    return date(year, month, first), min(latest, today) if latest > today >= date(
        year, month, first) else latest


def _relative(kind: str, m: re.Match[str], today: date) -> date:
    if kind == "word":
        word = m["w"].lower()
        back = {"vandaag": 0, "today": 0, "gisteren": 1, "yesterday": 1, "eergisteren": 2}[word]
        return today - timedelta(days=back)
    if kind == "ago":
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = 7 if m["unit"].lower().startswith("we") else 1
        return today - timedelta(days=n * unit)
    wd = _WEEKDAYS[(m.groupdict().get("wd") or m.groupdict().get("wd2")
                    or m.groupdict().get("wd3")).lower()]
    if kind == "prev_week":
        monday_this_week = today - timedelta(days=today.weekday())
        return monday_this_week - timedelta(days=7 - wd)
    back = (today.weekday() - wd) % 7 or 7
    return today - timedelta(days=back)


def _weekday_of(m: re.Match[str]) -> int:
    groups = m.groupdict()
    return _WEEKDAYS[(groups.get("wd") or groups.get("wd2") or groups.get("wd3")).lower()]


def _label(text: str, chosen: list[_Candidate], n: int, previous: DateMention | None,
           previous_kind: str | None) -> str | None:
    """"before"/"after" when the weekday phrase chosen[n] only labels an explicit date beside it.

    Right before an explicit date ("vrijdag 1 maart 2024", "since Friday 13 June") it is a label
    even when it names another weekday: the explicit date is the more reliable statement. Right
    after one ("1 maart 2024 (vrijdag)", "on 1 March, on Friday") only when it is that date's
    weekday.
    """
    start, end, kind, m = chosen[n]
    if kind not in _WEEKDAY_KINDS:
        return None
    nxt = chosen[n + 1] if n + 1 < len(chosen) else None
    if nxt and nxt[2] in _EXPLICIT and _LABEL_BEFORE_RE.match(text, end, nxt[0]):
        return "before"
    if (previous is not None and previous_kind in _EXPLICIT and kind == "last_wd" and m["wd3"]
            and _LABEL_AFTER_RE.match(text, previous.end, start)
            and previous.value.weekday() == _weekday_of(m)):
        return "after"
    return None


def _candidates(text: str) -> list[_Candidate]:
    """The date patterns' matches in reading order; of overlapping ones the longest."""
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "named" and not m["dir"] and _VAGUE_BEFORE_RE.search(
                    text, max(0, m.start() - 20), m.start()):
                continue
            begin = (m.start("wd3") if kind == "last_wd" and m["wd3"] else
                     m.start("d") if kind == "dm" else
                     m.start("under") if kind == "duration" and m["under"] else
                     m.start("inweek") if kind == "duration" and m.groupdict().get("inweek") else
                     m.start("n") if kind == "duration" else
                     m.start("mon") if kind == "month" else m.start())
            candidates.append((begin, -(m.end() - begin), kind, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    chosen: list[_Candidate] = []
    taken_until = -1
    for start, _, kind, m in candidates:
        if start < taken_until:
            continue
        taken_until = m.end()
        chosen.append((start, m.end(), kind, m))
    return chosen


def find_dates(text: str, today: date) -> list[DateMention]:
    """Every date in `text`, in reading order (overlapping candidates: the longest wins)."""
    chosen = _candidates(text)
    mentions: list[DateMention] = []
    anchor: date | None = None
    previous_kind: str | None = None
    label_start: int | None = None
    for n, (start, end, kind, m) in enumerate(chosen):
        label = _label(text, chosen, n, mentions[-1] if mentions else None, previous_kind)
        if label:
            # The label becomes part of the date's span, so "sinds vrijdag, 1 maart" reads
            # as one phrase when the roles of the dates are decided.
            _log.debug("weekday %r only labels an explicit date", m.group(0))
            if label == "before":
                label_start = start
            else:
                close = text.find(")", end, end + 2)
                mentions[-1] = replace(mentions[-1], end=close + 1 if close >= 0 else end)
            continue
        previous_kind = kind
        if label_start is not None:
            start, label_start = label_start, None
        if kind == "day_range":
            end_value, has_year = _absolute(kind, m, today, anchor)
            first = _make(end_value.year, end_value.month, int(m["d1"]), m.group(0).strip())
            mentions.append(DateMention(start, m.end("d1"), first, has_year))
            mentions.append(DateMention(m.start("d"), m.end(), end_value, has_year))
            if has_year:
                anchor = end_value
            continue
        if kind == "duration":
            raw = m["n"].lower()
            n_units = int(raw) if raw.isdigit() else _NUMBERS[raw]
            if m["under"]:  # "bijna 20 maanden": 19 months and some days
                n_units -= 1
            if m.groupdict().get("inweek"):  # "in week 40": 39 weeks and some days
                n_units -= 1
            earliest, latest = duration_range(max(n_units, 0), m["unit"] or "weken", today)
            mentions.append(DateMention(start, m.end(), earliest, True,
                                        latest if latest != earliest else None))
            continue
        if kind in ("month_part", "month"):
            earliest, latest = _month_part(m, today)
            mentions.append(DateMention(start, m.end(), earliest, True, latest))
            continue
        if kind in ("iso", "dmy", "text_dmy", "text_mdy", "dm", "named"):
            value, has_year = _absolute(kind, m, today, anchor)
        else:
            value, has_year = _relative(kind, m, today), True
        if has_year:
            anchor = value
        mentions.append(DateMention(start, m.end(), value, has_year))
    return _range_years(text, mentions)


def _range_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A range start without a year takes it from the range end: "1 maart t/m 31 mei 2024"."""
    out = list(mentions)
    for n in range(len(out) - 1):
        first, last = out[n], out[n + 1]
        if first.has_year or not last.has_year or not _RANGE_GAP_RE.match(
                text, first.end, last.start):
            continue
        year = last.value.year
        if (first.value.month, first.value.day) > (last.value.month, last.value.day):
            year -= 1
        raw = f"{text[first.start:first.end].strip()} {year}"
        value = _make(year, first.value.month, first.value.day, raw)  # 29 februari: leap year?
        out[n] = replace(first, value=value, has_year=True)
    return out


def parse_date(text: str, today: date | None = None) -> date:
    """Exactly one date from a form field or CLI option (2025-03-03, 03-03-2025, 3 maart 2025)."""
    bare = _FIELD_LABEL_RE.sub("", text.strip())  # "vrijdag 1 maart 2024", "1-3-2024 (vr)"
    found = find_dates(bare, today or date.today())
    if len(found) != 1 or found[0].end - found[0].start < len(bare) - 1:
        raise fail("not_a_date", text=text)
    return found[0].value


def parse_field_date(text: str, field_nl: str, field_en: str) -> date:
    """A date from YYYY-MM-DD or DD-MM-YYYY; raises `DeadlineInputError` naming the field."""
    raw = text.strip()
    try:
        if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", raw):
            d, m, y = (int(p) for p in raw.split("-"))
            return date(y, m, d)
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise fail("field_date", field=(field_nl, field_en), raw=raw) from None
