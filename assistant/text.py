"""Language detection, tokenising and stemming for Dutch and English (compound-friendly)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

NL_STOP = frozenset("""
aan al alle als alles ben bij daar dan dat de deze die dit doe doen door dus een eens en er
ge geen had heb hebben heeft hem het hier hij hoe hun ik in is ja je jij jou jouw kan kon kun
kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat ons onze
ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel welk
welke werd wie wij wil willen word worden wordt zal ze zei zelf zich zij zijn zo zonder zou
""".split())

EN_STOP = frozenset("""
a about after all also am an and any are as at be been before being but by can could did do
does doing for from had has have having he her him his how i if in into is it its just me my
no not of on or our out she should so some than that the their them then there these they this
those to too up us was we were what when where which who why will with would you your
""".split())

# Words that tell the languages apart but are too common to index (detection only).
_NL_MARKERS = NL_STOP | {"hoeveel", "wanneer", "waarom", "werknemer", "werkgever", "ziek", "mag", "moet",
                          # Dutch terms that also stand alone ("no riskpolis?")
                          "riskpolis", "no-riskpolis", "loondoorbetaling", "ziektewet", "uitkering"}
_EN_MARKERS = EN_STOP | {"employee", "employer", "sick", "may", "must", "much", "many", "when",
                          # English words of our subject that Dutch does not borrow ("reintegration
                          # report deadline" on a Dutch page is English)
                          "reintegration", "re-integration", "report", "track", "recovered", "recovery",
                          "sickness", "illness", "ill", "timeline", "wage", "wages", "salary", "sanction",
                          "payment", "dismissal", "dismiss", "fired", "agency", "notification", "benefit",
                          "letter", "pension", "occupational", "physician", "doctor", "company",
                          "assessment", "application", "apply", "transition", "allowed", "exceptions",
                          "documents", "settlement", "agreement", "leave", "work", "pay", "paid",
                          "employment", "insurance", "expert", "netherlands", "dutch"}

_WORD = re.compile(r"[a-z0-9€]+(?:[-'][a-z0-9]+)*")
_STEMMERS = {"nl": snowballstemmer.stemmer("dutch"), "en": snowballstemmer.stemmer("english")}


class _CombiningMarks(dict):
    """`str.translate` table that drops combining marks, filled as code points are first seen."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_STRIP_MARKS = _CombiningMarks()


def fold(text: str) -> str:
    """Lower-case and strip accents (ë -> e), keeping the euro sign."""
    text = text.lower()
    if text.isascii():  # most text: nothing to decompose (and this runs for every chunk and query)
        return text
    text = unicodedata.normalize("NFKD", text)
    return text if text.isascii() else text.translate(_STRIP_MARKS)


def words(text: str) -> list[str]:
    """Lower-cased, accent-free word tokens; hyphenated words stay whole."""
    return _WORD.findall(fold(text))


def detect_language(text: str, default: str = "nl") -> str:
    """'nl' or 'en' by counting marker words; `default` when undecided."""
    tokens = words(text)
    nl = sum(t in _NL_MARKERS for t in tokens)
    en = sum(t in _EN_MARKERS for t in tokens)
    if nl == en:
        return default
    return "nl" if nl > en else "en"


@lru_cache(maxsize=200_000)
def stem(token: str, language: str) -> str:
    """Snowball stem of one token in the given language."""
    return _STEMMERS.get(language, _STEMMERS["nl"]).stemWord(token)


def base_terms(text: str, language: str) -> list[str]:
    """Stemmed content tokens: hyphenated words are indexed whole (joined) and by their parts."""
    stop = NL_STOP if language == "nl" else EN_STOP
    terms: list[str] = []
    for word in words(text):
        parts = word.replace("'", "-").split("-")
        joined = "".join(parts)
        if joined in stop or len(joined) < 2:
            continue
        terms.append(stem(joined, language))
        if len(parts) > 1:
            terms.extend(stem(p, language) for p in parts if len(p) > 2 and p not in stop)
    return terms


class Decompounder:
    """Splits long Dutch compounds into known parts (loondoorbetalingsverplichting ->
    loondoorbetaling + verplichting) using a vocabulary learned from the corpus."""

    def __init__(self, vocabulary: set[str], min_part: int = 4):
        self.vocabulary = vocabulary
        self.min_part = min_part

    def split(self, word: str) -> list[str]:
        """Known parts of `word` (empty when it is not a compound of known words)."""
        if len(word) < 2 * self.min_part + 1:
            return []
        for i in range(len(word) - self.min_part, self.min_part - 1, -1):
            head, tail = word[:i], word[i:]
            if tail not in self.vocabulary:
                continue
            for candidate in (head, head[:-1] if head.endswith(("s", "e")) else None):
                if candidate and len(candidate) >= self.min_part:
                    if candidate in self.vocabulary:
                        return [candidate, tail]
                    deeper = self.split(candidate)
                    if deeper:
                        return [*deeper, tail]
        return []


_ADDRESS = {"u": re.compile(r"\b(u|uw)\b"), "je": re.compile(r"\b(je|jij|jou|jouw)\b")}
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def addressed_as(text: str) -> set[str]:
    """How a Dutch text addresses its reader: {"u"}, {"je"}, both or neither (quotes ignored)."""
    plain = _QUOTED.sub("", text.lower())
    return {voice for voice, pattern in _ADDRESS.items() if pattern.search(plain)}


# Sentence splitting, one splitter for messages, passages and model output.
# Abbreviations that end in a full stop but not a sentence: "art. 7:658", "bijv.", "o.a.", "d.w.z.".
_ABBREVIATION = re.compile(
    r"(?:\b(?:art|artt|lid|nr|nrs|bijv|bv|dwz|etc|vs|jo|jl|blz|p|pp|ca|resp|stb|stcrt|kst|mr|dr|drs"
    r"|ir|ing|prof|incl|excl|evt|tav|mw|dhr|vgl|cf|zgn|jr|sr)"
    r"|\b(?:[a-z]{1,2}\.)+[a-z]{1,2})\.$",
    re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"(?:^|[\n:;.!?])\s*\d{1,2}\.$")  # "1. Eerste stap" opens a list item
_CASED_START = re.compile(r"[A-ZÀ-Ý0-9€\"'“‘(\[*_]")


_TAIL = 40  # characters before a break that decide whether it is an abbreviation or list number


def _word_tail(text: str, end: int) -> str:
    """The last words of `text[:end]` (whole words, at most about `_TAIL` characters): looking
    back over the whole text at every break would make splitting quadratic in its length."""
    start = end - _TAIL
    if start <= 0:
        return text[:end]
    space = text.find(" ", start, end)
    return "x " + text[space + 1:end] if space != -1 else text[start:end]  # "x": no line start


def sentence_breaks(text: str, *, lines: bool = False, semicolons: bool = False,
                    closers: str = "", cased: bool = False) -> list[tuple[int, int]]:
    """Where sentences end: (end of one sentence, start of the next) for each break.

    A sentence ends at whitespace after `.`, `!` or `?` (also after `;` with `semicolons`, and
    after any of `closers`, e.g. "]" behind a citation marker), but not after an abbreviation
    ("art.", "bijv.", "o.a.") or a list number ("1."); a full stop inside a number ("€ 1.234",
    "7:658") never ends one. With `lines` every line break ends a sentence too. With `cased`
    (edited text) the next sentence must start with a capital, digit, quote or bracket.
    """
    ends = ".!?" + (";" if semicolons else "") + closers
    pattern = rf"(?<=[{re.escape(ends)}])\s+" + (r"|\s*\n\s*" if lines else "")
    breaks: list[tuple[int, int]] = []
    for match in re.finditer(pattern, text):
        if lines and "\n" in match.group():
            breaks.append(match.span())
            continue
        before = _word_tail(text, match.start())
        if before.endswith(".") and (_ABBREVIATION.search(before) or _LIST_NUMBER.search(before)):
            continue
        if cased and not _CASED_START.match(text, match.end()):
            continue
        breaks.append(match.span())
    return breaks


def sentences(text: str, *, lines: bool = False, semicolons: bool = False, closers: str = "",
              cased: bool = False) -> list[str]:
    """The sentences of `text`, stripped, without empty ones (options as `sentence_breaks`)."""
    breaks = sentence_breaks(text, lines=lines, semicolons=semicolons, closers=closers,
                             cased=cased)
    starts = [0] + [start for _, start in breaks]
    stops = [stop for stop, _ in breaks] + [len(text)]
    return [part for start, stop in zip(starts, stops) if (part := text[start:stop].strip())]
