"""The data file of known-wrong legal claims (assistant/answering/wrong_claims.yaml).

Bureau pages (service pages, price lists) that a re-integratiebureau ingests contain wrong or sloppy
legal claims. wrong_claims.yaml lists the known ones with a regex per claim; the product uses it to
never quote such a passage as fact and to report it at ingest. These tests check:

- the schema (required keys, unique ids, regexes that compile, kb ids that exist as articles);
- every wrong_example is flagged and every right_example is not, with exactly the matching the
  product uses (fold, then `pattern` and not `unless`, one sentence at a time);
- no sentence of the vetted knowledge base (articles and cards, split on ". ") is flagged;
- the three fictitious bureau pages in tests/fixtures/bureau/ raise exactly the expected claims,
  each flagged sentence is listed in its entry's wrong_examples, and the rest of the page
  (services, prices, the one correct legal sentence) is not flagged.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "assistant" / "answering" / "wrong_claims.yaml"
KNOWLEDGE = ROOT / "knowledge"
ARTICLE_DIRS = (KNOWLEDGE / "nl", KNOWLEDGE / "en")
CARD_DIRS = (KNOWLEDGE / "faq" / "nl", KNOWLEDGE / "faq" / "en")
FIXTURES = ROOT / "tests" / "fixtures" / "bureau"

REQUIRED = {"id", "pattern", "truth_nl", "truth_en", "source", "kb", "wrong_examples",
            "right_examples"}
OPTIONAL = {"unless"}
MIN_ENTRIES = 20
MIN_EXAMPLES = 2


def _load() -> list[dict]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{DATA} must hold a YAML list"
    return data


ENTRIES = _load()
ENTRY_IDS = [str(e.get("id")) if isinstance(e, dict) else "?" for e in ENTRIES]


def fold(s: str) -> str:
    """Lower case, accents removed (NFKD without combining characters)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower())
                   if not unicodedata.combining(c))


def flagged(entry: dict, sentence: str) -> bool:
    """The product's matching: `pattern` matches the folded sentence and `unless` does not."""
    s = fold(sentence)
    unless = entry.get("unless")
    return bool(re.search(entry["pattern"], s, re.S)
                and not (unless and re.search(unless, s, re.S)))


def flagged_ids(sentence: str) -> list[str]:
    return [e["id"] for e in ENTRIES if flagged(e, sentence)]


# --- schema -------------------------------------------------------------------------------------


def test_file_is_a_list_of_enough_entries():
    assert len(ENTRIES) >= MIN_ENTRIES, f"only {len(ENTRIES)} entries (at least {MIN_ENTRIES})"
    assert all(isinstance(e, dict) for e in ENTRIES), "every entry must be a mapping"


def test_ids_are_unique_slugs():
    dupes = sorted({i for i in ENTRY_IDS if ENTRY_IDS.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"
    bad = [i for i in ENTRY_IDS if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i)]
    assert not bad, f"ids must be lowercase slugs: {bad}"


def _known_article_ids() -> set[str]:
    return {p.stem for d in ARTICLE_DIRS for p in d.glob("*.md")}


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_entry_schema(entry):
    keys = set(entry)
    assert REQUIRED <= keys, f"missing keys: {sorted(REQUIRED - keys)}"
    assert keys <= REQUIRED | OPTIONAL, f"unknown keys: {sorted(keys - REQUIRED - OPTIONAL)}"
    for key in ("id", "pattern", "truth_nl", "truth_en", "source"):
        assert isinstance(entry[key], str) and entry[key].strip(), \
            f"{key} must be a non-empty string"
    if "unless" in entry:
        assert isinstance(entry["unless"], str) and entry["unless"].strip(), \
            "unless must be a non-empty string when present"
    for key in ("pattern", "unless"):
        if key in entry:
            try:
                re.compile(entry[key], re.S)
            except re.error as exc:
                pytest.fail(f"{key} does not compile: {exc}")
            literal = re.sub(r"\\.", "", entry[key])  # \S, \W, \b ... are regex syntax
            assert literal == fold(literal), \
                f"{key} must be written for folded text (lower case, no accents)"
    for key in ("wrong_examples", "right_examples"):
        examples = entry[key]
        assert isinstance(examples, list) and len(examples) >= MIN_EXAMPLES, \
            f"{key} needs at least {MIN_EXAMPLES} sentences"
        assert all(isinstance(x, str) and x.strip() for x in examples), \
            f"{key} must hold non-empty strings"
    kb = entry["kb"]
    assert isinstance(kb, list) and kb, "kb must be a non-empty list of article ids"
    missing = [k for k in kb if k not in _known_article_ids()]
    assert not missing, f"kb ids without an article under knowledge/nl or knowledge/en: {missing}"


# --- the examples -------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_wrong_examples_are_flagged(entry):
    missed = [s for s in entry["wrong_examples"] if not flagged(entry, s)]
    assert not missed, f"{entry['id']} does not flag: {missed}"


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_right_examples_are_not_flagged(entry):
    wrongly = [s for s in entry["right_examples"] if flagged(entry, s)]
    assert not wrongly, f"{entry['id']} flags a correct sentence: {wrongly}"


@pytest.mark.parametrize("entry", ENTRIES, ids=ENTRY_IDS)
def test_right_examples_pass_every_entry(entry):
    """A correct sentence written for one claim is not flagged by another claim's pattern."""
    wrongly = {s: ids for s in entry["right_examples"] if (ids := flagged_ids(s))}
    assert not wrongly, f"correct sentences flagged: {wrongly}"


# --- the vetted knowledge base never contains a known-wrong claim -------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+")
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\|)")
_MARKER = re.compile(r"^(?:#{1,6}|[-*+]|\d+[.)])\s+")


def _blocks(text: str) -> list[str]:
    """Paragraphs, headings, list items and table rows, each joined onto one line (the heading
    and list markers removed)."""
    out: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or _BLOCK_START.match(line):
            if current:
                out.append(" ".join(current))
                current = []
        if line:
            current.append(_MARKER.sub("", line))
            if line.startswith(("#", "|")):
                out.append(" ".join(current))
                current = []
    if current:
        out.append(" ".join(current))
    return out


def _split_front_matter(text: str) -> tuple[dict, str]:
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
                return (meta if isinstance(meta, dict) else {}), "\n".join(lines[i + 1:])
    return {}, text


def kb_sentences(path: Path) -> list[str]:
    """The title and the body sentences of one article or card, split on '. '.

    The front matter (questions are user phrasings, not claims; sources) is left out; links and
    emphasis marks are removed; headings, list items and table rows are separate blocks.
    """
    meta, body = _split_front_matter(path.read_text(encoding="utf-8"))
    out = [str(meta["title"])] if meta.get("title") else []
    for block in _blocks(_MARKUP.sub("", _LINK.sub(r"\1", body))):
        out.extend(s.strip() for s in block.split(". ") if s.strip())
    return out


KB_FILES = sorted(p for d in (*ARTICLE_DIRS, *CARD_DIRS) for p in d.glob("*.md"))


def test_knowledge_base_is_found():
    assert len(KB_FILES) > 50, f"only {len(KB_FILES)} knowledge files found under {KNOWLEDGE}"


@pytest.mark.parametrize("path", KB_FILES, ids=[str(p.relative_to(KNOWLEDGE)) for p in KB_FILES])
def test_knowledge_base_sentences_are_not_flagged(path):
    hits = [f"  - {ids}: \"{s}\"" for s in kb_sentences(path) if (ids := flagged_ids(s))]
    assert not hits, (f"{path.relative_to(ROOT)}: a vetted sentence matches a known-wrong claim "
                      f"(pattern too wide, or the article is wrong):\n" + "\n".join(hits))


# --- the fictitious bureau pages ----------------------------------------------------------------

# Each page holds 3-4 wrong claims (these ids, one sentence each) and one correct legal sentence.
EXPECTED = {
    "werkfit-spoor2.md": {
        "melding-42-week-13", "spoor2-altijd-week-52", "loonsanctie-twee-jaar",
        "deskundigenoordeel-werknemer-betaalt"},
    "sporenwijzer-tarieven.html": {
        "probleemanalyse-week-8", "loonsanctie-automatisch-ontslag",
        "weigeren-spoor2-zonder-gevolgen", "garantie-geen-loonsanctie"},
    "bridgework-track2.txt": {
        "loondoorbetaling-100-procent-wet", "loonsanctie-twee-jaar", "spoor2-werknemer-betaalt",
        "ontslag-automatisch-na-twee-jaar"},
}
# The correct legal sentence on each page (must be present and must not be flagged).
CORRECT = {
    "werkfit-spoor2.md": "uiterlijk in week 6 de probleemanalyse op",
    "sporenwijzer-tarieven.html": "levert een boete op en geen loonsanctie",
    "bridgework-track2.txt": "by the end of week 93",
}

_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def page_text(path: Path) -> str:
    """The page as text: HTML tags become line breaks; comments, scripts and styles go."""
    text = path.read_text(encoding="utf-8")
    text = _COMMENT.sub("\n", text)
    if path.suffix == ".html":
        text = html.unescape(_TAG.sub("\n", _SCRIPT_STYLE.sub("\n", text)))
    return text


def page_sentences(path: Path) -> list[str]:
    return [s.strip() for block in _blocks(page_text(path))
            for s in _SENTENCE_END.split(block) if s.strip()]


def test_fixtures_exist():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_is_marked_and_sized(name):
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    assert re.search(r"testfixture", raw[:400], re.I), f"{name}: no test-fixture note at the top"
    n = len(re.findall(r"\w+", _TAG.sub(" ", _SCRIPT_STYLE.sub(" ", _COMMENT.sub(" ", raw)))))
    assert 300 <= n <= 700, f"{name}: {n} words (300-700)"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_raises_exactly_the_expected_claims(name):
    found: dict[str, list[str]] = {}
    for s in page_sentences(FIXTURES / name):
        for i in flagged_ids(s):
            found.setdefault(i, []).append(s)
    assert set(found) == EXPECTED[name], (
        f"{name}: expected {sorted(EXPECTED[name])}, found {found}")
    by_id = {e["id"]: e for e in ENTRIES}
    for i, sentences in found.items():
        assert len(sentences) == 1, f"{name}: {i} flags more than one sentence: {sentences}"
        examples = {fold(x).strip() for x in by_id[i]["wrong_examples"]}
        assert fold(sentences[0]).strip() in examples, (
            f"{name}: the page sentence flagged by {i} is not in its wrong_examples: "
            f"\"{sentences[0]}\"")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_correct_sentence_is_not_flagged(name):
    hits = [s for s in page_sentences(FIXTURES / name) if CORRECT[name] in s]
    assert len(hits) == 1, f"{name}: the correct legal sentence ('{CORRECT[name]}') is missing"
    assert not flagged_ids(hits[0]), f"{name}: the correct sentence is flagged: {hits[0]}"
