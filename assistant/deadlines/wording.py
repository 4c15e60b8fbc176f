"""Deadline wording from the text catalogue in both languages at once, with every date written
the way that language's reader types it back (`input_date`: 05-01-2026 / 2026-01-05)."""
from __future__ import annotations

from datetime import date

from assistant.deadlines.dates import input_date
from assistant.texts import LANGUAGES, text


def _written(value: object, language: str) -> object:
    if isinstance(value, date):
        return input_date(value, language)
    if isinstance(value, tuple):  # (Dutch, English), the order of LANGUAGES
        return value[LANGUAGES.index(language)]
    return value


def both(key: str, **values: object) -> tuple[str, str]:
    """The text `key` as (Dutch, English). A `date` value is written as each language types it;
    a (Dutch, English) tuple gives each language its own word."""
    nl, en = (text(key, language, **{name: _written(value, language)
                                     for name, value in values.items()})
              for language in LANGUAGES)
    return nl, en
