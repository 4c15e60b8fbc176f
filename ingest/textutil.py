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
