"""Sentence-level rules for the key figures of the fact sheet (used by test_consistency.py).

Each rule looks at one sentence and returns a problem description or None. Questions are not
claims (a heading "Krijg ik een loonsanctie als de 42e-weeksmelding te laat is?" asks), and a
sentence that reports what other sources say ("Soms lees je ...") is not our own claim; the
sentence after it has to say the claim is wrong. The rules are narrow on purpose: they catch the
known wrong claims and wrong key figures without flagging sentences that say a claim is wrong.
"""
from __future__ import annotations

import re
from collections.abc import Callable

Rule = Callable[[str], "str | None"]

F = re.IGNORECASE

NEGATION = re.compile(
    r"\b(geen|niet|nooit|zonder|no|not|never|without|none|nor|isn't|doesn't|don't|cannot|"
    r"can't|klopt niet|onjuist|wrong|incorrect|misverstand|misunderstanding|verouderd|"
    r"outdated|in plaats van|instead of|rather than|vroeger|voorheen|formerly|used to|"
    r"oude regel|old rule|older rule)\b", F)
CORRECTION = re.compile(r"klopt niet|onjuist|niet juist|wrong|incorrect|not correct", F)
REPORTED = re.compile(
    r"soms lees je|lees je soms|je leest soms|soms wordt (?:gezegd|beweerd|geschreven)|"
    r"sommige (?:bronnen|websites|sites|samenvattingen|pagina's|artikelen)|volgens sommige|"
    r"some (?:websites|sources|summaries|pages|sites|articles)|"
    r"you (?:may|might|sometimes) read|is sometimes (?:said|claimed|written)", F)

_SUFFIX = r"(?:e|ste|de|th|st|nd|rd)"
# "week 93", "week-93", "ziekteweek 93", "weeks 46-52", "93e week", "93ste ziekteweek",
# "93rd week", "the 93rd"; not durations ("13 weken", "104-week period").
ORDINAL = re.compile(
    rf"\b(?:ziekte)?weeks?[- ]?(\d{{1,3}})\b|\b(\d{{1,3}}){_SUFFIX}[- ]?(?:ziekte)?weeks?\b"
    rf"|\b(\d{{1,3}}){_SUFFIX}\b", F)


def ordinals(sentence: str) -> set[int]:
    """Week numbers used as ordinals ("week 93", "93e week", "93rd week")."""
    return {int(next(g for g in m.groups() if g)) for m in ORDINAL.finditer(sentence)}


# --- WIA-aanvraag: end of week 93 -----------------------------------------------------------

WIA_AANVRAAG = re.compile(
    r"WIA[- ]?aanvra|aanvra\w*\s+(?:van\s+)?(?:de\s+|een\s+)?WIA"
    r"|WIA[- ]?(?:uitkering\s+)?aan(?:vragen|gevraagd)"
    r"|vra\w*\s+(?:\w+\s+){0,2}?(?:de\s+|een\s+)?WIA(?:-uitkering)?\s+aan\b"
    r"|WIA[- ](?:benefit\s+)?application|appl\w*\s+for\s+(?:a\s+|the\s+)?WIA", F)
EARLY = re.compile(r"vervroeg|verkort|\bIVA\b|\bearly\b|\bearlier\b|shortened", F)
LETTER = re.compile(r"\bbrief\b|\bletter\b|kennisgeving|\bnotice\b|\bstuurt\b|\bsends\b", F)
RIV = re.compile(
    r"re-?integratieverslag|\bRIV\b|eindevaluatie|re-?integration report|final evaluation", F)
MELDING_42 = re.compile(
    r"42e?[- ]?weeks?[- ]?melding|42nd[- ]week|42[- ]week|week[- ]42|aangifte|ziekmelding", F)


def _wia_weeks(s: str) -> set[int]:
    """Week numbers a WIA-aanvraag sentence may carry, given what else it mentions."""
    allowed = {93, 104}
    if LETTER.search(s):
        allowed |= {88, 89}
    if RIV.search(s):
        allowed |= {91}
    if EARLY.search(s):
        allowed |= {3, 68}
    if MELDING_42.search(s):
        allowed |= {42, 81}
    return allowed


def wia_aanvraag_week(s: str) -> str | None:
    """A sentence that dates the WIA-aanvraag with a week number uses week 93."""
    if not WIA_AANVRAAG.search(s) or NEGATION.search(s):
        return None
    weeks = ordinals(s)
    if not weeks or 93 in weeks:
        return None
    wrong = weeks - _wia_weeks(s)
    if wrong:
        return f"dates the WIA-aanvraag in week {sorted(wrong)} (must be the end of week 93)"
    return None


# --- UWV's WIA letter: week 88/89, never week 68 ----------------------------------------------

WIA_LETTER = re.compile(
    r"(?:WIA|aanvra|appl).*(?:brief|letter|kennisgeving)"
    r"|(?:brief|letter|kennisgeving).*(?:WIA|aanvra|appl)", F)
WEEK_68 = re.compile(
    r"\bweek[- ]?68\b|\b68(?:e|ste|th)?[- ]?(?:ziekte)?week|\b68 weken|\b68 weeks", F)


def wia_letter_week_68(s: str) -> str | None:
    """UWV's WIA letter comes in/after week 88 (legally by 89), never in week 68."""
    if not (WIA_LETTER.search(s) and WEEK_68.search(s)) or NEGATION.search(s):
        return None
    if {88, 89} & ordinals(s) or re.search(r"\b8[89] (?:weken|weeks)", s, F):
        return None
    return "places UWV's WIA letter in week 68 (it comes in week 88, legally by week 89)"


# --- late 42e-weeksmelding: boete, not loonsanctie ------------------------------------------

LOONSANCTIE = re.compile(r"loonsanctie|wage sanction|\bsanction", F)
LATE_MELDING = re.compile(
    r"42e?[- ]?weeks?[- ]?melding|42[- ]?weeks?[- ]?(?:notification|report)"
    r"|week[- ]42[- ]notification"
    r"|(?:te laat|\blate\b|too late|missed).{0,60}(?:melding|melden|notif|report)"
    r"|(?:melding|melden|notif|report).{0,60}(?:te laat|\blate\b|too late)", F)


def late_melding_no_loonsanctie(s: str) -> str | None:
    """A late 42e-weeksmelding leads to a boete, not a loonsanctie (since 1-4-2017)."""
    if LATE_MELDING.search(s) and LOONSANCTIE.search(s) and not NEGATION.search(s):
        return "pairs the (late) 42e-weeksmelding with a loonsanctie without saying it is not one"
    return None


# --- vrijwillige verlenging: no 52-week cap -------------------------------------------------

VERLENGING = re.compile(r"verlenging|verlengen|verlengd|extension|extend", F)
FIFTY_TWO = re.compile(r"\b52[- ]?(?:weken|weeks|week)\b", F)


def verlenging_no_52_cap(s: str) -> str | None:
    """A vrijwillige verlenging has no 52-week cap; 52 weeks belongs to the loonsanctie."""
    if not (VERLENGING.search(s) and FIFTY_TWO.search(s)):
        return None
    if NEGATION.search(s) or LOONSANCTIE.search(s):
        return None
    if re.search(r"eerste 52|first 52|52 weken (?:ziekte|minimumloon)", s, F):
        return None
    return "pairs a verlenging with 52 weeks without a loonsanctie or a negation (no 52-week cap)"


# --- loonsanctie: at most 52 weeks ----------------------------------------------------------

MAX_EXPR = re.compile(
    r"(?:maximaal|maximum|max\.?|ten hoogste|hoogstens|at most|up to|no more than|"
    r"niet langer dan|tot maximaal|of up to)\s+(?:\w+\s+){0,2}?"
    r"(\d{1,3}|een|één|one|twee|two|drie|three)\s+"
    r"(weken|weeks|week|jaar|jaren|year|years|maanden|months)", F)
_NOT_THE_SANCTION = re.compile(
    r"bezwaar|objection|beslist|decides|decision|verzoek|request", F)


def loonsanctie_max(s: str) -> str | None:
    """The loonsanctie lasts at most 52 weeks (one year)."""
    for m in MAX_EXPR.finditer(s):
        before = s[max(0, m.start() - 80):m.start()]
        if not LOONSANCTIE.search(before + m.group(0)) or _NOT_THE_SANCTION.search(before[-40:]):
            continue
        num, unit = m.group(1).lower(), m.group(2).lower()
        ok = ((num == "52" and unit.startswith("we"))
              or (num in {"1", "een", "één", "one"} and unit in {"jaar", "year"})
              or (num == "12" and unit in {"maanden", "months"}))
        if not ok:
            return f"gives the loonsanctie a maximum of '{m.group(0)}' (the maximum is 52 weeks)"
    return None


# --- deskundigenoordeel: €400 employer, €100 employee ---------------------------------------

DESKUNDIGENOORDEEL = re.compile(r"deskundigenoordeel|expert opinion", F)
AMOUNT = re.compile(
    r"€\s?(\d{1,3}(?:[.,]\d{3})*)(?:,\d{2}|,-)?|\b(\d{1,3})\s?(?:euro|EUR)\b", F)
EMPLOYER = re.compile(r"werkgever|employer", F)
EMPLOYEE = re.compile(r"werknemer|employee", F)


def deskundigenoordeel_price(s: str) -> str | None:
    """The deskundigenoordeel costs €400 for the employer and €100 for the employee."""
    if not DESKUNDIGENOORDEEL.search(s):
        return None
    amounts = {int(re.sub(r"[.,]", "", a or b)) for a, b in AMOUNT.findall(s)}
    if not amounts:
        return None
    unknown = amounts - {400, 100, 50}
    if unknown:
        return f"gives the deskundigenoordeel a price of €{sorted(unknown)} (€400 WG, €100 WN)"
    if 50 in amounts and not re.search(r"2013|vroeger|voorheen|formerly|before|until|tot ", s, F):
        return "gives €50 as a current deskundigenoordeel price (that was before 2013)"
    if EMPLOYER.search(s) and not EMPLOYEE.search(s) and 400 not in amounts:
        return f"gives the employer's deskundigenoordeel price as €{sorted(amounts)} (it is €400)"
    return None


# --- milestones dated by week: probleemanalyse 6, plan van aanpak 8, RIV 91, WIA 93 ----------

_WEEK_NUMBER = re.compile(
    rf"\b(?:ziekte)?week[- ]?(\d{{1,3}})\b|\b(\d{{1,3}}){_SUFFIX}[- ]?(?:ziekte)?week\b"
    r"|\b(?:binnen|within|uiterlijk|by|in|na|after)\s+(\d{1,3})\s+(?:weken|weeks)\b"
    r"(?!\s+(?:na|after|vóór|voor|before|van|of|later|daarna))", F)
_REFERENCE_POINT = re.compile(
    r"(?:\bna|\bafter|\bvolgt op|\bfollows)\s+(?:de\s+|het\s+|the\s+|a\s+|een\s+)?$", F)
_NEXT_TOPIC = re.compile(
    r"probleemanalyse|problem analysis|plan van aanpak|action plan|plan of action|"
    r"re-?integratieverslag|\bRIV\b|re-?integration report|eerstejaarsevaluatie|"
    r"first[- ]year evaluation|\bEJE\b|42e|WIA|IVA|spoor 2|tweede spoor|track 2|second track|"
    r"brief|letter|evaluat|loonsanctie|wage sanction|\bwhile\b|\bterwijl\b|[;()]", F)


def _weeks_dated_to(term: re.Pattern[str], s: str) -> list[tuple[str, int]]:
    """For each mention of `term`, the first week number that follows it in the same topic.

    A mention used as a reference point ("na de probleemanalyse", "after the action plan") is
    skipped, and so are relative terms ("2 weken na", "13 weken vóór het einde").
    """
    found = []
    for m in term.finditer(s):
        if _REFERENCE_POINT.search(s[max(0, m.start() - 20):m.start()]):
            continue
        rest = s[m.end():m.end() + 90]
        cut = _NEXT_TOPIC.search(rest)
        week = _WEEK_NUMBER.search(rest[:cut.start()] if cut else rest)
        if week:
            found.append((week.group(0), int(next(g for g in week.groups() if g))))
    return found


def _milestone_rule(name: str, term: str, allowed: set[int] | Callable[[str], set[int]],
                    what: str) -> Rule:
    pattern = re.compile(term, F)

    def rule(s: str) -> str | None:
        if CORRECTION.search(s):
            return None
        ok = allowed(s) if callable(allowed) else allowed
        for text, week in _weeks_dated_to(pattern, s):
            if week not in ok:
                return f"dates the {name} '{text}' (must be {what})"
        return None

    rule.__name__ = f"{name.replace(' ', '_').replace('-', '_')}_week"
    rule.__doc__ = f"The {name} is due {what}."
    return rule


probleemanalyse_week = _milestone_rule(
    "probleemanalyse", r"probleemanalyse|problem analysis", {6}, "the end of week 6")
plan_van_aanpak_week = _milestone_rule(
    "plan van aanpak", r"plan van aanpak|action plan|plan of action", {8}, "the end of week 8")
riv_week = _milestone_rule(
    "re-integratieverslag", r"re-?integratieverslag|\bRIV\b|re-?integration report", {91},
    "the end of week 91")
wia_aanvraag_dated_week = _milestone_rule(
    "WIA-aanvraag", WIA_AANVRAAG.pattern, _wia_weeks, "the end of week 93")


# --- wachttijd / loondoorbetaling: 104 weeks ------------------------------------------------

WACHTTIJD = re.compile(
    r"(?:wachttijd|loondoorbetaling|waiting period|sick pay|continued payment of wages)\s+"
    r"(?:van|of|duurt|lasts|is|bedraagt|geldt)\s+(?:maximaal\s+|at most\s+|up to\s+)?"
    r"(\d{1,3})\s*(?:weken|weeks)\b"
    r"|\b(\d{1,3})\s*(?:weken|weeks)\s+(?:wachttijd|loondoorbetaling|waiting period|sick pay)",
    F)
_SHORT_PERIOD = re.compile(r"AOW|huishoud|domestic|pension age|state pension", F)


def wachttijd_104(s: str) -> str | None:
    """The wachttijd / statutory loondoorbetaling lasts 104 weeks."""
    if EARLY.search(s) or _SHORT_PERIOD.search(s):
        return None
    for m in WACHTTIJD.finditer(s):
        weeks = int(m.group(1) or m.group(2))
        before = s[max(0, m.start() - 12):m.start()]
        if weeks == 104 or re.search(r"eerste|first|laatste|last|\bna\b|after", before, F):
            continue  # "de eerste 52 weken loondoorbetaling"
        return f"gives the wachttijd/loondoorbetaling as {weeks} weeks (it is 104 weeks)"
    return None


# --- no melding in week 13 (WAO era), 42e-weeksmelding after week 42 ----------------------------

WEEK_13 = re.compile(
    r"\b13(?:e|de|ste|th)?[- ]?(?:ziekte)?week\b|\bweek[- ]?13\b|dertiende (?:ziekte)?week"
    r"|\b(?:na|after) 13 (?:weken|weeks)", F)
MELDING = re.compile(r"meld|notif|report|aangifte", F)
HISTORY = re.compile(
    r"\b(?:WAO|2006|vroeger|voorheen|oude|old|older|formerly|used to|verouderd|outdated)\b", F)


def no_13_week_melding(s: str) -> str | None:
    """There is no melding to UWV in week 13 under the current rules (that was the WAO era)."""
    if WEEK_13.search(s) and MELDING.search(s) and "UWV" in s:
        if not (NEGATION.search(s) or HISTORY.search(s)):
            return ("presents a melding to UWV in week 13 as a current rule "
                    "(it is the 42e-weeksmelding)")
    return None


WRONG_42 = re.compile(
    r"(?:eerste werkdag|first working day) (?:van|of) (?:de |the )?"
    r"(?:week 42|42e (?:ziekte)?week|42nd week)"
    r"|binnen 42 weken|within 42 weeks|in de 42e week melden", F)


def melding_after_week_42(s: str) -> str | None:
    """The 42e-weeksmelding is due by the first working day after week 42, not in week 42."""
    if WRONG_42.search(s) and not NEGATION.search(s):
        return ("dates the 42e-weeksmelding in week 42 "
                "(it is due the first working day after week 42)")
    return None


RULES: tuple[Rule, ...] = (
    wia_aanvraag_week, wia_aanvraag_dated_week, wia_letter_week_68, late_melding_no_loonsanctie,
    verlenging_no_52_cap, loonsanctie_max, deskundigenoordeel_price, probleemanalyse_week,
    plan_van_aanpak_week, riv_week, wachttijd_104, no_13_week_melding, melding_after_week_42,
)


def check(sentence: str) -> list[str]:
    """Problems with one sentence (empty when it agrees with the fact sheet)."""
    if sentence.rstrip().endswith("?") or REPORTED.search(sentence):
        return []
    return [p for rule in RULES if (p := rule(sentence))]
