"""Key figures agree across the knowledge base, with the fact sheet and with the calculator."""
from __future__ import annotations

import importlib.util
import re
from datetime import date, timedelta

import pytest

from . import claims
from .kbfiles import FACT_SHEET, eval_items, knowledge_files, plain, sentences, words

FILES = [f for f in knowledge_files() if f.meta is not None]


def _claims_of(kf) -> list[str]:
    title = [plain(str(kf.meta.get("title", "")))] if kf.meta.get("title") else []
    return title + sentences(kf.body)


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_key_figures_agree_with_the_fact_sheet(kf):
    """No sentence states a wrong key figure or one of the known wrong claims as fact."""
    problems = [f"  - {p}:\n      \"{s}\"" for s in _claims_of(kf) for p in claims.check(s)]
    assert not problems, f"{kf.rel}:\n" + "\n".join(problems)


# The rules themselves: each must flag the wrong claim and let the correct statement pass.
WRONG = [
    ("De WIA-aanvraag moet uiterlijk in week 91 bij UWV zijn.", "wia_aanvraag_week"),
    ("De werknemer vraagt de WIA aan in de 91e ziekteweek.", "wia_aanvraag_week"),
    ("Submit the WIA application by the end of week 91.", "wia_aanvraag_week"),
    ("In week 68 stuurt UWV de brief over de WIA-aanvraag.", "wia_letter_week_68"),
    ("UWV sends the WIA letter after 68 weeks.", "wia_letter_week_68"),
    ("Een te late 42e-weeksmelding levert een loonsanctie op.", "late_melding_no_loonsanctie"),
    ("If the week-42 notification is late, UWV imposes a wage sanction.",
     "late_melding_no_loonsanctie"),
    ("Doet u de melding te laat, dan volgt een loonsanctie.", "late_melding_no_loonsanctie"),
    ("De vrijwillige verlenging duurt maximaal 52 weken.", "verlenging_no_52_cap"),
    ("A voluntary extension can last up to 52 weeks.", "verlenging_no_52_cap"),
    ("Een loonsanctie duurt maximaal 26 weken.", "loonsanctie_max"),
    ("The wage sanction lasts at most 2 years.", "loonsanctie_max"),
    ("Een deskundigenoordeel kost de werkgever €100.", "deskundigenoordeel_price"),
    ("An expert opinion costs the employer €450.", "deskundigenoordeel_price"),
    ("De probleemanalyse moet uiterlijk in week 8 klaar zijn.", "probleemanalyse_week"),
    ("The problem analysis is due within 8 weeks.", "probleemanalyse_week"),
    ("Het plan van aanpak moet uiterlijk in de 6e week klaar zijn.", "plan_van_aanpak_week"),
    ("Het re-integratieverslag moet in week 93 klaar zijn.", "riv_week"),
    ("The reintegration report is due by week 87.", "riv_week"),
    ("De wachttijd duurt 52 weken.", "wachttijd_104"),
    ("De loondoorbetaling duurt 78 weken.", "wachttijd_104"),
    ("Na 13 weken ziekte meldt u uw werknemer bij UWV.", "no_13_week_melding"),
    ("Report the sickness to UWV in week 13.", "no_13_week_melding"),
    ("Doe de 42e-weeksmelding op de eerste werkdag van week 42.", "melding_after_week_42"),
]
RIGHT = [
    "De WIA-aanvraag moet uiterlijk aan het einde van week 93 bij UWV zijn.",
    "Het re-integratieverslag (week 91) hoort bij de WIA-aanvraag.",
    "UWV stuurt rond week 88 een brief over de WIA-aanvraag, uiterlijk na 89 weken.",
    "Een vervroegde IVA-aanvraag kan tot en met week 68.",
    "Week 68 is de laatste week voor een vervroegde IVA, niet het moment van de WIA-brief.",
    "Een te late 42e-weeksmelding levert geen loonsanctie op, maar een boete van maximaal €455.",
    "Since 1 April 2017 a late week-42 notification leads to a fine instead of a wage sanction.",
    "De vrijwillige verlenging kent geen maximum van 52 weken.",
    "Een loonsanctie verlengt de loondoorbetaling met maximaal 52 weken.",
    "The wage sanction lasts at most 52 weeks (one year).",
    "Een deskundigenoordeel kost de werkgever €400 en de werknemer €100.",
    "De probleemanalyse moet uiterlijk in week 6 klaar zijn.",
    "Na de probleemanalyse volgt binnen 2 weken het plan van aanpak, dus uiterlijk in week 8.",
    "It is drawn up within 2 weeks after the problem analysis, so by the end of week 8.",
    "Het re-integratieverslag moet 13 weken voor het einde klaar zijn, dus in week 91.",
    "De loondoorbetaling duurt 104 weken.",
    "In de eerste 52 weken loondoorbetaling geldt minimaal het minimumloon.",
    "Vroeger, onder de WAO, moest u na 13 weken ziekte melden bij UWV.",
    "Doe de 42e-weeksmelding uiterlijk op de eerste werkdag na week 42.",
    "Soms lees je dat de vrijwillige verlenging maximaal 52 weken duurt.",
    "Krijg ik een loonsanctie als de 42e-weeksmelding te laat is?",
    "Start spoor 2 te laat, dan volgt mogelijk een loonsanctie.",
]


@pytest.mark.parametrize(("sentence", "rule"), WRONG)
def test_rule_flags_the_wrong_claim(sentence, rule):
    rule_fn = getattr(claims, rule)
    assert rule_fn(sentence), f"{rule} did not flag: {sentence}"
    assert claims.check(sentence), f"check() did not flag: {sentence}"


@pytest.mark.parametrize("sentence", RIGHT)
def test_rules_accept_the_correct_statement(sentence):
    assert claims.check(sentence) == [], f"flagged a correct sentence: {sentence}"


# --- the fact sheet ---------------------------------------------------------------------------

FACT_SHEET_FIGURES = [
    "**Within 6 weeks**",           # probleemanalyse
    "uiterlijk in de 8e week",      # plan van aanpak
    "first working day after the 42nd ziekteweek",
    "max **€455**",                 # boete late 42e-weeksmelding
    "**no loonsanctie**",
    "between week 46 and week 52",  # EJE practice window
    "end of **week 91**",           # re-integratieverslag
    "end of **week 93**",           # WIA-aanvraag
    "**68 weeks**",                 # vervroegde IVA
    "**Max 52 weeks**",             # loonsanctie
    "**€400** for the employer",    # deskundigenoordeel
    "**€100** for the employee",
    "**104 weeks**",
    "No 52-week cap found for art. 24",
]


@pytest.mark.skipif(not FACT_SHEET.exists(), reason=f"fact sheet not found at {FACT_SHEET}")
def test_fact_sheet_still_states_the_figures_the_checks_enforce():
    """If the fact sheet changes a key figure, these checks (and the knowledge base) must follow."""
    text = FACT_SHEET.read_text(encoding="utf-8")
    missing = [f for f in FACT_SHEET_FIGURES if f.lower() not in text.lower()]
    assert not missing, f"{FACT_SHEET} no longer states: {missing}"


# --- the eval set's deadline items ------------------------------------------------------------

DEADLINES = [i for i in eval_items() if i.get("type") == "deadline"]

# Fact sheet §3.3 (worked example A), §3.4 (B, and its 28-day variant), §3.5 (C, judex) and the
# rviregister example in §3.2: the eval items that reproduce them must carry exactly these dates.
# Items are found by (text the question contains, text it must not contain).
WORKED_EXAMPLES = {
    "A": ("1 maart 2024", "juni", {
        "probleemanalyse": date(2024, 4, 11), "plan_van_aanpak": date(2024, 4, 25),
        "ziekmelding_uwv": date(2024, 12, 20), "eerstejaarsevaluatie": date(2025, 2, 27),
        "vervroegde_iva": date(2025, 6, 19), "re_integratieverslag": date(2025, 11, 27),
        "wia_aanvraag": date(2025, 12, 11), "einde_wachttijd": date(2026, 2, 26),
        "wia_ingangsdatum": date(2026, 2, 27)}),
    "B": ("20 juni 2024", "", {
        "ziekmelding_uwv": date(2025, 1, 8), "wia_aanvraag": date(2025, 12, 30),
        "einde_wachttijd": date(2026, 3, 17), "wia_ingangsdatum": date(2026, 3, 18)}),
    # a gap of 28 days: a new period from 29-06-2024, so its last day is D+727
    "B28": ("29 juni 2024", "", {"einde_wachttijd": date(2026, 6, 26)}),
    "C": ("15 juni 2009", "", {"einde_wachttijd": date(2011, 3, 12)}),
    "R1": ("25 July 2022", "", {"wia_ingangsdatum": date(2024, 1, 22)}),
}


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@pytest.mark.parametrize("name", sorted(WORKED_EXAMPLES))
def test_eval_contains_the_fact_sheet_worked_examples(name):
    marker, not_in, dates = WORKED_EXAMPLES[name]
    items = [i for i in DEADLINES
             if marker in i["question"] and not (not_in and not_in in i["question"])]
    assert items, f"no deadline item for worked example {name} (question containing '{marker}')"
    for item in items:
        got = {k: _as_date(v) for k, v in item["expected_dates"].items()}
        wrong = {k: (str(got[k]), str(v)) for k, v in dates.items() if k in got and got[k] != v}
        assert not wrong, f"{item['id']}: (eval, fact sheet) dates differ: {wrong}"
        assert set(dates) & set(got), f"{item['id']}: checks none of the fact sheet's milestones"


HAVE_CALCULATOR = importlib.util.find_spec("assistant.deadlines") is not None


def _user_text(item) -> str:
    turns = [t["content"] for t in item.get("history") or [] if t.get("role") == "user"]
    return "\n".join([*turns, item["question"]])


@pytest.mark.skipif(not HAVE_CALCULATOR,
                    reason="assistant.deadlines (compute_timeline, parse_dates) does not exist yet")
@pytest.mark.parametrize("item", DEADLINES, ids=[i["id"] for i in DEADLINES])
def test_calculator_reproduces_eval_deadline(item):
    """Reading the user's words and computing the timeline gives the eval set's dates."""
    from assistant.deadlines import DeadlineInputError, compute_timeline, parse_dates

    today = _as_date(item["today"])
    try:
        parsed = parse_dates(_user_text(item), today)
    except DeadlineInputError as exc:
        pytest.fail(f"{item['id']}: the calculator did not understand the question: {exc}",
                    pytrace=False)
    assert parsed is not None and parsed.episodes, f"{item['id']}: no sick day found"
    read = [(str(e.start), str(e.end) if e.end else "open") for e in parsed.episodes]
    timeline = compute_timeline(parsed.episodes, today=today, **parsed.timeline_kwargs())
    wrong = {}
    for key, expected in item["expected_dates"].items():
        milestone = timeline.get(key)
        got = milestone.date if milestone else None
        if got != _as_date(expected):
            wrong[key] = f"calculator {got}, expected {_as_date(expected)}"
    assert not wrong, f"{item['id']}: {wrong}; episodes read from the question: {read}"


# --- dates written in the knowledge base ------------------------------------------------------

MONTHS = {m: i for i, names in enumerate(
    [("januari", "january"), ("februari", "february"), ("maart", "march"), ("april",),
     ("mei", "may"), ("juni", "june"), ("juli", "july"), ("augustus", "august"),
     ("september",), ("oktober", "october"), ("november",), ("december",)], 1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate(
    [("maandag", "monday"), ("dinsdag", "tuesday"), ("woensdag", "wednesday"),
     ("donderdag", "thursday"), ("vrijdag", "friday"), ("zaterdag", "saturday"),
     ("zondag", "sunday")]) for d in names}
DATE_RE = re.compile(
    rf"(?:\b({'|'.join(WEEKDAYS)})\s+)?\b(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(20\d\d)\b", re.I)


def _written_dates(text: str) -> list[tuple[str, date, str | None]]:
    found = []
    for m in DATE_RE.finditer(plain(text)):
        try:
            day = date(int(m.group(4)), MONTHS[m.group(3).lower()], int(m.group(2)))
        except ValueError:
            day = None
        found.append((m.group(0), day, m.group(1)))
    return found


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_written_dates_exist_and_have_the_right_weekday(kf):
    wrong = []
    for text, day, weekday in _written_dates(kf.body):
        if day is None:
            wrong.append(f"'{text}' does not exist")
        elif weekday and WEEKDAYS[weekday.lower()] != day.weekday():
            wrong.append(f"'{text}' is a {day.strftime('%A')}")
    assert not wrong, f"{kf.rel}: " + "; ".join(wrong)


def _example_dates() -> set[date]:
    """Dates that can occur in the worked examples from a first sick day of 1 March 2024.

    Example A (§3.3): every first and last day of a sickness week. Example B (§3.4, a 19-day
    gap) and its 28-day variant (a new period from 29 June 2024): the shifted deadlines only.
    """
    start, weeks = date(2024, 3, 1), (6, 8, 42, 46, 52, 58, 68, 88, 89, 91, 93, 104, 156)
    ok = {date(2024, 5, 31), date(2024, 6, 1), date(2024, 6, 20), date(2024, 6, 29),
          date(2024, 12, 20), date(2025, 1, 8), date(2025, 4, 22)}  # the three UWV meldingen
    for k in range(0, 160):
        ok |= {start + timedelta(days=7 * k - 1), start + timedelta(days=7 * k)}
    for first, shift in ((start, 19), (date(2024, 6, 29), 0)):
        ok |= {first + timedelta(days=7 * n - 1 + shift) for n in weeks}
        ok.add(first + timedelta(days=728 + shift))
    return ok


EXAMPLE_START = re.compile(r"\b1 (?:maart|march) 2024\b", re.I)


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_worked_example_dates_follow_the_counting_convention(kf):
    """Sections that work an example from 1 March 2024 only use dates that fit §3.3/§3.4."""
    ok, wrong = _example_dates(), []
    for section in re.split(r"^## ", kf.body, flags=re.M):
        if not EXAMPLE_START.search(plain(section)):
            continue
        for text, day, _ in _written_dates(section):
            if day and date(2024, 3, 1) <= day <= date(2028, 12, 31) and day not in ok:
                wrong.append(f"'{text}'")
    assert not wrong, (f"{kf.rel}: dates in a 1-March-2024 example that are no week boundary "
                       f"or deadline of fact sheet §3.3/§3.4: {wrong}")


def test_date_checks_catch_wrong_dates():
    """The helpers behind the two date tests see a wrong weekday and an off-by-one deadline."""
    (_, day, weekday), = _written_dates("uiterlijk **donderdag 12 april 2024**")
    assert day == date(2024, 4, 12) and WEEKDAYS[weekday] != day.weekday()
    assert _written_dates("31 februari 2025")[0][1] is None
    ok = _example_dates()
    assert date(2024, 4, 11) in ok and date(2025, 12, 11) in ok  # end of week 6, week 93
    assert date(2025, 12, 12) in ok  # first day of week 94 (e.g. "week 94 begins")
    assert date(2025, 12, 10) not in ok and date(2024, 12, 19 + 2) not in ok


# --- issue 11: legal corrections (fact sheet §11) ---------------------------------------------
# The rules below follow claims.py: each looks at one sentence and returns a problem or None.
# They catch the wrong claims the review of issue 11 found, and let the corrected statements pass.

F = re.IGNORECASE


def _late_decision_means_no_sanction(s: str) -> str | None:
    """§11.1: a late UWV decision only voids the loonsanctie when it comes after the wachttijd."""
    late = re.search(
        r"(beslist|beschikking|besluit|decides?|decision)\W+(?:\w+\W+){0,4}?(te laat|too late)"
        r"|\b(te late|late)\s+(beschikking|beslissing|decision)", s, F)
    none = re.search(r"geen (loon)?sanctie|no (wage )?sanction|vervalt|lapses|cancel", s, F)
    ok = re.search(r"n[aá] (het )?einde|n[aá] afloop|after the (end|waiting period)|has ended"
                   r"|niet zonder meer|niet automatisch|not automatically|as such|in general", s, F)
    if late and none and not ok:
        return ("says a late UWV decision means no loonsanctie (only a decision after the end of "
                "the wachttijd does; a late one before it shortens the sanction, art. 25 lid 11/14 WIA)")
    return None


_MAX_104 = re.compile(
    r"(maximaal|hooguit|ten hoogste|max\.?|up to|at most|no more than|for a maximum of)\s+"
    r"\**(104\s*(weken|weeks)|(2|twee|two)\s*(jaar|years))", F)
_PAY = re.compile(r"loon|wage|sick pay|betaal|betaalt|pays?\b|doorbetal", F)


def _max_104_weeks_of_pay(s: str) -> str | None:
    """§11.7: loondoorbetaling is 104 weeks in principle, longer with a sanction or extension."""
    if re.search(r"in principe|in principle|of langer|or longer|langer bij|longer with", s, F):
        return None
    if _MAX_104.search(s) and _PAY.search(s):
        return ("gives 104 weeks (2 years) as the maximum loondoorbetaling (it is 104 weeks in "
                "principle; longer with a loonsanctie, vrijwillige verlenging or late WIA-aanvraag)")
    return None


def _riv_repair_term_for_employee(s: str) -> str | None:
    """§11.8: the repair term for an incomplete re-integratieverslag goes to the employer."""
    context = re.search(r"aanvul|daarvoor|verslag|\bRIV\b|complete|repair|missing|ontbre", s, F)
    wrong = re.search(
        r"krijg\w*\s+(de werknemer|werkgever en werknemer|the employee)\b.{0,25}"
        r"(termijn|term\b|\d+ weken|\d+ weeks|twee weken|two weeks)"
        r"|(de werknemer|werkgever en werknemer|employer and employee|the employee)\s+"
        r"(krijg\w*|get\w*|ha(s|ve)|heeft)\s+.{0,15}(hersteltermijn|termijn|term\b|\d+ weken|\d+ weeks)",
        s, F)
    if context and wrong:
        return "gives the employee (a share in) the RIV repair term (it is the employer's, art. 25 lid 8 WIA)"
    return None


def _rbams_5707_as_upheld_sanction(s: str) -> str | None:
    """§11.4: ECLI:NL:RBAMS:2022:5707 did not uphold a loonsanctie for a late spoor 2."""
    if "5707" not in s:
        return None
    claims_sanction = re.search(r"loonsanctie|sanction|upheld|bevestig|te laat was ingezet", s, F)
    explained = re.search(r"bekort|shortened|revive|herleven|teruggedraaid|bleef .{0,40}uit|"
                          r"geen zaak|not a case|no sanction", s, F)
    if claims_sanction and not explained:
        return ("cites ECLI:NL:RBAMS:2022:5707 as a loonsanctie for a late spoor 2 (UWV found spoor 2 "
                "late, but the already shortened sanction could not be revived)")
    return None


def _letter_missing_or_late_four_weeks(s: str) -> str | None:
    """§11.6: no UWV letter at all = on time; a late letter = 4 weeks after it (art. 64 lid 6 WIA)."""
    lumped = re.search(r"niet of te laat|no letter or (sends it )?late|late or not at all|"
                       r"geen brief of (een )?te late", s, F)
    if lumped and re.search(r"\b(4|vier|four)\s+(weken|weeks)", s, F):
        return ("applies the 4-week window to a missing UWV letter too (no letter at all: the "
                "aanvraag counts as on time; a late letter: 4 weeks after it)")
    return None


def _early_iva_stops_wages(s: str) -> str | None:
    """§11.3: after an early IVA the loon runs on for the 104 weeks, minus the IVA (7:629 lid 5)."""
    iva = re.search(r"vervroegde IVA|early IVA", s, F)
    stops = re.search(r"(loon\w*|wages?|sick pay)\W+(?:\w+\W+){0,4}?(stopt|eindigt|ends|stops)"
                      r"|(stopt|eindigt|ends|stops)\W+(?:\w+\W+){0,4}?(loon\w*|wages?|sick pay)", s, F)
    if iva and stops and not re.search(r"\bniet\b|\bnot\b|\bno\b|geen|104", s, F):
        return "says an early IVA ends the loondoorbetaling (it runs on, minus the IVA; 7:629 lid 5 BW)"
    return None


def _pregnancy_six_weeks_for_all(s: str) -> str | None:
    """§11.5: 'within 6 weeks' is UWV's term for illness before the leave; other periods differ."""
    if not (re.search(r"zwanger|bevalling|pregnan|childbirth", s, F)
            and re.search(r"\b(6|zes|six)\s+(weken|weeks)\b", s, F)
            and re.search(r"meld|report|notif", s, F)):
        return None
    if re.search(r"v[oó]{1,2}r het verlof|before the leave|verschilt|differs|per periode|by period|"
                 r"depends on the period|4e ziektedag|fourth day|afgetrokken|deducted|"
                 r"tot 4 weken|to 4 weeks", s, F):
        return None
    return "gives 6 weeks as the report term for every pregnancy-related illness (it differs by period)"


def _mkb_tied_to_wvp_simplification(s: str) -> str | None:
    """Issue 11 point 9: the coalition ties the MKB point to making loondoorbetaling 'werkbaarder'."""
    if re.search(r"(poortwachter|WVP)\s+(?:\w+\s+){0,2}vereenvoudig\w*,?\s+(vooral|met name|especially)"
                 r"\s+(voor\s+)?(het\s+)?mkb", s, F):
        return ("ties 'vooral voor het mkb' to the WVP simplification (the coalition ties it to a more "
                "workable loondoorbetaling)")
    return None


def _late_report_delays_sickness_benefit(s: str) -> str | None:
    """Art. 38 lid 3 / 38a lid 8-9 ZW: a late report costs the employer a fine (max €455); the
    law text does not start the Ziektewet benefit later (38a lid 9: granted back, up to a year)."""
    late = re.search(r"te laat|too late|\blate\b|niet tijdig", s, F)
    later = re.search(r"(uitkering|benefit)\W+(?:\w+\W+){0,4}?(later|pas vanaf de melding|only from)"
                      r"|(later|pas vanaf de melding)\W+(?:\w+\W+){0,3}?(ingaan|ingaat|start)", s, F)
    if late and later and not re.search(r"\bniet\b|\bnot\b|\bgeen\b|\bno\b", s, F):
        return ("says a late report to UWV makes the Ziektewet benefit start later (the law text: a fine "
                "of at most €455, art. 38 lid 3 / 38a lid 8 ZW; the benefit is granted back, 38a lid 9)")
    return None


CORRECTION_RULES = (
    _late_decision_means_no_sanction, _max_104_weeks_of_pay, _riv_repair_term_for_employee,
    _rbams_5707_as_upheld_sanction, _letter_missing_or_late_four_weeks, _early_iva_stops_wages,
    _pregnancy_six_weeks_for_all, _mkb_tied_to_wvp_simplification, _late_report_delays_sickness_benefit,
)


def _correction_problems(sentence: str) -> list[str]:
    if sentence.rstrip().endswith("?") or claims.REPORTED.search(sentence):
        return []
    return [p for rule in CORRECTION_RULES if (p := rule(sentence))]


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_no_claim_that_issue_11_corrected(kf):
    """No sentence repeats a wrong claim that issue 11 (fact sheet §11) corrected."""
    problems = [f"  - {p}:\n      \"{s}\"" for s in _claims_of(kf) for p in _correction_problems(s)]
    assert not problems, f"{kf.rel}:\n" + "\n".join(problems)


CORRECTION_WRONG = [
    ("Beslist UWV te laat, dan kan er geen loonsanctie meer komen.", _late_decision_means_no_sanction),
    ("beslist UWV te laat, dan volgt geen loonsanctie (art. 25 lid 10 en 11 WIA).",
     _late_decision_means_no_sanction),
    ("For a timely application UWV must decide at least 6 weeks before the waiting period ends; if UWV "
     "decides too late, there is no sanction.", _late_decision_means_no_sanction),
    ("Je werkgever betaalt je loon bij ziekte maximaal 104 weken (2 jaar) door.", _max_104_weeks_of_pay),
    ("De werkgever betaalt tijdens ziekte maximaal **104 weken** loon door.", _max_104_weeks_of_pay),
    ("By law you receive at least 70% of your wage for up to 104 weeks.", _max_104_weeks_of_pay),
    ("The employer pays a sick employee's wages for up to two years.", _max_104_weeks_of_pay),
    ("Volgens een bron krijgt de werknemer daarvoor 2 weken.", _riv_repair_term_for_employee),
    ("Ontbreekt er iets, dan krijgen werkgever en werknemer een termijn om het aan te vullen.",
     _riv_repair_term_for_employee),
    ("A court in Amsterdam upheld such a sanction in 2022 because track 2 was started too late "
     "(ECLI:NL:RBAMS:2022:5707).", _rbams_5707_as_upheld_sanction),
    ("Een te laat gestart spoor 2 is een van de bekendste redenen voor een loonsanctie (bijvoorbeeld "
     "Rb Amsterdam, ECLI:NL:RBAMS:2022:5707).", _rbams_5707_as_upheld_sanction),
    ("Komt de brief niet of te laat, dan is je aanvraag op tijd als je binnen 4 weken na de brief "
     "aanvraagt.", _letter_missing_or_late_four_weeks),
    ("If UWV sends no letter or sends it late, the application still counts as on time when it is made "
     "within 4 weeks of the letter.", _letter_missing_or_late_four_weeks),
    ("Met een vervroegde IVA stopt de loondoorbetaling door de werkgever.", _early_iva_stops_wages),
    ("Ziekte door zwangerschap of bevalling: melden binnen 6 weken.", _pregnancy_six_weeks_for_all),
    ("Illness caused by pregnancy or childbirth must be reported within 6 weeks.",
     _pregnancy_six_weeks_for_all),
    ("Het coalitieakkoord 2026–2030 wil de Wet verbetering poortwachter vereenvoudigen, vooral voor het "
     "mkb, maar noemt geen concrete regels of datum.", _mkb_tied_to_wvp_simplification),
    ("Meldt de werkgever te laat, dan kan UWV de Ziektewet-uitkering later laten ingaan (art. 38a "
     "Ziektewet).", _late_report_delays_sickness_benefit),
    ("If the employer reports too late, UWV can let the Ziektewet benefit start later.",
     _late_report_delays_sickness_benefit),
]
CORRECTION_RIGHT = [
    "Alleen als UWV pas ná het einde van de wachttijd beslist, komt er geen loonsanctie.",
    "Een late beschikking betekent niet zonder meer dat de loonsanctie vervalt.",
    "Only a decision made after the waiting period has ended means there is no sanction.",
    "A late decision does not cancel the sanction as such.",
    "Je werkgever betaalt in principe 104 weken (2 jaar) door, en langer bij een loonsanctie.",
    "Track 2 runs at most until the end of the 104-week waiting period.",
    "Een loonsanctie verlengt de loondoorbetaling met maximaal 52 weken.",
    "Ontbreken er stukken, dan geeft UWV de werkgever een termijn om het verslag aan te vullen.",
    "Zo oordeelde UWV ook in ECLI:NL:RBAMS:2022:5707, al bleef een loonsanctie daar uit omdat die al "
    "was bekort.",
    "Zonder brief geldt je aanvraag als op tijd; bij een te late brief is een aanvraag binnen 4 weken "
    "na ontvangst op tijd.",
    "Bij een vervroegde IVA blijft de werkgever loon betalen tot de 104 weken om zijn, min de "
    "IVA-uitkering.",
    "Voor ziekte door de zwangerschap vóór het verlof noemt UWV een meldtermijn van 6 weken.",
    "For illness caused by pregnancy the term depends on the period: UWV gives 6 weeks before the "
    "leave.",
    "Het coalitieakkoord wil de loondoorbetaling werkbaarder maken, vooral voor het mkb, en de Wet "
    "verbetering poortwachter vereenvoudigen.",
    "Meldt de werkgever te laat of niet, dan kan UWV een boete van ten hoogste €455 opleggen.",
    "Some sites say the benefit then starts later; the current text of article 38 does not say so.",
]


@pytest.mark.parametrize(("sentence", "rule"), CORRECTION_WRONG)
def test_correction_rule_flags_the_wrong_claim(sentence, rule):
    assert rule(sentence), f"{rule.__name__} did not flag: {sentence}"
    assert _correction_problems(sentence), f"no correction rule flagged: {sentence}"


@pytest.mark.parametrize("sentence", CORRECTION_RIGHT)
def test_correction_rules_accept_the_correct_statement(sentence):
    assert _correction_problems(sentence) == [], f"flagged a correct sentence: {sentence}"


# Key claims the corrected files must keep stating (file id -> texts that must all occur).
_BY_ID = {str(f.meta.get("id")): f for f in FILES}
KEY_CLAIMS = {
    # §11.1 art. 25 lid 11 and 14 WIA
    "nl-loonsanctie": ["art. 25 lid 14", "art. 25 lid 11"],
    "nl-riv-toets": ["art. 25 lid 14", "art. 25 lid 11"],
    "en-wage-sanction": ["art. 25 lid 14", "art. 25 lid 11"],
    # §11.2 Xella and the compensatieregeling
    "nl-ontslag-na-twee-jaar-transitievergoeding": ["ECLI:NL:HR:2019:1734", "7:673e"],
    "en-dismissal-during-illness": ["ECLI:NL:HR:2019:1734", "7:673e"],
    "nl-faq-ontslag-na-twee-jaar-ziekte": ["Xella"],
    "nl-faq-na-twee-jaar-ziek": ["Xella"],
    "nl-faq-transitievergoeding-na-ziekte": ["Xella"],
    "en-faq-after-two-years": ["Xella"],
    "en-faq-transition-payment": ["Xella"],
    # §11.3 vervroegde IVA: loon minus the benefit
    "nl-vervroegde-iva": ["7:629 lid 5"],
    "en-wia-application": ["lid 5"],
    "nl-faq-vervroegde-iva": ["7:629 lid 5"],
    "en-faq-early-iva": ["7:629 lid 5"],
    # §11.6 art. 64 lid 6 WIA, both cases
    "nl-wia-aanvraag": ["helemaal geen", "art. 64 lid 6"],
    "nl-faq-wia-brief-uwv": ["zonder brief", "81"],
    "en-faq-wia-letter-uwv": ["no letter at all", "81"],
    # §11.8 the repair term is the employer's
    "nl-reintegratieverslag": ["de **werkgever** een termijn"],
    # issue 11 point 10: twins both say the loonstop needs a prompt notice (7:629 lid 7)
    "nl-faq-meewerken-spoor2": ["lid 7"],
    "en-faq-must-employee-cooperate": ["lid 7"],
    # art. 38 lid 2-3 Ziektewet: sick at the end of employment, report, re-integratieverslag, fine
    "nl-vangnetters-ziek-uit-dienst": ["art. 38 lid 3", "€455", "re-integratieverslag"],
    "en-safety-net-sick-after-contract-ends": ["art. 38 lid 3", "€455", "re-integratieverslag"],
}


@pytest.mark.parametrize("file_id", sorted(KEY_CLAIMS))
def test_corrected_files_keep_their_key_claims(file_id):
    kf = _BY_ID.get(file_id)
    assert kf is not None, f"{file_id} is missing from the knowledge base"
    text = " ".join(plain(kf.body).split())
    missing = [c for c in KEY_CLAIMS[file_id] if " ".join(plain(c).split()) not in text]
    assert not missing, f"{kf.rel} no longer states: {missing}"


def test_dismissal_is_no_duty_comes_with_xella():
    """§11.2: 'ontslag is geen plicht' is incomplete without the employee's Xella proposal."""
    pattern = re.compile(r"ontslag is geen plicht|dismissal is not a duty|not obliged to dismiss"
                         r"|does not have to dismiss|niet verplicht om zelf ontslag", F)
    bad = [f.rel for f in FILES if pattern.search(plain(f.body))
           and not re.search(r"Xella|HR:2019:1734", f.body)]
    assert not bad, f"says dismissal is no duty without the Xella rule: {bad}"


def test_rbams_5707_source_titles_say_what_the_case_decided():
    """§11.4: a source entry for ECLI:NL:RBAMS:2022:5707 must not be titled as an upheld sanction."""
    bad = []
    for f in FILES:
        for src in f.meta.get("sources") or []:
            ref = f"{src.get('law', '')} {src.get('url', '')}"
            if "RBAMS:2022:5707" in ref and not re.search(r"bekort|shortened|herleven|revived",
                                                            str(src.get("title", "")), F):
                bad.append(f"{f.rel}: {src.get('title')}")
    assert not bad, f"source titles that misdescribe ECLI:NL:RBAMS:2022:5707: {bad}"


ISSUE_11_LONG_CARDS = ["nl-faq-uitzonderingen-opzegverbod", "en-faq-week-42", "nl-faq-wia-brief-uwv",
                       "nl-faq-spoor2-te-laat"]


@pytest.mark.parametrize("file_id", ISSUE_11_LONG_CARDS)
def test_cards_the_review_found_too_long_are_about_120_words(file_id):
    kf = _BY_ID[file_id]
    n = len(words(kf.body))
    assert n <= 127, f"{kf.rel}: {n} words (cards stay within about 120 words)"


# --- employee answers: rights first, never ending on a sanction (issue 11) --------------------

EMPLOYEE_CARDS = [f for f in FILES if f.kind == "card" and f.meta.get("audience") == "werknemer"]
RIGHTS = re.compile(
    r"\brecht\b|rechten|\bmag\b|\bmag je\b|\bkun je\b|\bkunt\b|\bkan je\b|deskundigenoordeel|"
    r"second opinion|privacy|opzegverbod|beschermd|\bhoeft\b|\bniets\b|meepraten|in dienst|"
    r"\bhoud\w*\b|betaalt je werkgever|je werkgever betaalt|employer pays|"
    r"\bentitled\b|\brights?\b|\bmay\b|\bcan\b|protected|\bkeep\b|expert opinion|\bnever have to\b", F)
SANCTION = re.compile(r"loonstop|stopzetten|loonsanctie|ontslag|ontslaan|stop your wages|"
                      r"wage sanction|dismiss|\bboete\b|\bfine\b", F)
NEXT_STEP = re.compile(r"^(volgende stap|next step)\b", F)


def _final_clause(sentence: str) -> str:
    """The last clause of a sentence: what the reader is left with."""
    return re.split(r"[;:]|,\s+(?:en|and|so|dus|maar|but)\b", sentence)[-1]


def _answer_sentences(kf) -> list[str]:
    found = []
    for s in sentences(kf.body):
        if NEXT_STEP.match(s) or re.match(r"(volgende stap|next step):", s, F):
            break
        found.append(s)
    return found


@pytest.mark.parametrize("kf", EMPLOYEE_CARDS, ids=[f.rel for f in EMPLOYEE_CARDS])
def test_employee_card_gives_rights_right_after_the_answer(kf):
    """The first two sentences hold the answer and what the employee may do or is entitled to."""
    first_two = " ".join(_answer_sentences(kf)[:2])
    assert RIGHTS.search(first_two), f"{kf.rel}: no right or option in the first two sentences"


@pytest.mark.parametrize("kf", EMPLOYEE_CARDS, ids=[f.rel for f in EMPLOYEE_CARDS])
def test_employee_card_does_not_end_on_a_sanction(kf):
    answer = _answer_sentences(kf)
    assert answer, f"{kf.rel}: no answer text"
    last = _final_clause(answer[-1])
    assert not SANCTION.search(last), f"{kf.rel}: the answer ends on a sanction: {answer[-1]}"


FACT_SHEET_CORRECTIONS = [
    "Corrections under review",
    "ECLI:NL:HR:2019:1734",        # §11.2 Xella
    "7:629 lid 5",                 # §11.3
    "ECLI:NL:RBAMS:2022:5707",     # §11.4
    "Art. 64 lid 6",               # §11.6
    "art. 25 lid 8",               # §11.8
]


@pytest.mark.skipif(not FACT_SHEET.exists(), reason=f"fact sheet not found at {FACT_SHEET}")
def test_fact_sheet_still_has_the_corrections_these_checks_enforce():
    text = FACT_SHEET.read_text(encoding="utf-8").lower()
    missing = [c for c in FACT_SHEET_CORRECTIONS if c.lower() not in text]
    assert not missing, f"{FACT_SHEET} no longer states: {missing}"
