"""Which Poortwachter milestones a text names, and the order the core ones come in.

Shared by the deadline answers (which milestone is asked about) and the reading of a follow-up
("en daarna?": the step after the one the conversation was about).
"""
from __future__ import annotations

import re

from assistant.deadlines.dateparse import MONTH_NAMES
from assistant.text import fold

# Which milestones a question is about, by the words it uses (checked in this order).
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("probleemanalyse", ("probleemanalyse", "problem analysis", "probleem analyse")),
    # "dus dat plan had er nu al moeten zijn?": in this field "the plan" is the plan van aanpak
    ("plan_van_aanpak", ("plan van aanpak", "pva", "action plan", "dat plan", "het plan",
                         "dit plan", "that plan", "the plan", "this plan")),
    ("ziekmelding_uwv", ("42", "ziekmelding", "ziek melden bij uwv", "melden bij uwv", "uwv melden",
                         "notify uwv", "report to uwv", "notification", "bij uwv melden",
                         "bij het uwv melden", "aan uwv melden",
                         # "who do we have to report him to?": the sick person, not the RIV
                         "report him to", "report her to", "report them to",
                         "report the employee to", "report my employee to",
                         "report our employee to",
                         # "we hebben nog niks naar het uwv gestuurd", "een melding bij UWV"
                         "naar het uwv gestuurd", "naar uwv gestuurd", "melding bij uwv",
                         "melding bij het uwv", "bij uwv gemeld", "bij het uwv gemeld",
                         # "En de uwv-melding, hoe zit het daarmee bij ons?"
                         "uwv-melding", "uwv melding", "uwvmelding", "melding aan uwv",
                         "melding aan het uwv",
                         # "meldt u de werknemer ... als langdurig ziek bij UWV"
                         "langdurig ziek bij uwv", "langdurig ziek bij het uwv")),
    ("eerstejaarsevaluatie", ("eerstejaars", "eje", "first-year", "first year",
                              # "het grote evaluatiegesprek over het eerste jaar"
                              "evaluatiegesprek over het eerste", "evaluatie over het eerste",
                              "evaluatie van het eerste", "evaluatiegesprek van het eerste")),
    ("spoor2_start", ("spoor 2", "tweede spoor", "2e spoor", "spoor2", "track 2", "second track")),
    ("vervroegde_iva", ("vervroegde", "iva", "early")),
    ("wia_brief_uwv", ("brief", "letter", "bericht van uwv", "bericht van het uwv", "post van uwv",
                       "post van het uwv", "hear from uwv", "message from uwv",
                       # "will UWV remind me?", "krijg ik een herinnering van UWV?"
                       "uwv remind", "reminder from uwv", "herinnering van uwv",
                       "herinnering van het uwv", "uwv een herinnering", "uwv mij herinner",
                       "uwv me herinner")),
    ("re_integratieverslag", ("verslag", "re-integratieverslag", "reintegratieverslag", "riv",
                              "eindevaluatie", "report", "final evaluation")),
    ("wia_aanvraag", ("wia", "aanvra", "aangevraagd", "apply", "application")),
    ("einde_loonsanctie", ("loonsanctie", "wage sanction", "sanction")),
    ("wia_ingangsdatum", ("ingangsdatum", "ingaan", "uitkering start", "benefit start")),
    ("einde_wachttijd", ("einde", "eind", "wachttijd", "104", "twee jaar", "2 jaar", "stopt",
                         "ophouden", "loondoorbetaling", "doorbetalen", "end", "two years",
                         "waiting period", "sick pay", "doorlo", "continue", "run on",
                         # "tot wanneer ben ik beschermd?": the opzegverbod ends with the 104 weeks
                         "beschermd", "opzegverbod", "ontslagverbod", "ontslagbescherming",
                         "protected", "dismissal ban", "ban on dismissal")),
)
# The core milestones, in the order they fall due.
CORE = ("probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie",
        "spoor2_start", "re_integratieverslag", "wia_aanvraag", "einde_wachttijd")


# "ziek sinds eind februari", "since the end of March": a date, not the end of the waiting period
_MONTH_PART = re.compile(
    rf"\b(begin|eind|einde|end|beginning|start)\s+(van\s+|of\s+)?({MONTH_NAMES})\b")


def asked_keys(text: str) -> list[str]:
    """The milestone keys the question names (empty: it names none)."""
    lowered = _MONTH_PART.sub(" ", fold(text))
    keys = []
    for key, words in TOPICS:
        if any(re.search(rf"(?<![\w-]){re.escape(w)}", lowered) for w in words):
            keys.append(key)
    if "wia_aanvraag" in keys and "vervroegde_iva" in keys and "vervroegd" not in lowered:
        keys.remove("vervroegde_iva")
    if ("wia_brief_uwv" in keys and "wia_aanvraag" in keys
            and not re.search(r"aanvra|apply|application", lowered)):
        keys.remove("wia_aanvraag")
    if ("ziekmelding_uwv" in keys and "re_integratieverslag" in keys  # "the 42nd-week report"
            and not re.search(r"verslag|riv\b|integration report|eindevaluatie|final", lowered)):
        keys.remove("re_integratieverslag")
    if ("einde_wachttijd" in keys and len(keys) > 1
            and not re.search(r"wachttijd|104|einde|stopt|end|doorlo|doorbeta|continue|run on"
                              r"|beschermd|opzegverbod|ontslagverbod|protected|dismissal",
                              lowered)):
        keys.remove("einde_wachttijd")
    return keys


def following(keys: list[str]) -> str | None:
    """The core milestone after the last core one of `keys` (None: none, or it is the last)."""
    core = [k for k in keys if k in CORE]
    if not core:
        return None
    index = max(CORE.index(k) for k in core) + 1
    return CORE[index] if index < len(CORE) else None
