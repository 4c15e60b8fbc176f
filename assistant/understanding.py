"""Understanding a message: its language, who asks, the conversation so far, the question(s) in it.

`read_turn()` builds one `Turn` per message. Everything after it (the scope guard, retrieval, the
answerers) reads the turn instead of the raw text, so a long story is retrieved on the question it
asks, a two-part message is answered in two parts, and a follow-up is read against the question
before it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from assistant.answering.deadline import is_deadline_question
from assistant.deadlines.catalogue import SPECS
from assistant.deadlines.topics import asked_keys, following
from assistant.text import EN_STOP, NL_STOP, detect_language, fold, words
from assistant.text import sentences as split_sentences

MAX_PARTS = 3
# A statement of up to this many words beside a question is part of what it asks.
SHORT_CONTEXT_WORDS = 20
# A story's words of at least this length are added to its question's query as weak context.
STORY_WORD_LENGTH = 4
# A question whose only content word is shorter than this says nothing on its own ("Hoe zit dat?")...
VACUOUS_WORD_LENGTH = 8
# ...and is read with the statements before it, back to about this many content words.
LEAD_IN_WORDS = 12
# ... or back to a statement of what the writer does not know, of at least this many content words
UNKNOWN_WORDS = 4
# A follow-up of at least this many words is read with the words of the message before it as weak
# context; a shorter one ("en een arbeidsdeskundige?") swaps the subject.
FOLLOW_UP_CONTEXT_WORDS = 4
VIEW_WORDS = 6  # "onze casemanager zegt van wel": what someone thinks, told in a few words
# A message of at most this many words whose question is short and points back ("moet hij dat
# zelf betalen? hij heeft een klein bedrijfje") follows up on the conversation, as does one that
# points back and names nothing of ours ("moet ik dan stoppen met de aangepaste taken die ik nu bij
# de olifanten doe, of kan dat er gewoon bij?", 21 words; 20 missed it, 24 lost nothing).
FOLLOW_UP_WORDS = 24
# A message that opens with a question of at most this many words pointing back ("wat kost dat
# ons, en ...?") follows up on the conversation
POINTING_PART_WORDS = 6
# A question that points back is read with the nearest of this many statements before it that
# names a subject of ours.
REFERENT_SENTENCES = 3
# ...whole when it has at most this many words (a longer one by its clauses that name the subject).
NAMED_SENTENCE_WORDS = 16

# Who is asking, from their own words, when the UI did not say.
_AUDIENCE_HINTS = (
    (re.compile(r"\bmijn (baas|werkgever|leidinggevende|manager|teamleider|casemanager)\b"
                r"|\bik ben (ziek|arbeidsongeschikt|zwanger|thuis)|\bben ik\b.*\bziek|\bmag ik\b.*\b(weigeren|kiezen)"
                r"|\bik (zit|ben) (al )?(\w+ )?(weken|maanden) (ziek|thuis)|\bzit ik (al )?(\w+ )?(ziek|thuis)|\bals werknemer\b|\bals zieke\b"
                r"|\bmy (boss|employer|manager|line manager)\b|\bi(?: am|'m|'ve been| have been) (sick|ill|off sick|pregnant)\b"
                r"|\bas (an? )?(sick )?employee\b"), "werknemer"),
    (re.compile(r"\bmijn (werknemer|medewerker|personeelslid|collega die ziek)|\bonze (werknemer|medewerker|collega)"
                r"|\bals werkgever\b|\bwij als (bedrijf|organisatie|werkgever)|\b(hr|p&o)[- ]?(adviseur|manager|afdeling)\b"
                r"|\bmy (employee|staff|worker|team member)|\bour (employee|staff|worker)|\bas (an )?employer\b"
                r"|\bwe as (a company|an employer)"
                # "Onze commercieel directeur ... is sinds april ziek", "wat we hem moeten betalen"
                r"|\bonze (?!zoon|dochter|kind|moeder|vader|oma|opa|hond|kat)(\w+ ){1,2}(is|zit|ligt|raakte|werd)\b.{0,40}\b(ziek|thuis|uitgevallen|arbeidsongeschikt)"
                r"|\b(we|wij) (hem|haar) .{0,60}\b(betalen|doorbetalen|ontslaan)\b"
                r"|\bour (?!son|daughter|child|kid|mother|father|mom|dad|dog|cat)(\w+ ){1,2}(is|has been|went|got)\b.{0,30}\b(sick|ill|off)"
                r"|\bwe (have to |must |need to )?(pay|dismiss|fire) (him|her)\b"), "werkgever"),
)
# "and what if the employee ..." switches the perspective inside a conversation.
_AUDIENCE_SWITCH = (
    (re.compile(r"\b(voor|als|bij) (de |een )?(zieke )?werknemer\b|\bfor (the |an )?employee|\bas (an? )?(sick )?employee"
                r"|^\W*(ik ben (de |een )?|i am (the |an )?|i'm (the |an )?)?(werknemer|employee)\W*$"), "werknemer"),
    (re.compile(r"\b(voor|als|bij) (de |een )?werkgever\b|\bfor (the |an )?employer|\bas (an )?employer"
                r"|^\W*(ik ben (de |een )?|i am (the |an )?|i'm (the |an )?)?(werkgever|employer)\W*$"), "werkgever"),
)

# Question words, and the verbs a yes/no question opens with.
_WH = ("wie|wat|wanneer|wnr|waar|waarom|hoe|hoeveel|hoelang|welke?|who|what|when|where|why|how|which"
       "|whats|whos|hows|whens|wheres")  # "whats the deadline": no apostrophe
_WH_START = re.compile(rf"^({_WH})\b")
# "ik kreeg een uitnodiging voor de EJE, wat is dat": a short question as the last clause
# ("en bezwaar maken, binnen welke termijn moet dat": a preposition before the question word)
# ... but not an English relative clause ("a rent increase, which doesn't help my stress", "my
# manager, who is new", "in March, when I fell ill")
_WH_END = "|".join(w for w in _WH.split("|") if w not in ("who", "when", "where", "which"))
_QUESTION_END = re.compile(
    rf"[,;:]\s*((binnen|voor|na|tot|vanaf|sinds|met|bij|within|before|after|until|since|by|with) )?({_WH_END}|wat nu)\b"
    r"[^,;:]{0,40}$")
# "Zijn contract eindigt op 31 januari ...": "zijn" opens a question as a verb ("Zijn er ...",
# "Zijn de kosten ..."), not as "his" before a noun
_ZIJN_VERB = (r"zijn(?= (er|jullie|we|wij|ze|zij|u|jij|je|de|het|een|die|dat|deze|dit|alle|alleen|mijn|onze|ons|uw"
              r"|jouw|hun|haar|zijn|daar|hier|dan|ook|nog|wel|zulke|sommige|meer|veel)\b|\W*$)")
_QUESTION_START = re.compile(
    rf"^({_WH}|mag|mogen|moet|moeten|kan|kun|kunnen|kunt"
    rf"|is|{_ZIJN_VERB}|ben|heb|heeft|hebben|krijg|krijgt|krijgen|betaalt|betalen|geldt|gelden|telt|tellen|wordt"
    r"|word|klopt|zit|valt|gaat|loopt|stopt|may|must|can|could|should"
    r"|shall|do|does|did|is|are|am|will|would|have|has)\b"
)
_REQUEST = re.compile(
    r"\b((?<!wat )ik wil (graag )?weten|ik vraag me af|graag hoor ik|graag wil ik weten|mijn vraag is|vraag:|weet iemand"
    r"|kunt u (me )?(uitleggen|vertellen)|kun je (me )?(uitleggen|vertellen)|leg (eens )?uit|help me"
    r"|^(geef|noem|bereken|reken|vertel|give|list|tell me|calculate|explain)"
    r"|i('d| would) like to know|i wonder|my question is|question:|can you (explain|tell)|please explain"
    # someone else's question passed on: "Our GM wants to know whether ...", "de directeur wil
    # weten of ...", "we vragen ons af of ..."
    r"|(wants?|wanted|would like|'d like) to know (if|whether|how|when|what|who)|(is|are|was|were) wondering"
    r"|(wil|willen|wilde|wilden) (graag )?weten (of|hoe|wanneer|wat|wie)|vra(agt|gen) (zich|ons) af)\b"
)
# "oke maar als hij het echt doet, ...", "ok, duidelijk. terug naar ...": a word of acknowledgement
# before the follow-up's own opening
_ACKNOWLEDGED = r"^\W*(?:(?:ok[ae]?y?|oke|ok|oké|ja|nee|right|top|thanks|bedankt|dank je|duidelijk|helder|aha|hm+)\W+){0,3}"
_FOLLOW_UP = re.compile(
    _ACKNOWLEDGED +
    r"(en|maar|of|dus|and|but|or|so|what about|how about|wat als|en als|what if|en voor|en bij|en de|en het"
    r"|en wie|en wat|en hoe|en wanneer|and who|and what|and how|and when|and if|also|ook|stel dat|suppose"
    # "terug naar het eerste wat je zei", "back to what you said first": it names the earlier turn
    r"|terug naar|back to)\b"
    r"|^(en|and)\?|^\W*(waarom|why|hoe dan|how so|en dan|and then|hoezo|waarom niet|why not)\W*$"
)
# "en daarna?", "wat is de volgende stap?": the step after the one the conversation was about
_NEXT_STEP = re.compile(
    r"^\W*(?:(?:en|and|ok[ae]?y?|oke|ok|so|dus|right|top|thanks|bedankt)\W+){0,2}"
    r"(?:daarna|dan|wat (?:komt|gebeurt) (?:er )?(?:daarna|hierna|dan)|wat nu daarna|then what"
    r"|what(?:'s| is| comes) next|(?:and )?after that|what (?:happens|comes) (?:next|after that|afterwards|then)"
    r"|(?:(?:(?:wat is (?:daarna |hierna |dan )?)?de |en de )?volgende stap"
    r"|(?:what(?:'s| is) (?:then )?)?the next step)"
    # "... de volgende stap in dat eerste jaar?", "... the next step in the first year?": where, not
    # if ("... als hij weigert?"); "en dan voor de werknemer?" asks the same for someone else
    r"(?:\W+(?:in|binnen|van|voor|in the|within|for|of) (?:(?!als\b|if\b)\w+ ?){1,4})?)\W*$"
)
# "en dat plan daarna, hoeveel tijd heb ik daarvoor?": a short question about the time of what
# comes after, in at most this many words
NEXT_STEP_WORDS = 12
# "en dan?" follows the milestone named in one of the previous answer's first this many sentences
ANSWER_LEAD_SENTENCES = 2
# Words that point back to an earlier sentence or turn: at a thing ("die reiskosten", "dat",
# "she") or at a circumstance ("dan", "daarvoor"). "moeten we daarvoor een bureau inhuren?" points
# back at no thing: it still names its own subject, the bureau.
_THINGS = ("die dat dit deze het hij zij ze hem haar hier hieraan hiertegen hiermee hierover hiervoor "
           "hierbij hiervan hierdoor daaraan daartegen daarmee daarover daarbij daardoor that this those these it he she "
           "they them").split()
_CIRCUMSTANCES = "daar daarvoor daarvan dan there".split()
# What a story's questions are about: the product's own subjects. A question that points back
# ("Moet ik hieraan meewerken?") is read with the nearest sentence before it that names one.
_TOPIC = re.compile(
    # ("een tweede-spoortraject", "het spoor 2-traject": the track)
    r"\b((tweede|2e)-?spoortraject\w*|spoortraject\w*|spoor ?2-traject\w*"
    r"|spoor|2e spoor|tweede spoor|track|re-?integratie\w*|reintegration|bureau\w*|agency|traject"
    r"|uwv|loonsanctie|sanctie|sanction|loon\w*|salaris|sick pay|wage|bedrijfsarts|arbo\w*"
    r"|arbeidsdeskundige\w*|case ?manager|plan van aanpak|probleemanalyse|eerstejaarsevaluatie|evaluatie"
    r"|labou?r expert|company doctor|occupational (physician|doctor)|action plan|problem analysis"
    r"|(first[- ]year|final) evaluation|re-?integration report"
    r"|wia|iva|wga|ziektewet|ontsla\w*|opzegverbod|op te zeggen|ontslag\w*|dismiss\w*|fired?|vso|vaststellingsovereenkomst|afscheid"
    r"|transitievergoeding|deskundigenoordeel|second opinion|riv|re-?integratieverslag|42e|ziekmelding"
    r"|passend\w* (werk|arbeid)|suitable work|sollicit\w*|detacher\w*|proefplaatsing|no-?risk\w*"
    # ("als het meer tijd kost": time, not money)
    r"|verlenging|wachttijd|aow|pensioen|uitkering|benefit|coach\w*|(?<!tijd )kost\w*(?! (meer |veel |wat |even "
    r"|langer )?tijd)|betal\w*|costs?|pays?|paid"
    r"|sick leave|zwanger\w*|pregnan\w*|maternity|geld|money|vergoed\w*|compensat\w*"
    # "Begint de teller van de twee jaar nu weer bij nul?": the 104 weeks themselves
    r"|(teller|klok|termijn|telling) van (de |die )?(twee|2) jaar"
    r"|(clock|count) (of|on) (the )?(two|2) years)\b")


def names_a_subject(text: str) -> bool:
    """True when the text names one of the product's own subjects (spoor 2, UWV, loon, the
    bedrijfsarts, a Poortwachter step, costs ...)."""
    return bool(_TOPIC.search(fold(text)))


# "hoe lang kan zo'n sanctie dan duren?": a follow-up that points back with a subject of ours
# named ("zo'n sanctie", "die arbeidsdeskundige") says itself what it is about; the story
# before it would only pull the search back to that story's subject
_NAMED_REFERENT = re.compile(
    r"\b(zo'?n|zulke?|die|deze|dat|dit|such an?|that|this|these|those)\s+(\w+\s+)?"
    r"(loon)?(sanctie|sanction|bureau|traject|arbeidsdeskundige|bedrijfsarts|plan van aanpak"
    r"|probleemanalyse|eerstejaarsevaluatie|evaluatie|deskundigenoordeel|second opinion|riv"
    r"|re-?integratieverslag|vso|vaststellingsovereenkomst|transitievergoeding|boete|fine|opzegverbod"
    r"|proefplaatsing|detachering|no-?risk\w*|verlenging|extension|ziektewet|wia|iva|wga|coach"
    r"|ziekteperiodes?|periodes|sickness periods|periods of (sickness|illness))\b")


def _names_its_referent(folded: str) -> bool:
    """True for "hoe lang kan zo'n sanctie dan duren?" and "en de bedrijfsarts, wat doet die dan
    nog?" (and not "moet die bedrijfsarts zich daar aan houden?", which also points at a
    circumstance, nor "krijgt hij dat geld terug?")."""
    if _NAMED_FIRST.match(folded):
        return True
    named = _NAMED_REFERENT.search(folded)
    if not named:
        return False
    rest = f"{folded[:named.start()]} {folded[named.end():]}"
    return not any(m.group(0) != "dan" for m in _BACK_REFERENCE.finditer(rest)
                   if m.group(0) not in ("hij", "zij", "ze", "it", "he", "she", "they"))


# "en wie betaalt me daarna?": after what the conversation was about
_AFTER = re.compile(r"\b(daarna|hierna|afterwards|after that)\b")
# A statement of what the writer does not know: the question a vague "What are my options?" asks
_UNKNOWN = re.compile(
    r"\b((i|we) (don'?t|do not) know|i'?m not sure|we'?re not sure|not sure|i wonder"
    r"|(ik|we|wij) (weet|weten) (echt |gewoon |eigenlijk )?(niet|nog niet|niet goed|niet precies)"
    r"|ik twijfel|ik vraag me af) (if|whether|how|what|who|when|which|of|hoe|wat|wie|wanneer|waar|welke"
    r"|bij wie|waarom|hoeveel)\b")
# the reason a sentence gives for what it says: ", want ...", ", because ..."
_REASON = re.compile(r",\s*(?:want|because)\s+", re.I)
_BACK_REFERENCE = re.compile(rf"\b({'|'.join(_THINGS + _CIRCUMSTANCES)})\b")
_POINTS_AT_A_THING = re.compile(rf"\b({'|'.join(_THINGS)})\b")
# Two questions joined by "en"/"and": "Wanneer moet spoor 2 starten en wat kost dat?"
_JOINED = re.compile(
    r"\s*(?:,\s*)?(?:\b(?:en|and|plus|ook|also)|&)\s+(?=(?:wie|wat|wanneer|waar|waarom|hoe|hoeveel|welke|mag|moet"
    r"|moeten|mogen|kan|kun|kunnen|kunt|krijg|krijgt|krijgen|heeft|hebben|wordt|betaalt|geldt"
    r"|tot wanneer|vanaf wanneer|who|what|when|where|why|how|which|may|must|can|do|does|is|are"
    # "..., en binnen welke termijn moet een bezwaar erin?": a preposition before the question word
    r"|(?:binnen|voor|na|tot|vanaf|within|by|until|after) (?:welke|wanneer|hoeveel|which|when|how))\b)"
    # "Wat kost het, hoe lang duurt het?": a comma before a question word (or, "wat is spoor 2,
    # moet ik daaraan meedoen?", before a verb that opens a question, when the first one asks too)
    r"|\s*,\s*(?=(?:wie|wat|wanneer|waarom|hoe|hoeveel|welke|tot wanneer|who|what|when|why|how|which"
    r"|mag|moet|moeten|mogen|kan|kun|kunnen|kunt|krijg|krijgt|krijgen|heeft|hebben|betaalt|geldt"
    # "Hoe lang is de wachttijd, rond welk moment stuurt UWV een brief, en ...?": a preposition
    # before the question word
    r"|(?:rond|op|in|binnen|vanaf|around|at|within|from) (?:welke?|wanneer|hoeveel|which|what|when)"
    r")\b"
    # "What is a plan van aanpak, do I have to agree to it?": an English verb and its subject
    r"|(?i:do|does|can|may|must|should|is|are|will)\s+(?i:i|we|you|he|she|they|it|my|our|the)\b)"
    # "Moet ik haar ontslaan, en zo ja, krijg ik ...?"
    r"|\s*,?\s*\b(?:en zo ja|en zo nee|and if so|and if not)\b\s*,?\s*"
)
# "Wanneer hij weer ziek wordt, moet ik ...?", "When she comes back, do we ...?": a clause that
# opens with a conjunction and its subject sets the condition of the question after the comma
_CONDITION = re.compile(
    r"^(when|wanneer|als|if|zodra|once|nadat|after)\s+(ik|je|jij|u|hij|zij|ze|we|wij|jullie|het|de|een|mijn"
    r"|zijn|haar|onze|ons|i|you|he|she|it|they|the|a|an|my|his|her|our|their|this|that)\b"
)
# "zit in wk 75, kan ik ...?", "ben al 2 jaar ziek, moet ik ...": "ik" left out before a verb that
# a question would follow with its subject ("Zit ik ...?") is a statement about the writer
_NO_SUBJECT = re.compile(
    r"^\W*(zit|ben|heb|werk|loop|sta)\s+(in|op|sinds|al|bij|met|na|vanaf|nu|thuis|\d)\b")
# "Nog even terug naar dat advies: ...", "Going back to his shoulder injury: ..."
_LEAD_IN = re.compile(
    r"^\W*(?:(?:ok(?:e|é|ay)?|oké|right|so|dus|maar|but|en|and)\W+){0,2}(?:going back to|coming back to|back to"
    r"|returning to|(?:nog )?(?:even )?terug naar|terugkomend op|terug op)\b[^:?]{1,100}:\s*", re.I)
# "Twee vragen: ...", "Ik heb 3 vragen: 1) ... 2) ...": the announcement is not a question
_ANNOUNCED = re.compile(
    r"^\W*(?:ik heb |i have |wij hebben |we have )?(?:twee|drie|vier|2|3|4|een paar|enkele|a few|two|three"
    r"|some)?\s*(?:(?:quick|short|small|simple|practical|korte|snelle|kleine|simpele|praktische)\s+)?"
    r"(?:vragen|vraagjes|vraag|dingen|punten|questions|question|things)"
    # "Two questions about our warehouse guy who has been off sick since the spring: ..."
    r"(?:\s+(?:about|over|regarding|concerning|rond|omtrent)\b(?P<subject>[^:?.]{0,120}))?"
    # "Three things please, I'm a sous-chef and just got diagnosed: how much ...": a word of
    # courtesy and a clause about the asker before the colon
    r"(?:\s*,?\s*(?:please|pls|graag|alsjeblieft|alstublieft|svp)\b)?(?:\s*,\s*[^:?.]{0,160}(?=:))?\s*[:.]\s*", re.I,
)
# "en mag mijn baas vragen wat ik heb, hij blijft maar bellen": "en"/"maar" and a verb open a
# question, question mark or not ("Zijn vrouw regelt de post" opens with a verb and is not one)
_JOINED_VERB_START = re.compile(
    r"^(en|maar|and|but)\s+(mag|mogen|moet|moeten|kan|kun|kunnen|kunt|krijg|krijgt|krijgen|betaalt|betalen"
    r"|geldt|klopt|telt|wordt|may|must|can|could|should|do|does)\b"
    # "en tv moet ik die ook betalen": a word or two, then the verb and its subject
    r"|^(en|maar|and|but)\s+((?!(?:dan|daarna|toen|nu|ook|weer|straks|later|daar|hier|die|dat|zo|then|now)\b)\w+\s+){1,2}(mag|moet|kan|kun|kunt|krijg|krijgt|hoef|hoeft|may|must|can|do|does)"
    r"\s+(ik|je|jij|u|we|wij|hij|zij|ze|i|you|he|she|they)\b"
)
# "LS? nee gelukkig.": a question the writer answers at once is part of the story, not asked
_SELF_ANSWER = re.compile(r"^\W*(nee|neen|ja|jawel|no|yes|nope|yep|gelukkig|helaas)\b")
SELF_ANSWER_WORDS = 4
# "Roughly what does it cost, and ...", "Oké, maar wie betaalt ...": a word before the question
# (or a preposition before its question word: "by when ...", "tot wanneer ...")
# "voor wanneer ...", "met wie ...", "to whom ...": a preposition before a question word
_LEADING = re.compile(
    r"^((roughly|approximately|ok(ay|e)?|so|well|also|en|maar|dus|ongeveer|zeg|nou|by|until|tot|vanaf|uiterlijk)\W+"
    r"|(voor|sinds|met|bij|aan|van|naar|op|in|for|from|to|with|at)\W+(?=(wie|wat|wanneer|welke?|hoeveel|hoelang"
    r"|who|whom|what|when|which|how)\b))+")
_ENUMERATOR = re.compile(r"(?:^|\s)\(?(?:\d|[a-c])[).]\s+")  # "1) ...", "a. ...", "(b) ..."
_CLAUSE = re.compile(r"[,;:]\s*|\s+(?:en nu|maar nu|and now|but now|maar|but)\s+")
_ASKING = frozenset(
    "wie wat wanneer waar waarom hoe hoeveel welke welk mag mogen moet moeten kan kun kunnen kunt is zijn "
    "wordt kost kosten dat dit die deze who what when where why how which may must can could should does "
    "do is are cost costs "
    # fillers: "Klopt dat eigenlijk wel?", "Hoe zit het nou precies?" name no subject
    "nou eigenlijk precies echt gewoon allemaal actually really exactly now".split()
)


# "Wat doen de casemanager en de arbeidsdeskundige allebei?", "What does each of them do?": a
# question about what two or more of these roles do is asked once per role (each has its card).
_ROLES = (
    ("casemanager", r"case ?managers?", "Wat doet een casemanager?", "What does a casemanager do?"),
    ("arbeidsdeskundige", r"arbeidsdeskundigen?|labou?r experts?",
     "Wat doet een arbeidsdeskundige?", "What does a labour expert (arbeidsdeskundige) do?"),
    ("bedrijfsarts", r"bedrijfsarts(en)?|arbo-?arts(en)?|company doctors?|occupational physicians?",
     "Wat doet de bedrijfsarts?", "What does the company doctor (bedrijfsarts) do?"),
)
_ROLE = re.compile("|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern, _, _ in _ROLES))
_WHAT_ROLES_DO = re.compile(
    r"\b(wat (doe[nt]|doet|is|zijn|houdt|houden)\b.{0,40}\b(rol|rollen|taak|taken|verschil|in)\b|wat doe[nt]\b"
    r"|verschil|allebei|beiden?|ieder|elk|what (do|does|is|are)\b.{0,60}\b(do|role|roles|job|difference)\b"
    r"|each|difference|roles?)\b")


def _per_role(question: str) -> list[str]:
    """A question about what several roles do, one question per role in the order named; any
    other question as it is."""
    folded = fold(question)
    named = list(dict.fromkeys(m.lastgroup for m in _ROLE.finditer(folded)))
    if len(named) < 2 or not _WHAT_ROLES_DO.search(folded):
        return [question]
    language = detect_language(question)
    asks = {name: {"nl": nl, "en": en}[language] for name, _, nl, en in _ROLES}
    return [asks[name] for name in named]


# "en ik zelf? wat wordt er van mij verwacht?" after the employer's duties, "and my manager, what
# must he do?" after the employee's: a follow-up that turns the same question on another party.
# The earlier question's words would win, and the other party's card is what it asks for.
_PARTY = (r"(?P<who>ik|mij|me|i|myself|(?:hij|zij|ze|he|she) zelf"
          r"|(?:mijn|m'?n|my|de|het|the|onze|our|je|jouw|your|uw)\s+(?:eigen\s+|own\s+)?"
          r"(?P<noun>werkgever|baas|leidinggevende|manager|employer|boss|werknemer|medewerker|employee"
          rf"|{'|'.join(pattern for _, pattern, _, _ in _ROLES)}))")
_SWITCHED_TO = re.compile(
    r"^\W*(?:en|and|maar|but)\s+(?:(?:what|how) about\s+|hoe zit (?:het|dat) (?:dan )?met\s+|voor\s+|for\s+)?"
    rf"{_PARTY}(?:\s+(?:zelf|dan|then|eigenlijk|himself|herself|myself|themselves))*\s*(?P<rest>[,:?!.].*|)$")
# ... or asks it of that party straight away: "ok en wat moet ik dan zelf allemaal doen?", "and what
# does my manager actually have to do in all this?"
_ASKED_OF = re.compile(
    r"^\W*(?:(?:ok\w*|oke|oké|pff\w*|right|alright)\W+)?(?:en|and|maar|but)\s+(?:wat|what)\s+"
    rf"(?:moet|moeten|hoort|must|should|does|do|has|have)\s+{_PARTY}\b(?P<rest>.*)$")
# ... when what it asks of that party is only its part: what it must do, is expected to do, its role
_ITS_PART = re.compile(
    r"\b(wat (moet|moeten|hoort|zou)\b.{0,40}\b(doen|regelen)|wat wordt er van (mij|me|hem|haar|hen) verwacht"
    r"|wat (is|zijn) (mijn|zijn|haar|hun) (rol|taak|taken|plichten|verplichtingen)"
    r"|(moet|moeten|hoeft|hoeven) (ik|hij|zij|ze|die|dat)( (dan|hier|daar|ook|nog|zelf|wel|eigenlijk))*"
    r" (iets|wat|niets)( (voor|aan|mee))? (doen|regelen)"
    r"|what (must|should|does|do|has|have|is) (i|he|she|they|it|my \w+|the \w+)?( actually| really| exactly| then| now)?"
    r"\s*((have|need|got|supposed) to )?"
    r"(do|arrange)\b|what is expected of|what (is|are) (my|his|her|their) (role|job|duties|obligations|part)"
    r"|(do|does|must|should) (i|he|she|they) (have to )?(do|arrange) (anything|something)"
    r"|plichten|verplichtingen|obligations|duties)")
# ... or leaves the verb out: "en wat moet de werknemer in die tijd?", "en wat moet hij dan?"
_ELLIPTIC = re.compile(
    r"^\s*((in|tijdens|gedurende|na|voor|bij|during|in the|after|before)\b[\w' ]{0,25}?)?"
    r"\s*((dan|nu|zelf|eigenlijk|allemaal|ook|nog|then|now|himself|herself)\s*)*[?.!]*\s*$")
_WORD = re.compile(r"\w")
_EMPLOYER_SIDE = frozenset("werkgever baas leidinggevende manager employer boss".split())
_EMPLOYEE_SIDE = frozenset("werknemer medewerker employee".split())
_DUTIES = {  # whose duties -> the question as that party's card asks it (a query, not wording shown)
    ("employee", "werknemer"): {"nl": "Wat zijn mijn plichten als zieke werknemer?",
                                "en": "What are my obligations as a sick employee?"},
    ("employee", "werkgever"): {"nl": "Wat moet een zieke werknemer doen bij re-integratie?",
                                "en": "What must a sick employee do during re-integration?"},
    ("employer", "werknemer"): {"nl": "Wat moet mijn werkgever doen nu ik langdurig ziek ben?",
                                "en": "What must my employer do while I am on long-term sick leave?"},
    ("employer", "werkgever"): {
        "nl": "Wat zijn mijn verplichtingen als werkgever bij een langdurig zieke werknemer?",
        "en": "What are my obligations as an employer when an employee is on long-term sick leave?"},
}


def _switched_party(message: str, audience: str | None, language: str, asked_before: str) -> str:
    """The question a follow-up asks when it turns the conversation's question on another party
    and asks only what that party must do ("en ik zelf?", "and my manager, what must he do?"), in
    the words of that party's card; "" for any other message, or when who is meant is unclear
    ("en ik zelf?" from an asker whose side is not known). Naming the party alone ("en mijn
    baas?") asks that only after a question about what someone must do, as does asking it of
    the asker ("en wat moet ik dan zelf doen?")."""
    folded = fold(message)
    if found := _SWITCHED_TO.match(folded):
        rest = found.group("rest")
        if not _ITS_PART.search(rest if _WORD.search(rest) else fold(asked_before)):
            return ""
    elif found := _ASKED_OF.match(folded):
        # "en wat moet ik dan doen?" turns the question on the asker only after one about what
        # another party must do; asked after "hij weigert mee te werken" it asks what to do now
        its_part = _ITS_PART.search(folded) or _ELLIPTIC.match(found.group("rest"))
        if not its_part or (not found.group("noun") and not _ITS_PART.search(fold(asked_before))):
            return ""
    else:
        return ""
    who, noun = found.group("who"), found.group("noun") or ""
    named_role = next((m.lastgroup for m in _ROLE.finditer(noun)), None) if noun else None
    if named_role:
        return next({"nl": nl, "en": en}[language] for name, _, nl, en in _ROLES if name == named_role)
    if noun in _EMPLOYER_SIDE:
        party = "employer"
    elif noun in _EMPLOYEE_SIDE or (who.endswith("zelf") and audience == "werkgever"):
        party = "employee"  # "en hij zelf?" from the employer: the employee
    elif who in ("ik", "mij", "me", "i", "myself") and audience in ("werkgever", "werknemer"):
        party = "employer" if audience == "werkgever" else "employee"
    else:
        return ""
    return _DUTIES[(party, audience or "werknemer")][language]


# Words that say who asks, not what about ("en voor de werknemer?" switches the perspective only).
_WHO = frozenset("werknemer werkneemster werknemers werkgever werkgevers medewerker employee employer "
                 "employees employers worker".split())


@dataclass(frozen=True)
class Turn:
    """One user message, understood.

    `parts` are the question(s) to answer, in the order asked (one for most messages);
    `queries` what retrieval uses for each part (a follow-up is read with the question before it). `previous` holds the user's earlier messages,
    `previous_question` the question of the last one (what a follow-up refers to).
    """

    message: str
    language: str
    page_language: str
    audience: str | None
    audience_given: bool
    today: date
    parts: tuple[str, ...]
    queries: tuple[str, ...]
    previous: tuple[str, ...] = ()
    previous_question: str = ""
    follow_up: bool = False
    next_step: str = ""  # "en daarna?": the milestone after the one the conversation was about
    story: bool = False
    context: str = ""
    history: tuple[dict, ...] = field(default_factory=tuple)
    notes: dict = field(default_factory=dict, compare=False)  # what answerers found out (e.g. the scope)

    @property
    def query(self) -> str:
        """The retrieval query of the first (usually only) part."""
        return self.queries[0]

    @property
    def voice(self) -> str:
        """"je" for werknemers, "u" for werkgevers and unknown askers (Dutch only)."""
        return "je" if self.audience == "werknemer" else "u"

    def own_words(self, part: int) -> str | None:
        """A follow-up's or a story's part's own words when its query was widened with the
        conversation or the story around it (None otherwise, and for "en daarna?", which is
        searched on the next milestone)."""
        if not (self.follow_up or self.story) or self.next_step or self.queries[part] == self.parts[part]:
            return None
        return with_plain_refusal(self.parts[part])

    def trace(self) -> dict:
        """What the trace records of the turn."""
        return {"language": self.language, "page_language": self.page_language, "audience": self.audience,
                "parts": list(self.parts), "queries": list(self.queries), "follow_up": self.follow_up,
                "story": self.story}


def sentences(text: str) -> list[str]:
    """The sentences of a message (split at . ! ? and line breaks)."""
    return split_sentences(text, lines=True)


def _opening(sentence: str) -> str:
    """A sentence folded, from its first word, leading words left out ("En wat ..." -> "wat ...")."""
    return _LEADING.sub("", fold(sentence).strip(" \"'("))


def is_question(sentence: str) -> bool:
    """True for a sentence that asks something (a question mark, a question word or a request)."""
    folded = fold(sentence).strip(" \"'(")
    # "en mag mijn baas vragen wat ik heb, hij blijft maar doorvragen": no question mark
    return (sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(_opening(sentence)))
            or bool(_REQUEST.search(folded)) or bool(_QUESTION_END.search(folded.rstrip(" .!")))
            or bool(_JOINED_VERB_START.match(folded)))


# Words that ask wherever they stand ("loonsanctie hoe lang", "ziek en contract loopt af help"),
# and doubt told as a statement ("I'm not sure whether ...", "ik weet niet of ..."); not the words
# that also join a clause ("a nanny who works in our home", "de salon waar ik werk")
_ASKING_WORD = re.compile(
    r"\b(wat|wanneer|wnr|waarom|hoe|hoeveel|hoelang|welke?|what|why|how|whats|hows"
    r"|mag|mogen|kan|kun|kunnen|kunt|moet|moeten|klopt|help|advies|tips?|vraag|vragen|graag|please"
    r"|question|wonder\w*|not sure|unsure|weet (ik )?niet|twijfel\w*|benieuwd|curious|wil weten|want to know)\b")
_TELLER = re.compile(r"\b(ik|we|wij|mijn|mn|onze|ons|i|i'm|my|our|hij|zij|ze|he|she)\b")


def asks_nothing(message: str) -> bool:
    """True for a message that tells a situation and asks nothing, not even in a word (stricter
    than the scope guard's `tells_only`, which lets "..., wat nu?" through): no question
    mark, no asking word ("hoe", "kan", "help", "not sure"), 6 to 60 words, and someone in it
    ("Ik heb net de brief van UWV over de WIA gekregen.", "Our shop assistant broke her wrist
    months ago and it isn't healing well.")."""
    folded = fold(message)
    return ("?" not in message and 6 <= len(words(folded)) <= 60 and bool(_TELLER.search(folded))
            and not _ASKING_WORD.search(folded) and not any(is_question(s) for s in sentences(message)))


# "trouwens", "by the way": what a message that asks nothing adds to the question before it
_ASIDE_FACT = re.compile(
    r"\b(trouwens|overigens|by the way|btw|o ja|oh ja|ohja|vergeten te (zeggen|melden|vertellen)"
    r"|forgot to (say|mention|tell)|i should (add|mention)|(moet|wil) (er )?(nog )?bij zeggen)\b")


def adds_a_fact(message: str) -> bool:
    """True for a message that asks nothing and says, by the way, one more fact ("ik zit trouwens
    nog in mijn proeftijd, ben pas 5 weken in dienst"): it changes the answer to the question
    before it."""
    return asks_nothing(message) and bool(_ASIDE_FACT.search(fold(message)))


# "nee, ik bedoelde het re-integratieverslag", "sorry, I meant the action plan": the question
# before, asked again about what the message names instead
_CORRECTION = re.compile(
    r"^\W*(?:(?:nee|neen|no|nope|sorry|oeps|oops|excuus|pardon|sorry hoor|(?:ow|oh|o) ?wacht|wacht"
    # "ow wacht, ik haal dingen door elkaar: ik bedoel ...", "wait, my mistake, I meant ..."
    r"|(?:oh )?wait|my mistake|my bad|ik haal (?:dingen|het|alles|twee dingen) door elkaar"
    r"|i(?:'m| am) mixing (?:things|them|it) up)\b[\s,.!:;]*)*"
    r"(?:ik bedoel(?:de)?(?: eigenlijk)?|wat ik bedoel(?:de)? is|i meant|i mean|bedoel(?:de)? eigenlijk)"
    r"\s*:?\s+"
    r"(?P<what>[^.?!]+)", re.I)
_THE = r"(?:(?:het|de|een|die|dat|deze|dit|mijn|zijn|haar|onze|the|a|an|that|this|my|his|her|our)\s+)?"
# words of `_TOPIC` that name no thing of their own ("wie betaalt", "kosten", "het loon")
_NOT_A_THING = re.compile(r"^(kost\w*|betal\w*|costs?|pays?|paid|geld|money|loon\w*|salaris|wage"
                          r"|vergoed\w*|compensat\w*|ontsla\w*|ontslag\w*|op te zeggen)$")


# "nee, ik bedoel iets anders, hij ...": what was meant is told after it
_SOMETHING_ELSE = re.compile(r"(iets|wat|heel wat|heel iets) anders\b[\s,.:;]*|something else\b[\s,.:;]*",
                             re.I)
# "nee, ik bedoel dat hij niks doet": what was meant is told, not named
_NOT_A_NAME = re.compile(r"(dat|of|als|wat|hoe|waarom|wanneer|that|if|whether|how|what|why|when|hij|zij|ze|ik"
                         r"|je|jij|we|wij|he|she|i|you|they)\b")


def corrected_question(message: str, previous_question: str) -> str:
    """The question before with the thing it asked about replaced by the one `message` says was
    meant ("Hoeveel tijd heb ik voor het plan van aanpak?" + "nee, ik bedoelde het
    re-integratieverslag" -> "Hoeveel tijd heb ik voor het re-integratieverslag?"); "" when the
    message corrects nothing or the question names no thing to replace."""
    meant = _CORRECTION.match(message)
    what = meant.group("what").strip(" ,;:") if meant else ""
    other = _SOMETHING_ELSE.match(what)
    if other and previous_question:
        # "nee ik bedoel iets anders, hij komt wel op het spreekuur maar weigert het werk dat de
        # bedrijfsarts passend vindt": the question before, asked again about the case now told
        told = message[meant.start("what") + other.end():].strip()
        return f"{previous_question} {told}" if told else ""
    if not what or not _TOPIC.search(fold(what)) or len(words(what)) > 8 or _NOT_A_NAME.match(fold(what)):
        return ""
    for named in _TOPIC.finditer(fold(previous_question)):
        if _NOT_A_THING.match(named.group(0)):
            continue
        start, end = named.span()  # fold keeps the length, so the spans hold in the question
        # the whole word and what belongs to the name ("42e-weeksmelding", "spoor 2 traject")
        end += len(re.match(r"[\w-]*(?:\s+(?:2|1|twee|een)\b)?(?:\s+traject\w*)?", previous_question[end:]).group(0))
        article = re.search(_THE + r"$", previous_question[:start], re.I)
        start = article.start() if article and article.group(0) else start
        return f"{previous_question[:start]}{what}{previous_question[end:]}"
    return ""


def split_parts(question: str) -> list[str]:
    """"X? En Y?" or "X en wat Y?" -> [X, Y] (at most `MAX_PARTS`); short tails stay attached.
    "Twee vragen: 1) X 2) Y" -> [X, Y]."""
    lead_in = _LEAD_IN.match(question)
    rest = question[lead_in.end():] if lead_in else ""
    if rest and is_question(rest) and not _BACK_REFERENCE.search(fold(rest)):
        # "Going back to his shoulder injury: at what point do I have to report him to UWV?": a
        # question that does not point back at what it goes back to is asked on its own words
        return split_parts(rest)
    announced = _ANNOUNCED.match(question)
    if announced and announced.group("subject") and len(question) > announced.end():
        # "Three questions about the week-42 report: who files it, and how?": a part that points
        # at "it" is read with the subject the announcement named
        subject = announced.group("subject").strip()
        return [f"{part} ({subject})" if _POINTS_AT_A_THING.search(fold(part)) else part
                for part in split_parts(question[announced.end():])]
    question = _ANNOUNCED.sub("", question, count=1) or question
    if len(_ENUMERATOR.findall(question)) >= 2:
        pieces = [p.strip(" ,;") for p in _ENUMERATOR.split(question) if p.strip(" ,;")]
        return [p for piece in pieces for p in split_parts(piece)][:MAX_PARTS]
    pieces = [p for p in _JOINED.split(question) if p.strip(" ,;")]
    conditional = len(pieces) > 1 and bool(_CONDITION.match(_opening(pieces[0]))
                                           or _NO_SUBJECT.match(fold(pieces[0]))
                                           or POINTS_AT_AN_ANSWER.match(_opening(pieces[0])))
    if conditional:
        # "Als ik niet teken, kan hij me dan ontslaan, en krijg ik dan geld mee?": the condition
        # (or "zit in wk 75, kan ik ...?", what the writer says of themself, or "wat je eerst zei
        # over dat plan, ...", what it is about) belongs to the question after it, and what
        # follows is asked too
        pieces[:2] = [f"{pieces[0].rstrip(' ,')}, {pieces[1]}"]
    elif len(pieces) > 1 and not _QUESTION_START.match(_opening(pieces[0])) \
            and not _REQUEST.search(fold(pieces[0])):
        return [question]  # "Hij was 3 weken beter en is nu weer ziek": a statement, not two questions
    parts: list[str] = []
    joiner = {"nl": "en", "en": "and"}[detect_language(question)]
    for piece in pieces:
        piece = piece.strip(" ,;")
        if not piece:
            continue
        if len(words(piece)) >= 3 or not parts:
            parts.append(piece)
        else:
            parts[-1] = f"{parts[-1]} {joiner} {piece}"
    return [asked for part in parts for asked in _per_role(part)][:MAX_PARTS]


def topic_words(text: str) -> str:
    """The content words of a question (no question words or stopwords): what "dat" refers to."""
    return " ".join(w for w in words(text) if w not in NL_STOP and w not in EN_STOP and w not in _ASKING)


# Short words that still name a subject of ours ("mijn dochter heeft uitgezocht dat ik eerder een
# iva kan aanvragen": without "iva" the story's words are about the daughter)
_SHORT_TERMS = frozenset("iva wia wga wao uwv riv aow vso eje pva".split())


def story_words(context: str) -> str:
    """The content words of a story around its question, each once (short words left out, but
    for the shorthand of our subjects)."""
    return " ".join(dict.fromkeys(w for w in words(topic_words(context))
                                  if len(w) >= STORY_WORD_LENGTH or w in _SHORT_TERMS))


def _last_clause(sentence: str) -> str:
    clauses = [c for c in _CLAUSE.split(sentence) if len(words(c)) >= 3]
    return clauses[-1] if clauses else sentence


def vacuous(question: str) -> bool:
    """True for a question that names no topic of its own ("Hoe zit dat?", "Wie heeft er gelijk?");
    one long word is a topic ("bedrijfsarts")."""
    topic = words(topic_words(question))
    return not topic or (len(topic) == 1 and len(topic[0]) < VACUOUS_WORD_LENGTH)


def _lead_in(before: list[str], asked: list[int]) -> str:
    """The statements right before a question, back to about `LEAD_IN_WORDS` content words, or
    back to a statement that says what the writer does not know: "… a rent increase, which doesn't
    help my stress levels. I don't know if I'm allowed to challenge what the company doctor says.
    What are my options?" is about the company doctor, not the rent."""
    taken: list[str] = []
    for i in range(len(before) - 1, -1, -1):
        if i in asked:
            break
        taken.insert(0, before[i])
        if len(words(topic_words(" ".join(taken)))) >= LEAD_IN_WORDS or (
                # ... unless it names nothing of its own ("Ik weet niet wat hij heeft.")
                _UNKNOWN.search(fold(before[i])) and len(words(topic_words(before[i]))) >= UNKNOWN_WORDS):
            break
    return " ".join(taken)


def _referent(before: list[str], asked: list[int]) -> str:
    """What a short question that points back is about: the last clause of the nearest of the
    `REFERENT_SENTENCES` statements before it that names a subject of ours ("ze gaan spoor 2
    inzetten. Ik schrok me rot. Moet ik hieraan meewerken?"), else of the sentence right before."""
    return _named(before, asked) or _last_clause(before[-1])


def _named(before: list[str], asked: list[int]) -> str:
    """The clauses that name a subject of ours in the nearest of the `REFERENT_SENTENCES`
    statements before a question that has one ("" when none does)."""
    for i in range(len(before) - 1, max(len(before) - 1 - REFERENT_SENTENCES, -1), -1):
        if i in asked:
            break
        # an aside in brackets is no clause of its own ("ik ben 4 maanden ziek (hartproblemen, ik
        # mocht ook niet autorijden) en nu zegt mijn baas ...")
        plain = " ".join(_ASIDE.sub(" ", before[i]).split())
        clauses = [c for c in _CLAUSE.split(plain) if len(words(c)) >= 3] or [before[i]]
        named = [c for c in clauses if _TOPIC.search(fold(c))]
        if named and len(words(before[i])) <= NAMED_SENTENCE_WORDS:
            # "Nu ging mijn loon omlaag, van 100 naar 70 procent. Mag dat zomaar?": a short
            # sentence is what "dat" points at, the clause beside the named one included
            return before[i]
        if named:
            return " ".join(named)
    return ""


def core_questions(message: str) -> tuple[list[str], str]:
    """(the question(s) the message asks, the rest as context).

    A message of several sentences is a story: its question sentences are the core; without one,
    the last sentence is. A question that points back ("moet ik die zelf betalen?") keeps the
    sentence before it.
    """
    said = sentences(message)
    if len(said) <= 1:
        return split_parts(message.strip()), ""
    marked = any(s.rstrip().endswith("?") for s in said)
    asked = [i for i, s in enumerate(said) if is_question(s) and (
        # where the writer uses question marks, a sentence without one that opens with a verb
        # ("Zijn vrouw regelt de post") is a statement; a question word or request still asks
        not marked or s.rstrip().endswith("?") or _WH_START.match(_opening(s))
        or _REQUEST.search(fold(s)) or _JOINED_VERB_START.match(fold(s).strip(" \"'("))
        # the last sentence may end on its question without a mark ("en bezwaar maken, binnen
        # welke termijn moet dat")
        or (i == len(said) - 1 and _QUESTION_END.search(fold(s).rstrip(" .!"))))
        and not _answered_at_once(said, i) and not _doubted_claim(said, i)] or [
        # no question asked: what the writer says they do not know is what they ask ("maar ik weet
        # niet bij wie ik die moet halen of dat ik die zelf moet betalen. Mijn zoon wil een auto."),
        # else the last sentence
        next((i for i in range(len(said) - 1, -1, -1) if _UNKNOWN.search(fold(said[i]))), len(said) - 1)]
    if len(asked) == 1 and _UNKNOWN.search(fold(said[asked[0]])) and not is_question(said[asked[0]]):
        # ... without the reason it gives ("Ik weet niet of dat klopt, want de bedrijfsarts had het
        # over een arbeidsdeskundige": what "dat" points at is in the sentence before)
        said = [*said]
        said[asked[0]] = _REASON.split(said[asked[0]], maxsplit=1)[0]
    core: list[str] = []
    for i in asked:
        text = said[i]
        parts = split_parts(text)
        if i > 0 and i - 1 not in asked and vacuous(text) and not (
                # "... and wants a second opinion. do i have to pay for that??": what it costs
                # of the thing the sentence before names, not of the whole story
                _BACK_REFERENCE.search(fold(parts[0])) and _ASPECT.search(fold(parts[0]))
                and _named(said[:i], asked)):
            # "Wie heeft er gelijk?", "Hoe zit dat?": the question is in the sentences before it,
            # or, when those name nothing of ours ("Mijn vriendin vindt dat verdacht. Waarom doen
            # ze dat zo?", "... Mijn dochter doet mijn post, maar zit in het buitenland. Wat moet
            # ik nu doen?"), in the nearest one that does
            lead = _lead_in(said[:i], asked)
            if not _TOPIC.search(fold(lead)) or _WHAT_IS_THAT.match(fold(parts[0])):
                # "Mijn vader is erg ziek. De bedrijfsarts noemde een vervroegde IVA. Wat is dat?":
                # what a term is, the term the nearest sentence names
                lead = _named(said[:i], asked) or lead
            parts[0] = f"{lead} {parts[0]}"
        elif i > 0 and (claim := _claim_doubted(said[:i], asked, parts[0])):
            # "My boss told me that because I've been sick for more than two years my contract ends
            # automatically. ... Is it true that my contract just ends now?": the claim as told
            parts[0] = f"{claim} {parts[0]}"
        elif i > 0 and i - 1 not in asked and len(words(parts[0])) <= 12 \
                and _points_back(fold(parts[0])) and not _names_its_referent(fold(parts[0])):
            parts[0] = f"{_referent(said[:i], asked)} {parts[0]}"
        elif i > 0 and i - 1 not in asked and _VERDICT.match(fold(parts[0])) \
                and _REPORTED.search(fold(said[i - 1])):
            # "my employer says ... my sister says ... who's right, do i have to take a job like
            # that?": what was said before it is what the first part asks about
            parts[0] = f"{_lead_in(said[:i], asked)} {parts[0]}"
        elif i > 0 and (naming := _naming(said[:i], asked, parts[0])):
            parts[0] = f"{naming} {parts[0]}"
        parts[:1] = _per_role(parts[0])
        core.extend(parts)
    context = " ".join(s for i, s in enumerate(said) if i not in asked)
    return core, context


# A question that asks only whether something said is right: "klopt dat?", "who's right?"
_VERDICT = re.compile(
    r"^\W*(en |and |maar |but |dus |so )?(klopt (dat|dit|het)( wel| nou| eigenlijk)?|(wie|wat) (heeft|klopt) (er )?"
    r"(nou |nu )?(gelijk|wel)?|(heeft|hebben) (hij|zij|ze|die|mijn \w+) (nou |nu )?gelijk|who'?s right|who is right"
    r"|(is|was) (that|this|it|he|she) (really )?(true|right|correct)|(am i|are they|is he|is she) right)\W*$")


# "Is it true that ...?", "Klopt het dat ...?": a question whether a claim holds
_IS_IT_TRUE = re.compile(r"^\W*(en |and |maar |but |so |dus )?(is it (really )?(true|right|correct)|is that (really )?"
                         r"(true|right)|klopt het( echt)?|is het (echt )?(waar|zo)|is het echt zo) (that|dat)\b")


def _claim_doubted(before: list[str], asked: list[int], question: str) -> str:
    """The nearest statement before "is it true that <claim>?" that reports what someone said
    and shares a content word with the claim, however long ("" when none does)."""
    if not _IS_IT_TRUE.match(fold(question)):
        return ""
    claimed = {w for w in words(topic_words(question)) if len(w) >= 5}
    for i in range(len(before) - 1, -1, -1):
        if i not in asked and _REPORTED.search(fold(before[i])) \
                and claimed & set(words(topic_words(before[i]))):
            return before[i]
    return ""


def _naming(before: list[str], asked: list[int], question: str) -> str:
    """The nearest statement before a question that names the thing the question points at by
    name, however long the question: "Our HR consultant says the big report for UWV must be ready
    very soon. What is the latest point for that report, counted in weeks of sickness?" ("" when
    none does, or when that statement is a story of its own)."""
    # a whole word, or a long word's stem ("does that count" is not about "still counting")
    nouns = [re.compile(rf"\b{re.escape(_stem(n))}" + ("" if _stem(n) != n else r"\b"))
             for n in _POINTED_NOUN.findall(fold(question)) if n not in _NO_THING]
    for i in range(len(before) - 1, -1, -1):
        if i not in asked and any(n.search(fold(before[i])) for n in nouns):
            return before[i] if len(words(before[i])) <= NAMED_SENTENCE_WORDS else ""
    return ""


def _answered_at_once(said: Sequence[str], i: int) -> bool:
    """True when the sentence after `said[i]` is the writer's own short answer to it ("LS? nee
    gelukkig.")."""
    after = said[i + 1] if i + 1 < len(said) else ""
    return (bool(after) and not after.rstrip().endswith("?") and len(words(after)) <= SELF_ANSWER_WORDS
            and bool(_SELF_ANSWER.match(fold(after))))


# "my wg says the pva has to be done by next week??": what someone said, doubted
_REPORTED = re.compile(r"\b(says?|said|claims?|told (me|us)|insists?|wants (me|us|him|her) to|zegt|zei|zeggen"
                       r"|beweert|beweren|stelt|vindt|wil dat|willen dat)\b")


def _only_a_view(context: str) -> bool:
    """True for context that only says what someone thinks of the question ("our cm says yes",
    "mijn baas zegt van niet"): told after the question, its words would pull the search to that
    person ("cm": the casemanager card for a question about sending the plan to UWV)."""
    said = sentences(context)
    return bool(said) and all(_REPORTED.search(fold(s)) and len(words(s)) <= VIEW_WORDS for s in said)


def _doubted_claim(said: Sequence[str], i: int) -> bool:
    """True when `said[i]` only reports, with a question mark, what someone says and a later
    sentence asks the question ("my wg says the pva has to be done by next week?? ... whats the
    actual deadline"): the claim is what the question is about, not a question of its own."""
    sentence = fold(said[i])
    return (not _QUESTION_START.match(_opening(said[i])) and not _REQUEST.search(sentence)
            and not _JOINED_VERB_START.match(sentence) and bool(_REPORTED.search(sentence))
            and any(_WH_START.match(_opening(later)) for later in said[i + 1:]))


def _audience(text: str, given: str | None, history_text: str) -> tuple[str | None, bool]:
    if given in ("werkgever", "werknemer"):
        audience, from_ui = given, True
    else:
        audience, from_ui = None, False
        for source in (fold(text), fold(history_text)):
            audience = next((who for pattern, who in _AUDIENCE_HINTS if pattern.search(source)), None)
            if audience:
                break
    folded = fold(text)
    for pattern, who in _AUDIENCE_SWITCH:
        if pattern.search(folded):
            audience = who
    return audience, from_ui


# "In de uitnodiging staat dat hij mijn FML gaat bespreken. Wat is dat eigenlijk?": a term
# (an abbreviation in capitals, or a subject of ours) named right before "what is that?"
_WHAT_IS_THAT = re.compile(r"^\W*(en |and |maar |but )?(wat (is|betekent|houdt) (dat|dit|het)|wat zijn dat"
                           r"|what (is|does|are) (that|this|it|those)|what'?s (that|this))\b")
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


def _asks_what_a_named_term_is(part: str) -> bool:
    """True when a part's question asks what a term is that its own sentence before names: it is
    asked on its own words, whatever the conversation was about."""
    said = sentences(part)
    if len(said) < 2 or not _WHAT_IS_THAT.match(fold(said[-1])):
        return False
    lead = " ".join(said[:-1])
    return bool(_ACRONYM.search(lead) or _OWN_SUBJECT.search(fold(lead)))


def _follow_up_query(part: str, asked_before: Sequence[str]) -> str:
    """What a follow-up is retrieved on: with the question before it ("en als ze niet meewerkt?"
    is about spoor 2), unless it names a subject of its own and points back to no thing ("en een
    arbeidsdeskundige?" after a question about the bedrijfsarts) or points at a subject it names
    ("hoe lang kan zo'n sanctie dan duren?" after a story about spoor 2: the earlier words would
    win).

    `read_turn` then adds the words of the message before as weak context to a follow-up of at
    least `FOLLOW_UP_CONTEXT_WORDS` words, whichever query this gives, except to one that points at
    a subject it names.

    `asked_before`: the question(s) of the message it follows up. After a question asked in parts
    ("wat is spoor 2 en wanneer moet ik beginnen?"), a follow-up that asks something of its own
    ("en als hij niet meewerkt?") is about the subject the first part names, not about what a
    later part asked of it: it gets the first part's topic words as weak context."""
    if named := _named_after_pointer(part):
        return named
    own = " ".join(w for w in words(part) if w not in _WHO)
    folded = fold(part)
    if _names_its_referent(folded) or _asks_what_a_named_term_is(part) or (
            not vacuous(own) and not _points_at_a_thing(folded) and not _AFTER.search(folded)):
        return part
    if len(asked_before) > 1 and not vacuous(own):
        return f"{part} ({topic_words(asked_before[0])})"
    if _REFUSING.fullmatch(topic_words(own)):
        # "en als hij weigert?" after "wanneer moet spoor 2 beginnen?": refusing what was asked
        # about, not the question again (its words would win)
        return f"{part} ({topic_words(' '.join(asked_before))})"
    return f"{' '.join(asked_before)} {part}"


# A follow-up that only refuses: "en als hij weigert?", "and if she refuses?"
_REFUSING = re.compile(r"weiger\w*|refus\w*")
# Refusing said in other words: "if he just says no thanks", "als hij gewoon nee zegt", "slaat het
# af"; the retrievers read "refuses" / "weigert" instead ("no thanks" read as getting better)
_REFUSAL_IDIOM = re.compile(
    # (third person: "can I say no?" asks whether one may refuse, and reads well as it is)
    r"\b(?P<en>(says|said) no( thanks| thank you)?|turns (it|that|this|them|the \w+) down"
    r"|declines|declined)\b"
    r"|\b(?P<nl>(zegt|zei) (hij |zij |ze )?(gewoon |simpelweg |botweg )?nee( bedankt| dank je)?"
    r"|(gewoon |simpelweg |botweg )?nee (zegt|zei)"
    r"|(slaat|sloeg) (het|dat|dit|die|hem|ze|zo'?n \w+) (gewoon )?af|afslaat)\b", re.I)


def with_plain_refusal(query: str) -> str:
    """`query` with "refuses" / "weigert" for each way of refusing said in other words."""
    return _REFUSAL_IDIOM.sub(lambda m: "refuses" if m.group("en") else "weigert", query)


_PERSONS = frozenset("hij zij ze hem haar he she him her they them".split())
# A subject of ours that says what a question is about by itself (not "betalen" or "geld", which
# ask about whatever the conversation was about)
_OWN_SUBJECT = re.compile(
    r"\b(ontsla\w*|ontslag\w*|opzegverbod|dismiss\w*|fired?|loonsanctie|sanctie|sanction|wia|iva|wga|ziektewet"
    r"|transitievergoeding|vso|vaststellingsovereenkomst|deskundigenoordeel|re-?integratieverslag|riv"
    r"|plan van aanpak|probleemanalyse|eerstejaarsevaluatie|42e\w*|bedrijfsarts|arbeidsdeskundige\w*"
    r"|re-?integratiebureau\w*|spoor|track|coach\w*)\b")


# "en de bedrijfsarts, wat doet die dan nog?", "and the labour expert: who pays him?": a follow-up
# that names its subject first, then asks about it
_NAMED_FIRST = re.compile(
    r"(en|and|maar|but)?\s*(de|het|die|dat|the|that|mijn|onze|my|our|je|your|uw)?\s*"
    rf"({_OWN_SUBJECT.pattern})\s*(zelf|dan|then|eigenlijk)?\s*[,:]")


# "now that I've been sick for a year", "so that": a "that" that joins a clause, pointing nowhere
_JOINING_THAT = re.compile(r"\b(now|so|given|provided) that\b")


def _points_back(folded: str) -> bool:
    """True when a story's short question points back at something told before it; "Can they
    fire me now that I've been sick for a year?" points at persons only and names its own
    subject (as `_points_at_a_thing` reads a follow-up)."""
    folded = _JOINING_THAT.sub(" ", folded)
    pointers = {m.group(0) for m in _BACK_REFERENCE.finditer(folded)}
    return bool(pointers) and not (pointers <= _PERSONS and _OWN_SUBJECT.search(folded))


def _points_at_a_thing(folded: str) -> bool:
    """True when a follow-up points back at a thing. "kan ik hem dan ontslaan?" points at a person
    only, and names its own subject: it is asked on its own words (after "wat is het verschil
    tussen spoor 1 en spoor 2?" those would win); "moet hij dat zelf betalen?" points at a thing."""
    pointers = {m.group(0) for m in _POINTS_AT_A_THING.finditer(folded)}
    return bool(pointers) and not (pointers <= _PERSONS and _OWN_SUBJECT.search(folded))


# "en als ik die melding te laat doe?": a thing the message points at by name
_POINTED_NOUN = re.compile(r"\b(?:die|dat|deze|dit|zo'?n|that|this|these|those|such an?)\s+(\w{4,})")
# ...but "in dat geval", "op dit moment", "in that case" point at no thing of an earlier question
_NO_THING = {"geval", "moment", "situatie", "keer", "tijd", "week", "weken", "case", "time",
             "point", "situation", "weeks"}


# A message that points at the conversation's first turn ("wat je eerst zei", "your first answer")
_FIRST_TURN = re.compile(
    r"\b(het eerste (wat|dat) (je|u|jij) (zei|zegt|schreef|noemde)|wat (je|u|jij) (eerst|als eerste|in het begin) "
    r"(zei|schreef|noemde)|(je|jouw|uw) eerste antwoord|waar ik (eerst|als eerste|in het begin) (naar )?vroeg"
    r"|mijn eerste (vraag|bericht)|what you said (first|at first|at the start)|your first (answer|reply)"
    r"|my first (question|message)|what i (first )?asked (first|at first|at the start)"
    r"|the first (thing|point) (you|u) (mentioned|said|wrote|named))\b"
)
# ... or at any answer before: "wat je net zei", "je vorige antwoord"
POINTS_AT_AN_ANSWER = re.compile(
    _FIRST_TURN.pattern + r"|\b(wat|dat) (je|u|jij) (net|daarnet|eerder|zojuist) (zei|schreef|noemde)\b"
    r"|\b(je|jouw|uw) (vorige|laatste) antwoord\b|\bwhat you (just )?said\b|\byour (last|previous) (answer|reply)\b",
    re.I,
)


# "back to" before a pointer at an answer: no words of the question itself
_BACK_TO = re.compile(r"\b(back to|terug naar)\b", re.I)


def _named_after_pointer(part: str) -> str:
    """The part without its pointer at an earlier answer, when it still names what it asks about
    ("" otherwise): "En dat plan uit je eerste antwoord, hoe vaak moeten we dat evalueren?" is
    asked on its own words, as is "Back to the first thing you mentioned, the evaluation at the
    end of year one: do we need an arbeidsdeskundige for that?" (the last question's words, or
    the answer's subject, would win). "Terug naar wat je eerst zei: hoe lang duurt dat?" names
    nothing and is read with the question it points at."""
    if not POINTS_AT_AN_ANSWER.search(part):
        return ""
    rest = " ".join(_BACK_TO.sub(" ", POINTS_AT_AN_ANSWER.sub(" ", part)).split()).strip(" ,:;-")
    return "" if vacuous(rest) else rest


# Nouns that name one of several steps ("die evaluatie": the eerstejaarsevaluatie or the
# eindevaluatie; "die melding", "dat verslag", "die aanvraag")
_STEP_NOUNS = frozenset("evaluatie melding verslag analyse aanvraag uitkering sanctie vergoeding".split())


def _named_in_full(part: str, answer: str) -> str:
    """The part with a step it points at spelled out as the compound the answer before named:
    "wat moet er in die evaluatie gebeuren?" after an answer that named the eerstejaarsevaluatie
    (and no other evaluation) asks about the eerstejaarsevaluatie."""
    said = set(words(answer))
    for noun in _POINTED_NOUN.findall(fold(part)):
        if noun not in _STEP_NOUNS or noun in said:
            continue
        compounds = {w for w in said if w.endswith(noun) and len(w) > len(noun) + 2}
        if len(compounds) == 1:
            part = re.sub(rf"\b{noun}\b", compounds.pop(), part, count=1, flags=re.I)
    return part


def _stem(noun: str) -> str:
    """A pointed noun's stem, so "dat administratieve werk" finds "administratief werk" and "die
    meldingen" finds "de melding" (the last letters bend); a word under 8 letters stays whole
    ("die ziekte" must not find every "ziek")."""
    return noun if len(noun) < 8 else noun[:len(noun) - 3]


def _pointed_at(message: str, part: str, first: str) -> str:
    """The sentence of a message, before one of its parts, that names the thing the part points
    at when the first part does not ("" when there is none): "... HR emailed me a finished
    're-integration plan' ... Nobody asked me anything. Is that how it normally works here? And
    by when does such a plan have to be made?" is about the plan HR sent."""
    nouns = [_stem(n) for n in _POINTED_NOUN.findall(fold(part)) if n not in _NO_THING]
    nouns = [n for n in nouns if n not in fold(first)]
    before = message[:message.find(part)] if part in message else ""
    return next((s for s in reversed(sentences(before)) if any(n in fold(s) for n in nouns)), "") if nouns else ""


def referred_question(message: str, previous: Sequence[str]) -> str:
    """The earlier user message a follow-up is about: the last one, unless the message points by
    name at a thing only an earlier one named ("en als ik die melding te laat doe?" after
    "wanneer moet de 42e-weeksmelding?" and "moet het plan van aanpak mee?"), or the last one was
    itself a follow-up that named no subject of ours ("wie vraagt het aan?" after "wat is een
    deskundigenoordeel?"): then the latest one that did (its words win over "how do I pick a
    good one?" for "can I make the employee pay part of it?")."""
    last = previous[-1]
    pointed = [n for n in _POINTED_NOUN.findall(fold(message)) if n not in _NO_THING]
    if _FIRST_TURN.search(fold(message)) and len(previous) > 1 and not pointed:
        # "Terug naar het eerste wat je zei: hoe lang ...?": the conversation's first question that
        # named a subject of ours ("dat plan uit je eerste antwoord" names its thing: read below)
        return next((earlier for earlier in previous[:-1] if _TOPIC.search(fold(earlier))), previous[0])
    nouns = [_stem(n) for n in pointed if _stem(n) not in fold(last)]
    for earlier in reversed(previous[:-1]):
        if any(n in fold(earlier) for n in nouns):
            return earlier
    if _TOPIC.search(fold(last)) and not (len(previous) > 1 and _only_general(last)):
        return last
    return next((earlier for earlier in reversed(previous[:-1]) if _TOPIC.search(fold(earlier))), last)


def _only_general(message: str) -> bool:
    """True for a follow-up that names only a general subject ("dus ik krijg gewoon langer loon?"
    after "mijn werkgever heeft een loonsanctie gekregen"): what it is about was named before."""
    folded = fold(message)
    # (a short question that points back, "hoe snel hoor je dan iets van uwv?", follows up too)
    return bool(_FOLLOW_UP.search(folded) or _BACK_REFERENCE.search(folded)) \
        and len(words(message)) <= 8 and all(_GENERAL.fullmatch(m.group(0)) for m in _TOPIC.finditer(folded))


# "and my second question?", "en mijn andere vraag, over ontslag?": a part of an earlier message
_OTHER_QUESTION = re.compile(r"\b(mijn|m'n|my) ((tweede|2e|andere|other|second|2nd) (vraag|question)\b"
                             r"|(vraag|question) (over|about|on) (de |het |the |mijn |my )?(?P<subject>\w[\w-]{3,}))")


def _other_question(message: str, previous: Sequence[str]) -> tuple[str, int]:
    """(the earlier message, which of its questions) when the message asks for an earlier question
    that was not answered without asking it again: "and my second question?" is the second of the
    latest message that asked more than one; "en mijn vraag over ontslag dan?" the question of the
    latest message that names dismissal. ("", 0) otherwise."""
    named = _OTHER_QUESTION.search(fold(message))
    # "Mijn tweede vraag: hoe lang duurt spoor 2?" asks it here
    if not named or re.search(rf"\b({_WH}|mag|moet|kan|kun|is|zijn|can|may|must|do|does|are)\b",
                              fold(message)[named.end():]):
        return "", 0
    if not named.group("subject"):
        return next((earlier for earlier in reversed(previous) if len(core_questions(earlier)[0]) > 1), ""), 1
    stem = named.group("subject")[:5]
    for earlier in reversed(previous):
        asked = core_questions(earlier)[0]
        at = next((i for i, part in enumerate(asked) if stem in fold(part)), None)
        if at is not None:
            return earlier, at
    return "", 0


def last_answer(history: Sequence[dict]) -> str:
    """The assistant's last message in the conversation ("" when there is none)."""
    return next((h["content"] for h in reversed(history) if h.get("role") == "assistant"), "")


# Subjects too general to say what an answer was about ("UWV", "loon", "kosten")
_GENERAL = re.compile(
    r"(uwv|re-?integratie|reintegration|loon|salaris|wage|kost\w*|costs?|betal\w*|pays?|paid"
    r"|geld|money|uitkering|benefit|sick leave|evaluatie|traject|bureau\w*|agency|arbo\w*"
    r"|vergoed\w*)")


# "de arbeidsovereenkomst op te zeggen" is the dismissal our texts call "ontslag"
_SAID_AS = {"op te zeggen": "ontslag", "tweede-spoortraject": "tweede spoor", "2e-spoortraject": "tweede spoor",
            "spoortraject": "tweede spoor"}
# An aside in brackets: "(de probleemanalyse)" in an answer, a story's words beside a query
_ASIDE = re.compile(r"\([^)]*\)")
# "in de praktijk rond de eerstejaarsevaluatie", "soon after the first-year evaluation": a step an
# answer names to tell when, not what it is about
_TIMED = re.compile(rf"\b(?:rond|kort na|vlak na|direct na|na|around|soon after|shortly after|right after|after"
                    rf"|before)\s+(?:de|het|the)\s+(?:{_TOPIC.pattern})", re.I)
# "what else needs to be in it besides the final evaluation?": a step named to set it apart is
# not what the question is about
_BESIDES = re.compile(rf"\b(?:besides|apart from|other than|except(?: for)?|naast|behalve|buiten)\s+"
                      rf"(?:de|het|the|that|die|dat)?\s*(?:{_TOPIC.pattern})", re.I)


def _asks_besides(sentence: str) -> bool:
    """True for a question that points back at a thing and names a subject of ours only to set it
    apart ("what else needs to be in it besides the final evaluation?")."""
    folded = fold(sentence)
    rest = _BESIDES.sub(" ", folded)
    return rest != folded and bool(_BACK_REFERENCE.search(rest)) and not _TOPIC.search(rest)


# the rest of a hyphenated word a subject starts ("42e" in "42e-weeksmelding")
_REST_OF_WORD = re.compile(r"(?:-\w+)+")


def _subjects(text: str) -> list[str]:
    """The specific subjects of ours a text names, each once, in the order named, as whole
    words ("42e-weeksmelding", not "42e")."""
    folded = fold(text)
    named: list[str] = []
    for m in _TOPIC.finditer(folded):
        if not _GENERAL.fullmatch(m.group(0)):
            rest = _REST_OF_WORD.match(folded, m.end())
            word = m.group(0) + (rest.group(0) if rest else "")
            named.append(_SAID_AS.get(word, word))
    return list(dict.fromkeys(named))


# A lead sentence naming more subjects than this is a list, not what the answer was about
ANSWER_SUBJECTS = 2
# "en als ik dat te laat doe?", "what if we forget?": about the step the answer gave a deadline
_LATE = re.compile(r"\b(te laat|vergeet|vergeten|vergat|mis|mist|missen|misten|gemist|overschrijd\w*|niet op tijd"
                   r"|too late|late|forget|forgot|miss|missed|not in time)\b")
# ... and one that says nothing else ("en als we die termijn missen?", "what if I'm late?") asks
# what missing that step does: it is read on the step alone, since the words of the question
# before ("wanneer moet ik hem bij UWV melden?") lead back to the step's deadline
_LATE_ONLY = frozenset(
    "laat vergeet vergeten vergat mis mist missen misten gemist niet halen haal halen termijn deadline gebeurt"
    " doe doen is zijn ben oeps late forget forgot miss missed happens i'm we're make time".split())
_DUE = re.compile(r"\b(uiterlijk|binnen|deadline|termijn|week \d+|\d+e week|at the latest|within"
                  r"|no later than|by the end|by week \d+)\b")


def _due_subject(sentence: str, names: re.Pattern[str] = _TOPIC) -> list[str]:
    """The subject nearest to a sentence's deadline, asides in brackets left out: "WIA" in "je
    hebt recht op een WIA-beoordeling (WGA of IVA) als je uiterlijk in week 93 aanvraagt, en je
    mag om een transitievergoeding vragen"."""
    text = _ASIDE.sub(" ", sentence)
    due = _DUE.search(text)
    if not due:
        return []
    named = [m for m in names.finditer(text) if not _GENERAL.fullmatch(m.group(0))]
    if not named:
        return []
    nearest = min(named, key=lambda m: max(due.start() - m.end(), m.start() - due.end()))
    return [nearest.group(0)]


def missed_step(history: Sequence[dict], part: str, language: str) -> str:
    """For a follow-up part that only says a step is missed or late ("en als we die termijn
    missen?"), the question what missing the step does that the previous answer gave a deadline
    for, as its card asks it (a query, not wording shown); else ""."""
    said = topic_words(part).split()
    if not said or not _LATE.search(fold(part)) or not set(said) <= _LATE_ONLY:
        return ""
    due = _due_in_answer(history, _STEP)
    return _MISSED[language].format(step=due[0]) if due else ""


def _due_in_answer(history: Sequence[dict], names: re.Pattern[str] = _TOPIC) -> list[str]:
    """The subject nearest to the deadline of the previous answer's first sentence that gives one."""
    return next((due for s in split_sentences(last_answer(history)) if (due := _due_subject(fold(s), names))), [])


_MISSED = {"nl": "wat gebeurt er als de {step} te laat is of gemist wordt?",
           "en": "what happens if the {step} is late or missed?"}
# The steps with a deadline, also the week-42 notification as named in English (the other English
# names are in `_TOPIC`)
_STEP = re.compile(rf"{_TOPIC.pattern}|\b(week[- ]?42 notification|42nd[- ]week notification)\b")


# "en als ik die sollicitaties gewoon niet doe?", "als we het gewoon laten zitten?", "what if we
# simply don't do it?": a follow-up that asks what leaving a step undone does ...
_NOT_DOING = re.compile(
    r"\b(niet (doe|doet|doen|deed|deden|maak|maakt|maken|opstelt|opstellen|aanvraag|aanvraagt|aanvragen"
    r"|indient|indienen|inzet|inzetten|regelt|regelen)|(laat|laten|liet|lieten) (\w+ ){0,2}(liggen|zitten)"
    r"|(don'?t|doesn'?t|won'?t|do not|does not|will not|never) (\w+ )?(do|make|draw up|write|file|submit)"
    r" (it|that|this|them|the|an?|his|her|their|one)\b"
    r"|(skip|skips|skipped|ignore|ignores|ignored) (it|that|this|them)"
    # "and if he just won't go?", "en als ze gewoon niet komt opdagen?": stays away from it
    # (at the end: "he won't come back here", "als het niet gaat" are not about a step)
    r"|(won'?t|doesn'?t|does not|will not|refuses? to) (just |simply )?(go|attend|show up|turn up)"
    r"( (to )?(it|that|there|the \w+))?\s*[?.!]*$|niet (gaat|gaan|komt|komen)( (opdagen|daarheen|erheen))?\s*[?.!]*$"
    r"|niet (opdaagt|verschijnt)|(komt|komen) (\w+ )?niet opdagen)")
# ... by whom: the person named last before the words that leave it undone
_DOER = re.compile(r"\b((?P<self>ik|we|wij|i)|(?P<other>hij|zij|ze|he|she|they)"
                   r"|(?P<werkgever>werkgever|baas|employer|boss)"
                   r"|(?P<werknemer>werknemer|werkneemster|medewerker|medewerkster|employee))\b")
NOT_DOING_WORDS = 16
# "can't we just skip it?", "mogen we het niet gewoon laten liggen?": asks whether the step may be
# left out (the question before it is about that step), not what leaving it out costs
_MAY_WE = re.compile(r"\b(can'?t|cannot|can|could|may|mag|mogen|kan|kunnen)\b(\s+[\w']+){0,3}\s*$")
# ... asked as the card on that party's failure asks it (a query, not wording shown): a
# werknemer who does not cooperate risks his wage, a werkgever who does not re-integrate a
# loonsanctie
_NOT_DONE = {  # (who leaves it undone, who asks, language)
    ("werknemer", "werknemer", "nl"):
        "wat gebeurt er als ik niet meewerk aan {step}?",
    ("werknemer", "werkgever", "nl"):
        "wat gebeurt er als de werknemer niet meewerkt aan {step}: loonstop of opschorting?",
    ("werkgever", "werkgever", "nl"):
        "wat gebeurt er als wij als werkgever {step} niet doen: loonsanctie?",
    ("werkgever", "werknemer", "nl"):
        "wat gebeurt er als mijn werkgever {step} niet doet: loonsanctie?",
    ("werknemer", "werknemer", "en"):
        "what happens if I do not cooperate with {step}?",
    ("werknemer", "werkgever", "en"):
        "what happens if the employee does not cooperate with {step}: wage stop or suspension?",
    ("werkgever", "werkgever", "en"):
        "what happens if we as the employer do not do {step}: wage sanction?",
    ("werkgever", "werknemer", "en"):
        "what happens if my employer does not do {step}: wage sanction?",
}
# ... where the step is one of re-integration, which UWV judges (and can sanction) at the end; a
# report or an application left undone has a consequence of its own, which its card says (asked
# as `missed_step` asks it)
_SANCTIONED_STEP = re.compile(r"spoor|track|traject|re-?integra\w*|plan van aanpak|action plan"
                              r"|probleemanalyse|evaluati\w*|arbeidsdeskundige\w*|bureau\w*|coach\w*"
                              r"|sollicit\w*|labou?r expert|problem analysis")
# ... and of those, what an employee does himself; not going to the others (the arbeidsdeskundige,
# the plan) is not cooperating with his re-integration (asked by the step, its own card would win)
_OWN_ACTIVITY = re.compile(r"spoor|track|traject|re-?integra\w*|bureau\w*|coach\w*|sollicit\w*")
_REINTEGRATION = {"nl": "mijn re-integratie", "en": "my reintegration"}


def not_doing(part: str, referred: str, previous_question: str, history: Sequence[dict],
              audience: str | None, language: str) -> str:
    """For a short follow-up part that asks what happens if someone leaves a step undone ("en als
    ze het gewoon niet doet?" after the WIA application's deadline), the question what that
    party's failure costs, with the step the part names, or else the one asked about before (or
    named in the message that asked it), or else the one the answer gave a deadline for; "" for
    any other part, or when the asker or the step is unknown."""
    folded = fold(part)
    undone = _NOT_DOING.search(folded)
    if not undone or audience not in ("werkgever", "werknemer") \
            or len(words(part)) > NOT_DOING_WORDS or _MAY_WE.search(folded[:undone.start()]):
        return ""
    doers = list(_DOER.finditer(folded[:undone.start()]))
    if not doers:
        return ""
    named = doers[-1]
    if named.lastgroup in ("werkgever", "werknemer"):
        doer = named.lastgroup
    else:
        other = "werknemer" if audience == "werkgever" else "werkgever"
        doer = audience if named.group("self") else other
    # a question before that named no step ("wat hoort er nu te gebeuren?") left it to the answer
    # ("Dan hoort je werkgever spoor 2 in te zetten"), not to the story told beside it
    steps = (_subjects(part) or _subjects(previous_question)
             or (_answer_lead(history) if previous_question else []) or _subjects(referred)
             or _due_in_answer(history, _STEP))
    if not steps:
        return ""
    if doer == "werkgever" and not _SANCTIONED_STEP.fullmatch(steps[0]):
        return _MISSED[language].format(step=steps[0])
    step = steps[0]
    if doer == audience == "werknemer" and not _OWN_ACTIVITY.fullmatch(step):
        step = _REINTEGRATION[language]
    return _NOT_DONE[doer, audience, language].format(step=step)


def _answer_lead(history: Sequence[dict]) -> list[str]:
    """The subjects of the previous answer's first sentence, when it names a few (not a list)."""
    said = split_sentences(last_answer(history))
    named = _subjects(_TIMED.sub(" ", _ASIDE.sub(" ", said[0]))) if said else []
    return named if len(named) <= ANSWER_SUBJECTS else []


def answer_subject(history: Sequence[dict], previous_question: str, part: str) -> str:
    """The subjects of the previous answer a follow-up part points at, less those its question
    named: for "en als ik dat te laat doe?" those of the first sentence that gives a deadline
    ("Je vraagt de WIA aan, uiterlijk in week 93"), else those of the first sentence that names
    any, unless it lists more than `ANSWER_SUBJECTS` (then it is a list, not the subject)."""
    # asides in brackets ("na dat eerste advies (de probleemanalyse) maakt u een plan van aanpak")
    # name what the answer was not about, unless they only give the term ("the first-year
    # evaluation (eerstejaarsevaluatie)")
    said = [_subjects(_TIMED.sub(" ", _ASIDE.sub(" ", s))) or _subjects(_TIMED.sub(" ", s))
            for s in split_sentences(last_answer(history))]
    named: list[str] = []
    if _LATE.search(fold(part)):
        named = _due_in_answer(history)
    if not named:
        named = next((subjects for subjects in said if subjects), [])
        if len(named) > ANSWER_SUBJECTS:
            return ""
    asked = set(_subjects(previous_question))
    if named and named[0] in asked and any(_WHAT_IS_THAT.match(fold(s)) for s in sentences(previous_question)):
        # "... start track 2. What is that exactly?" "Track 2 means looking for suitable work with
        # a different employer": the answer says what was asked about, not the subject it names
        # on the way
        return ""
    return " ".join(w for w in named if w not in asked)


# "Wat kan UWV ons opleggen als we te laat zijn? En hoe lang kan dat duren?": a later part that
# only asks how long (or whether it can be shorter), how much or who pays of what it points at, in
# at most `ASPECT_WORDS` words
_ASPECT = re.compile(r"\b(kost\w*|costs?|betaa?l\w*|pays?|paid|geld|money|duur\w*|lang|long|vergoed\w*"
                     r"|korter|shorter|sneller|faster|(ver|in|be)kort\w*|ingekort|shorten\w*)\b")
# ... of which money alone names no aspect ("krijgt hij dat geld terug?" asks about the money of
# the question before, not who pays it)
_MONEY = ("geld", "money")
_POINTER = re.compile(r"\b(dat|dit|die|deze|het|that|this|it|daarvoor|hiervoor)\b")
ASPECT_WORDS = 10
# ... of a measure or a step, not of a person or the track itself (the plain query finds those)
_NO_ASPECT_SUBJECT = re.compile(r"\b(2e spoor|tweede spoor|spoor|track|traject|bedrijfsarts|arbeidsdeskundige\w*"
                                r"|case ?manager|coach\w*|arbo\w*)\b")


# "en wat moet ik als eerste regelen?" after a question on the loondoorbetaling: it asks for the
# first steps of the whole process, not for those of the answer's subject
_FIRST_STEPS = re.compile(
    r"\b(als eerste|eerste stap(pen)?|eerst (\w+ ){0,3}(doen|regelen|regel|beginnen)|waar (moet (ik|we) )?"
    r"(begin|beginnen|start|starten)( ik| we)?\b|first (thing|step)s?|(do|arrange|sort out|handle) first\b"
    r"|where (do|should) (i|we) (start|begin))")


def _situation_only(message: str, question: str) -> str:
    """The story words of `message` without its `question`: what a first-steps follow-up is about
    is the situation told, not what was asked about it."""
    return story_words(" ".join(s for s in sentences(message) if s.strip() not in question) or message)


def _asks_only_an_aspect(part: str) -> bool:
    """True for "wie betaalt dat eigenlijk?", "how long does that take?": how long, how much or
    who pays of what it points at, in at most `ASPECT_WORDS` words, naming nothing else."""
    said = fold(part)
    return len(words(said)) <= ASPECT_WORDS and bool(_ASPECT.search(said) and _POINTER.search(said)) \
        and not _TOPIC.search(_ASPECT.sub(" ", said))


def _told_beside(proposed: str, told: str) -> list[str]:
    """The subjects of ours `told` named, when the answer's subject (`proposed`) is none of them
    (the answer led with the waiting time, the message was about the WIA application); none when
    the answer took up a subject the message named ("een loonsanctie ... omdat het RIV niet goed
    was": the loonsanctie, not also the RIV)."""
    named = _own_subjects(told)
    return [] if any(s in fold(proposed) for s in named) else named


def _own_subjects(text: str) -> list[str]:
    """The subjects of ours that `text` names which say what a question is about by themselves
    (the WIA, a loonsanctie, dismissal; not people or money), once each, in order."""
    return list(dict.fromkeys(m.group(0) for m in _OWN_SUBJECT.finditer(fold(text))
                              if not _PEOPLE.match(m.group(0))))


_PEOPLE = re.compile(r"bedrijfsarts|arbeidsdeskundige|re-?integratiebureau|coach")


def _what_the_answer_proposed(part: str, told: str, history: Sequence[dict]) -> str:
    """What "who pays for that?" asks about after a message that only told ("the company doctor
    and the labour expert say she cannot return"): the first subject of the answer to it ("track
    2"), not the people the story named; for "what if I miss it?", the subject the answer gave a
    deadline ("You must apply for WIA yourself, at the latest ..."). "" when the part asks more, or
    the answer names none; "so who pays me after that?" points at a time, not at a thing."""
    folded = fold(part)
    if _AFTER.search(folded) or any(is_question(s) for s in sentences(told)):
        return ""
    said = split_sentences(last_answer(history))
    if _asks_only_an_aspect(part) and any(m.group(0) not in _MONEY for m in _ASPECT.finditer(folded)):
        return next((subjects[0] for s in said if (subjects := _subjects(s))), "")
    if _LATE.search(folded) and _POINTER.search(folded) and len(words(folded)) <= ASPECT_WORDS \
            and not _TOPIC.search(folded):
        return next((due[0] for s in said if (due := _due_subject(fold(s)))), "")
    return ""


def query_after(turn: Turn, part: int, answer: str) -> str:
    """The query of a later part that only asks an aspect (how long, what it costs) of what it
    points at, read with the subject of the answer to the first part: "hoe lang kan dat duren?"
    after an answer that leads with the loonsanctie is about the loonsanctie, which the asker
    never named ("" when the part is no such question, or the answer names no subject that
    its query lacks)."""
    if not part or not _asks_only_an_aspect(turn.parts[part]):
        return ""
    subject = answer_subject([{"role": "assistant", "content": answer}], turn.parts[0], turn.parts[part])
    subject = " ".join(_NO_ASPECT_SUBJECT.sub(" ", subject).split())
    if not subject or all(w in fold(turn.queries[part]) for w in subject.split()):
        return ""
    return f"{turn.parts[part]} ({subject})"


def _next_step(message: str, previous_question: str, history: Sequence[dict]) -> str:
    """The milestone a "what comes next?" follow-up asks about: the core one after the milestone
    the previous question named, else the first milestone named in the previous answer's first
    `ANSWER_LEAD_SENTENCES` sentences ("Bij het eerste gesprek ... Dat legt hij vast in een
    probleemanalyse")."""
    folded = fold(message)
    keys = asked_keys(previous_question) or next(
        (keys for s in split_sentences(last_answer(history))[:ANSWER_LEAD_SENTENCES] if (keys := asked_keys(s))), [])
    after = following(keys) or ""
    named = asked_keys(message)
    if not (_NEXT_STEP.search(folded) or (
            # "en dat plan daarna, hoeveel tijd heb ik daarvoor?": the next step's time, unnamed
            # or named only by a word for it ("dat plan")
            len(words(message)) <= NEXT_STEP_WORDS and _AFTER.search(folded) and is_deadline_question(message)
            and named in ([], [after]))):
        return ""
    return after


# A message that says it asks something new ("Andere vraag: ...", "Los daarvan, ...", "Different
# question: ..."): no follow-up of the question before it, though the dates and facts told in the
# conversation still count (the deadline answerer reads them from the history)
_NEW_TOPIC = re.compile(
    # "Oké. Los daarvan: ...", "Thanks. Different question: ...": after a word of thanks
    r"^\s*(?:(?:oké|oke|ok|okay|prima|top|helder|duidelijk|dank je( wel)?|dank u( wel)?|bedankt|thanks"
    r"|thank you|alright|all right)\b[\s,.!]*)?"
    r"((nog )?(een )?(heel )?(andere|ander|nieuwe|aparte|tweede) (vraag|onderwerp)|los (daarvan|daar van|hiervan)"
    r"|(nu )?iets (heel |totaal |compleet )?anders|(a |one )?(different|another|new|separate|unrelated|other)"
    r" (question|topic|thing|matter)|(on )?a different (note|topic)|something (else|different)"
    r"|(changing|to change) the (subject|topic)|apart from (that|this)|unrelated)\b[\s:;,.!\-–—]*",
    re.I,
)


# "ok back to the pay thing, ...", "terug naar die loonsanctie: ...": a message that goes back to
# what an earlier message named, past a detour since (whose words would pull the query its way)
_BACK_TO_NAMED = re.compile(r"\b(?:back to|terug naar|returning to|terugkomend op)\s+([\w' -]+)")
# ... of which these words name no subject ("terug naar mijn eerste vraag" is `_FIRST_TURN`'s)
_NO_NAME = frozenset("thing things ding dingen question vraag vragen topic onderwerp point punt first "
                     "eerste eerst earlier eerder begin start issue kwestie stuff part deel".split())


def _back_to(message: str, history: Sequence[dict]) -> Sequence[dict]:
    """The conversation as it stood after the earlier message a message goes back to by name ("ok
    back to the pay thing, is it really 2 years max?" after a detour on working part-time: the
    question on how long pay lasts, and its answer); the whole history otherwise."""
    named = _BACK_TO_NAMED.search(fold(message))
    asked = [i for i, h in enumerate(history) if h.get("role") == "user"]
    if not named or len(asked) < 2 or _FIRST_TURN.search(fold(message)):
        return history
    stems = [w[:5] for w in words(named.group(1))[:4] if len(w) > 2 and w not in _NO_NAME
             and w not in NL_STOP and w not in EN_STOP]
    named_in = re.compile(rf"\b({'|'.join(map(re.escape, stems))})")
    if not stems or named_in.search(fold(history[asked[-1]]["content"])):
        return history
    at = next((i for i in reversed(asked[:-1])
               if named_in.search(fold(history[i]["content"]))), None)
    if at is None:
        return history
    end = next((i for i in asked if i > at), len(history))
    return history[:end]


# "can you say that in English?", "kun je dat in het Nederlands uitleggen?", "in english please"
_IN_LANGUAGE = re.compile(r"\bin (?:het )?(?:(?P<en>english|engels)|(?P<nl>dutch|nederlands))\b")
_AT_AN_ANSWER = re.compile(
    r"\b(that|this|it|dat|dit|het|answer|antwoord|again|nog een keer|opnieuw)\b")
# "Sorry, can you continue in English?", "kunt u verder in het Nederlands?": the conversation
# goes on in that language (a question beside it is answered in it; alone, the one before is)
_GO_ON = re.compile(r"\b(continue|carry on|go on|from now on|switch( to)?|keep (talking|writing|going)"
                    r"|verder|voortaan|vanaf nu|doorgaan|ga(at)? (je|u) .{0,12}door|overstappen)\b")
LANGUAGE_REQUEST_WORDS = 14


def language_asked(part: str) -> str:
    """"en" or "nl" for a part that only asks to have the answer before in that language ("sorry
    my dutch is not so good, can you say that in english?"); "" otherwise, as for a question that
    names a subject of ours ("is the RIV in English too?")."""
    folded = fold(part)
    named = _IN_LANGUAGE.search(folded)
    if not named or _TOPIC.search(folded) or len(words(folded)) > LANGUAGE_REQUEST_WORDS:
        return ""
    rest = _IN_LANGUAGE.sub(" ", folded)
    if not (_AT_AN_ANSWER.search(rest) or _GO_ON.search(rest)) and len(words(folded)) > 4:
        return ""
    return "en" if named.group("en") else "nl"


# "Sorry, I'm his daughter and I read English better.", "mijn Nederlands is niet zo goed": a sentence
# that only says which language the asker reads, not what is asked (the language is detected)
_LANGUAGE_REMARK = re.compile(
    r"\b((i|we) (can )?(read|understand|speak|write|know) (english|dutch|engels|nederlands) (much |a lot )?better"
    r"|(my|our) (dutch|english) is (not (so |very |that )?(good|great)|bad|poor|limited|basic|weak)"
    r"|(i|we) (don'?t|do not|can'?t|cannot) (read|speak|understand) (dutch|english)( (well|very well|that well))?"
    r"|sorry (for|about) my (english|dutch)|(english|dutch) is easier for me"
    r"|(ik|wij|we) (lees|lezen|spreek|spreken|begrijp|begrijpen) (beter|liever) (engels|nederlands)"
    r"|mijn (nederlands|engels) is (niet (zo |zo'n |heel |erg )?(goed|best)|slecht|matig|beperkt))\b")


# A word that points back at what was told or asked before it
_POINTS_BACK = re.compile(r"\b(zoiets|zo'?n|dat|het|daar\w*|hier\w*|it|that|such|there)\b")


def without_language_remarks(message: str) -> str:
    """`message` without the sentences that only say which language the asker reads (when a
    question or story remains): "Sorry, I'm his daughter and I read English better. Who has to
    file that?" is the short follow-up "Who has to file that?"."""
    said = sentences(message)
    kept = [s for s in said if not (_LANGUAGE_REMARK.search(fold(s)) and not is_question(s)
                                    and not _TOPIC.search(fold(s)))]
    return " ".join(kept) if kept and len(kept) < len(said) else message


def goes_on_in_language(part: str) -> bool:
    """True for a language request that asks to go on in it ("can you continue in English?"),
    not to hear the answer before again ("can you say that in English?")."""
    folded = fold(part)
    return bool(language_asked(part)) and bool(_GO_ON.search(folded)) \
        and not _AT_AN_ANSWER.search(_IN_LANGUAGE.sub(" ", folded))


def read_turn(
    message: str, history: Sequence[dict] | None = None, audience: str | None = None,
    language: str | None = None, today: date | None = None,
) -> Turn:
    """Understand one message in the light of the conversation before it.

    `language` is the page's language (UI switch, widget attribute): the default when the message
    itself does not tell, never a filter. `audience` is what the UI says about the asker.
    """
    message = message.strip()
    history = tuple(h for h in (history or ()) if isinstance(h, dict) and isinstance(h.get("content"), str))
    previous = tuple(h["content"] for h in history if h.get("role") == "user")
    everything, history = history, tuple(_back_to(message, history))
    read = tuple(h["content"] for h in history if h.get("role") == "user")
    page_language = language if language in ("nl", "en") else "nl"
    fallback = detect_language(" ".join(previous[-2:]), default=page_language) if previous else page_language
    detected = detect_language(message, default=fallback)
    who, from_ui = _audience(message, audience, " ".join(previous[-3:]))
    message = without_language_remarks(message)
    # "Different question: ..." is read as the question it introduces, when that names a subject of
    # its own ("Los daarvan, wie betaalt dat?" still points back)
    introduced = _NEW_TOPIC.sub("", message, count=1).strip() if read and _NEW_TOPIC.match(message) else ""
    new_topic = bool(introduced) and not vacuous(introduced)
    again, which = _other_question(message, read) if read and not new_topic else ("", 0)
    if new_topic:
        message = introduced
    elif again:
        # "and my second question?", "en mijn vraag over ontslag?": the earlier message that asked
        # it, read again as it was, of which only that part is answered
        message, new_topic = again, True
    parts, context = core_questions(message)
    parts = parts[:MAX_PARTS] or [message]
    referred = referred_question(message, read) if read and not new_topic else ""
    asked_before = core_questions(referred)[0] if referred else []
    previous_question = " ".join(asked_before)
    said = sentences(message)
    follow_up = bool(read) and not new_topic and (
        bool(_FOLLOW_UP.search(fold(message))) or len(words(message)) <= 5
        or ((len(words(message)) <= 10 and bool(_BACK_REFERENCE.search(fold(message)))
             # "moet hij dat helemaal zelf betalen? hij heeft een klein bedrijfje": a short
             # question that points back, with a word of context
             or (len(words(message)) <= FOLLOW_UP_WORDS and any(
                 is_question(s) and len(words(s)) <= 10 and _BACK_REFERENCE.search(fold(s)) for s in said)))
            and not any(is_question(s) and len(words(s)) > 10 for s in said))
        # "do I need to be there, or is it just my boss and the doctor talking about me?": it
        # points back and names no subject of ours, so it is about the conversation's
        or (len(words(message)) <= FOLLOW_UP_WORDS and bool(_BACK_REFERENCE.search(fold(message)))
            and not _TOPIC.search(fold(message)))
        # "what else needs to be in it besides the final evaluation? I want to be sure nothing is
        # missing when UWV looks at it": a question that names a step only to set it apart from
        # what it points back at
        or (len(words(message)) <= FOLLOW_UP_WORDS and any(is_question(s) and _asks_besides(s) for s in said))
        # "wat kost dat ons en hoe lang moeten we op de uitkomst wachten?": it opens with a short
        # question about a thing it points back at
        or (len(parts) > 1 and len(words(parts[0])) <= POINTING_PART_WORDS
            and _points_at_a_thing(fold(parts[0])) and not _subjects(parts[0]))
    )
    added = bool(read) and not new_topic and bool(previous_question) and adds_a_fact(message)
    if added:
        # "ik zit trouwens nog in mijn proeftijd" after "mag mijn werkgever mij ontslaan?": the
        # question before, asked again with what the message adds to it
        follow_up, parts = True, [f"{previous_question} {message}"]
    corrected = "" if added or new_topic or not read else corrected_question(message, previous_question)
    if corrected:
        follow_up, parts, added = True, [corrected], True  # asked in full: not widened below
    queries = [_follow_up_query(part, asked_before) if follow_up and previous_question and not added else part
               for part in parts]
    # a follow-up's parts as they are retrieved ("die evaluatie": the one the answer named)
    asked = [_named_in_full(part, last_answer(history)) for part in parts] if follow_up else parts
    queries = [q.replace(part, own) for part, own, q in zip(parts, asked, queries)]
    if follow_up:
        # "wie begeleidt mij dan met beter worden?" after "mijn tijdelijke contract loopt af terwijl
        # ik ziek ben": the message before is this question's story, as weak context
        told = story_words(read[-1])
        if len(asked_before) > 1:  # its questions were read part by part above: the rest is the story
            told = story_words(" ".join(s for s in sentences(read[-1]) if not is_question(s)))
        # a chain of follow-ups: "en als ik daar te laat mee ben?" after "En wanneer moet die aanvraag
        # binnen zijn?" after a question on UWV's WIA letter is about the WIA application; the
        # message before names nothing of ours, the one it followed up does (its words, unless the
        # part is read with that question already)
        chain = story_words(referred) if referred != read[-1] and not _TOPIC.search(fold(read[-1])) else ""
        # ... but a message before that only asked ("wat is het verschil tussen spoor 1 en 2?")
        # told nothing: a part asked on its own words ("kan ik hem dan ontslaan?") stays so
        asked_only = all(is_question(s) for s in sentences(read[-1]))
        queries = [q if len(words(part)) < FOLLOW_UP_CONTEXT_WORDS or told in q
                   or _names_its_referent(fold(part)) or _asks_what_a_named_term_is(part)
                   or _named_after_pointer(part)
                   or (asked_only and q == own and _OWN_SUBJECT.search(fold(part)))
                   else f"{q} ({_situation_only(read[-1], previous_question)})" if _FIRST_STEPS.search(fold(part))
                   else f"{q} ({' '.join(filter(None, (told, chain)))})" if chain and previous_question not in q
                   else f"{q} ({told})"
                   for part, own, q in zip(parts, asked, queries)]
        # a part that names no subject of ours is about what the previous answer led with, as is
        # one that asks only what "that" costs after a question that named none ("er is geen
        # zicht op terugkeer, wat kan ik doen?" left it to the answer to say what "dat" is)
        queries = [f"{q} {subject}" if (not _TOPIC.search(fold(part)) or (
                       _asks_only_an_aspect(part) and not _subjects(previous_question)))
                   and not _asks_what_a_named_term_is(part) and not _FIRST_STEPS.search(fold(part))
                   and not _named_after_pointer(part) and (subject := answer_subject(history, previous_question, part)) else q
                   for part, q in zip(parts, queries)]
        # "who pays for that?" after a message that only told: about what the answer proposed, and
        # about a subject of ours the message named ("hoe lang duurt het voor ik uitsluitsel krijg?"
        # after "Ik heb vorige week mijn WIA-aanvraag ingediend.": the WIA application's decision)
        queries = [" ".join([part, proposed, *_told_beside(proposed, read[-1])])
                   if (proposed := _what_the_answer_proposed(part, read[-1], history))
                   else q for part, q in zip(parts, queries)]
        queries = [missed_step(history, part, detected) or q for part, q in zip(parts, queries)]
        queries = [not_doing(part, referred, previous_question, history, who, detected) or q
                   for part, q in zip(parts, queries)]
    next_step = _next_step(message, previous_question, history) if follow_up else ""
    if next_step:  # retrieved on the next milestone itself ("en daarna?" is not about the last one)
        queries = [SPECS[next_step].title(detected)]
    if context and said[-1] in context and _only_a_view(context):
        pass  # "our cm says yes" after the question: not what it is about
    elif context and len(words(context)) <= SHORT_CONTEXT_WORDS:
        # "Mijn werknemer komt niet naar de bedrijfsarts. Mag ik zijn loon stoppen?": a short
        # statement beside the question says what it is about (a long story stays context), as it
        # does beside a follow-up ("en bij mij dan? ik heb een tijdelijk contract tot 1 maart").
        queries = [q if context in q else f"{context} {q}" for q in queries]
    elif context and not follow_up:
        # a story: its question is what it asks, and its content words are weak context (the
        # question "telt dit mee voor die twee jaar?" is about the pregnancy told before it)
        # ... for its first question; a later one that names a subject of its own the first did
        # not ("Vanaf wanneer moet ik met dat tweede spoor beginnen? En hoeveel loon moet ik haar
        # dit tweede jaar doorbetalen?") is searched on its own words, not pulled back to the story
        # (one that points back, "En wat kost zoiets?", "Hoe zit het precies?", keeps the story)
        first = {m.group(0) for m in _TOPIC.finditer(fold(parts[0]))}
        queries = [q if i and (own := {m.group(0) for m in _TOPIC.finditer(fold(parts[i]))}) and not own & first
                   and not _POINTS_BACK.search(fold(parts[i]))
                   else f"{q} ({story_words(context)})" for i, q in enumerate(queries)]
    for i in range(1, len(parts)):  # "... en wat kost dat?": "dat" is the subject of the first part
        # ("en kan hij mij in die tijd ontslaan?" names its own subject, as a follow-up may)
        # "... en wat gebeurt er als ik die mis?": a part that names no subject of ours is about
        # the first part's subject, not the story's ("Wat kan ik doen?" asks about the whole story)
        back = bool(_BACK_REFERENCE.search(fold(parts[i])))
        if (back and vacuous(parts[i])) or (not _TOPIC.search(fold(parts[i])) and (back or not vacuous(parts[i]))):
            # (in a follow-up, the first part as it was read, without the story beside it: "wat kost
            # dat ons" is about the deskundigenoordeel the answer proposed)
            first = _ASIDE.sub(" ", queries[0]) if follow_up else parts[0]
            queries[i] = f"{parts[i]} ({topic_words(_pointed_at(message, parts[i], parts[0]) or first)})"
    if again and len(parts) > which:
        parts, queries = parts[which:which + 1], queries[which:which + 1]
    if follow_up and (switched := _switched_party(message, who, detected, previous_question)):
        parts, queries = [message], [switched]  # "en ik zelf? wat wordt er van mij verwacht?" asks once
    if read and (wanted := next((w for part in parts if (w := language_asked(part))), "")):
        # "sorry my dutch is not so good, can you say that in english?": the question before,
        # read as it was then, answered in the language asked for (with any other part asked here)
        others = [part for part in parts if not language_asked(part)]
        if others and any(goes_on_in_language(part) for part in parts):
            # "Sorry, can you continue in English? ... So who handles his reintegration now?": the
            # rest of the message, read as if the request were not there, answered in that language
            rest = read_turn(" ".join(others), history, audience, page_language, today)
            return replace(rest, message=message, language=wanted, audience=rest.audience or who)
        last = max(i for i, h in enumerate(history) if h.get("role") == "user")
        before = read_turn(history[last]["content"], history[:last], audience, page_language, today)
        asked_again = [(p, q) for part, query in zip(parts, queries)
                       for p, q in (zip(before.parts, before.queries) if language_asked(part)
                                    else [(part, query)])]
        parts = [p for p, _ in asked_again][:MAX_PARTS]
        queries = [q for _, q in asked_again][:MAX_PARTS]
        detected, who = wanted, who or before.audience
    return Turn(
        message=message, language=detected, page_language=page_language, audience=who,
        audience_given=from_ui, today=today or date.today(), parts=tuple(parts),
        queries=tuple(with_plain_refusal(q) for q in queries),
        previous=previous, previous_question=previous_question, follow_up=follow_up, next_step=next_step,
        story=len(sentences(message)) > 2 or len(words(message)) > 45, context=context, history=everything,
    )
