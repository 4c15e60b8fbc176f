"""Markdown with optional YAML front matter (the knowledge base format)."""
from __future__ import annotations

import re
from typing import Any

import yaml

from assistant.errors import LoaderError
from ingest.document import Document, SectionBuilder
from ingest.textutil import join_lines

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter as a dict and the body after it."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise LoaderError(f"invalid YAML front matter{where}") from None
    if not isinstance(meta, dict):
        raise LoaderError("front matter is not a mapping of keys to values")
    return meta, text[match.end():]


def clean_inline(text: str) -> str:
    """Plain text from Markdown inline syntax: links keep their text, emphasis marks go."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    return _CODE.sub(r"\1", _ITALIC.sub(r"\1", _BOLD.sub(r"\2", text)))


def parse(text: str) -> Document:
    """Parse Markdown text into a `Document`; front matter becomes `meta`."""
    meta, body = split_front_matter(text)
    body = _COMMENT.sub("", body)
    builder = SectionBuilder(title=str(meta.get("title") or "").strip())
    block: list[str] = []
    in_fence = False

    def flush() -> None:
        if block:
            builder.paragraph(block[0] if in_fence else clean_inline(join_lines(block)))
            block.clear()

    for line in body.splitlines():
        if _FENCE.match(line):
            if in_fence:
                block[0] += "\n" + line
                flush()
                in_fence = False
            else:
                flush()
                in_fence = True
                block.append(line)
            continue
        if in_fence:
            block[0] += "\n" + line
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            builder.heading(len(heading.group(1)), clean_inline(heading.group(2)))
        elif not line.strip():
            flush()
        else:
            block.append(line)
    flush()
    return Document(title=builder.title, sections=builder.sections(), meta=meta)
