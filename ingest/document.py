"""What a loader produces: a document split into sections with a heading path."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path (page > 0 for PDF pages)."""

    path: tuple[str, ...]
    text: str
    page: int = 0


@dataclass
class Document:
    """A loaded file: title, sections and the metadata its front matter or markup gave."""

    title: str
    sections: list[Section]
    meta: dict[str, Any] = field(default_factory=dict)  # url, language, audience, id, type, ...
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"

    @property
    def text(self) -> str:
        """All section text, for language detection."""
        return "\n\n".join(s.text for s in self.sections)


class SectionBuilder:
    """Collects headings and paragraphs in reading order into `Section`s.

    Headings of level 1-4 form the section path; the level-1 heading that repeats the document
    title is not part of the path (it is the title).
    """

    def __init__(self, title: str = "", page: int = 0):
        self.title = title
        self.page = page
        self._stack: list[tuple[int, str]] = []
        self._paragraphs: list[str] = []
        self._sections: list[Section] = []

    def heading(self, level: int, text: str) -> None:
        """Start a new section under heading `text` at `level` (1 = top)."""
        text = " ".join(text.split())
        if not text:
            return
        self._flush()
        if not self.title and level == 1:
            self.title = text
        if level == 1 and text == self.title:
            self._stack = []
            return
        if level > 4:
            self.paragraph(text)
            return
        self._stack = [(lvl, t) for lvl, t in self._stack if lvl < level] + [(level, text)]

    def paragraph(self, text: str) -> None:
        """Add a paragraph to the current section."""
        text = text.strip()
        if not text:
            return
        last_line = self._paragraphs[-1].rsplit("\n", 1)[-1] if self._paragraphs else ""
        if text.startswith("- ") and last_line.startswith("- "):
            self._paragraphs[-1] += "\n" + text  # consecutive list items form one list
        else:
            self._paragraphs.append(text)

    def set_page(self, page: int) -> None:
        """Following text is on `page`."""
        self._flush()
        self.page = page

    def _flush(self) -> None:
        if self._paragraphs:
            path = tuple(t for _, t in self._stack)
            self._sections.append(Section(path, "\n\n".join(self._paragraphs), self.page))
            self._paragraphs = []

    def sections(self) -> list[Section]:
        """The sections collected so far (finishes the current one)."""
        self._flush()
        return list(self._sections)
