"""The dossier PDF turns back into text with the right dates, on one page."""
from __future__ import annotations

import io

from pypdf import PdfReader

from assistant.deadlines.check import check_steps
from assistant.deadlines.pdf import to_pdf

from .helpers import d, timeline


def _text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_pdf_has_the_fact_sheet_dates_basis_norm_date_made_and_disclaimer():
    t = timeline("01-03-2024..", today="01-06-2024")
    pages, text = _text(to_pdf(t, made_on=d("01-06-2024")))
    assert pages == 1
    assert "Gemaakt op 01-06-2024" in text
    assert "Eerste ziektedag van de periode: 01-03-2024" in text
    for day in ("11-04-2024", "25-04-2024", "20-12-2024", "27-02-2025", "27-11-2025",
                "11-12-2025", "26-02-2026"):  # fact sheet §3.3
        assert day in text
    # each date with its law-or-practice mark and its basis, on one row
    assert "20-12-2024 42 werkgever 42e-weeksmelding bij UWV wet art. 38 Ziektewet" in text
    assert "11-12-2025 93 werknemer WIA-aanvraag indienen wet art. 64 lid 3 WIA" in text
    assert "10-04-2025 58 werkgever Start spoor 2 (uiterlijk) praktijk" in text
    assert "Evaluaties plan van aanpak (12x, elke 6 weken) praktijk" in text
    assert "geen persoonlijk juridisch advies" in text


def test_pdf_with_the_check_stays_on_one_page_in_english():
    t = timeline("01-03-2024..31-05-2024", "20-06-2024..", today="10-02-2026",
                 probleemanalyse=d("08-04-2024"), eje=d("20-02-2025"))
    checks = check_steps(t, {"probleemanalyse": d("08-04-2024"),
                             "eerstejaarsevaluatie": d("20-02-2025")},
                         today=d("10-02-2026"), evaluations=[d("01-12-2025")])
    pages, text = _text(to_pdf(t, checks=checks, made_on=d("10-02-2026"), language="en"))
    assert pages == 1
    assert "Where you stand" in text and "Made on 10-02-2026" in text
    assert "done 08-04-2024" in text and "overdue" in text
    assert "17-03-2026" in text  # end of the wachttijd after 19 fit days (§3.4)
    assert "not personal legal advice" in text
    assert "employer Start of track 2" in text and "werkgever" not in text


def test_pdf_lists_pregnancy_leave_among_the_inputs():
    from assistant.deadlines import Leave

    leave = [Leave(d("01-06-2024"), d("20-09-2024"))]
    t = timeline("01-03-2024..", today="01-10-2024", leave=leave)
    pages, text = _text(to_pdf(t, made_on=d("01-10-2024")))
    assert pages == 1 and "Zwangerschaps-/bevallingsverlof: 01-06-2024 - 20-09-2024" in text
