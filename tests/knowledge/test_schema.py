"""The knowledge base and the eval set follow docs/knowledge-format.md (plain file reading)."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from assistant.text import fold

from .kbfiles import (
    CARD_DIRS,
    EVAL_FILE,
    KNOWLEDGE,
    ROOT,
    articles,
    cards,
    eval_items,
    knowledge_files,
    known_ids,
    words,
)

ARTICLE_FIELDS = ("id", "title", "language", "audience", "topics", "sources", "last_reviewed",
                  "valid_from", "review_by")
CARD_FIELDS = ("id", "type", "language", "audience", "questions", "articles", "sources",
               "last_reviewed", "valid_from", "review_by")
AUDIENCES = {"werkgever", "werknemer", "beide"}
STATUSES = {"law", "practice", "plan"}
EVAL_TYPES = {"answer", "out_of_scope", "deadline", "clarify"}
MILESTONES = {"probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie",
              "vervroegde_iva", "re_integratieverslag", "wia_aanvraag", "einde_wachttijd",
              "wia_ingangsdatum"}
MIN_COUNTS = {("article", "nl"): 30, ("article", "en"): 15, ("card", "nl"): 60, ("card", "en"): 25}
CARD_MAX_WORDS = 140
# The card author's own phrasings plus at least 10 written to imitate users (docs/knowledge-format.md).
CARD_MIN_QUESTIONS, CARD_MAX_QUESTIONS = 10, 20
# The writing rule is 4-9 sections of 60-200 words; the bounds allow for counting differences.
SECTIONS_MIN, SECTIONS_MAX = 4, 9
SECTION_MIN_WORDS, SECTION_MAX_WORDS = 50, 220

NL_STOP = {"de", "het", "een", "en", "van", "dat", "op", "te", "met", "voor", "niet", "zijn",
           "bij", "je", "u", "uw", "er", "wordt", "worden", "naar", "om", "ook", "aan", "die",
           "dit", "kan", "moet", "dan", "door", "nog", "geen", "wat", "hoe", "wel", "maar",
           "heeft", "hebben", "na", "tot", "over", "als", "of", "mag", "wie", "zich"}
EN_STOP = {"the", "a", "an", "and", "of", "to", "that", "on", "for", "with", "not", "be", "are",
           "by", "you", "your", "or", "if", "it", "this", "can", "must", "will", "from", "as",
           "at", "after", "before", "has", "have", "does", "do", "when", "what", "who", "how",
           "which", "may", "their", "they", "than", "no"}
U_FORMS = {"u", "uw", "uzelf"}
JE_FORMS = {"je", "jij", "jouw", "jou", "jezelf"}

FILES = knowledge_files()
PARSED = [f for f in FILES if f.meta is not None]


def _ids(files):
    return [f.rel for f in files]


def _is_date(value) -> bool:
    if isinstance(value, date):
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


# --- every file -----------------------------------------------------------------------------


def test_knowledge_folder_holds_only_known_kinds_of_files():
    """Everything outside knowledge/eval is ingested, so stray files would end up as answers."""
    allowed = {*map(str, CARD_DIRS.values()), str(KNOWLEDGE / "nl"), str(KNOWLEDGE / "en")}
    stray = [str(p.relative_to(ROOT)) for p in KNOWLEDGE.rglob("*")
             if p.is_file() and not p.is_relative_to(KNOWLEDGE / "eval")
             and not p.name.startswith(".")
             and (p.suffix != ".md" or str(p.parent) not in allowed)]
    assert not stray, f"files outside the article/card folders (would be ingested): {stray}"


@pytest.mark.parametrize("kf", FILES, ids=_ids(FILES))
def test_file_has_front_matter_and_body(kf):
    assert kf.meta is not None, f"{kf.rel}: {kf.error}"
    assert kf.body.strip(), f"{kf.rel}: no body after the front matter"


@pytest.mark.parametrize("kf", PARSED, ids=_ids(PARSED))
def test_front_matter_fields(kf):
    meta, problems = kf.meta, []
    required = ARTICLE_FIELDS if kf.kind == "article" else CARD_FIELDS
    problems += [f"missing field '{name}'" for name in required if meta.get(name) in (None, "", [])]
    if meta.get("id") != kf.path.stem:
        problems.append(f"id '{meta.get('id')}' differs from the file name '{kf.path.stem}'")
    prefix = f"{kf.folder_language}-faq-" if kf.kind == "card" else f"{kf.folder_language}-"
    if not str(meta.get("id", "")).startswith(prefix):
        problems.append(f"id should start with '{prefix}'")
    if meta.get("language") != kf.folder_language:
        problems.append(f"language '{meta.get('language')}' but the file is in a "
                        f"'{kf.folder_language}' folder")
    if meta.get("audience") not in AUDIENCES:
        problems.append(f"audience '{meta.get('audience')}' not in {sorted(AUDIENCES)}")
    if "status" in meta and meta["status"] not in STATUSES:
        problems.append(f"status '{meta['status']}' not in {sorted(STATUSES)}")
    if "last_reviewed" in meta and not _is_date(meta["last_reviewed"]):
        problems.append(f"last_reviewed '{meta['last_reviewed']}' is not a date (YYYY-MM-DD)")
    if kf.kind == "article" and not isinstance(meta.get("topics"), list):
        problems.append("topics must be a list")
    assert not problems, f"{kf.rel}: " + "; ".join(problems)


@pytest.mark.parametrize("kf", PARSED, ids=_ids(PARSED))
def test_every_source_has_a_url_or_a_law(kf):
    sources = kf.meta.get("sources")
    assert isinstance(sources, list) and sources, f"{kf.rel}: sources must be a non-empty list"
    bad = []
    for i, src in enumerate(sources, 1):
        if not isinstance(src, dict):
            bad.append(f"source {i} is not a mapping")
            continue
        url, law = src.get("url"), src.get("law")
        if url is not None and not re.match(r"https?://\S+$", str(url)):
            bad.append(f"source {i} url '{url}' is not an http(s) address")
        if not url and not (isinstance(law, str) and law.strip()):
            bad.append(f"source {i} ('{src.get('title', '')}') has neither url nor law")
    assert not bad, f"{kf.rel}: " + "; ".join(bad)


def test_ids_are_unique_across_the_knowledge_base():
    counts = Counter(str(f.meta.get("id")) for f in PARSED)
    dupes = {i: [f.rel for f in PARSED if str(f.meta.get("id")) == i]
             for i, n in counts.items() if n > 1}
    assert not dupes, f"duplicate ids: {dupes}"


@pytest.mark.parametrize(("kind", "language"), sorted(MIN_COUNTS))
def test_knowledge_base_has_enough_files(kind, language):
    have = sum(1 for f in FILES if f.kind == kind and f.folder_language == language)
    need = MIN_COUNTS[(kind, language)]
    assert have >= need, f"only {have} {language} {kind}s, at least {need} are required"


@pytest.mark.parametrize("kf", PARSED, ids=_ids(PARSED))
def test_language_matches_the_folder(kf):
    """A simple stopword ratio: Dutch files read mostly as Dutch, English files as English."""
    tokens = [w.lower() for w in words(kf.body)]
    nl = sum(t in NL_STOP for t in tokens)
    en = sum(t in EN_STOP for t in tokens)
    assert nl + en >= 5, f"{kf.rel}: too little running text to judge the language"
    share = (nl if kf.folder_language == "nl" else en) / (nl + en)
    assert share >= 0.8, (f"{kf.rel}: only {share:.0%} of the stopwords are "
                          f"{kf.folder_language} (nl={nl}, en={en})")


# --- articles -------------------------------------------------------------------------------

ARTICLES = [f for f in articles() if f.meta is not None]


def _sections(body: str) -> list[tuple[str, str]]:
    parts = re.split(r"^## +(.+)$", body, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


@pytest.mark.parametrize("kf", ARTICLES, ids=_ids(ARTICLES))
def test_article_has_question_sections(kf):
    sections = _sections(kf.body)
    assert sections, f"{kf.rel}: no '## ' sections"
    assert SECTIONS_MIN <= len(sections) <= SECTIONS_MAX, (
        f"{kf.rel}: {len(sections)} sections, the writing rule is {SECTIONS_MIN}-{SECTIONS_MAX}")


@pytest.mark.parametrize("kf", ARTICLES, ids=_ids(ARTICLES))
def test_article_sections_have_chunk_size(kf):
    """Each section is one retrieval chunk: long enough to stand alone, short enough to cite."""
    bad = [f"'{title}' ({len(words(text))} words)" for title, text in _sections(kf.body)
           if not SECTION_MIN_WORDS <= len(words(text)) <= SECTION_MAX_WORDS]
    assert not bad, (f"{kf.rel}: sections outside {SECTION_MIN_WORDS}-{SECTION_MAX_WORDS} "
                     f"words: {bad}")


# --- cards ----------------------------------------------------------------------------------

CARDS = [f for f in cards() if f.meta is not None]
NL_CARDS = [f for f in CARDS if f.folder_language == "nl"]


@pytest.mark.parametrize("kf", CARDS, ids=_ids(CARDS))
def test_card_fields(kf):
    meta, problems = kf.meta, []
    if meta.get("type") != "card":
        problems.append(f"type is '{meta.get('type')}', must be 'card'")
    questions = meta.get("questions")
    if not isinstance(questions, list) or not (
            CARD_MIN_QUESTIONS <= len(questions) <= CARD_MAX_QUESTIONS):
        n = len(questions) if isinstance(questions, list) else "no"
        problems.append(f"questions must be a list of {CARD_MIN_QUESTIONS}-{CARD_MAX_QUESTIONS} "
                        f"phrasings ({n} found)")
    elif not all(isinstance(q, str) and q.strip() for q in questions):
        problems.append("every question must be a non-empty string")
    else:
        dupes = [q for q, n in Counter(" ".join(q.lower().split()) for q in questions).items()
                 if n > 1]
        if dupes:
            problems.append(f"questions repeat a phrasing: {dupes}")
    refs = meta.get("articles")
    if not isinstance(refs, list) or not refs:
        problems.append("articles must be a non-empty list")
    else:
        article_ids = {str(a.meta.get("id")) for a in ARTICLES}
        missing = [r for r in refs if r not in article_ids]
        if missing:
            problems.append(f"articles that do not exist: {missing}")
    assert not problems, f"{kf.rel}: " + "; ".join(problems)


SITUATION_CARDS = [f for f in CARDS if f.meta.get("requires")]


def test_situation_cards_exist():
    ids = {str(f.meta.get("id")) for f in SITUATION_CARDS}
    assert {"nl-faq-ziek-tijdens-zwangerschap", "en-faq-pregnancy-illness", "nl-faq-burn-out-spoor2",
            "nl-faq-eigen-bedrijf-spoor2", "nl-faq-ziek-na-aow-leeftijd", "nl-faq-zieke-werknemer-ontslaan",
            "nl-faq-tijdelijk-contract-ziek", "nl-faq-diagnose-vastleggen-werkgever"} <= ids


@pytest.mark.parametrize("kf", SITUATION_CARDS, ids=_ids(SITUATION_CARDS))
def test_a_situation_cards_phrasings_all_name_its_situation(kf):
    """`requires` is matched against the asker's folded words: each phrasing must pass it."""
    pattern = re.compile(str(kf.meta["requires"]))
    missed = [q for q in kf.meta["questions"] if not pattern.search(fold(q))]
    assert not missed, f"{kf.rel}: requires does not match these phrasings: {missed}"


STANDING_IN = [f for f in CARDS if f.meta.get("replaces")]


def test_the_six_week_cards_stand_in_for_the_general_pay_cards():
    """Domestic staff and employees past the AOW age: 6 weeks of pay, not 104 (7:629 lid 2)."""
    ids = {str(f.meta.get("id")) for f in STANDING_IN}
    assert {"nl-faq-huishoudelijk-personeel-ziek", "en-faq-domestic-staff-sick-pay",
            "nl-faq-ziek-na-aow-leeftijd", "en-faq-sick-after-state-pension-age"} <= ids


@pytest.mark.parametrize("kf", STANDING_IN, ids=_ids(STANDING_IN))
def test_a_card_replaces_existing_cards_of_its_language_when_its_phrasings_name_the_exception(kf):
    """`replaces` names general cards of the same language; `replaces_when` is a regular
    expression that every phrasing passes (it names the exception the card is about)."""
    by_id = {str(f.meta.get("id")): f for f in CARDS}
    wrong = [c for c in kf.meta["replaces"]
             if c not in by_id or by_id[c].meta.get("language") != kf.meta.get("language")]
    assert not wrong, f"{kf.rel}: replaces cards that do not exist in its language: {wrong}"
    pattern = re.compile(str(kf.meta.get("replaces_when") or kf.meta.get("requires")))
    missed = [q for q in kf.meta["questions"] if not pattern.search(fold(q))]
    assert not missed, f"{kf.rel}: replaces_when does not match these phrasings: {missed}"


@pytest.mark.parametrize("kf", CARDS, ids=_ids(CARDS))
def test_card_answer_is_short(kf):
    n = len(words(kf.body))
    assert n <= CARD_MAX_WORDS, f"{kf.rel}: answer has {n} words, at most {CARD_MAX_WORDS}"


def _address_forms(text: str) -> tuple[set[str], set[str]]:
    tokens = set(re.findall(r"(?<![\w'’-])[a-zà-ÿ]+(?![\w'’-])", text.lower()))
    return tokens & U_FORMS, tokens & JE_FORMS


@pytest.mark.parametrize("kf", NL_CARDS, ids=_ids(NL_CARDS))
def test_dutch_card_uses_u_or_je_consistently(kf):
    u_forms, je_forms = _address_forms(kf.body)
    assert not (u_forms and je_forms), (
        f"{kf.rel}: mixes 'u' forms {sorted(u_forms)} with 'je' forms {sorted(je_forms)}")


@pytest.mark.parametrize("kf", NL_CARDS, ids=_ids(NL_CARDS))
def test_dutch_card_form_of_address_fits_the_audience(kf):
    """docs/knowledge-format.md: "u" for werkgever cards, "je" for werknemer cards, neither for
    cards both read (a werknemer was addressed as "u", and a two-part answer mixed the two)."""
    u_forms, je_forms = _address_forms(kf.body)
    audience = kf.meta.get("audience")
    wrong = (u_forms if audience == "werknemer" else je_forms if audience == "werkgever"
             else u_forms | je_forms)
    assert not wrong, (f"{kf.rel}: audience '{kf.meta.get('audience')}' but the answer uses "
                       f"{sorted(wrong)}")


EN_BOTH_CARDS = [f for f in CARDS if f.folder_language == "en" and f.meta.get("audience") == "beide"]
# Both sides have a casemanager, a case and a plan: "your casemanager" speaks to either reader.
EITHER_READER = re.compile(r"\byour\s+\*?(casemanager|case|plan)\b", re.I)


@pytest.mark.parametrize("kf", EN_BOTH_CARDS, ids=_ids(EN_BOTH_CARDS))
def test_english_card_for_both_speaks_to_neither(kf):
    """An English card both sides read names the employee and the employer, as the Dutch ones do:
    an employer who asked "what can I do if he turns it down?" was told "You are obliged to accept
    suitable work"."""
    addressed = re.findall(r"\byou(?:r|rs|rself)?\b", EITHER_READER.sub("", kf.body), re.I)
    assert not addressed, f"{kf.rel}: audience 'beide' but the answer says {addressed}"


def test_address_form_tokenizer():
    """Standalone words only: 'u' in 'uw' or 'uur' and 'je' in 'jezelf' or 'mijn' do not count."""
    assert _address_forms("Vraag uw bedrijfsarts, u kunt bellen.") == ({"u", "uw"}, set())
    assert _address_forms("Jij en jouw baas: je kunt het.") == (set(), {"je", "jij", "jouw"})
    assert _address_forms("Het uurloon van de jeugd, U-bocht, jeans.") == (set(), set())


# --- dated claims: valid_from / review_by (issue 11) -------------------------------------------

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Yearly amounts (minimumloon, maximum dagloon, LKV, fines, prices) change every January; an amount
# is written in euro or dated "in <year>" with the year the content is valid from ("in 2016" in a
# history sentence is no amount).
YEARLY_AMOUNT = re.compile(r"€|\bEUR\s?\d", re.I)
IN_YEAR = re.compile(r"\bin (20\d\d)\b", re.I)
# Announced changes: the 2028 bedrijfsarts change, the compensatieregeling, coalition plans.
PLANNED_CHANGE = re.compile(r"\b2028\b|compensatie|compensation|coalitie|coalition|regeerakkoord",
                            re.I)
MAX_DAYS = {"amounts": None, "plans": 8 * 31, "other": 13 * 31}


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _review_kind(kf) -> str:
    """What makes a file go stale: its yearly amounts, an announced change, or nothing special."""
    valid_from = _as_date(kf.meta.get("valid_from")) or date.today()
    if YEARLY_AMOUNT.search(kf.body) or any(int(y) == valid_from.year
                                            for y in IN_YEAR.findall(kf.body)):
        return "amounts"
    if PLANNED_CHANGE.search(kf.body):
        return "plans"
    return "other"


RECHECK = {
    "amounts": "the yearly amounts it states (minimumloon, maximum dagloon, LKV, fines, prices in "
               "euro, 'in <year>') against this year's figures",
    "plans": "the status of the announced changes it describes (bedrijfsarts leidend at the "
             "RIV-toets in 2028, the compensatieregeling transitievergoeding, coalition plans)",
    "other": "its claims against the current law texts and UWV pages",
}


@pytest.mark.parametrize("kf", PARSED, ids=_ids(PARSED))
def test_dated_claim_fields(kf):
    """valid_from and review_by are ISO dates (YYYY-MM-DD) and valid_from <= review_by."""
    meta, problems = kf.meta, []
    dates = {}
    for name in ("valid_from", "review_by"):
        value = meta.get(name)
        parsed = _as_date(value)
        if value is None:
            problems.append(f"missing field '{name}'")
        elif parsed is None or not ISO_DATE.fullmatch(str(value)):
            problems.append(f"{name} '{value}' is not an ISO date (YYYY-MM-DD)")
        else:
            dates[name] = parsed
    if len(dates) == 2 and dates["valid_from"] > dates["review_by"]:
        problems.append(f"valid_from {dates['valid_from']} is after review_by {dates['review_by']}")
    assert not problems, f"{kf.rel}: " + "; ".join(problems)


@pytest.mark.parametrize("kf", PARSED, ids=_ids(PARSED))
def test_review_by_fits_what_the_file_states(kf):
    """Files with yearly amounts are reviewed by 15 January; plans within about 8 months."""
    valid_from, review_by = _as_date(kf.meta.get("valid_from")), _as_date(kf.meta.get("review_by"))
    if valid_from is None or review_by is None:
        pytest.skip("no valid dates (test_dated_claim_fields reports it)")
    kind = _review_kind(kf)
    if kind == "amounts":
        latest = date(valid_from.year + 1, 1, 15)
    else:
        latest = date.fromordinal(valid_from.toordinal() + MAX_DAYS[kind])
    assert review_by <= latest, (
        f"{kf.rel}: review_by {review_by} is too late for a file whose content depends on "
        f"{RECHECK[kind].split(' against')[0]}; use {latest} or earlier")


def _today() -> date:
    return date.today()


@pytest.mark.parametrize("kf", PARSED, ids=_ids(PARSED))
def test_review_by_date_has_not_passed(kf):
    """A stale amount or plan cannot ship unnoticed: this fails once review_by is in the past."""
    review_by = _as_date(kf.meta.get("review_by"))
    if review_by is None:
        pytest.skip("no valid review_by (test_dated_claim_fields reports it)")
    today = _today()
    assert today <= review_by, (
        f"{kf.rel}: review_by {review_by} has passed (today is {today}). Re-check "
        f"{RECHECK[_review_kind(kf)]}; then set valid_from to the review date and a new review_by "
        f"(docs/knowledge-format.md, 'Dated claims').")


def test_review_kind_detection():
    class _F:
        def __init__(self, body):
            self.body, self.meta = body, {"valid_from": date(2026, 11, 30)}
    assert _review_kind(_F("In 2026 is het maximum dagloon €304,25.")) == "amounts"
    assert _review_kind(_F("Het minimumloon is in 2026 hoger dan in 2025.")) == "amounts"
    assert _review_kind(_F("Het oordeel van de bedrijfsarts wordt leidend per 2028.")) == "plans"
    assert _review_kind(_F("In 2016 onderzocht de toezichthouder dit.")) == "other"
    assert _review_kind(_F("De probleemanalyse is klaar in week 6.")) == "other"
    assert _as_date("2027-01-15") == date(2027, 1, 15)
    assert _as_date("15-01-2027") is None and _as_date("2027-02-30") is None


# --- eval set -------------------------------------------------------------------------------

ITEMS = list(eval_items())


def test_eval_set_size_and_mix():
    types = Counter(i.get("type") for i in ITEMS)
    assert len(ITEMS) >= 100, f"{EVAL_FILE.name}: {len(ITEMS)} items, at least 100 required"
    assert types["out_of_scope"] >= 20, f"only {types['out_of_scope']} out_of_scope items"
    assert types["deadline"] >= 15, f"only {types['deadline']} deadline items"
    answers = Counter(i.get("language") for i in ITEMS if i.get("type") == "answer")
    assert answers["nl"] >= 60 and answers["en"] >= 25, f"answer items per language: {answers}"
    assert types["clarify"] >= 3, f"only {types['clarify']} clarify items"


def test_eval_items_are_well_formed():
    problems = []
    ids = Counter(i.get("id") for i in ITEMS)
    problems += [f"duplicate id {k}" for k, n in ids.items() if n > 1]
    for item in ITEMS:
        qid = item.get("id", "?")
        if not re.fullmatch(r"q\d{3,}", str(qid)):
            problems.append(f"{qid}: id must look like q001")
        if not isinstance(item.get("question"), str) or not item["question"].strip():
            problems.append(f"{qid}: no question")
        if item.get("type") not in EVAL_TYPES:
            problems.append(f"{qid}: type '{item.get('type')}' not in {sorted(EVAL_TYPES)}")
        if item.get("language") not in {"nl", "en"}:
            problems.append(f"{qid}: language '{item.get('language')}' not nl/en")
        if item.get("audience") not in {None, "werkgever", "werknemer"}:
            problems.append(f"{qid}: audience '{item.get('audience')}' is not "
                            "werkgever/werknemer/null")
        for turn in item.get("history") or []:
            if not (isinstance(turn, dict) and turn.get("role") in {"user", "assistant"}
                    and isinstance(turn.get("content"), str)):
                problems.append(f"{qid}: history turns need role user|assistant and content")
        if item.get("type") == "answer":
            if not isinstance(item.get("expected"), list) or not item["expected"]:
                problems.append(f"{qid}: answer items need a non-empty expected list")
            must = item.get("must_contain")
            if not isinstance(must, list) or not 1 <= len(must) <= 3:
                problems.append(f"{qid}: answer items need 1-3 must_contain facts")
        if item.get("type") == "deadline":
            if not _is_date(item.get("today")):
                problems.append(f"{qid}: deadline items need a today: date")
            dates = item.get("expected_dates")
            if not isinstance(dates, dict) or not dates:
                problems.append(f"{qid}: deadline items need expected_dates")
            else:
                problems += [f"{qid}: unknown milestone '{k}'" for k in dates
                             if k not in MILESTONES]
                problems += [f"{qid}: '{v}' is not a date" for v in dates.values()
                             if not _is_date(v)]
    assert not problems, "\n".join(problems)


def test_eval_expected_ids_exist():
    ids = known_ids()
    missing: dict[str, list[str]] = {}
    for item in ITEMS:
        for ref in item.get("expected") or []:
            if ref not in ids:
                missing.setdefault(ref, []).append(item["id"])
    assert not missing, "expected ids without a knowledge file (id: items): " + "; ".join(
        f"{ref}: {', '.join(qids)}" for ref, qids in sorted(missing.items()))


def test_eval_covers_every_article():
    """Every article is the expected source of at least one eval question (all topics measured)."""
    used = {ref for item in ITEMS for ref in item.get("expected") or []}
    uncovered = sorted(str(a.meta.get("id")) for a in ARTICLES if a.meta.get("id") not in used)
    assert not uncovered, f"articles no eval question expects: {uncovered}"
