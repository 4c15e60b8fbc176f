"""Deciding what kind of message this is: in scope, out of scope, injection, medical, greeting."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text import fold

_INJECTION = re.compile(
    r"(negeer|vergeet|ignore|disregard|forget|overrid\w*|bypass|omzeil)\b.{0,40}"
    r"(instructie|regel|opdracht|prompt|instruction|rule|guideline|previous|vorige|eerdere)"
    r"|system ?prompt|systeemprompt|developer mode|jailbreak|\bdan mode\b|you are now|je bent nu\b"
    r"|doe alsof je|pretend (to be|you are)|act as (an?|my)\b|reveal your|toon je (instructies|prompt)"
    r"|print your (instructions|prompt)|</?(system|assistant)>",
    re.S,
)
_MEDICAL = re.compile(
    r"welke? (medicijn|medicatie|pil|behandeling|therapie|oefening)"
    r"|wat (helpt|kan ik (nemen|doen)) (tegen|bij|voor) (mijn |de |een )?(pijn|klacht|burn|depress|stress|angst|rug|hoofd|slaap)"
    r"|hoe (genees|behandel|kom ik van)|is (mijn|dit|het|deze) \w+( \w+)? (ernstig|gevaarlijk|erg)"
    r"|naar de (dokter|huisarts|specialist)|gaat (het|dit) vanzelf over|(diagnose|diagnosis) (stellen|geven)"
    r"|(what|which) (medication|medicine|pills?|treatment|therapy|exercises?)"
    r"|how (do|can) i (cure|treat|heal|get rid of)|what helps (against|with|for) (my |the )?(pain|back|burn|depress|stress|anxiety|headache|sleep)"
    r"|is (my|this|it) \w+( \w+)? (serious|dangerous)|should i see a (doctor|gp|specialist)"
    r"|go away (by itself|on its own)"
    r"|hoeveel (mg|milligram)|dosering|dosage|bijwerking|side effects?|symptomen van|symptoms of",
)
_GREETING = re.compile(
    r"^(hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon|evening)"
    r"|dag|yo|hoe gaat het|how are you|bedankt|dank je|dankjewel|thanks|thank you)\b[\s!?.,]*"
    r"(hoe gaat het|how are you|met jou|with you)?[\s!?.,]*$"
)
_DOMAIN = re.compile(
    r"ziek|spoor|re-?integr|reintegr|poortwachter|uwv|wia|\bwga\b|\biva\b|ziektewet|verzuim|arbo"
    r"|bedrijfsarts|arbeidsdeskund|casemanager|plan van aanpak|probleemanalyse|eerstejaars|loonsanctie"
    r"|loondoorbetal|loonstop|opschort|wachttijd|deskundigenoordeel|second opinion|passende arbeid"
    r"|ontslag|opzegverbod|transitievergoeding|eigenrisicodrager|vangnet|no-?risk|proefplaats|detacher"
    r"|jobcoach|burn-?out|zwanger|hersteld|beter gemeld|42e|week \d|loon|salaris|werkgever|werknemer"
    r"|sick|illness|ill\b|track (1|2|one|two)|reintegration|return to work|employer|employee|wage"
    r"|dismiss|fired|company doctor|occupational|sanction|gatekeeper|pregnan|sick pay|job coach|salary"
    r"|first-year|action plan|problem analysis|expert opinion|disabilit|benefit|notification|deadline"
    r"|termijn|planner|tijdlijn|timeline|kosten|costs?\b|prijs|price|fml|riv\b|verslag|report|evaluat"
    r"|\bbaas\b|\bboss\b|leidinggevende|manager|solliciter|apply for (jobs|a job|work)|plan of action"
    r"|wat ik heb\b|wat hij heeft|wat ze heeft|mankeer|what i have\b|what is wrong with me|arbeidsongeschikt"
    r"|\bwerk\b|\bwork\b|\bbaan\b|\bjob\b|contract|dienstverband|uitkering|\bcao\b",
)
_OTHER_TOPICS = re.compile(
    r"huur|verhuurder|huurder|belasting(aangifte|dienst)?|aangifte inkomsten|echtscheiding|scheiden"
    r"|alimentatie|erfenis|testament|hypotheek|verkeersboete|parkeerboete|snelheid|rijbewijs|visum"
    r"|verblijfsvergunning|recept|weerbericht|het weer|voetbal|hoofdstad|mop|grap|gedicht|python"
    r"|javascript|programmeer|\bcode\b|\bsql\b|script|bitcoin|crypto|aandelen|vakantie boeken"
    r"|kinderbijslag|zorgtoeslag|huurtoeslag|buren|herrie|geluidsoverlast|parkeer|parking fine|neighbou?r"
    r"|landlord|tenant|\brent\b|tax return|taxes|divorce|inheritance|mortgage|speeding|parking ticket"
    r"|traffic fine|\bvisa\b|recipe|weather|football|capital of|joke|poem|programming|stock market"
    r"|write (a|me) (python|program|song|story)|translate",
)


@dataclass(frozen=True)
class Scope:
    """The verdict on a message: `kind` is in_scope, injection, medical, greeting or out_of_scope."""

    kind: str
    reason: str = ""


def looks_like_instruction(text: str) -> bool:
    """True when text tries to instruct the assistant (also used to drop such sentences from sources)."""
    return bool(_INJECTION.search(fold(text)))


def classify(question: str) -> Scope:
    """Classify a message before retrieval; in-scope questions go on to the answerers."""
    text = fold(question).strip()
    if _INJECTION.search(text):
        return Scope("injection", "instruction override attempt")
    if _MEDICAL.search(text):
        return Scope("medical", "asks for medical advice")
    if _GREETING.match(text):
        return Scope("greeting", "small talk")
    domain = bool(_DOMAIN.search(text))
    if _OTHER_TOPICS.search(text) and not domain:
        return Scope("out_of_scope", "other topic")
    return Scope("in_scope" if domain else "unknown", "" if domain else "no domain terms")
