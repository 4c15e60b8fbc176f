"""The console's page shell: one layout, navigation, language, no inline script."""
from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

# (path, Dutch label, English label) of the console's pages, in menu order.
NAV: tuple[tuple[str, str, str], ...] = (
    ("/admin", "Overzicht", "Overview"),
    ("/admin/documenten", "Documenten", "Documents"),
    ("/admin/probeer", "Probeer", "Try it"),
    ("/admin/conflicten", "Conflicten", "Conflicts"),
    ("/admin/onbeantwoord", "Onbeantwoord", "Unanswered"),
    ("/admin/vragen", "Vragen", "Questions"),
    ("/admin/overdrachten", "Overdrachten", "Handoffs"),
    ("/admin/logout", "Uitloggen", "Sign out"),
)

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1f2937; margin: 0; }
header, main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 1px solid #d1d5db; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0;
  margin: .5rem 0 0; }
a { color: #1d4ed8; } a[aria-current="page"] { font-weight: 700; color: #111827; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .5rem;
  border-bottom: 1px solid #e5e7eb; vertical-align: top; }
.wrap { overflow-x: auto; } button, input, select, textarea { font: inherit; }
button { padding: .45rem .9rem; min-height: 44px; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.error { color: #b91c1c; } .muted { color: #4b5563; }
"""


def page(title: str, body: str, *, path: str, language: str = "nl",
         status_code: int = 200) -> HTMLResponse:
    """A console page: `body` is trusted HTML built with `html.escape` by the caller."""
    en = language == "en"
    current = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{href}"{current if href == path else ""}>'
        f"{escape(label_en if en else label_nl)}</a></li>"
        for href, label_nl, label_en in NAV
    )
    html = f"""<!doctype html>
<html lang="{'en' if en else 'nl'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)} – Spoor 2 Assistent {'console' if en else 'beheer'}</title>
<style>{CSS}</style></head>
<body><header><strong>Spoor 2 Assistent – {'console' if en else 'beheer'}</strong>
<nav aria-label="{'Console' if en else 'Beheer'}"><ul>{links}</ul></nav></header>
<main><h1>{escape(title)}</h1>
{body}
</main></body></html>"""
    return HTMLResponse(html, status_code=status_code,
                        headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"})
