"""Loaders turn each supported format into sections with headings, text and pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import LoaderError
from ingest.loaders import load
from ingest.textutil import decode_bytes

FIXTURES = Path(__file__).parent / "fixtures"


def _load(path: Path):
    return load(path, path.read_bytes())


def _paths(doc) -> list[str]:
    return [" > ".join(s.path) for s in doc.sections]


def test_markdown_front_matter_is_metadata_and_headings_are_sections(knowledge):
    doc = _load(knowledge / "nl-probleemanalyse.md")
    assert doc.title == "De probleemanalyse door de bedrijfsarts"
    assert doc.meta["id"] == "nl-probleemanalyse" and doc.meta["audience"] == "beide"
    assert _paths(doc) == [
        "", "Wanneer moet de probleemanalyse klaar zijn?", "Wat staat er in de probleemanalyse?"
    ]
    # hard-wrapped Markdown lines are one paragraph
    assert "niet kan, en of herstel te verwachten is." in doc.sections[2].text
    assert "---" not in doc.text and "id:" not in doc.text


def test_markdown_with_broken_front_matter_is_rejected_with_the_reason(tmp_path):
    path = tmp_path / "kapot.md"
    path.write_text("---\ntitle: [niet afgesloten\n---\n# Kop\n\nTekst.\n", encoding="utf-8")
    with pytest.raises(LoaderError, match="front matter"):
        _load(path)


def test_markdown_inline_syntax_is_removed_but_code_blocks_stay(tmp_path):
    path = tmp_path / "opmaak.md"
    path.write_text(
        "# Opmaak\n\nDit is **belangrijk** en *schuin*, zie [de UWV-site](https://uwv.nl).\n\n"
        "```\n# geen kop\n```\n",
        encoding="utf-8",
    )
    doc = _load(path)
    assert doc.sections[0].text.startswith("Dit is belangrijk en schuin, zie de UWV-site.")
    assert "# geen kop" in doc.sections[0].text
    assert _paths(doc) == [""]


def test_html_keeps_main_text_and_drops_scripts_navigation_and_banners(knowledge):
    doc = _load(knowledge / "plan-van-aanpak.html")
    text = doc.text
    assert doc.title == "Het plan van aanpak"
    assert doc.meta["language"] == "nl"
    assert "uiterlijk in de achtste week" in text
    for junk in ("trackVisitor", "color: red", "cookies", "Accepteer", "Diensten", "Kennisbank",
                 "LinkedIn", "2024"):
        assert junk not in text, junk
    assert _paths(doc) == ["", "Wanneer moet het plan van aanpak er zijn?"]
    assert doc.sections[1].text.endswith("klaar zijn.\n\n- Werkgever\n- Werknemer")


def test_html_without_main_uses_body_and_title_tag(tmp_path):
    path = tmp_path / "simpel.htm"
    path.write_bytes(
        "<html><head><title>Loonsanctie uitgelegd - Site</title></head><body>"
        "<div class='menu'>Home Over ons</div><h2>Wat is een loonsanctie?</h2>"
        "<p>Een loonsanctie verlengt de loondoorbetaling met maximaal een jaar.</p>"
        "</body></html>".encode("cp1252")
    )
    doc = _load(path)
    assert doc.title == "Loonsanctie uitgelegd"
    assert _paths(doc) == ["Wat is een loonsanctie?"]
    assert "Over ons" not in doc.text


def test_web_page_saved_as_text_keeps_content_and_finds_headings():
    doc = _load(FIXTURES / "bureau-pagina.txt")
    assert doc.title == "RE-INTEGRATIE TWEEDE SPOOR"
    assert _paths(doc) == [
        "Wat is een tweede spoortraject?", "Wanneer start het tweede spoor?", "Wat doet ons bureau?"
    ]
    first = doc.sections[0].text
    # hard-wrapped lines are merged into one paragraph, words intact
    assert "naar ander werk bij de eigen werkgever" in first and "\n" not in first
    # list items stay on their own lines
    assert "\n- Persoonlijk trajectplan\n" in doc.sections[2].text
    for junk in ("cookies", "Accepteer", "Instellingen", "Home", "Lees meer", "Facebook", "©",
                 "Vacatures", "Zoeken", "Disclaimer"):
        assert junk not in doc.text, junk


def test_non_utf8_text_is_decoded_and_noted(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("Reëel re-integratieplan\n\nDe kosten zijn € 1.200.\n".encode("cp1252"))
    doc = _load(path)
    assert "€ 1.200" in doc.text and doc.title == "Reëel re-integratieplan"
    assert doc.notes == ["decoded as cp1252"]


def test_utf8_with_bom_is_plain_utf8():
    text, encoding = decode_bytes("\ufeffReëel".encode("utf-8"))
    assert text == "Reëel" and encoding == "utf-8-sig"


def test_binary_data_with_text_extension_is_rejected(tmp_path):
    path = tmp_path / "plaatje.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(LoaderError, match="binary"):
        _load(path)


def test_pdf_keeps_page_numbers(tmp_path, pdf_maker):
    path = tmp_path / "gids.pdf"
    path.write_bytes(pdf_maker(["Eerste pagina over de\nprobleemanalyse.", "Tweede pagina."],
                               title="Gids"))
    doc = _load(path)
    assert doc.title == "Gids"
    assert [(s.page, s.text) for s in doc.sections] == [
        (1, "Eerste pagina over de probleemanalyse."), (2, "Tweede pagina.")
    ]


def test_broken_pdf_is_rejected_with_the_reason(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages")
    with pytest.raises(LoaderError, match="not a readable PDF"):
        _load(path)


def test_pdf_without_text_is_reported_as_probably_scanned(tmp_path, pdf_maker):
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_maker(["", ""]))
    with pytest.raises(LoaderError, match="no extractable text"):
        _load(path)


def test_docx_heading_styles_form_sections(tmp_path, docx_writer):
    path = tmp_path / "werkwijze.docx"
    docx_writer(path)
    doc = _load(path)
    assert doc.title == "Werkwijze spoor 2"
    assert _paths(doc) == ["Intake", "Zoeken naar werk"]
    assert "intakegesprek" in doc.sections[0].text


def test_corrupt_docx_is_rejected_with_the_reason(tmp_path):
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(LoaderError, match="not a readable DOCX"):
        _load(path)


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "leeg.md"
    path.write_text("---\ntitle: Leeg\n---\n", encoding="utf-8")
    with pytest.raises(LoaderError, match="no text"):
        _load(path)


RELATED_LINKS_PAGE = """\
<html lang="nl"><head><title>Deskundigenoordeel | Bureau</title></head><body>
<div class="top"><a href="/">Home</a> | <a href="/a">Over ons</a> | <a href="/c">Vacatures</a></div>
<div class="content">
<h1>Het deskundigenoordeel</h1>
<p>Twijfelt u of de re-integratie de goede kant op gaat? Dan kunt u bij UWV een deskundigenoordeel
aanvragen. Werkgever en werknemer kunnen dat allebei doen, op elk moment tijdens de ziekte.</p>
<h2>Wat kost het?</h2>
<p>Een deskundigenoordeel kost 100 euro. Vraagt de werknemer het aan, dan betaalt de werknemer;
vraagt de werkgever het aan, dan betaalt de werkgever.</p>
</div>
<div class="related"><h3>Lees ook</h3><ul>
<li><a href="/x">Het plan van aanpak in vijf stappen</a></li>
<li><a href="/z">Tien tips voor het re-integratieverslag</a></li>
<li><a href="/w">Zo vraagt u een WIA-uitkering aan</a></li></ul></div>
<div class="bottom"><a href="/p">Privacy</a> <a href="/s">Sitemap</a></div>
</body></html>
"""


def test_html_main_text_leaves_out_link_lists_that_carry_no_telltale_class(tmp_path):
    path = tmp_path / "deskundigenoordeel.html"
    path.write_text(RELATED_LINKS_PAGE, encoding="utf-8")
    doc = _load(path)
    assert doc.title == "Het deskundigenoordeel"
    assert _paths(doc) == ["", "Wat kost het?"]
    assert "kost 100 euro" in doc.text
    for junk in ("Lees ook", "Tien tips", "Vacatures", "Sitemap", "Over ons"):
        assert junk not in doc.text, junk


def test_html_price_table_rows_stay_one_line_each():
    doc = _load(Path(__file__).parents[1] / "fixtures" / "bureau" / "sporenwijzer-tarieven.html")
    prices = next(s for s in doc.sections if s.path == ("Prijzen",)).text
    row = "- Traject Compact — 4 maanden — intake, oriëntatie, sollicitatietraining — € 2.795"
    assert row in prices
    assert "- Pakket — Duur — Inhoud — Prijs (excl. btw)" in prices
    assert "cookies" not in doc.text and "KvK" not in doc.text
