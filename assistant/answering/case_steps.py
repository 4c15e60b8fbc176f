"""Which Poortwachter steps the user says are done, read from the conversation's own words.

"plan van aanpak gemaakt op 3 maart" is done on 3 March; "we hebben de EJE nog niet gehad" is
not done; "de probleemanalyse is gedaan" is done without a date. Each step mention owns the text
up to the next mention in its sentence (a negation, a date or a done-word there); the first
mention of a sentence also owns the text before it ("op 3 maart hebben we de probleemanalyse
gedaan"). Later messages win over earlier ones. Questions ("wanneer moet de EJE?") say nothing.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from assistant.deadlines.dateparse import find_dates
from assistant.text import sentences as split_sentences

_STEPS: list[tuple[str, re.Pattern[str]]] = [(key, re.compile(p, re.IGNORECASE)) for key, p in (
    # the EJE first: its words contain "evaluatie"
    ("eerstejaarsevaluatie", (r"eerste\s*jaars[-\s]*evaluatie|\beje\b|first[-\s]year\s+"
                             r"(?:evaluation|review)")),
    ("probleemanalyse", r"probleem\s*-?\s*analyse|problem\s+analysis"),
    ("plan_van_aanpak", r"plan\s+van\s+aanpak|\bpva\b|action\s+plan|plan\s+of\s+action"),
    ("evaluatie", r"(?<![a-z])(?:evaluatie|evaluaties|evaluation|evaluations|review|reviews)\b"),
    ("ziekmelding_uwv", (r"\b42\s*(?:e|ste|nd)?[-\s]*(?:weeks?|weken)[-\s]*(?:melding|report)"
                        r"|ziek\s*(?:gemeld|melding)\s+(?:bij|aan)\s+(?:het\s+)?uwv"
                        r"|(?:reported|report)\s+(?:\w+\s+)?(?:sick\s+)?to\s+uwv")),
    ("spoor2_start", r"(?:spoor|track)\s*(?:2|twee|two)\b|tweede\s+spoor|second\s+track"),
    ("re_integratieverslag", r"re-?integratie\s*-?\s*verslag|\briv\b|re-?integration\s+report"),
    ("wia_aanvraag", (r"wia[-\s]*aanvraag|wia\s+(?:aan)?gevraagd|wia\s+application"
                     r"|(?:applied|apply)\s+for\s+(?:the\s+)?wia")),
)]
_NEGATION = re.compile(
    r"\b(?:nog\s+niet|niet|geen|nooit|not|no|never|haven'?t|hasn'?t|hadn'?t|didn'?t|"
    r"have\s+not|has\s+not|did\s+not)\b", re.IGNORECASE)
_DONE = re.compile(
    r"\b(?:gedaan|gehad|gemaakt|gehouden|gestart|begonnen|ingediend|klaar|opgesteld|afgerond|"
    r"verstuurd|gemeld|aangevraagd|uitgevoerd|done|held|had|made|started|submitted|finished|"
    r"completed|sent|filed|drawn\s+up|in\s+place)\b", re.IGNORECASE)


@dataclass
class CaseSteps:
    """What the conversation says about the steps: done with a date, done, or not done."""

    done: dict[str, date] = field(default_factory=dict)
    undated: set[str] = field(default_factory=set)
    not_done: set[str] = field(default_factory=set)
    evaluations: list[date] = field(default_factory=list)

    def mentioned(self) -> bool:
        """True when the user said anything about a step."""
        return bool(self.done or self.undated or self.not_done or self.evaluations)

    def _set(self, key: str, status: str, days: list[date]) -> None:
        if key == "evaluatie" and status == "done" and days:
            self.evaluations = sorted(set(self.evaluations) | set(days))
            self.undated.discard(key)
            return
        self.done.pop(key, None)
        self.undated.discard(key)
        self.not_done.discard(key)
        if status == "not_done":
            self.not_done.add(key)
        elif days:
            self.done[key] = max(days)
        else:
            self.undated.add(key)


def _mentions(sentence: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for key, pattern in _STEPS:
        for m in pattern.finditer(sentence):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), key))
    return sorted(found)


def _status(text: str, today: date) -> tuple[str | None, list[date]]:
    if _NEGATION.search(text):
        return "not_done", []
    days = [d.value for d in find_dates(text, today) if d.value <= today]
    if days:
        return "done", days
    return ("done", []) if _DONE.search(text) else (None, [])


def read_steps(messages: Sequence[str], today: date) -> CaseSteps:
    """The steps the user's messages (oldest first) say are done or not done."""
    steps = CaseSteps()
    for message in messages:
        for sentence in split_sentences(message, lines=True, semicolons=True):
            if sentence.rstrip().endswith("?"):
                continue
            found = _mentions(sentence)
            for i, (start, end, key) in enumerate(found):
                stop = found[i + 1][0] if i + 1 < len(found) else len(sentence)
                status, days = _status(sentence[end:stop], today)
                if i == 0 and status != "not_done" and not days:
                    before, before_days = _status(sentence[:start], today)
                    if status is None or before_days:  # "op 3 maart hebben we de PA gedaan"
                        status, days = before or status, before_days
                if status is not None:
                    steps._set(key, status, days)
    return steps

