"""Plain text, including web pages saved as text: boilerplate dropped, headings guessed."""
from __future__ import annotations

import re

from ingest.document import Document, SectionBuilder
from ingest.textutil import is_list_item, join_lines

_BOILERPLATE = re.compile(
    r"""(?ix)
    ^(wij|we|deze\s+(web)?site)\s+(gebruik(t|en)|maakt\s+gebruik\s+van)\s+cookies
    | ^(this|our)\s+(web)?site\s+uses\s+cookies
    | ^(alle\s+)?cookies\s+(accepteren|weigeren|instellen)
    | ^(accepteer|accepteren|akkoord|weigeren|sluiten|accept(\s+all)?|reject(\s+all)?|ok[eé]?
       |(cookie-?)?instellingen|voorkeuren|settings|preferences)\b.{0,25}$
    | ^(©|\(c\)\s|copyright\b)
    | ^(lees|read)\s+(meer|verder|more)\b.{0,40}$
    | ^(deel|delen|share)(\s+(dit|deze|this|op|on|via)\b.*)?:?$
    | ^(terug\s+naar\s+(boven|top)|naar\s+(de\s+)?(hoofdinhoud|inhoud)|ga\s+direct\s+naar\b.*
       |skip\s+to\b.*|back\s+to\s+top)$
    | ^(home|start)\s*[>»/›|]
    | ^(menu|zoeken|search|inloggen|log\s?in|uitloggen|sluit\s+menu|open\s+menu
       |print(\s+deze\s+pagina)?|volg\s+ons(\s+op)?|follow\s+us|nieuwsbrief|newsletter)\W*$
    | ^(privacy(verklaring|beleid|\s+policy|\s+statement)?|disclaimer|cookie(beleid|verklaring)
       |sitemap|toegankelijkheid|algemene\s+voorwaarden|terms(\s+of\s+use)?)\s*$
    """
)
_SOCIAL = re.compile(r"(?i)\b(facebook|twitter|linkedin|whatsapp|instagram|youtube|e-?mail)\b")
_SEPARATORS = re.compile(r"\s[|•·»/]\s|\s{3,}|\t")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_END_PUNCT = (".", ",", ";", "!", ")", "]")


def is_boilerplate(line: str) -> bool:
    """Cookie banners, share/menu/footer lines and the like."""
    text = line.strip()
    if not text:
        return False
    if "cookie" in text.lower() and len(text) < 400:
        return True
    if _BOILERPLATE.search(text):
        return True
    if len(_SOCIAL.findall(text)) >= 2 and len(text) < 120:
        return True
    items = [i for i in _SEPARATORS.split(text) if i.strip()]
    return len(items) >= 4 and all(len(i.split()) <= 3 for i in items)


def _short(line: str) -> bool:
    return len(line) <= 40 and len(line.split()) <= 4 and not line.endswith(_END_PUNCT + (":", "?"))


def _heading_level(line: str, alone: bool) -> int:
    """1 or 2 when `line` looks like a heading, else 0."""
    text = line.strip()
    if not text or is_list_item(text) or len(text) > 80 or len(text.split()) > 12:
        return 0
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return 1
    if not (text[0].isupper() or text[0].isdigit()) or text.endswith(_END_PUNCT):
        return 0
    if text.endswith(":"):
        return 2 if alone and len(text.split()) <= 6 else 0
    return 2 if alone or len(text) <= 60 else 0


def _blocks(text: str) -> list[list[str]]:
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    raw: list[list[str]] = [[]]
    for line in lines:
        if _UNDERLINE.match(line) and raw[-1]:
            # "Title\n=====" - a setext heading; keep it as a Markdown heading line
            mark = "#" if line.strip()[0] == "=" else "##"
            raw[-1][-1] = f"{mark} {raw[-1][-1].strip()}"
            raw.append([])
        elif not line.strip():
            raw.append([])
        else:
            raw[-1].append(line)
    blocks: list[list[str]] = []
    for block in raw:
        if len(block) >= 3 and all(_short(ln.strip()) or is_boilerplate(ln) for ln in block):
            continue  # a run of very short lines is a menu or footer, not content
        blocks.append([])
        for line in block:
            if is_boilerplate(line):
                blocks.append([])
            else:
                blocks[-1].append(line)
    return [b for b in blocks if b]


def _title(blocks: list[list[str]]) -> str:
    """The first top-level heading, else the first heading of any kind."""
    found = []
    for index, block in enumerate(blocks):
        level, heading = _heading(block, index + 1 < len(blocks))
        if level == 1:
            return heading
        if level:
            found.append(heading)
    return found[0] if found else ""


def _heading(block: list[str], has_next: bool) -> tuple[int, str]:
    """(level, text) when the block starts with a heading, else (0, "")."""
    first, rest = block[0].strip(), block[1:]
    md = _MD_HEADING.match(first)
    if md:
        return min(len(md.group(1)), 2), md.group(2).strip()
    if not (rest or has_next):
        return 0, ""
    level = _heading_level(first, not rest)
    if rest and level and rest[0].strip()[:1].islower():
        return 0, ""  # the paragraph continues on the next line: a wrapped sentence
    return level, first.rstrip(":").strip()


def parse(text: str) -> Document:
    """Parse plain text into a `Document` with guessed headings."""
    blocks = _blocks(text)
    builder = SectionBuilder(title=_title(blocks))
    for index, block in enumerate(blocks):
        level, heading = _heading(block, index + 1 < len(blocks))
        if level:
            builder.heading(level, heading)
            block = block[1:]
        if block:
            builder.paragraph(join_lines(block))
    return Document(title=builder.title, sections=builder.sections())
