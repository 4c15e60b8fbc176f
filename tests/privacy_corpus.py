"""A generated corpus of personal identifiers in the formats people type them in."""
from __future__ import annotations

import random

from stdnum import iban
from stdnum.nl import bsn


def _bsn(rng: random.Random) -> str:
    while True:
        digits = f"{rng.randrange(10**8, 10**9):09d}"
        if bsn.is_valid(digits):  # the elfproef
            return digits


def _iban(rng: random.Random) -> str:
    country, bank = rng.choice([("NL", "ABNA"), ("NL", "INGB"), ("BE", ""), ("DE", "")])
    length = {"NL": 10, "BE": 12, "DE": 18}[country]
    while True:  # until the national check (e.g. Belgium's mod 97) holds too
        account = bank + "".join(str(rng.randrange(10)) for _ in range(length))
        number = country + iban.calc_check_digits(country + "00" + account) + account
        if iban.is_valid(number):
            return number


def _formats(rng: random.Random) -> list[str]:
    b = _bsn(rng)
    i = _iban(rng)
    mobile = "6" + "".join(str(rng.randrange(10)) for _ in range(8))
    be = "4" + "".join(str(rng.randrange(10)) for _ in range(8))
    user = "".join(rng.choice("abcdefghijklmnop") for _ in range(6))
    return [
        b, f"{b[:3]} {b[3:6]} {b[6:]}", f"{b[:4]}.{b[4:6]}.{b[6:]}", f"{b[:3]}-{b[3:5]}-{b[5:]}",
        i, " ".join(i[k:k + 4] for k in range(0, len(i), 4)), i.lower(),
        f"0{mobile}", f"0{mobile[:1]}-{mobile[1:]}", f"+31 {mobile[:1]} {mobile[1:5]} {mobile[5:]}",
        f"+31 (0){mobile[:1]} {mobile[1:]}", f"0031{mobile}", f"+31{mobile}",
        f"+32 {be[:3]} {be[3:5]} {be[5:7]} {be[7:]}", f"0032 {be}",
        f"+44 20 {mobile[1:5]} {mobile[5:]}", f"(020) {mobile[1:4]} {mobile[4:6]} {mobile[6:8]}",
        f"{user}@example.nl", f"{user}.{user[:2]}+hr@bureau-{user[:3]}.example.com",
    ]


def identifiers(rounds: int, seed: int = 0) -> list[str]:
    """`rounds` times every format, with fresh random numbers."""
    rng = random.Random(seed)
    return [text for _ in range(rounds) for text in _formats(rng)]


CONDITIONS = {
    "nl": ["kanker", "een hernia", "een zware depressie", "een burn-out", "diabetes", "long covid",
           "migraine", "rugklachten", "een hartinfarct", "epilepsie", "reuma", "PTSS",
           "een angststoornis", "artrose in de knie", "chronische vermoeidheid"],
    "en": ["cancer", "depression", "a heart attack", "chronic back pain", "an anxiety disorder",
           "a broken leg", "long covid", "diabetes"],
}
HEALTH_TEMPLATES = {
    "nl": ["Mijn werknemer heeft {}, wanneer moet spoor 2 starten?",
           "Ik heb {} en slik medicatie (oxycodon), wie betaalt spoor 2?",
           "Bij mij is {} vastgesteld door de huisarts; moet ik aan spoor 2 meedoen?"],
    "en": ["My employee has {}; when must track 2 start?",
           "I was diagnosed with {} and take medication; who pays for track 2?"],
}


def health_phrases() -> list[tuple[str, str]]:
    """(question, the health detail in it) for every condition in every template."""
    return [(template.format(condition), condition)
            for language, templates in HEALTH_TEMPLATES.items()
            for template in templates for condition in CONDITIONS[language]]
