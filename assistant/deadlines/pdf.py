"""A one-page PDF of a timeline for the re-integratiedossier (the only module that imports fpdf2).

The page holds the inputs, every computed date with its legal basis and whether it is law or
practice, the Poortwachter check when steps were given, the date it was made and the disclaimer.
The core PDF fonts only cover Latin-1, so a few typographic characters are replaced first.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assistant.deadlines.check import StepCheck
from assistant.deadlines.dates import compact_date, short_date
from assistant.deadlines.model import Timeline
from assistant.texts import text, texts_for

_FONT_SIZES = (8.0, 7.5, 7.0, 6.5, 6.0, 5.5)
_REPLACE = str.maketrans({"–": "-", "—": "-", "€": "EUR", "‘": "'", "’": "'", "“": '"',
                          "”": '"', "…": "...", "≥": ">=", "≤": "<="})
def _actor(actor: str, language: str) -> str:
    return text(f"deadline.actor.{actor}", language)


def _latin(text: str) -> str:
    return text.translate(_REPLACE).encode("latin-1", "replace").decode("latin-1")


def _inputs(timeline: Timeline, t: dict) -> list[str]:
    spans = [f"{short_date(e.start)} - {short_date(e.end) if e.end else t['open']}"
             for e in timeline.episodes]
    lines = [f"{t['start']}: {short_date(timeline.period_start)}",
             f"{t['episodes']}: {'; '.join(spans)}"]
    if timeline.leave:
        lines.append(f"{t['leave']}: " + "; ".join(f"{short_date(v.start)} - {short_date(v.end)}"
                                                  for v in timeline.leave))
    if timeline.current_week:
        lines.append(f"{t['week']}: {timeline.current_week}")
    for key, label in (("probleemanalyse", "pa"), ("eerstejaarsevaluatie", "eje")):
        m = timeline.get(key)
        if m is not None and m.done_on is not None:
            lines.append(f"{t[label]}: {short_date(m.done_on)}")
    for key, label in (("einde_loonsanctie", "sanction"), ("einde_loondoorbetaling", "ext")):
        m = timeline.get(key)
        if m is not None:
            lines.append(f"{t[label]}: {short_date(m.date)}")
    return lines


def _render(timeline: Timeline, checks: Sequence[StepCheck], made_on: date, language: str,
            size: float) -> tuple[bytes, int]:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    t = texts_for("deadline.pdf.", language)
    pdf = FPDF(format="A4")
    pdf.set_margins(12, 10, 12)
    pdf.set_auto_page_break(True, margin=10)
    pdf.set_title(_latin(t["title"]))
    pdf.set_creator("Spoor 2 Assistent")
    pdf.add_page()
    line = size * 0.5
    pdf.set_font("helvetica", "B", size + 4)
    pdf.cell(0, line * 2, _latin(t["title"]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("helvetica", "", size)
    pdf.cell(0, line, _latin(t["made"].format(d=short_date(made_on))),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def heading(text: str) -> None:
        pdf.ln(line * 0.6)
        pdf.set_font("helvetica", "B", size + 1)
        pdf.cell(0, line * 1.3, _latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("helvetica", "", size)

    heading(t["inputs"])
    for line_text in _inputs(timeline, t) + timeline.notes(language):
        pdf.multi_cell(0, line, _latin(line_text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    heading(t["dates"])
    head = [t[f"head_{k}"] for k in ("date", "week", "who", "milestone", "norm", "basis")]
    _table(pdf, head, _milestone_rows(timeline, language, t), (30, 10, 20, 52, 18, 56), line)
    if checks:
        heading(t["check"])
        rows = [[c.title(language), short_date(c.due), c.label(language), c.basis,
                 c.action(language)] for c in checks]
        check_head = [t[f"check_{k}"] for k in ("step", "due", "status", "basis", "action")]
        _table(pdf, check_head, rows, (30, 17, 28, 42, 69), line)
    pdf.ln(line * 0.6)
    pdf.set_font("helvetica", "I", size)
    pdf.multi_cell(0, line, _latin(t["disclaimer"]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output()), pdf.pages_count


def _milestone_rows(timeline: Timeline, language: str, t: dict) -> list[list[str]]:
    """One row per milestone; the evaluations (every 6 weeks) share one row so the page fits."""
    rows: list[list[str]] = []
    evaluations = [m for m in timeline.milestones if m.key.startswith("evaluatie_")]
    for m in timeline.milestones:
        if m.key.startswith("evaluatie_"):
            if m is not evaluations[0]:
                continue
            title = t["evaluations"].format(n=len(evaluations))
            when = ", ".join(compact_date(e.date) for e in evaluations)
            rows.append([when, f"{m.week}-{evaluations[-1].week}", _actor(m.actor, language),
                         title, t[m.norm], m.basis])
            continue
        rows.append([(short_date(m.date_from) + " - " if m.date_from else "") + short_date(m.date),
                     str(m.week), _actor(m.actor, language), m.title(language), t[m.norm],
                     m.basis])
    return rows


def _table(pdf, head: Sequence[str], rows: list[list[str]], widths: Sequence[int],
           line: float) -> None:
    with pdf.table(col_widths=widths, line_height=line, text_align="LEFT",
                   padding=0.6, first_row_as_headings=True) as table:
        for cells in [list(head), *rows]:
            row = table.row()
            for cell in cells:
                row.cell(_latin(cell))


def to_pdf(timeline: Timeline, *, checks: Sequence[StepCheck] = (), made_on: date,
           language: str = "nl") -> bytes:
    """The one-page PDF; the font shrinks until everything fits on one A4 page."""
    data = b""
    for size in _FONT_SIZES:
        data, pages = _render(timeline, checks, made_on, language, size)
        if pages == 1:
            break
    return data
