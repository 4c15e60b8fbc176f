"""Plain-file access to the knowledge base for the knowledge tests (no model, no index)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
EVAL_FILE = KNOWLEDGE / "eval" / "dev.yaml"
FACT_SHEET = ROOT.parent / "shared" / "domain" / "poortwachter-facts.md"

ARTICLE_DIRS = {"nl": KNOWLEDGE / "nl", "en": KNOWLEDGE / "en"}
CARD_DIRS = {"nl": KNOWLEDGE / "faq" / "nl", "en": KNOWLEDGE / "faq" / "en"}


@dataclass(frozen=True)
class KnowledgeFile:
    """One article or card: where it lives, what kind it is and its parsed parts."""

    path: Path
    kind: str  # "article" | "card"
    folder_language: str
    meta: dict[str, Any] | None
    body: str
    error: str = ""

    @property
    def rel(self) -> str:
        """Path relative to the repository, for failure messages."""
        return str(self.path.relative_to(ROOT))


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a file into its YAML front matter (between the first two '---' lines) and body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("the file does not start with a '---' line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ValueError("no closing '---' line after the front matter") from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise ValueError(f"front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a YAML mapping")
    return meta, "\n".join(lines[end + 1:])


def _load(path: Path, kind: str, language: str) -> KnowledgeFile:
    try:
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return KnowledgeFile(path, kind, language, None, "", str(exc))
    return KnowledgeFile(path, kind, language, meta, body)


@lru_cache(maxsize=1)
def knowledge_files() -> tuple[KnowledgeFile, ...]:
    """Every article and card of the knowledge base, parsed."""
    found = []
    for kind, dirs in (("article", ARTICLE_DIRS), ("card", CARD_DIRS)):
        for language, folder in dirs.items():
            for path in sorted(folder.glob("*.md")):
                found.append(_load(path, kind, language))
    return tuple(found)


def articles() -> list[KnowledgeFile]:
    """The articles (knowledge/nl, knowledge/en)."""
    return [f for f in knowledge_files() if f.kind == "article"]


def cards() -> list[KnowledgeFile]:
    """The answer cards (knowledge/faq/nl, knowledge/faq/en)."""
    return [f for f in knowledge_files() if f.kind == "card"]


def known_ids() -> set[str]:
    """Ids of all parsed knowledge files."""
    return {str(f.meta.get("id")) for f in knowledge_files() if f.meta}


@lru_cache(maxsize=1)
def eval_items() -> tuple[dict[str, Any], ...]:
    """The items of knowledge/eval/dev.yaml."""
    data = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{EVAL_FILE} must hold a YAML list of items")
    return tuple(data)


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A sentence ends at . ! ? followed by a space and a capital, a digit-free quote or markup;
# "art. 7:629" and "bijv. de" stay whole because a lowercase letter or digit follows.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(“‘]?[A-ZÀ-Ý])")


def plain(text: str) -> str:
    """Markdown without links, emphasis and code marks."""
    return _MARKUP.sub("", _LINK.sub(r"\1", text))


def blocks(body: str) -> list[str]:
    """Paragraphs, list items, headings and table rows of a markdown body, each on one line."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(" ".join(current))
            current.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("|") or _LIST_ITEM.match(line):
            flush()
            if line:
                current.append(_LIST_ITEM.sub("", line.lstrip("#").strip()))
                if line.startswith("#") or line.startswith("|"):
                    flush()
            continue
        current.append(line)
    flush()
    return out


def sentences(body: str) -> list[str]:
    """The sentences of a markdown body (headings and table rows count as sentences)."""
    out = []
    for block in blocks(plain(body)):
        out.extend(s.strip() for s in _SENTENCE_END.split(block) if s.strip())
    return out


def words(text: str) -> list[str]:
    """Word tokens (letters and digits) of plain text."""
    return re.findall(r"[0-9A-Za-zÀ-ÿ]+(?:[-'’][0-9A-Za-zÀ-ÿ]+)*", plain(text))
