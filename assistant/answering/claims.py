"""Known-wrong legal claims, kept as data (`wrong_claims.yaml`), recognised sentence by sentence.

Ingested documents are not the law: a bureau page may say "de 42e-weeksmelding doe je in week 13".
Such a sentence is never quoted as fact (the extractive answer drops it), and ingest reports it so
the operator sees it. The knowledge-base consistency tests use the same data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.text import fold

DATA = Path(__file__).with_name("wrong_claims.yaml")


@dataclass(frozen=True)
class WrongClaim:
    """One known-wrong claim: the pattern that recognises it and the vetted truth."""

    id: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    truth_nl: str
    truth_en: str
    source: str
    kb: tuple[str, ...]

    def matches(self, sentence: str) -> bool:
        """True when `sentence` states this claim (and does not correct it)."""
        folded = fold(sentence)
        return bool(self.pattern.search(folded)) and not (self.unless and self.unless.search(folded))

    def truth(self, language: str) -> str:
        return self.truth_en if language == "en" else self.truth_nl


@lru_cache(maxsize=4)
def wrong_claims(path: Path = DATA) -> tuple[WrongClaim, ...]:
    """The known-wrong claims (empty when the data file is missing)."""
    if not path.exists():
        return ()
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(
        WrongClaim(
            str(item["id"]), re.compile(item["pattern"], re.S),
            re.compile(item["unless"], re.S) if item.get("unless") else None,
            item.get("truth_nl", ""), item.get("truth_en", ""), item.get("source", ""), tuple(item.get("kb") or ()),
        )
        for item in items
    )


def contradicted(sentence: str) -> WrongClaim | None:
    """The known-wrong claim `sentence` states, if any."""
    return next((claim for claim in wrong_claims() if claim.matches(sentence)), None)


def is_vetted(metadata: dict) -> bool:
    """True for the curated knowledge base (its articles and answer cards), not other documents,
    even when those carry front matter."""
    return metadata.get("kind") in ("article", "card") and metadata.get("trusted", True) is not False
