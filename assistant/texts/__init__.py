"""Every user-facing string in Dutch and English, and one lookup: `text(key, language, audience)`.

The strings live in one module per area (`answers`, `ui`, `handoff`, `deadlines`, `web`,
`admin`); a key is `<area>.<name>`, e.g. `answer.greeting` or `ui.send`. Each entry has English
(`en`) and Dutch: either one Dutch text (`nl`) or two voices, `u` for werkgevers and `je` for
werknemers. A missing key or language raises `MissingTextError` (tests check that every entry
is complete), never a silent fallback to another language.

To add or change a string: edit the area module; `tests/test_texts.py` checks the result.
"""
from __future__ import annotations

from collections.abc import Mapping

from assistant.texts import admin, answers, deadlines, handoff, ui, web, widget

__all__ = ["CATALOGUE", "LANGUAGES", "MissingTextError", "pair", "text", "texts_for", "voice"]

LANGUAGES = ("nl", "en")

_AREAS = {"answer": answers.TEXTS, "ui": ui.TEXTS, "handoff": handoff.TEXTS,
          "deadline": deadlines.TEXTS, "web": web.TEXTS, "admin": admin.TEXTS,
          "widget": widget.TEXTS}

CATALOGUE: Mapping[str, Mapping[str, str]] = {
    f"{area}.{key}": entry for area, entries in _AREAS.items() for key, entry in entries.items()
}


class MissingTextError(KeyError):
    """A text key, language or voice that the catalogue does not have (a programming error)."""


def voice(audience: str | None) -> str:
    """The Dutch voice for an audience: `je` for werknemers, `u` for everyone else."""
    return "je" if audience in ("werknemer", "je") else "u"


def _variant(entry: Mapping[str, str], language: str, audience: str | None) -> str:
    if language == "en":
        return "en"
    if language != "nl":
        raise MissingTextError(f"unknown language {language!r}")
    return "nl" if "nl" in entry else voice(audience)


def text(key: str, language: str, audience: str | None = None, **values: object) -> str:
    """The text `key` in `language` ("nl" or "en"), in the Dutch voice for `audience`
    ("werkgever"/"u" or "werknemer"/"je"; default "u"), with `{placeholders}` filled from
    `values`.

    Raises:
        MissingTextError: the key, the language or the voice is not in the catalogue.
    """
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise MissingTextError(f"no text {key!r}") from None
    variant = _variant(entry, language, audience)
    try:
        found = entry[variant]
    except KeyError:
        raise MissingTextError(f"text {key!r} has no {variant!r}") from None
    return found.format(**values) if values else found


def pair(key: str, **values: object) -> tuple[str, str]:
    """The text `key` as (Dutch, English), for errors that carry both (`ApiError`,
    `Spoor2Error`) and pick one at the edge."""
    return text(key, "nl", **values), text(key, "en", **values)


def texts_for(prefix: str, language: str, audience: str | None = None) -> dict[str, str]:
    """Every text under `prefix` (e.g. "widget.") in one language and voice, keyed without the
    prefix: for the JavaScript, which gets its strings from the server."""
    return {key[len(prefix):]: text(key, language, audience)
            for key in CATALOGUE if key.startswith(prefix)}
