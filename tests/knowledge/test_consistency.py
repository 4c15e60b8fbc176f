"""Key figures agree across the knowledge base, with the fact sheet and with the calculator."""
from __future__ import annotations

import importlib.util
import re
from datetime import date, timedelta

import pytest

from . import claims
from .kbfiles import FACT_SHEET, eval_items, knowledge_files, plain, sentences

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
