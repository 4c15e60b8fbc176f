"""HTML pages: the main text only, without scripts, navigation, banners or footers.

The main text comes from trafilatura (headings, lists and tables kept). Our own extractor below is
the fallback: it is used when trafilatura finds nothing, much less text, or none of the headings
the page has (on short pages trafilatura falls back to its baseline, which keeps menus).
"""
from __future__ import annotations

import logging
import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ingest.document import Document, SectionBuilder
from ingest.loaders.text import is_boilerplate

log = logging.getLogger(__name__)

_DROP_TAGS = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
    "button", "template", "select", "input", "dialog", "object", "canvas",
]
_BOILER_ATTR = re.compile(
    r"(?i)cookie|consent|gdpr|banner|menu|(^|[-_\s])nav|breadcrumb|share|social|skip|popup|modal"
    r"|newsletter|sidebar|footer|masthead|print-?only|visually-?hidden|sr-only"
)
_KEEP = {"html", "body", "main", "article"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p", "div", "section", "article", "main", "ul", "ol", "li", "table", "tr", "blockquote",
    "pre", "dl", "dt", "dd", "figure", "figcaption", "details", "summary", "address", "center",
    "tbody", "thead", "td", "th", *_HEADINGS,
}


def _attrs(tag: Tag) -> str:
    classes = tag.get("class") or []
    parts = [tag.get("id"), " ".join(classes), tag.get("role"), tag.get("aria-label")]
    return " ".join(str(p) for p in parts if p)


def _strip_tags(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()


def _strip_boilerplate(root: Tag) -> None:
    """Drop hidden elements and those whose id/class/role says banner, menu, share, ..."""
    total = len(root.get_text(" ", strip=True)) or 1
    for tag in root.find_all(True):
        if tag.decomposed or tag.name in _KEEP or tag.attrs is None:
            continue
        if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
            tag.decompose()
        elif _BOILER_ATTR.search(_attrs(tag)):
            # a wrapper class like "layout--with-sidebar" must not take the content with it
            holds_content = len(tag.get_text(" ", strip=True)) > total / 2
            if holds_content or tag.find(["main", "article", "h1"]):
                continue
            tag.decompose()


def _is_leaf(tag: Tag) -> bool:
    return tag.find(list(_BLOCKS)) is None


def _walk(node: Tag, builder: SectionBuilder) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(inline).split())
        inline.clear()
        if text and not is_boilerplate(text):
            builder.paragraph(text)

    for child in node.children:
        if isinstance(child, NavigableString):
            inline.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name in _HEADINGS:
            flush()
            builder.heading(_HEADINGS[child.name], child.get_text(" ", strip=True))
        elif child.name == "br":
            flush()
        elif child.name == "tr":  # a table row is one line: "Traject Compact — 4 maanden — € 2.795"
            flush()
            cells = [" ".join(c.get_text(" ").split())
                     for c in child.find_all(["td", "th"], recursive=False)]
            text = " — ".join(c for c in cells if c)
            if text and not is_boilerplate(text):
                builder.paragraph(f"- {text}")
        elif child.name not in _BLOCKS:
            inline.append(child.get_text(" "))
        elif _is_leaf(child):
            flush()
            text = " ".join(child.get_text(" ").split())
            if child.name == "li" and text:
                text = f"- {text}"
            if text and not is_boilerplate(text):
                builder.paragraph(text)
        else:
            flush()
            _walk(child, builder)
    flush()


# trafilatura's XML elements as the HTML tags `_walk` reads ("rend" holds the heading level).
_FROM_XML = {
    "p": "p", "list": "ul", "item": "li", "table": "table", "row": "tr", "cell": "td",
    "quote": "blockquote", "code": "pre", "lb": "br", "hi": "span", "ref": "span", "del": "span",
}
_MIN_SHARE = 0.5  # trafilatura's text must be at least this share of our own extractor's


def _trafilatura_main(data: bytes) -> Tag | None:
    """The page's main text by trafilatura, as HTML tags; None when it finds nothing."""
    import trafilatura

    try:
        xml = trafilatura.extract(
            data, output_format="xml", include_tables=True, include_comments=False,
            include_images=False, include_links=False, deduplicate=False,
        )
    except Exception:  # a heuristic library on arbitrary pages: any failure means "use ours"
        log.debug("trafilatura failed; using the built-in extractor", exc_info=True)
        return None
    if not xml:
        return None
    main = BeautifulSoup(xml, "xml").find("main")
    if main is None:
        return None
    for tag in main.find_all(True):
        if tag.name == "head":
            level = str(tag.get("rend", "h2"))
            tag.name = level if level in _HEADINGS else "h2"
        elif tag.name in _FROM_XML:
            tag.name = _FROM_XML[tag.name]
        elif tag.name == "graphic":
            tag.decompose()
            continue
        tag.attrs = {}
    return main


def _better_of(ours: Tag, theirs: Tag | None) -> Tag:
    """trafilatura's main text, unless it has much less text than ours or lost the headings."""
    if theirs is None:
        return ours
    own_text = len(ours.get_text(" ", strip=True))
    if len(theirs.get_text(" ", strip=True)) < _MIN_SHARE * own_text:
        return ours
    if ours.find(list(_HEADINGS)) and not theirs.find(list(_HEADINGS)):
        return ours
    return theirs


def _title(soup: BeautifulSoup, root: Tag) -> str:
    h1 = root.find("h1") or soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return " ".join(h1.get_text(" ").split())
    if soup.title and soup.title.string:
        # "Page title | Site name": keep the page title
        return re.split(r"\s+[|–-]\s+", soup.title.string.strip())[0]
    return ""


def parse(data: bytes) -> Document:
    """Parse HTML bytes (charset from the page or detected) into a `Document`."""
    soup = BeautifulSoup(data, "lxml")
    lang = (soup.html.get("lang") or "")[:2].lower() if soup.html else ""
    _strip_tags(soup)
    root = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article")
    root = root or soup.body or soup
    _strip_boilerplate(root)
    title = _title(soup, root)
    builder = SectionBuilder(title=title)
    _walk(_better_of(root, _trafilatura_main(data)), builder)
    meta = {"language": lang} if lang in ("nl", "en") else {}
    notes = []
    if soup.original_encoding and soup.original_encoding.lower() not in ("utf-8", "ascii"):
        notes.append(f"decoded as {soup.original_encoding}")
    return Document(title=title, sections=builder.sections(), meta=meta, notes=notes)
