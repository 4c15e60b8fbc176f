"""What the deadline answer says about the readings it took: a range, a missing year, "tot".

The dates come from `assistant.deadlines.parse.Assumption`; the wording is here, in Dutch ("u"
for werkgevers, "je" for werknemers) and English.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from assistant.deadlines.dates import long_date

if TYPE_CHECKING:
    from assistant.deadlines.parse import Assumption


def assumption_text(assumptions: Sequence[Assumption], first_sick_day: date, language: str,
                    voice: str = "u") -> str:
    """One paragraph naming each assumption and how to correct it ("" when there are none)."""
    nl = language != "en"
    seen: set[tuple[str, date]] = set()
    parts: list[str] = []
    for a in assumptions:
        if (a.kind, a.day) in seen:
            continue
        seen.add((a.kind, a.day))
        parts.append(_range(a, first_sick_day, language) if a.kind == "range" else
                     _no_year(a, language) if a.kind == "no_year" else _until(a, language, voice))
    if not parts:
        return ""
    if nl:
        closing = ("Klopt dat niet? Geeft u dan de precieze datum, dan reken ik opnieuw."
                   if voice == "u" else
                   "Klopt dat niet? Geef dan de precieze datum, dan reken ik opnieuw.")
    else:
        closing = "Not right? Give the exact date and I will recalculate."
    return " ".join([*parts, closing])


def _d(day: date, language: str) -> str:
    return long_date(day, language, weekday=False)


def _range(a: Assumption, first_sick_day: date, language: str) -> str:
    latest = a.latest or a.day
    role_nl = "als eerste ziektedag" if a.day == first_sick_day else "als ziektedag"
    role_en = "as the first day of sickness" if a.day == first_sick_day else "as a sick day"
    if language == "en":
        return (f"I have taken **{_d(a.day, language)}** {role_en}: \"{a.phrase}\" can mean any "
                f"day from {_d(a.day, language)} to {_d(latest, language)}, and the earliest one "
                "gives the safest deadlines (none of them comes out late).")
    return (f"Ik ben uitgegaan van **{_d(a.day, language)}** {role_nl}: \"{a.phrase}\" kan elke "
            f"dag van {_d(a.day, language)} tot en met {_d(latest, language)} zijn, en de vroegste "
            "dag geeft de veiligste termijnen (geen termijn valt te laat).")


def _no_year(a: Assumption, language: str) -> str:
    when = _d(a.day, language)
    if a.latest is not None:  # a period: name the year(s) only, "tot" is explained apart
        years = sorted({a.day.year, a.latest.year})
        when = "/".join(str(y) for y in years)
    if language == "en":
        return f"\"{a.phrase}\" has no year: I have taken **{when}**."
    return f"Bij \"{a.phrase}\" staat geen jaartal: ik ben uitgegaan van **{when}**."


def _until(a: Assumption, language: str, voice: str) -> str:
    """Plain "tot": the last day of a sick or fit period, the first day after a leave."""
    when = _d(a.day, language)
    en = language == "en"
    tell = ("say so" if en else "zegt u dat dan" if voice == "u" else "zeg dat dan")
    if a.role == "leave":
        if en:
            return (f"I read \"{a.phrase}\" as: the leave ended the day before {when}, and {when} "
                    "counts again (fewer leave days give the earlier deadlines, so none comes out "
                    f"late). If {when} was the last day of the leave, {tell}.")
        return (f"\"{a.phrase}\" heb ik gelezen als: het verlof eindigde de dag vóór {when} en "
                f"{when} telt weer mee (minder verlofdagen geven de vroegere termijnen, zo valt er "
                f"geen te laat). Was {when} de laatste verlofdag, {tell}.")
    if a.role == "fit":
        if en:
            return (f"I read \"{a.phrase}\" as up to and including {when}: the sickness started "
                    f"again the day after. If the employee was sick again on {when} itself, "
                    f"{tell}: the deadlines then fall a day earlier.")
        return (f"\"{a.phrase}\" heb ik gelezen als tot en met {when}: de ziekte begon weer de dag "
                f"erna. Was de werknemer op {when} zelf al weer ziek, {tell}: de termijnen vallen "
                "dan een dag eerder.")
    if en:
        return (f"I read \"{a.phrase}\" as up to and including {when}: {when} counts as the last "
                "sick day of that period (so no deadline comes out late). If it was the first day "
                f"back at work, say \"recovered on {when}\".")
    say = "zegt u dan" if voice == "u" else "zeg dan"
    return (f"\"{a.phrase}\" heb ik gelezen als tot en met {when}: {when} telt als laatste "
            f"ziektedag van die periode (zo valt geen termijn te laat). Was {when} de eerste dag "
            f"weer aan het werk, {say} \"hersteld op {when}\".")
