"""Deadline questions: find the sick days in the conversation, run the calculator, explain."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from assistant.deadlines.dates import day_count, long_date
from assistant.deadlines.topics import CORE as _CORE
from assistant.text import fold, sentences
from assistant.texts import text

if TYPE_CHECKING:
    from assistant.answering.planned import Planned

# "welke data moet ik in mijn agenda zetten?": the dates to plan
_PLAN = (r"\b(in|op) (mijn|onze|de|je|uw|zijn|haar) (agenda|kalender) (te )?(zetten|noteren|plannen|opnemen)\b"
         r"|\b(put|add|mark|enter|note)\b.{0,40}\b(in|to|on) (my|our|the) (calendar|diary)\b")
# "hoeveel weken heb ik nog tot de WIA-aanvraag?": the time left to a step of one's own case
_HOW_MANY_LEFT = (r"\bhoeveel (weken|dagen|maanden|tijd) (heb|hebt|heeft|hebben|zit|zitten|resteren"
                  r"|rest|nog|tot|voor|voordat|totdat)\b"
                  r"|\bhoe lang (heb|hebt|heeft|hebben|duurt het) ((ik|we|wij|u|je|jij|hij|zij|ze) )?nog\b"
                  r"|\bhow (many (weeks|days|months)|much time)( (do|does|have|has) (i|we|he|she|they|you)"
                  r"( still)?( (have|got))?)? (left|until|till|before|remain)\b")
_TIMING = re.compile(
    r"wanneer|wnnr|wanner|wneer|uiterlijk|deadline|datum|data\b|termijn|tijdlijn|planning|welke dag|op welke|hoe laat"
    r"|bereken|uitrekenen|\breken(?!ing)|\bwhen\b(?!\s+(?:she|he|they|i|we|you|it)\s+(?!(?:has|have|had|needs?|must|should|is|are|can|may|will)\b))|\bdue\b|\bdates?\b|calculat|timeline|by which|how long until|which day"
    r"|hoeveel tijd|how much time|(aller)?laatste (dag|datum)\b|uiterste (datum|dag|termijn)|\blast day\b|\blatest (date|day|moment)\b"
    r"|\bat the latest\b|\bby when\b|" + _HOW_MANY_LEFT +
    # "wat had er inmiddels moeten gebeuren?", "ben ik nu al te laat met iets?": where the case stands
    r"|\b(wat )?(had|hadden) .{0,30}moeten (gebeuren|gedaan|regelen|doen)\b|\bte laat met iets\b"
    r"|\bwhat should (already )?have (happened|been done)\b|\btoo late (with|for) anything\b"
    # "What are we supposed to have done by now?", "what should we have done by now?"
    r"|\bsupposed to have (done|arranged|happened)\b|\bshould (i|we) (already )?have done\b"
    # "ben ik al te laat voor een vervroegde IVA?": whether a last day has passed
    r"|\b(ben|zijn) (ik|we|wij|jullie|hij|zij|ze) (nu )?(al |nog )?te laat (voor|met)\b"
    r"|\b(am i|are we|is (he|she|it)) (already |still )?too late (for|to)\b"
    # "dus dat plan had er nu al moeten zijn?", "should the plan have been ready by now?": whether
    # a step is late, which the dates answer
    r"|\b(had|hadden) (\w+ ){0,5}?(er|klaar|af|binnen|gereed|rond) (\w+ ){0,2}?moeten (zijn|liggen|wezen)\b"
    r"|\b(moest|moesten) (\w+ ){0,4}?(er|klaar|af|binnen|gereed) (\w+ ){0,2}?zijn\b"
    r"|\bshould(n'?t| not)? (\w+ ){0,4}?(already )?have been (there|done|ready|made|written|in place|sent"
    r"|filed|drawn up|finished)\b|\b(is|are) (\w+ ){0,3}?(already |now )?overdue\b"
    # "is dat die eerstejaarsevaluatie of komt die nog?": whether a step is still ahead
    r"|\b(komt|komen) (die|dat|het|hij|ze|zij) (nog|pas|later)\b|\b(is|are) (that|it|they) still (to come|ahead)\b"
    r"|\b(still|yet) to come\b|"
    + _PLAN
)
_CALC_INTENT = re.compile(
    r"bereken|uitrekenen|\breken .*uit|welke datum|op welke (dag|datum)|exacte datum|mijn termijnen"
    r"|de termijnen|termijnen (voor|van) (mijn|onze|deze)|termijnen (gelden|lopen) .{0,20}(mijn|onze|mij|ons)"
    r"|wat moet(en)? (ik|we|wij) wanneer|wanneer moet(en)? (ik|we|wij) (wat|iets)\b|what (do|must|should) (i|we) do when\b|which deadlines .{0,20}(my|our)"
    r"|calculate|work out|which date|what date"
    r"|exact date|my deadlines|the deadlines for|datum graag|graag (de |een )?datum|precieze datum|date please"
    r"|welke (data|datums)\b|which dates|welke (deadlines|termijnen) (komen|staan|heb|hebben)"
    r"|(which|what) deadlines (are|do|have|does)|" + _PLAN
)
_GAP = re.compile(
    r"(?:tussendoor|tussentijds|in between|meanwhile|tijdelijk)?.*?"
    r"(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(dagen|dag|weken|week|days|day|weeks)\s+(?:beter|hersteld|aan het werk|gewerkt|fit|better|recovered|back at work)"
    r"|(?:beter|hersteld|fit|better|recovered)\s+(?:geweest\s+)?(?:voor|gedurende|for)\s+"
    r"(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(dagen|dag|weken|week|days|day|weeks)"
)
_NUMBERS = {"een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4,
            "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8,
            "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10}


def is_deadline_question(text: str) -> bool:
    """True when the message asks when something is due."""
    return bool(_TIMING.search(fold(text)))


# "kan ik die nog aanvragen?", "is het nu te laat?", "moet ik hem nog doorbetalen?", "we hebben nog
# niks naar het uwv gestuurd. is dat een probleem?": whether a step of one's own case is still open
# or already late, which the dates of that case answer
_STILL_OR_LATE = re.compile(
    r"\b(kan|kun|kunnen|mag|mogen) (\w+ ){1,3}?nog (\w+ ){0,2}?(aanvra\w*|indien\w*|doen|meld\w*"
    r"|insturen|opsturen|sturen|starten|inzetten)\b"
    r"|\b(is|ben|zijn) (\w+ ){0,2}?(nu |al |inmiddels )?te laat\b|\btoo late\b"
    r"|\bcan (i|we|he|she|they|you) still (apply|file|submit|report|do|request)\b"
    # "Heb ik nog even?", "Tot hoelang heb ik daarvoor nog de tijd?", "Kan dat dan nog?"
    r"|\b(heb|hebt|heeft|hebben) (ik|je|jij|we|wij|u|hij|zij|ze) ((daar|hier)(voor)? |er )?(dan )?nog"
    r" (even|(de |genoeg )?tijd)\b|\btot hoe ?lang\b|\b(kan|mag) (dat|het|die|dit) (dan |nu |straks )?nog\b"
    r"|\b(do|have) (i|we|you) (still )?(have |got )?(some |enough )?time\b|\bis there still time\b")
# "Moet UWV hier nu al iets over horen?", "Moet dat nu al?": whether a step is due yet
_DUE_YET = re.compile(r"\b(moet|moeten|hoef|hoeft|hoeven)\b (\w+ ){0,5}?(nu al|nu alvast)\b"
                      r"|\b(must|should|do) (i|we|you|they) (\w+ ){0,3}?(already|yet)\b")
# "Mijn zus las iets over een vervroegde IVA. Heeft dat voor mij nog zin?": whether a step the
# question names is still of use (not a step the answer before named: "Is it still possible to get
# a second opinion?" asks about the second opinion)
_STILL_OF_USE = re.compile(
    r"\b(heeft|had) (dat|het|dit|die) (voor (mij|ons|hem|haar|jou|u) )?(dan |nu )?nog (wel )?zin\b"
    r"|\b(is|are) (it|that|this) still (possible|worth it|any use)\b"
    r"|\b(does|would) (it|that|this) still make sense\b|\b(is|zijn) (dat|het|dit) (nu |dan )?nog mogelijk\b")
# "moet ik hem nog doorbetalen?", "moet ik haar in januari nog salaris betalen?": whether the pay
# of the two years has ended
_PAY_STILL = re.compile(
    r"\b(moet|moeten|hoef|hoeft|hoeven) (\w+ ){1,4}?nog (\w+ )?((door)?betalen|salaris|loon)\b"
    r"|\b(do|does|must) (i|we|he|she|they) still (have to )?(keep )?pay(ing)?\b")
# "En de uwv-melding, hoe zit het daarmee bij ons?": how a step it names stands in the asker's case
_OUR_CASE = re.compile(
    r"\bhoe (zit|staat) (het|dat) (er )?(daar|hier)?(mee|voor)? (\w+ )?(bij ons|bij mij|bij hem|bij haar"
    r"|in ons geval|in mijn geval|in zijn geval|in haar geval|voor ons|voor mij)\b"
    r"|\bwhat about (it |that )?(for us|for me|in our case|in my case)\b"
    r"|\bhow does (it|that) (stand|work) (for us|for me|in our case|in my case)\b")
# "is dat een probleem?" is that question when the message says the step was not done
_PROBLEM = re.compile(r"\b(is|wordt) (dat|dit|het) (een )?(probleem|erg)\b|\bis (that|this|it) a problem\b")
_NOT_DONE = re.compile(
    r"\b(niks|niets|niet|geen|nothing|not|haven'?t|hasn'?t)\b.{0,40}\b(gestuurd|verstuurd|gemeld"
    r"|gedaan|aangevraagd|ingediend|gemaakt|opgesteld|geregeld|sent|reported|filed|done|applied)\b")


# "kan ik die nog aanvragen?" points back at the step; "kan ik nog een deskundigenoordeel
# aanvragen?" names something else to apply for
_POINTS_BACK = re.compile(r"\b(die|dat|het|deze|dit|hem|it|that|this|one)\b (\w+ )?(nog|still)\b"
                          r"|\b(aanvragen|apply for|file|submit) (it|that|this|one)\b")
# "... als hij niet meewerkt?": a case of its own, which a card answers
_CONDITION = re.compile(r"\b(als|indien|wanneer|zolang|if|when|unless|as long as)\b")


def asks_if_still_open(text: str) -> bool:
    """True when the message asks whether a step can still be done or is already late."""
    folded = fold(text)
    return bool(_STILL_OR_LATE.search(folded) or _PAY_STILL.search(folded)
                or (_PROBLEM.search(folded) and _NOT_DONE.search(folded)))


def asks_if_due_yet(text: str) -> bool:
    """True for "Moet dat nu al?": whether a step is due yet (the first one the answer before
    named, the step to take first)."""
    return bool(_DUE_YET.search(fold(text)))


def asks_about_a_named_step(text: str) -> bool:
    """True for "En de uwv-melding, hoe zit het daarmee bij ons?" (how a step stands in the case)
    and "Heeft dat voor mij nog zin?" (whether it is still of use): about a step the question
    names, never one the answer before named."""
    folded = fold(text)
    return bool(_OUR_CASE.search(folded) or _STILL_OF_USE.search(folded))


# "Hoelang zit ik daar nog aan vast?" after an answer on paying wages: until when the pay runs
_BOUND = re.compile(
    r"\bhoe ?lang (\w+ ){0,2}?(zit|zitten|ben|zijn|blijf|blijft|blijven) (ik|we|wij|u|jij|je) "
    r"((daar|er|hier) )?(nog )?(\w+ )?(aan )?(vast|gebonden)\b"
    r"|\bhow long (am i|are we|will i be|will we be) (still )?(stuck with|bound to|on the hook for)"
    r" (it|that|this|them|him|her)\b")
_PAY_TALK = re.compile(r"\bloon\w*|\bsalaris\w*|doorbeta\w*|\bbetaal\w*|\bpay\w*|\bwages?\b|\bsalary\b")


def asks_how_long_pay_binds(question: str, answer_before: str) -> bool:
    """True for "Hoelang zit ik daar nog aan vast?" after an answer that talked about paying
    wages ("Zolang de wachttijd loopt, betaalt u haar loon door."), or one that names the pay."""
    return bool(_BOUND.search(fold(question))
                and _PAY_TALK.search(fold(f"{question} {answer_before}")))


def asks_if_pay_runs_on(text: str) -> bool:
    """True for "moet ik haar in januari nog salaris betalen?": whether the sick pay has ended."""
    return bool(_PAY_STILL.search(fold(text)))


def asks_if_late_with_a_cost(text: str) -> bool:
    """True for "we hebben nog niks gestuurd. is dat een probleem?": lateness asked about."""
    folded = fold(text)
    return bool(_PROBLEM.search(folded) and _NOT_DONE.search(folded)
                and not _STILL_OR_LATE.search(folded))


def points_back_or_names(text: str, keys: Sequence[str]) -> bool:
    """True when the question names its step, or points back at it ("kan ik die nog
    aanvragen?"), rather than naming something else to apply for; and supposes no case."""
    folded = fold(text)
    if _CONDITION.search((sentences(folded) or [folded])[-1]):
        return False
    named_by_verb = list(keys) == ["wia_aanvraag"] and not re.search(
        r"\bwia|uitkering|\biva\b|benefit", folded)
    return not named_by_verb or bool(_POINTS_BACK.search(folded))


# "bereken", "calculate": a sum as much as a date...
_RECKON = re.compile(r"bereken\w*|uitrekenen|\breken\w*|calculat\w*|work(ed|s)? out")
# ...and a sum when it is about money, with no word for a time beside it
_MONEY = re.compile(r"\b(betaa?l\w*|doorbetaa?l\w*|loon|lonen|salaris\w*|kosten|kost|bedrag\w*|euro|€"
                    r"|transitievergoeding|uitkering|premie|pay\w*|wages?|salary|costs?|amount|benefit)\b")


def asks_a_sum(text: str) -> bool:
    """True for "Hoe bereken ik wat we hem in het tweede jaar betalen?": money, no time or date."""
    folded = fold(text)
    return bool(_MONEY.search(folded)) and not _TIMING.search(_RECKON.sub(" ", folded))


_CASE = re.compile(
    r"\b(mijn|onze) (zieke )?(werknemer|werkneemster|medewerker|medewerkster|personeelslid|collega)"
    r"|\b(hij|zij|ze) is (al )?ziek|\bvoor (hem|haar)\b"
    r"|\bik ben (al )?(\w+ )?ziek|\bik zit (al )?(\w+ )?(ziek|thuis)|\bmy (sick )?(employee|worker|colleague)"
    r"|\bour (sick )?(employee|worker)|\b(he|she) is (off )?(sick|ill)|\bi(?: am|'m) (off )?(sick|ill)"
    # "ik ben sinds de zomer ziek", "een medewerker die sinds half maart ziek is", "he got sick"
    r"|\b(ik ben|ik zit|hij is|zij is|ze is|die|dat) (al |nu |inmiddels )?sinds [\w ]{1,25}? (ziek|thuis)\b"
    r"|\b(ik|hij|zij|ze) (werd|ben|is) [\w ]{0,25}?ziek (geworden|geraakt)?"
    r"|\b(i|he|she|they)(('ve|'s| have| has) been| got| went| fell| became) [\w ]{0,25}?(sick|ill|off)\b"
    # "ben ik te laat? ziek sinds vorig jaar": a sentence that starts with the sick day told
    r"|(^|[.?!]\s*)(ziek|sick|ill) (sinds|since)\b"
)


# "Een van mijn mensen zit thuis met een burn-out", "onze monteur is ziek": a word for being sick
# next to a word for someone in particular (the asker, their employee) also makes it a case.
_SICK = re.compile(r"\b(ziek\w*|thuis|uitgevallen|uitval|verzuim\w*|burn-?out|arbeidsongeschikt"
                   r"|sick|ill|off work|burn-?out|on leave)\b")
_SOMEONE = re.compile(r"\b(mijn|onze|ons|ik|hij|zij|ze|hem|haar|my|our|i|he|she|him|her)\b")


def about_a_case(text: str) -> bool:
    """True when the message is about one sick person (so their own dates would answer it)."""
    folded = fold(text)
    return bool(_CASE.search(folded)) or bool(_SICK.search(folded) and _SOMEONE.search(folded))


# "hoeveel weken heb ik nog?", "in mijn geval": only the asker's own dates answer it
_OWN_TIME = re.compile(_HOW_MANY_LEFT + r"|\bin (mijn|ons|zijn|haar|jouw|uw) geval\b"
                       r"|\bin (my|our|his|her) case\b")
# "welke deadlines gelden er voor mij?": every milestone, none named
_ALL_DEADLINES = re.compile(r"\b(deadlines?|termijnen|tijdlijn|timeline|datums|dates)\b")


def about_own_dates(text: str) -> bool:
    """True when the message asks about the asker's own case or time left, so that a date of
    theirs would answer it ("hoeveel weken heb ik nog tot de WIA-aanvraag?")."""
    folded = fold(text)
    return about_a_case(text) or bool(_OWN_TIME.search(folded))


def asks_all_deadlines(text: str) -> bool:
    """True for a question about the deadlines as a whole ("welke termijnen gelden voor mij?")."""
    return bool(_ALL_DEADLINES.search(fold(text)))


# "wanneer moet die melding gebeuren, los van de precieze datum?": the rule, not a calculation
_NO_DATE_WANTED = re.compile(
    r"\b(los van|ongeacht|zonder|afgezien van|niet|geen|regardless of|apart from|without|not|no)"
    r"( (de|een|het|the|an?|mijn|onze|my|our))?( (precieze|exacte|exact|precise|specific))?"
    r" (datum|data|datums|date|dates|einddatum|deadline)\b")


def wants_calculation(text: str) -> bool:
    """True when the message asks for the asker's own dates (so a date is needed), and does not
    say it wants the rule without them ("los van de precieze datum")."""
    return bool(_CALC_INTENT.search(_NO_DATE_WANTED.sub(" ", fold(text))))


def gap_days(text: str) -> int | None:
    """A recovery period named without dates ("tussendoor twee weken beter"), in days."""
    match = _GAP.search(fold(text))
    if not match:
        return None
    amount, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    count = int(amount) if amount.isdigit() else _NUMBERS.get(amount, 0)
    return count * 7 if unit.startswith("we") else count


@dataclass(frozen=True)
class DeadlineResult:
    """Text and structured data of a deadline answer."""

    text: str
    milestones: list[dict]
    period_start: str
    norms: Sequence[str]


def pick(timeline, keys: Sequence[str]) -> list:
    """The milestones to show: the asked ones, else the core ones."""
    wanted = [k for k in keys] or list(_CORE)
    found = [m for m in timeline.milestones if m.key in wanted]
    if "einde_loonsanctie" in wanted and not found:
        found = [m for m in timeline.milestones if m.key == "einde_wachttijd"]
    if any(m.key == "einde_wachttijd" for m in found):
        # with a loonsanctie in force the pay runs on: its end, and how to shorten or contest it
        found += [m for m in timeline.milestones if m.key == "einde_loonsanctie" and m not in found]
    if any(m.key == "plan_van_aanpak" for m in found):
        # the plan is due two weeks after the probleemanalyse: whether it is late hangs on that one
        found = [m for m in timeline.milestones if m in found or m.key == "probleemanalyse"]
    if any(m.key == "wia_aanvraag" for m in found):
        # the application follows UWV's letter (week 88), which says when it is on time if late
        found = [m for m in timeline.milestones if m in found or m.key == "wia_brief_uwv"]
    return found or [m for m in timeline.milestones if m.key in _CORE]


# Milestones that hold only in some cases: never "the next deadline" unless asked about (the early
# IVA is for an employee fully and permanently unable to work, art. 23 lid 6 WIA).
_CONDITIONAL = ("vervroegde_iva",)


def next_due(timeline, keys: Sequence[str] = ()):
    """The first milestone still ahead (not passed, not already done), or None; a conditional
    one only when `keys` asks for it."""
    ahead = [m for m in timeline.milestones if m.status != "passed" and m.done_on is None
             and (m.key not in _CONDITIONAL or m.key in keys)]
    return min(ahead, key=lambda m: m.date) if ahead else None


def describe(
    timeline, keys: Sequence[str], language: str, today: date, note: str = "", before=None, voice: str = "u",
    assumed: str = "", verdict: bool = False, planned: Planned | None = None,
) -> DeadlineResult:
    """The deadline answer in Markdown: what is due next, then the dates asked about with the rule
    behind each, caveats and the next step. `assumed` (the readings taken from loose dates) follows
    the line that names the first sick day. `verdict`: the question asked whether the first step
    of `keys` is still open ("zijn we nu al te laat?"), which the answer says first; with
    `planned`, whether the moment it is planned for is in time ("eind april: is dat te laat?")."""
    chosen = pick(timeline, keys)
    asked = next((m for m in chosen if keys and m.key == keys[0]), None)
    if not (verdict and asked is not None and asked.key in STEPS_TO_TAKE and asked.done_on is None):
        asked = None
    lines = [_opening(timeline, language, keys, said=asked), ""]
    if asked is not None:
        lines[0:0] = [_verdict(asked, language, voice, planned), ""]
    if assumed:
        lines[-1:-1] = ["", assumed]
    if note:
        lines[0:0] = [note, ""]
    for remark in timeline.notes(language):
        lines.insert(-1, f"_{remark}_")
    lines += [_milestone_line(m, language, before) for m in chosen]
    lines.append("")
    if any(m.norm == "practice" for m in chosen):
        lines.append(_say("practice_explained", language))
    lines.append(_say("full_timeline", language, voice))
    return DeadlineResult(
        text="\n".join(lines).strip(),
        milestones=[m.to_dict() for m in timeline.milestones],
        period_start=timeline.period_start.isoformat(),
        norms=[m.norm for m in chosen],
    )


# The milestones that are a step someone takes by a last day (not UWV's letter or the end of the
# waiting period): "are we too late?" about them is answered with yes or no first
STEPS_TO_TAKE = ("probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie",
                  "spoor2_start", "re_integratieverslag", "wia_aanvraag", "vervroegde_iva")


def _verdict(m, language: str, voice: str, planned: Planned | None = None) -> str:
    """"**Plan van aanpak opstellen: u bent nog op tijd, uiterlijk ... (nog 2 dagen).**", or that
    its last day has passed; with `planned`, whether that moment is before the last day."""
    title = _AT_THE_LATEST.sub("", m.title(language))
    if m.norm == "practice":  # "Start spoor 2 (praktijknorm)": no legal last day
        title += _say("practice_norm_short", language)
    when = long_date(m.date, language)
    if m.status == "passed":
        closed = "verdict_closed" if m.key == "vervroegde_iva" else "verdict_passed"
        return _say(closed, language, voice, title=title, when=when)
    left = _left(m.days_left, language)
    if planned is not None:
        # late when even its first day is after the last day; in time when its last day is not
        said = "planned_late" if planned.first > m.date else (
            "planned_in_time" if planned.last <= m.date else "planned_only_if")
        return _say(said, language, voice, title=title, when=when, left=left,
                    planned=_PLANNED_IN.sub("", planned.words))
    return _say("verdict_open", language, voice, title=title, when=when, left=left)


_PLANNED_IN = re.compile(r"^(in|op|on|per)\s+", re.IGNORECASE)  # "in maart is te laat" reads badly


def _say(key: str, language: str, voice: str | None = None, **values: object) -> str:
    return text(f"answer.deadline.{key}", language, voice, **values)


_AT_THE_LATEST = re.compile(r"\s*\((uiterlijk|at the latest)\)$")


def _opening(timeline, language: str, keys: Sequence[str] = (), said=None) -> str:
    """"Counting from the first day of sickness ... (today is week n):", after the next deadline
    (unless that is `said`, the step whose verdict leads the answer)."""
    line = _say("counting_from", language, start=long_date(timeline.period_start, language))
    line += _say("today_week", language, week=timeline.current_week) if timeline.current_week else ":"
    if timeline.current_week and timeline.current_week > 104 and timeline.state == "sick":
        line = line.rstrip(":") + _say("waiting_over", language)  # "(vandaag is week 105) — ..."
    upcoming = next_due(timeline, keys)
    if upcoming is not None and upcoming is not said and timeline.state == "sick":
        # "Start spoor 2 (uiterlijk)": the sentence says "uiterlijk" / "by" itself, and a
        # practice norm says so here too, not only in the list below
        title = _AT_THE_LATEST.sub("", upcoming.title(language))
        if upcoming.norm == "practice":
            title += _say("practice_norm_short", language)
        line = _say("next_deadline", language, title=title,
                    when=long_date(upcoming.date, language), left=_left(upcoming.days_left, language)) + "\n" + line
    return line


def _left(days: int, language: str) -> str:
    """"nog 12 dagen", "nog 1 dag", "vandaag" (never "nog 1 dagen" or "nog 0 dagen")."""
    return _say("left_none", language) if days == 0 else _say("left", language, count=day_count(days, language))


def _milestone_line(m, language: str, before) -> str:
    """One date asked about, with its window, status, rule and legal basis."""
    when = long_date(m.date, language)
    window = (_say("between", language, start=long_date(m.date_from, language), end=when)
              if m.date_from else _say("by", language, when=when))
    status = _status(m, language)
    old = before.get(m.key) if before is not None else None
    if old is not None and old.date != m.date:
        status += f" (was {long_date(old.date, language)})"
    if m.date.weekday() >= 5 and m.status != "passed" and m.actor != "UWV":
        status += _say("weekend", language)
    caveat = _say("practice_norm", language) if m.norm == "practice" else ""
    return (f"- **{m.title(language)}**: {window} (week {m.week}){status}. "
            f"{m.description(language)} ({m.basis}).{caveat}")


def _status(m, language: str) -> str:
    if m.done_on is not None:  # "de bedrijfsarts heeft op 24 november de probleemanalyse gemaakt"
        done = "done_late" if m.done_on > m.date else "done_on"
        return _say(done, language, when=long_date(m.done_on, language))
    if m.status == "passed":
        return _say("passed", language)
    if m.status == "due":
        return " — " + _left(m.days_left, language)
    return ""


def shift_by_gap(episodes: list, days: int, today: date) -> list:
    """What-if: the employee was fit for `days` days just before today (then sick again).

    Any recovery before today shifts every later deadline by the same number of days, so its
    exact place does not matter for what is still ahead.
    """
    from assistant.deadlines import Episode

    last = episodes[-1]
    if last.end is not None or (today - last.start).days <= days:
        return episodes
    first = Episode(last.start, today - timedelta(days=days + 1))
    return [*episodes[:-1], first, Episode(today, None)]
