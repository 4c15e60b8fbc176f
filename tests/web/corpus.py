"""A tiny knowledge base for the web tests: three articles and one answer card."""
from __future__ import annotations

from pathlib import Path

ARTICLE_START = """---
id: nl-spoor2-wanneer-starten
title: Wanneer moet spoor 2 starten?
language: nl
audience: beide
topics: [spoor 2, tijdlijn]
status: practice
sources:
  - title: Burgerlijk Wetboek Boek 7
    law: art. 7:658a BW
    url: https://wetten.overheid.nl/BWBR0005290
last_reviewed: 2026-11-23
---
# Wanneer moet spoor 2 starten?

Spoor 2 is re-integratie bij een andere werkgever. De wet noemt geen vaste week voor de start.

## Staat in de wet in welke week spoor 2 moet starten?
Nee. De wet noemt geen vaste week voor de start van spoor 2. Art. 7:658a BW zegt dat de werkgever
passend werk bij een andere werkgever zoekt als passend werk in het eigen bedrijf niet lukt.

## Wat is de praktijknorm voor de start van spoor 2?
Veel adviseurs houden als praktijknorm aan dat spoor 2 uiterlijk binnen 6 weken na de
eerstejaarsevaluatie start. Dit is een praktijknorm, geen wettelijke termijn.
"""

ARTICLE_COSTS = """---
id: nl-kosten-spoor2
title: Wie betaalt spoor 2?
language: nl
audience: beide
topics: [kosten, spoor 2]
status: law
sources:
  - title: Burgerlijk Wetboek Boek 7
    law: art. 7:658a BW
    url: https://wetten.overheid.nl/BWBR0005290
last_reviewed: 2026-11-23
---
# Wie betaalt spoor 2?

De kosten van een spoor 2-traject zijn voor de werkgever.

## Wie betaalt het re-integratiebureau in spoor 2?
De werkgever betaalt het re-integratiebureau dat het spoor 2-traject uitvoert. De werknemer
betaalt niets voor het traject.
"""

ARTICLE_EN = """---
id: en-when-track-2-starts
title: When must track 2 start?
language: en
audience: beide
topics: [track 2, timeline]
status: practice
sources:
  - title: Dutch Civil Code Book 7
    law: art. 7:658a BW
    url: https://wetten.overheid.nl/BWBR0005290
last_reviewed: 2026-11-23
---
# When must track 2 start?

Track 2 means re-integration with another employer.

## Does the law name a week for the start of track 2?
No. The law names no fixed week for the start of track 2. A common practice norm is to start
within 6 weeks after the first-year evaluation; that is a practice norm, not a legal deadline.
"""

CARD = """---
id: nl-faq-wanneer-start-spoor2
type: card
language: nl
audience: beide
questions:
  - Wanneer moet spoor 2 starten?
  - wanneer start het tweede spoor
  - Mijn werkgever wil spoor 2 starten, mag dat al?
articles: [nl-spoor2-wanneer-starten]
sources:
  - title: Burgerlijk Wetboek Boek 7
    law: art. 7:658a BW
    url: https://wetten.overheid.nl/BWBR0005290
last_reviewed: 2026-11-23
---
De wet noemt geen vaste week voor de start van spoor 2. Spoor 2 start zodra duidelijk is dat
terugkeer in het eigen bedrijf niet lukt. Als praktijknorm geldt: uiterlijk binnen 6 weken na de
eerstejaarsevaluatie.

Volgende stap: bespreek de start met de arbeidsdeskundige of de bedrijfsarts.
"""

FILES = {
    "nl/nl-spoor2-wanneer-starten.md": ARTICLE_START,
    "nl/nl-kosten-spoor2.md": ARTICLE_COSTS,
    "en/en-when-track-2-starts.md": ARTICLE_EN,
    "faq/nl/nl-faq-wanneer-start-spoor2.md": CARD,
}


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (relative path -> text) under `root` and return that folder."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def write_corpus(root: Path) -> Path:
    """Write the corpus under `root` and return that folder."""
    return write_files(root, FILES)
