"""Typos in a question ("wnneer moet spoor 2 beginne") corrected to words the knowledge base uses.

A word is left as written when it is a word: one the knowledge base uses (the answer cards'
questions and answers), or one of the Dutch and English word lists that ship with pyspellchecker
(343,000 and 160,000 words). Only a word in neither ("wnneer", "aanvagen", "werkneemer") is
replaced, by the closest word of the knowledge base when one is close enough, so a correction
can only lead to a word the knowledge base itself uses and never turns one real word into
another ("moeilijk" stays "moeilijk").

The adapter for pyspellchecker: its word lists are read once per process and kept as a sorted
array of 64-bit hashes (about 4 MB instead of some 80 MB of Python strings).
"""

from __future__ import annotations

import difflib
import gzip
import logging
import re
import threading
from collections.abc import Iterable
from importlib import resources

import numpy as np

from assistant.text import fold, words

log = logging.getLogger(__name__)

# Words shorter than this are left alone: too many short words are a letter apart.
MIN_LENGTH = 5
# How alike (difflib ratio) a known word must be to replace an unknown one.
CUTOFF = 0.8
LANGUAGES = ("nl", "en")
CACHE_SIZE = 50_000
_QUESTION_WORDS = (
    "wanneer waarom hoeveel hoelang welke wie wat waar hoe moet moeten mogen kunnen beginnen "
    "starten "
    "betalen betaalt werkgever werknemer aanvragen when which where what should must"
).split()
_KEY = re.compile(r'^"([^"\\]*)":', re.MULTILINE)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


class Lexicon:
    """The words of general Dutch and English (pyspellchecker's lists), for membership tests; a
    word with accents is known without them too."""

    def __init__(self, hashes: np.ndarray):
        self._hashes = hashes

    @classmethod
    def load(cls, languages: Iterable[str] = LANGUAGES) -> Lexicon:
        found: list[np.ndarray] = []
        for language in languages:
            try:
                data = (
                    resources.files("spellchecker") / "resources" / f"{language}.json.gz"
                ).read_bytes()
            except (ModuleNotFoundError, FileNotFoundError, OSError):
                log.warning(
                    "no %s word list (pyspellchecker missing): typos are corrected less safely",
                    language,
                )
                continue
            # {"word": frequency, ...}, lower-case, no escapes: the keys are read without building
            # the whole dict (a 40 MB peak)
            text = gzip.decompress(data).decode("utf-8")
            keys = [m.group(1) for m in _KEY.finditer(text)]
            # "prive", "cafe", "financien": a word written without its accents is that word
            keys += [fold(key) for key in keys if not key.isascii()]
            found.append(np.fromiter((hash(key) for key in keys), dtype=np.int64))
        return cls(np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64))

    def __contains__(self, word: str) -> bool:
        if not len(self._hashes):
            return False
        key = hash(word)
        at = int(np.searchsorted(self._hashes, key))
        return at < len(self._hashes) and int(self._hashes[at]) == key


_LEXICON: Lexicon | None = None
_LEXICON_LOCK = threading.Lock()


def lexicon() -> Lexicon:
    """The process's general word list, loaded on first use (about half a second)."""
    global _LEXICON
    with _LEXICON_LOCK:
        if _LEXICON is None:
            _LEXICON = Lexicon.load()
        return _LEXICON


class Speller:
    """Corrects the words of a text that are no word at all to the closest knowledge-base word."""

    def __init__(
        self, texts: Iterable[str], phrasings: Iterable[str] = (), general: Lexicon | None = None
    ):
        """`texts`: what the knowledge base says (corrections lead to these words); `phrasings`:
        how people ask (typos on purpose: known, so left alone, but never a correction)."""
        targets: set[str] = set(_QUESTION_WORDS)
        for text in texts:
            targets.update(words(text))
        self.known = targets | {w for text in phrasings for w in words(text)}
        self._general = general
        self._by_first: dict[str, list[str]] = {}
        for word in targets:
            if len(word) >= MIN_LENGTH - 1:
                self._by_first.setdefault(word[0], []).append(word)
        self._cache: dict[str, str | None] = {}

    def word(self, word: str) -> str | None:
        """The knowledge-base word that `word` is a typo of, or None (a word already, or nothing
        close enough)."""
        folded = fold(word)
        if len(folded) < MIN_LENGTH or folded in self.known or not folded.isalpha():
            return None
        if folded not in self._cache:
            if len(self._cache) >= CACHE_SIZE:  # users write endless new words: stay bounded
                self._cache.clear()
            general = self._general if self._general is not None else lexicon()
            # on `folded` alone (the word list holds every word without its accents too), so a
            # word's correction never depends on how an earlier question happened to spell it
            self._cache[folded] = None if folded in general else self._closest(folded)
        return self._cache[folded]

    def _closest(self, word: str) -> str | None:
        """The knowledge-base word within `max_edits(word)` edits that difflib finds most alike."""
        for candidate in difflib.get_close_matches(
            word, self._by_first.get(word[0], []), n=3, cutoff=CUTOFF
        ):
            if edits(word, candidate) <= max_edits(word):
                return candidate
        return None

    def correct(self, text: str) -> str:
        """`text` with its typos replaced; unchanged when it has none."""
        return _TOKEN.sub(lambda m: self.word(m.group(0)) or m.group(0), text)


def max_edits(word: str) -> int:
    """Typos a word may hold and still be recognised: 1 in a short word, 2 in a longer one."""
    return 1 if len(word) < 8 else 2


def edits(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
