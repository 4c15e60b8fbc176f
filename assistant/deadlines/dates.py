"""How a date is written, in one place: `05-01-2026`, `ma 05-01-2026`, `maandag 5 januari 2026`."""
from __future__ import annotations

from datetime import date

from assistant.texts import text

_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}
_DAYS = {
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}
_SHORT_DAYS = {"nl": "ma di wo do vr za zo", "en": "Mon Tue Wed Thu Fri Sat Sun"}


def _lang(language: str) -> str:
    return "en" if language == "en" else "nl"


def short_date(day: date) -> str:
    """dd-mm-yyyy, the usual Dutch notation (tables, exports, error messages)."""
    return day.strftime("%d-%m-%Y")


def compact_date(day: date) -> str:
    """dd-mm-yy, where a table column is narrow (the PDF's list of evaluations)."""
    return day.strftime("%d-%m-%y")


def day_and_date(day: date, language: str) -> str:
    """'ma 05-01-2026' / 'Mon 05-01-2026' (timeline tables)."""
    return f"{_SHORT_DAYS[_lang(language)].split()[day.weekday()]} {short_date(day)}"


def long_date(day: date, language: str, weekday: bool = True) -> str:
    """'vrijdag 20 december 2024' / 'Friday 20 December 2024' (without the weekday: '20 december
    2024'), for sentences."""
    language = _lang(language)
    text = f"{day.day} {_MONTHS[language].split()[day.month - 1]} {day.year}"
    return f"{_DAYS[language].split()[day.weekday()]} {text}" if weekday else text


def input_date(day: date, language: str) -> str:
    """A date the way a user types it back: '05-01-2026' in Dutch, '2026-01-05' in English
    (input errors, where the user must find the date they gave)."""
    return short_date(day) if _lang(language) == "nl" else day.isoformat()


def day_count(days: int, language: str) -> str:
    """"1 dag", "12 dagen" ("1 day", "12 days"), "vandaag" ("today") for 0; a negative count
    (days late) counts its size."""
    if days == 0:
        return text("deadline.today", language)
    return f"{abs(days)} {text('deadline.day' if abs(days) == 1 else 'deadline.days', language)}"
