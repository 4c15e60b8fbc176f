"""The console's page shell: one layout, navigation, language, no inline script."""
from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

from assistant.texts import text

# The console's pages, in menu order.
NAV: tuple[tuple[str, str], ...] = (  # (path, catalogue key of its label)
    ("/admin", "admin.nav_overview"),
    ("/admin/documenten", "admin.nav_documents"),
    ("/admin/probeer", "admin.nav_try"),
    ("/admin/conflicten", "admin.nav_conflicts"),
    ("/admin/onbeantwoord", "admin.nav_unanswered"),
    ("/admin/vragen", "admin.nav_questions"),
    ("/admin/overdrachten", "admin.nav_handoffs"),
    ("/admin/logout", "admin.sign_out"),
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
    current = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{href}"{current if href == path else ""}>'
        f"{escape(text(key, language))}</a></li>"
        for href, key in NAV
    )
    console = text("admin.console", language)
    html = f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)} – Spoor 2 Assistent {console}</title>
<style>{CSS}</style></head>
<body><header><strong>Spoor 2 Assistent – {console}</strong>
<nav aria-label="{escape(console.capitalize())}"><ul>{links}</ul></nav></header>
<main><h1>{escape(title)}</h1>
{body}
</main></body></html>"""
    return HTMLResponse(html, status_code=status_code,
                        headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"})
