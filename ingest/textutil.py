"""Text helpers shared by loaders and chunking: decoding, language, sentences."""
from __future__ import annotations

import logging
import re

from assistant.errors import LoaderError

log = logging.getLogger(__name__)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (with or without BOM), else cp1252, else latin-1.

    Returns the text and the encoding used. Raises `LoaderError` for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:4096]:
        raise LoaderError("binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Files saved on Windows in Western Europe are cp1252; latin-1 decodes anything else.
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise LoaderError("cannot decode text")  # unreachable: latin-1 decodes every byte


_ABBREVIATIONS = {
    "art", "artt", "bijv", "bv", "o.a", "oa", "d.w.z", "dwz", "m.b.t", "mbt", "i.v.m", "ivm",
    "etc", "nr", "nrs", "jl", "e.g", "i.e", "vs", "dr", "mr", "ca", "incl", "excl", "max", "min",
    "blz", "p", "pp", "lid", "z.s.m", "zgn", "resp", "evt", "t.a.v", "tav", "mw", "dhr", "st",
    "no", "vgl", "cf", "jr", "sr", "prof", "ir", "ing", "drs", "mrs", "ms", "mt",
}
_SENTENCE_END = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-ZÀ-Ý0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not after common Dutch/English abbreviations."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start:match.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group(1) == "." and (last in _ABBREVIATIONS or len(last) == 1):
            continue
        end = match.end(2)
        sentences.append(text[start:end].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


_LIST_ITEM = re.compile(r"^\s*(?:(?:[-*•·–]|\d{1,3}[.)]|[a-z][.)])\s+|\|)")


def is_list_item(line: str) -> bool:
    """True for bullet or numbered list lines."""
    return bool(_LIST_ITEM.match(line))


def join_lines(lines: list[str]) -> str:
    """Merge hard-wrapped lines into one paragraph; list items stay on their own lines."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not is_list_item(line):
            if out[-1].endswith("-") and not out[-1].endswith(" -") and line[:1].islower():
                out[-1] = out[-1] + line  # a word broken at its hyphen: keep the hyphen
            else:
                out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(" ".join(p.split()) for p in out)
