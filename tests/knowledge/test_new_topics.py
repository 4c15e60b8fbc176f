"""Guards for the topics added for issue 11 part B (questions the knowledge base could not answer).

Three kinds of checks, in the style of test_consistency.py:
- sentence rules over the whole knowledge base that reject known wrong claims on the new topics
  (a re-integratiebureau "is verplicht", mediation "is verplicht", a wrong bedenktermijn, a wrong
  proefplaatsing or no-riskpolis duration, a success rate stated as fact);
- key claims that the new articles and cards must keep (figures and "does not exist" statements);
- employee cards on the new topics: direct answer first, then rights, never ending on a sanction.
"""
from __future__ import annotations

import re

import pytest

from . import claims
from .kbfiles import eval_items, knowledge_files, plain, sentences, words

F = re.IGNORECASE
FILES = [f for f in knowledge_files() if f.meta is not None]
BY_ID = {str(f.meta.get("id")): f for f in FILES}

NEW_ARTICLES = {
    "nl": ["nl-loonsanctie-betekenissen", "nl-reintegratiebureau-verplicht", "nl-subsidies-spoor2",
           "nl-nieuwe-werkgever-via-spoor2", "nl-spoor2-praktisch", "nl-arbeidsconflict-spoor2",
           "nl-vaststellingsovereenkomst-ziek", "nl-inzage-dossier"],
    "en": ["en-wage-sanction-meanings", "en-reintegration-agency-required", "en-subsidies-track-2",
           "en-new-employer-via-track-2", "en-track-2-practical", "en-work-conflict-track-2",
           "en-settlement-agreement-while-sick", "en-access-to-your-file"],
}
NEW_CARDS = {
    "nl": ["nl-faq-loonsanctie-werkgever-werknemer", "nl-faq-loonsanctie-twee-betekenissen",
           "nl-faq-loonsanctie-gevolgen-werknemer", "nl-faq-reintegratiebureau-verplicht",
           "nl-faq-subsidie-spoor2", "nl-faq-slagingspercentage-spoor2",
           "nl-faq-poortwachtergarantie",
           "nl-faq-spoor2-direct-starten", "nl-faq-overstap-nieuwe-werkgever",
           "nl-faq-lager-loon-nieuwe-baan", "nl-faq-ontslag-nemen-spoor2",
           "nl-faq-ziekte-melden-sollicitatie", "nl-faq-vakantie-tijdens-spoor2",
           "nl-faq-reiskosten-uren-spoor2", "nl-faq-conflict-ziek-spoor2",
           "nl-faq-vso-tijdens-ziekte",
           "nl-faq-eigen-bedrijf-spoor2", "nl-faq-dossier-inzien"],
    "en": ["en-faq-wage-sanction-two-meanings", "en-faq-wage-sanction-employee-effects",
           "en-faq-reintegration-agency-required", "en-faq-subsidies-track-2",
           "en-faq-track-2-success-rate", "en-faq-poortwachtergarantie",
           "en-faq-start-track-2-straight-away", "en-faq-move-to-new-employer",
           "en-faq-lower-paid-job-income", "en-faq-tell-new-employer-illness",
           "en-faq-holiday-during-track-2", "en-faq-travel-costs-hours-track-2",
           "en-faq-conflict-sick-track-2", "en-faq-settlement-agreement-while-sick",
           "en-faq-own-business-track-2", "en-faq-access-your-file"],
}
ALL_NEW = [i for ids in (*NEW_ARTICLES.values(), *NEW_CARDS.values()) for i in ids]


# --- sentence rules -------------------------------------------------------------------------


BELIEF = re.compile(r"\b(?:denken|denkt|think|thinks|believe|believes)\b", F)


def _own_claim(s: str) -> bool:
    """Questions, reported claims ("Sommige websites schrijven ...") and beliefs ("Veel werkgevers
    denken ...") are not our claims."""
    return not (s.rstrip().endswith("?") or claims.REPORTED.search(s) or BELIEF.search(s))


BUREAU_REQUIRED = re.compile(
    r"re-?integratie(?:bureau|bedrijf)\w*\s+(?:is|zijn)\s+(?:wettelijk\s+)?verplicht"
    r"|verplicht\w*\s+(?:een\s+)?re-?integratie(?:bureau|bedrijf)\w*\s+"
    r"(?:in\s+te\s+schakelen|inhuren)"
    r"|reintegration agenc(?:y|ies)\s+(?:is|are)\s+(?:legally\s+)?(?:required|mandatory|compulsory)"
    r"|(?:must|required to)\s+hire\s+a\s+reintegration agency", F)


def bureau_required(s: str) -> str | None:
    """No law obliges the employer to hire a re-integratiebureau for spoor 2."""
    if BUREAU_REQUIRED.search(s) and not claims.NEGATION.search(s):
        return "states that a re-integratiebureau is required (no such legal duty was found)"
    return None


MEDIATION_REQUIRED = re.compile(
    r"mediation\b.{0,60}\b(?:verplicht|voorgeschreven|schrijft\s+voor|compulsory|mandatory|"
    r"required by law|requires)"
    r"|(?:wet|law)\b.{0,40}\b(?:schrijft|requires)\b.{0,20}mediation", F)


def mediation_required(s: str) -> str | None:
    """Mediation is voluntary: there is no statutory duty to mediate."""
    if MEDIATION_REQUIRED.search(s) and not claims.NEGATION.search(s):
        return "presents mediation as a legal duty (it is voluntary)"
    return None


BEDENK = re.compile(r"bedenktermijn|bedenktijd|cooling[- ]off", F)
DAYS = re.compile(r"\b(\d{1,3})\s*(?:dagen|days|weken|weeks)\b", F)


def bedenktermijn_14_days(s: str) -> str | None:
    """The bedenktermijn after a beëindigingsovereenkomst is 14 days (3 weeks if not mentioned)."""
    if not BEDENK.search(s):
        return None
    for m in DAYS.finditer(s):
        n, unit = int(m.group(1)), m.group(0).lower()
        ok = n == 14 if ("dag" in unit or "day" in unit) else n == 3
        if not ok:
            return f"gives the bedenktermijn as '{m.group(0)}' (14 days; 3 weeks if not mentioned)"
    return None


PROEFPLAATSING = re.compile(r"proefplaatsing|trial placement", F)
MONTHS = re.compile(r"\b(\d{1,2})\s*(?:maanden|months)\b", F)


def proefplaatsing_months(s: str) -> str | None:
    """A UWV proefplaatsing lasts 2 months, exceptionally up to 6 months in total."""
    if not PROEFPLAATSING.search(s):
        return None
    wrong = [m.group(0) for m in MONTHS.finditer(s) if int(m.group(1)) not in {2, 6}]
    # "een contract van minstens 6 maanden" is the intention statement, also 6
    if wrong:
        return f"gives a proefplaatsing duration of {wrong} (2 months, at most 6 in total)"
    return None


NO_RISK = re.compile(r"no-?risk-?polis", F)
YEARS = re.compile(r"\b(\d{1,2})\s*(?:jaar|jaren|years?)\b", F)


def no_riskpolis_five_years(s: str) -> str | None:
    """The no-riskpolis (art. 29b ZW) runs 5 years (extendable by another 5 in special cases)."""
    if not NO_RISK.search(s):
        return None
    wrong = [m.group(0) for m in YEARS.finditer(s) if int(m.group(1)) not in {5, 10}]
    if wrong:
        return f"gives the no-riskpolis a term of {wrong} (it is 5 years)"
    return None


NO_RISK_DURING_WACHTTIJD = re.compile(
    r"no-?risk-?polis\b.{0,80}\b(?:geldt|applies)\b.{0,40}\b(?:tijdens de wachttijd|"
    r"during the waiting period|direct bij detachering|from day one)", F)


def no_riskpolis_not_during_wachttijd(s: str) -> str | None:
    """UWV: a contract that starts before the end of the wachttijd gives no no-riskpolis."""
    # "no" in "no-riskpolis" is not a negation
    if NO_RISK_DURING_WACHTTIJD.search(s) and not claims.NEGATION.search(NO_RISK.sub("", s)):
        return "says the no-riskpolis applies during the wachttijd (UWV: only after it)"
    return None


SUCCESS_RATE = re.compile(r"slagingspercentage|slagingskans|success rate", F)
PERCENT = re.compile(r"\b\d{1,3}(?:[.,]\d+)?\s*%")


def no_success_rate_as_fact(s: str) -> str | None:
    """No reliable public success rate for spoor 2 exists; a percentage must not be given as one."""
    if SUCCESS_RATE.search(s) and PERCENT.search(s) and not claims.NEGATION.search(s):
        return "states a spoor-2 success rate as fact (no reliable public figure was found)"
    return None


RULES = (bureau_required, mediation_required, bedenktermijn_14_days, proefplaatsing_months,
         no_riskpolis_five_years, no_riskpolis_not_during_wachttijd, no_success_rate_as_fact)


def check(sentence: str) -> list[str]:
    if not _own_claim(sentence):
        return []
    return [p for rule in RULES if (p := rule(sentence))]


def _claims_of(kf) -> list[str]:
    title = [plain(str(kf.meta.get("title", "")))] if kf.meta.get("title") else []
    return title + sentences(kf.body)


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_new_topic_claims_agree_with_the_sources(kf):
    problems = [f"  - {p}:\n      \"{s}\"" for s in _claims_of(kf) for p in check(s)]
    assert not problems, f"{kf.rel}:\n" + "\n".join(problems)


WRONG = [
    ("Een re-integratiebureau is wettelijk verplicht voor spoor 2.", bureau_required),
    ("U bent verplicht een re-integratiebureau in te schakelen.", bureau_required),
    ("A reintegration agency is mandatory for track 2.", bureau_required),
    ("De Wet verbetering poortwachter schrijft mediation binnen zes weken voor.",
     mediation_required),
    ("Mediation is verplicht bij een arbeidsconflict.", mediation_required),
    ("Mediation is compulsory when a conflict causes sick leave.", mediation_required),
    ("Na ondertekening heb je een bedenktermijn van 7 dagen.", bedenktermijn_14_days),
    ("The cooling-off period is 30 days.", bedenktermijn_14_days),
    ("Een proefplaatsing duurt 3 maanden.", proefplaatsing_months),
    ("A trial placement lasts 12 months.", proefplaatsing_months),
    ("De no-riskpolis geldt 2 jaar.", no_riskpolis_five_years),
    ("De no-riskpolis geldt al tijdens de wachttijd bij de nieuwe werkgever.",
     no_riskpolis_not_during_wachttijd),
    ("Het slagingspercentage van spoor 2 is 73%.", no_success_rate_as_fact),
    ("The success rate of track 2 is about 60%.", no_success_rate_as_fact),
]
RIGHT = [
    "Een re-integratiebureau is niet wettelijk verplicht.",
    "No, a reintegration agency is not required by law.",
    "Is een re-integratiebureau verplicht?",
    "Many employers think they must hire a reintegration agency for track 2.",
    "De no-riskpolis geldt niet tijdens de wachttijd.",
    "Nee, een wettelijke plicht tot mediation bestaat niet; mediation is vrijwillig.",
    "Sommige websites schrijven dat de wet mediation binnen zes weken voorschrijft.",
    "Je kunt de overeenkomst binnen 14 dagen ontbinden; de bedenktermijn is 3 weken als die "
    "termijn er niet in staat.",
    "Een proefplaatsing duurt 2 maanden, bij uitzondering tot 6 maanden in totaal.",
    "De no-riskpolis loopt 5 jaar vanaf de start van het nieuwe contract.",
    "Betrouwbare openbare cijfers over het slagingspercentage van spoor 2 vonden wij niet.",
    "We found no reliable public figures on the success rate of track 2.",
]


@pytest.mark.parametrize(("sentence", "rule"), WRONG, ids=[w[0][:40] for w in WRONG])
def test_new_rule_flags_the_wrong_claim(sentence, rule):
    assert rule(sentence), f"{rule.__name__} did not flag: {sentence}"
    assert check(sentence), f"check() did not flag: {sentence}"


@pytest.mark.parametrize("sentence", RIGHT)
def test_new_rules_accept_the_correct_statement(sentence):
    assert check(sentence) == [], f"flagged a correct sentence: {sentence}"


# --- key claims the new files must keep -----------------------------------------------------

# (file id, regexes that must all occur in the body); each is a claim checked against its source.
KEY_CLAIMS = [
    # §11.9: both meanings of "loonsanctie"
    ("nl-loonsanctie-betekenissen", [r"art\. 25 lid 9 Wet WIA", r"loonstop", r"7:629 lid 3",
                                     r"loonopschorting", r"lid 7", r"ten hoogste 52 weken"]),
    ("en-wage-sanction-meanings", [r"art\. 25\(9\) Wet WIA", r"wage stop", r"7:629\(3\)",
                                   r"paragraph 7", r"at most 52 weeks"]),
    # no legal duty to use a bureau; the employer stays responsible; no reliable success figures
    ("nl-reintegratiebureau-verplicht", [r"plicht om een re-integratiebureau in te schakelen "
                                         r"hebben wij .* niet gevonden",
                                         r"art\. 14 Arbowet", r"blijft verantwoordelijk",
                                         r"Betrouwbare openbare cijfers .* niet gevonden"]),
    ("en-reintegration-agency-required", [r"no duty to hire a reintegration agency",
                                          r"art\. 14 Arbowet", r"remains responsible",
                                          r"no reliable public figures"]),
    # subsidies: what exists, with figures, and what does not
    ("nl-subsidies-spoor2", [r"art\. 29b Ziektewet", r"binnen 5 jaar", r"€6\.000 per jaar",
                             r"2 maanden", r"tot 6 maanden", r"geen subsidie .* gevonden",
                             r"vóór het einde van de wachttijd"]),
    ("en-subsidies-track-2", [r"art\. 29b Ziektewet", r"within 5 years", r"€6,000 a year",
                              r"2 months", r"up to 6 months", r"no subsidy .* covers"]),
    # new employer: WGA thresholds, WW 26-week prospect, no transitievergoeding on resignation
    ("nl-nieuwe-werkgever-via-spoor2", [r"65%", r"35%", r"minstens 50%", r"26 weken",
                                        r"art\. 7:673 BW", r"7:629 lid 3 sub a"]),
    ("en-new-employer-via-track-2", [r"65%", r"35%", r"at least 50%", r"26 weeks",
                                     r"art\. 7:673 BW"]),
    ("nl-spoor2-praktisch", [r"ongeveer 3 maanden", r"praktijknorm", r"7:640a"]),
    ("en-track-2-practical", [r"about 3 months", r"practice norm", r"7:640a"]),
    ("nl-arbeidsconflict-spoor2", [r"STECR", r"wettelijke plicht tot mediation bestaat niet",
                                   r"kwaliteit van de arbeidsrelatie"]),
    ("en-work-conflict-track-2", [r"STECR", r"no statutory duty to mediate",
                                  r"quality of the working relationship"]),
    ("nl-vaststellingsovereenkomst-ziek", [r"14 dagen", r"3 weken", r"art\. 7:670b BW",
                                           r"art\. 45 Ziektewet", r"benadelingshandeling"]),
    ("en-settlement-agreement-while-sick", [r"14 days", r"3 weeks", r"art\. 7:670b BW",
                                            r"art\. 45 Ziektewet"]),
    ("nl-inzage-dossier", [r"art\. 7:456 BW", r"art\. 15", r"art\. 16 AVG",
                           r"persoonlijke werkaantekeningen", r"week 91"]),
    ("en-access-to-your-file", [r"art\. 7:456 BW", r"art\. 15", r"art\. 16 GDPR",
                                r"personal working notes", r"week 91"]),
]


@pytest.mark.parametrize(("file_id", "patterns"), KEY_CLAIMS, ids=[k[0] for k in KEY_CLAIMS])
def test_new_article_keeps_its_key_claims(file_id, patterns):
    kf = BY_ID.get(file_id)
    assert kf is not None, f"{file_id} is missing"
    text = re.sub(r"\s+", " ", plain(kf.body))
    missing = [p for p in patterns if not re.search(p, text, F)]
    assert not missing, f"{file_id} no longer states: {missing}"


def test_new_files_cite_sources_and_exist():
    missing = [i for i in ALL_NEW if i not in BY_ID]
    assert not missing, f"new knowledge files missing: {missing}"
    few = [i for i in NEW_ARTICLES["nl"] + NEW_ARTICLES["en"] if len(BY_ID[i].meta["sources"]) < 4]
    assert not few, f"new articles with fewer than 4 sources: {few}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_new_article_has_a_twin(lang):
    """Twins say the same thing: same number of sections in both languages."""
    other = "en" if lang == "nl" else "nl"
    for mine, twin in zip(NEW_ARTICLES[lang], NEW_ARTICLES[other]):
        a = len(re.findall(r"^## ", BY_ID[mine].body, flags=re.M))
        b = len(re.findall(r"^## ", BY_ID[twin].body, flags=re.M))
        assert a == b, f"{mine} has {a} sections, its twin {twin} has {b}"


# --- employee cards: answer first, then rights, never ending on a sanction -----------------------

EMPLOYEE_CARDS = [BY_ID[i] for ids in NEW_CARDS.values() for i in ids
                  if i in BY_ID and BY_ID[i].meta.get("audience") == "werknemer"]
RIGHTS = re.compile(
    r"deskundigenoordeel|second opinion|expert opinion|eigen (?:oordeel|visie|verklaring)|"
    r"own (?:view|statement)|privacy|privé|private|opzegverbod|dismissal ban|recht op|"
    r"right to|rechten|rights|hoeft niet|do not have to|you do not|je hoeft|mag je|you may|"
    r"keep your|houd je|behoud je|blijf je|stay employed|begeleiding|guidance", F)
SANCTION_END = re.compile(r"loonstop|loonsanctie|wage stop|wage sanction|ontslag|dismiss|"
                          r"weiger|refuse|verlies|lose", F)


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]


@pytest.mark.parametrize("kf", EMPLOYEE_CARDS, ids=[f.rel for f in EMPLOYEE_CARDS])
def test_employee_card_gives_rights_early_and_ends_on_a_next_step(kf):
    paras = _paragraphs(kf.body)
    first_sentences = sentences(paras[0])[:3]
    assert any(RIGHTS.search(s) for s in first_sentences), (
        f"{kf.rel}: no right or option of the employee in the first three sentences")
    last = paras[-1]
    assert re.match(r"(?:Volgende stap|Next step):", last), (
        f"{kf.rel}: must end with a 'Volgende stap:' / 'Next step:' line")
    assert not SANCTION_END.search(last), f"{kf.rel}: the closing step is about a sanction"


@pytest.mark.parametrize("kf", [BY_ID[i] for ids in NEW_CARDS.values() for i in ids if i in BY_ID],
                         ids=[i for ids in NEW_CARDS.values() for i in ids if i in BY_ID])
def test_new_card_has_its_phrasings_and_about_120_words(kf):
    # 6 phrasings by the card's author, then at least 10 written to imitate users (issue 11)
    assert 16 <= len(kf.meta["questions"]) <= 20, (
        f"{kf.rel}: use the 6 author phrasings plus at least 10 user phrasings (at most 20)")
    n = len(words(kf.body))
    assert n <= 125, f"{kf.rel}: {n} words, the new cards stay at about 120"


def test_dev_set_covers_every_new_file_in_both_languages():
    used = {ref for item in eval_items() for ref in item.get("expected") or []}
    missing = [i for i in ALL_NEW if i not in used]
    assert not missing, f"new files no dev question expects: {missing}"
