"""HR and casemanager shorthand, spelled out for the models that read a message.

"wn zit in wk 50, eje nog niet gehad. AD adviseert spoor2" is a process question to anyone in the
trade; an embedding model trained on ordinary text reads a string of unknown tokens and the scope
guard took such messages for medical or document requests. `spell_out()` adds the full term after
each abbreviation it is sure of, so the model sees both ("wn (werknemer) zit in wk (week) 50").
Case matters where a lower-case form is an ordinary word: "AD" and "LS" only in capitals, "wk"
only before a number ("het WK voetbal" is a championship), "cm" not after a number.
"""
from __future__ import annotations

import re

_TERMS = (
    (r"(?i:wn)", "werknemer"),
    (r"(?i:wg)", "werkgever"),
    (r"(?i:ba)", "bedrijfsarts"),
    (r"(?i:bedr\.?\s?arts)", "bedrijfsarts"),  # "bedr arts wil me pas over 3 mnd weer zien"
    (r"(?<=\d )(?i:mnd|mnden|mndn)|(?<=\d)(?i:mnd)", "maanden"),
    (r"AD", "arbeidsdeskundige"),
    (r"(?i:eje)", "eerstejaarsevaluatie"),
    (r"(?i:pva)", "plan van aanpak"),
    (r"(?i:riv)", "re-integratieverslag"),
    (r"(?<![\d,.] )(?<![\d,.])(?i:cm)", "casemanager"),
    (r"LS", "loonsanctie"),
    (r"(?i:wk)(?=\s*\d)", "week"),
    (r"(?i:ivm)", "in verband met"),
    (r"(?i:ipv)", "in plaats van"),
    (r"ZW", "Ziektewet"),
    (r"(?i:erd)", "eigenrisicodrager"),
    (r"(?i:tv)(?!-)", "transitievergoeding"),
    (r"(?i:wnr)", "wanneer"),
    (r"(?i:aanvr)", "aanvraag"),
    (r"(?i:sp)\s?1", "spoor 1"),
    (r"(?i:sp)\s?2", "spoor 2"),
)
_SHORTHAND = re.compile(
    "|".join(f"(?P<t{i}>\\b{pattern}\\b)" for i, (pattern, _) in enumerate(_TERMS)))


def spell_out(text: str) -> str:
    """`text` with the full term in brackets after each abbreviation of the trade."""
    def expand(match: re.Match) -> str:
        term = _TERMS[int(match.lastgroup[1:])][1]
        return f"{match.group(0)} ({term})"

    return _SHORTHAND.sub(expand, text)
