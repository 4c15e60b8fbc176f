"""Ask back the one fact that decides an answer, when the message does not give it.

Whether spoor 2 must be running already depends on the eerstejaarsevaluatie (EJE): the practice
norm is to start within 6 weeks after it (fact sheet §5.2). A case question ("she has been sick
for 50 weeks, must we start spoor 2 already?") that does not say whether the EJE was held gets the
general rule and one question: has the EJE been held?
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.text import fold

if TYPE_CHECKING:
    from assistant.understanding import Turn

_TRACK_2 = re.compile(r"\b(spoor ?2|tweede spoor|2e spoor|track ?2|second track)\b")
_WHEN_OR_LATE = re.compile(
    r"\b(al (met )?(spoor|beginnen|starten|lopen|begonnen|gestart)|nu al|te laat|te vroeg|veel te vroeg"
    r"|moet(en)? (we|ik|u|jullie)? ?(al |nu |dan )?(met )?(spoor|beginnen|starten)|wanneer (moet|moeten|gaat|start)"
    r"|already|too late|too early|yet|must (we|i) start|should (we|i) start|do (we|i) have to start)\b"
)
_CASE = re.compile(
    r"\b(\d+|een|ruim een|bijna een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|a|about|over"
    r"|almost)\s+(weken|week|maanden|maand|jaar|weeks|months|year)\b"
    r"|\bziek sinds\b|\bsick since\b|\boff sick\b|\bthuis\b|\bziek\b|\bsick\b"
)
_EJE_KNOWN = re.compile(
    r"\b(eerstejaarsevaluatie|eerste ?jaars ?evaluatie|eje|first[- ]year (evaluation|review)|evaluatie (gehad|gehouden|was)"
    r"|evaluation (was )?held)\b"
)


def needs_eje(turn: Turn) -> bool:
    """True when the message asks whether spoor 2 must run already, for a case, and nothing said
    so far tells whether the eerstejaarsevaluatie has been held."""
    message = fold(turn.message)
    said = fold(" ".join([*turn.previous[-3:], turn.message]))
    return (bool(_TRACK_2.search(message) or (turn.follow_up and _TRACK_2.search(said)))
            and bool(_WHEN_OR_LATE.search(message)) and bool(_CASE.search(said))
            and not _EJE_KNOWN.search(said))
