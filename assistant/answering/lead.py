"""Lead with what was asked: a card answers its topic from its first sentence on, but the asker
may ask one aspect of it ("die second opinion, wie betaalt die?", "no-riskpolis how long?").

When the question asks who pays / what it costs, or how long / how soon, and the card's first
sentence says nothing of that while a later sentence of its first paragraph does, that sentence
is moved to the front. Nothing is dropped or reworded; a sentence that leans on the one before
it ("Dat kost ...", "Ben je dan nog ziek, dan ...") stays where it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text import fold
from assistant.text import sentences as split_sentences


@dataclass(frozen=True)
class Aspect:
    """One thing a question can ask of a topic: how it is asked, how a sentence answers it."""

    name: str
    asked: re.Pattern[str]
    answered: re.Pattern[str]


_NUMBER = (r"(\d+|een|twee|drie|vier|vijf|zes|acht|tien|twaalf"
           r"|one|two|three|four|five|six|eight|ten|twelve)")
_UNIT = r"(werk)?(dagen|dag|weken|week|maanden|maand|jaar|jaren|days?|weeks?|months?|years?)"

ASPECTS = (
    Aspect("cost",
           re.compile(r"wie betaalt|\bbetal|\bkost|vergoed|rekening van|who pays"
                      r"|\bpay (for|it|that|this)\b|have to pay|\bcosts?\b"
                      r"|how much (does|is|will|do)\b|\bfees?\b|\bprice|\bprijs|tarie"),
           re.compile(r"betaal|betalen|kost|vergoed|gratis|\bpays\b|\bpay for\b|\bpaid\b|\bcosts?\b"
                      r"|free (of charge|for)|€|prijs|tarie|\bprices?\b|\brates?\b|\bfees?\b")),
    Aspect("duration",
           re.compile(r"\bhoe ?lang\b|\bhow long\b|\bhoe snel\b|\bhow (soon|quickly|fast)\b"
                      r"|binnen hoeveel|hoeveel (tijd|weken|dagen|maanden)"),
           re.compile(rf"\b{_NUMBER}\s*{_UNIT}\b|\bweek \d+|geen maximum|\bno maximum|onbeperkt"
                      r"|indefinite")),
)

# A sentence that leans on the one before it: it starts with a pointer or a link word, ends on a
# pointer ("Je werkgever betaalt die."), or is the second half of a condition ("..., dan ...",
# "Ben je dan nog ziek, ...").
_LEANS_FIRST = re.compile(
    r"^(dat|die|dit|deze|daar\w*|hij|zij|ze|dan|ook|dus|maar|en|wel|toch"
    r"|het (kost|is|duurt|geldt|gaat|kan|mag|moet|wordt)|enkele|een ander"
    r"|this|that|these|those|it|he|she|they|then|also|so|but|and|there|some|another|one)\b")
_LEANS_LAST = re.compile(r"\b(die|dat|dit|deze|it|that|this|them)\W*$")
_LEANS_ANYWHERE = re.compile(r", (dan|then) |^\w+ (je|u|hij|ze|zij|we|jij) (dan|then)\b")
_BARE_YES_NO = re.compile(r"^(ja|nee|yes|no)\b[^.!?]{0,30}[.!?]$")


def aspect_asked(question: str) -> Aspect | None:
    """The aspect `question` asks of its topic, if it asks one of `ASPECTS`."""
    folded = fold(question)
    return next((a for a in ASPECTS if a.asked.search(folded)), None)


def _stands_alone(sentence: str) -> bool:
    folded = fold(sentence)
    return not (sentence.startswith(("-", "*", "|")) or _LEANS_FIRST.search(folded)
                or _LEANS_LAST.search(folded) or _LEANS_ANYWHERE.search(folded))


def lead_with_aspect(body: str, question: str) -> str:
    """`body` with the sentence that answers the aspect `question` asks moved to the front (after
    a bare "Ja."/"Nee." that opens it); `body` unchanged when there is nothing to move."""
    aspect = aspect_asked(question)
    if aspect is None:
        return body
    first, *rest = body.split("\n\n")
    said = split_sentences(first)
    if not said or "\n" in first.strip() or first.lstrip().startswith(("-", "*", "|", "1.")):
        return body
    keep = 1 if len(said) > 1 and _BARE_YES_NO.match(fold(said[0])) else 0
    if aspect.answered.search(fold(said[keep])):
        return body  # the opening sentence answers it already
    for sentence in said[keep + 1:]:
        if aspect.answered.search(fold(sentence)) and _stands_alone(sentence):
            moved = [*said[:keep], sentence, *(s for s in said[keep:] if s is not sentence)]
            return "\n\n".join([" ".join(moved), *rest])
    return body
