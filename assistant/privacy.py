"""Personal-data hygiene: redact identifiers from logs and feedback, spot health details."""
from __future__ import annotations

import re

from stdnum import iban

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# IBAN: country, two check digits, 11-30 letters/digits in groups; confirmed by mod-97 below.
_IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?(?!\w)",
                   re.IGNORECASE)
# International numbers in any country's format: +32 470 12 34 56, +31 (0)6 12345678, 0044 ...
_PHONE_INTL = re.compile(
    r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(0\)[\s.-]?)?(?:\(?\d{1,4}\)?[\s.-]?){2,6}"
    r"(?<=\d)(?![\w])"
)
# Dutch numbers: 06-12345678, 020-1234567, (020) 123 45 67, 06 1234 5678.
_PHONE = re.compile(r"(?<![\w+])(?:\(0\d{1,3}\)|0)[\s.-]?(?:\d[\s.-]?){7,9}(?<=\d)(?![\w])")
# BSN: 9 digits, also written 1234.56.789, 123 456 789 or 123-45-6782.
_BSN = re.compile(r"(?<![\w.-])\d{3,4}[\s.-]?\d{2,3}[\s.-]?\d{3,4}(?![\w-])")

_HEALTH_TERMS = (
    # Dutch
    "diagnose", "kanker", "tumor", "chemo", "depressie", "depressief", "angststoornis", "paniekaanval",
    "hernia", "hartinfarct", "hartaanval", "beroerte", "diabetes", "suikerziekte", "ms ", "reuma",
    "medicijn", "medicatie", "antidepressiva", "operatie", "geopereerd", "zwanger van", "miskraam",
    "psychose", "adhd", "autisme", "verslaving", "alcoholisme", "whiplash", "long covid", "gebroken",
    "fractuur", "artrose", "migraine", "epilepsie", "hiv", "borderline", "ptss", "trauma",
    "burn-out", "burnout", "overspannen", "ik heb last van",
    # English
    "diagnosis", "diagnosed", "cancer", "depression", "anxiety disorder", "panic attack", "surgery",
    "medication", "antidepressant", "heart attack", "stroke", "miscarriage", "psychosis",
    "addiction", "broken leg", "broken arm",
)
# Wider, for what is stored (the question log): symptoms, treatments and carers too. Not used
# for the answer's privacy notice, so answers do not change.
_HEALTH_TERMS_STORED = _HEALTH_TERMS + (
    "klachten", "pijn", "ziekte van", "chronisch", "therapie", "behandeling", "fysiotherap",
    "psycholoog", "psychiater", "ziekenhuis", "herseninfarct", "hersenletsel", "covid", "astma",
    "allergie", "slaapproblemen", "slapeloos", "zwangerschap", "bestraling", "revalid",
    "symptom", "therapy", "treatment", "hospital", "chronic", "pain", "illness", "disease",
    "diabetic", "asthma", "burnout", "burn-out", "insomnia", "pregnan", "psychologist",
    "psychiatrist", "rehab", "chemotherap", "radiotherap", "painkiller", "pijnstiller",
)
HEALTH_REMOVED = "[weggelaten: medische details]"


def redact(text: str) -> str:
    """Replace e-mail addresses, IBANs, phone numbers and BSN-like numbers with placeholders."""
    text = _EMAIL.sub("[e-mail]", text)
    text = _IBAN.sub(_iban_placeholder, text)
    text = _PHONE_INTL.sub(_phone_placeholder, text)
    text = _BSN.sub(_bsn_placeholder, text)
    return _PHONE.sub(_nl_phone_placeholder, text)


def _iban_placeholder(match: re.Match[str]) -> str:
    """Only numbers that pass the IBAN mod-97 check (so words and codes are left alone); the
    match may have taken a following word ("NL91 ... 00 en"), so shorter prefixes are tried."""
    text = match.group()
    parts = re.split(r"([ -])", text)
    while parts:
        candidate = "".join(parts)
        if iban.is_valid(candidate):
            return "[iban]" + text[len(candidate):]
        parts = parts[:-2]
    return text


def _phone_placeholder(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[telefoon]" if 8 <= len(digits) <= 15 else match.group()


def _nl_phone_placeholder(match: re.Match[str]) -> str:
    """Dutch numbers have ten digits with the leading 0 (a date such as 03-03-2025 has 8)."""
    digits = re.sub(r"\D", "", match.group())
    return "[telefoon]" if len(digits) == 10 else match.group()


def _bsn_placeholder(match: re.Match[str]) -> str:
    # Every 9-digit number goes, not only those passing the elfproef: a mistyped BSN is still
    # personal, and nine digits in a row in a question about sickness are never needed.
    digits = re.sub(r"\D", "", match.group())
    return "[bsn]" if len(digits) == 9 else match.group()


def mentions_health(text: str) -> bool:
    """True when the text seems to share medical details (a diagnosis, treatment, condition)."""
    lowered = f" {text.lower()} "
    return any(term in lowered for term in _HEALTH_TERMS)


def mentions_health_stored(text: str) -> bool:
    """Like `mentions_health`, with a wider list: the test before anything is stored."""
    lowered = f" {text.lower()} "
    return any(term in lowered for term in _HEALTH_TERMS_STORED)


def for_storage(text: str, topic: str = HEALTH_REMOVED, limit: int = 500) -> tuple[str, bool]:
    """What may be stored of a user's text: identifiers replaced by placeholders, and the whole
    text replaced by `topic` when it shares health details. Returns (text, health_removed)."""
    text = " ".join((text or "").split())
    if mentions_health_stored(text):
        return (topic or HEALTH_REMOVED)[:limit], True
    return redact(text)[:limit], False


def mentions_identifier(text: str) -> bool:
    """True when the text holds a BSN-like number, an e-mail address or a phone number."""
    return redact(text) != text
