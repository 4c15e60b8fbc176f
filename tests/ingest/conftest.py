"""Fixtures for ingest tests: a tiny knowledge base with every supported file type."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(pages: list[str], title: str = "") -> bytes:
    """A valid PDF whose pages hold the given text lines (empty string = a page without text)."""
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, text in enumerate(pages):
        if text:
            body = b"BT /F1 11 Tf 72 760 Td 14 TL " + b" ".join(
                b"(" + _escape(line) + b") Tj T*" for line in text.splitlines()
            ) + b" ET"
        else:
            body = b"0 0 1 rg 72 72 100 100 re f"  # a drawing, no text: like a scan
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    info = None
    if title:
        objects.append(b"<< /Title (" + _escape(title) + b") >>")
        info = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    info_ref = f" /Info {info} 0 R" if info else ""
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>"
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)

ARTICLE = """\
---
id: nl-probleemanalyse
title: De probleemanalyse door de bedrijfsarts
language: nl
audience: beide
topics: [probleemanalyse, tijdlijn]
status: law
sources:
  - title: Regeling procesgang eerste en tweede ziektejaar
    url: https://wetten.overheid.nl/BWBR0013540
last_reviewed: 2026-11-23
---
# De probleemanalyse door de bedrijfsarts

De probleemanalyse is het eerste advies van de bedrijfsarts bij langdurig verzuim.

## Wanneer moet de probleemanalyse klaar zijn?
De bedrijfsarts stelt de probleemanalyse uiterlijk in de zesde week van de ziekte op.
Daarna hebben werkgever en werknemer twee weken voor het plan van aanpak.

## Wat staat er in de probleemanalyse?
De probleemanalyse beschrijft wat de werknemer nog wel en niet kan, en of herstel te
verwachten is.
"""

CARD = """\
---
id: nl-faq-probleemanalyse-termijn
type: card
language: nl
audience: werkgever
questions:
  - Wanneer moet de probleemanalyse klaar zijn?
  - uiterlijk wanneer probleemanalyse
articles: [nl-probleemanalyse]
sources:
  - title: UWV, re-integreren tijdens ziekte
    url: http://www.uwv.nl/particulieren/ziek/ziek-met-werkgever/re-integreren-tijdens-ziekte/
---
De probleemanalyse moet uiterlijk in de zesde week van de ziekte klaar zijn. Vraag de
bedrijfsarts op tijd om de probleemanalyse.
"""

HTML = """\
<!doctype html><html lang="nl"><head><title>Het plan van aanpak | Voorbeeldbureau</title>
<script>trackVisitor();</script><style>p {color: red}</style></head><body>
<header><nav><a href="/">Home</a> <a href="/diensten">Diensten</a></nav></header>
<div id="cookie-consent">Wij gebruiken cookies voor statistiek. <button>Accepteer</button></div>
<main>
<nav class="breadcrumb">Home &gt; Kennisbank</nav>
<h1>Het plan van aanpak</h1>
<p>Het plan van aanpak beschrijft hoe werkgever en werknemer aan de re-integratie werken.</p>
<h2>Wanneer moet het plan van aanpak er zijn?</h2>
<p>Het plan van aanpak moet uiterlijk in de achtste week van de ziekte klaar zijn.</p>
<ul><li>Werkgever</li><li>Werknemer</li></ul>
<div class="social-share">Deel op LinkedIn</div>
</main>
<footer>&copy; 2024 Voorbeeldbureau</footer></body></html>
"""

ENGLISH = """\
The week 42 notification

The employer must report a long-term sick employee to UWV in week 42 of the illness.
This is called the week 42 notification.
"""


def write_knowledge(root: Path) -> Path:
    """Write one file of every supported type under `root/kb` and return that folder."""
    kb = root / "kb"
    (kb / "faq").mkdir(parents=True)
    (kb / "nl-probleemanalyse.md").write_text(ARTICLE, encoding="utf-8")
    (kb / "faq" / "nl-faq-probleemanalyse-termijn.md").write_text(CARD, encoding="utf-8")
    (kb / "plan-van-aanpak.html").write_text(HTML, encoding="utf-8")
    (kb / "week-42.txt").write_text(ENGLISH, encoding="utf-8")
    shutil.copy(FIXTURES / "bureau-pagina.txt", kb / "bureau-pagina.txt")
    (kb / "eerstejaarsevaluatie.pdf").write_bytes(make_pdf(
        ["De eerstejaarsevaluatie\nIn de eerstejaarsevaluatie kijken werkgever en werknemer\n"
         "terug op het eerste ziektejaar.",
         "Na de evaluatie volgt zo nodig het tweede spoor.\nDe arbeidsdeskundige kan adviseren."],
        title="Gids eerstejaarsevaluatie",
    ))
    (kb / "oud-verslag.txt").write_bytes(
        "Re-integratieverslag\n\nHet re-integratieverslag beschrijft alle stappen van beide "
        "jaren, ook de loonkosten van € 1.200 per maand en de visie van de werknemer "
        "op het plan.\n".encode("cp1252")
    )
    (kb / "notities.yaml").write_text("ignored: true\n", encoding="utf-8")
    (kb / ".verborgen.md").write_text("# Verborgen\n\nDit wordt niet gelezen.\n", encoding="utf-8")
    _write_docx(kb / "spoor2-werkwijze.docx")
    return kb


def _write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Werkwijze spoor 2"
    document.add_heading("Werkwijze spoor 2", 0)
    document.add_heading("Intake", 1)
    document.add_paragraph("Het tweede spoor begint met een intakegesprek bij het bureau.")
    document.add_heading("Zoeken naar werk", 1)
    document.add_paragraph("De werknemer solliciteert bij andere werkgevers, met begeleiding.")
    document.save(str(path))


def write_broken(kb: Path) -> None:
    """Add a damaged PDF and a damaged DOCX."""
    (kb / "kapot.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages")
    (kb / "kapot.docx").write_bytes(b"PK\x03\x04 this is not a real zip archive")


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A small knowledge folder with one file of every supported type."""
    return write_knowledge(tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with an embedded Chroma store under tmp_path."""
    return Settings(data_dir=tmp_path / "data", knowledge_dir=tmp_path / "kb")


@pytest.fixture
def pdf_maker():
    """`make_pdf(pages, title="")`: bytes of a small valid PDF."""
    return make_pdf


@pytest.fixture
def docx_writer():
    """`write_docx(path)`: a small DOCX with Heading 1 sections."""
    return _write_docx
