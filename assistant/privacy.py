"""Personal-data hygiene: redact identifiers from logs and feedback, spot health details."""
from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch phone numbers: 06-12345678, +31 6 1234 5678, 020-1234567, 0031...
_PHONE = re.compile(r"(?<!\w)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8,9}(?!\w)")
# BSN: 9 digits (also written 1234.56.789 or 123 456 789).
_BSN = re.compile(r"(?<![\w.-])\d{3}[\s.]?\d{2,3}[\s.]?\d{3,4}(?![\w-])")

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


def redact(text: str) -> str:
    """Replace e-mail addresses, phone numbers and BSN-like numbers with placeholders."""
    text = _EMAIL.sub("[e-mail]", text)
    text = _PHONE.sub("[telefoon]", text)
    return _BSN.sub(_bsn_placeholder, text)


def _bsn_placeholder(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[bsn]" if len(digits) == 9 else match.group()


def mentions_health(text: str) -> bool:
    """True when the text seems to share medical details (a diagnosis, treatment, condition)."""
    lowered = f" {text.lower()} "
    return any(term in lowered for term in _HEALTH_TERMS)


def mentions_identifier(text: str) -> bool:
    """True when the text holds a BSN-like number, an e-mail address or a phone number."""
    return redact(text) != text
