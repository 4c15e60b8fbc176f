"""The scope and safety guard: is this a question we answer, or one to decline politely?

A small classifier (multinomial logistic regression over the message embedding plus a few lexical
features) learned from `knowledge/eval/scope-train.yaml` by `spoor2 train-scope`, shipped as
`scope_model.npz` beside this file. Only numpy is needed to run it. The regular expressions stay
as high-precision rules (instruction overrides, bare greetings) and as the classifier's features;
where the shipped model does not fit the embedding model in use, the rules decide alone.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.text import fold, words

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("scope_model.npz")
LABELS = ("in_scope", "medical", "other_legal", "personal_data", "document_request", "injection",
          "chitchat", "off_topic")
# What the assistant says for each label that it declines (messages.py keys).
REFUSAL_KEY = {"medical": "medical", "other_legal": "other_legal", "personal_data": "personal_data",
               "document_request": "document_request", "injection": "injection", "chitchat": "greeting",
               "off_topic": "out_of_scope"}

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
_PERSONAL_DATA = re.compile(
    r"\b(bsn|burgerservicenummer|adres|woonadres|huisadres|telefoonnummer|06-nummer|e-?mailadres|geboortedatum"
    r"|address|phone number|home address|date of birth|social security)\b.{0,60}\b(van|of)\b"
    r"|\b(van|of) (mijn |onze |een |die |de |the |my |our )?(collega|werknemer|medewerker|bedrijfsarts|baas"
    r"|colleague|employee|manager|doctor)\b.{0,40}\b(bsn|adres|address|telefoon|phone|diagnose|diagnosis)"
    r"|\b(zoek|look up|find|vind)\b.{0,30}\b(op|up|uit)?\b.{0,30}\b(adres|address|bsn|wie|who)\b"
)
_DOCUMENT = re.compile(
    r"\b(schrijf|maak|stel|write|draft|make|create|fake|vervals|forge|backdate|antedateer|verzin)\w*\b.{0,60}"
    r"\b(verklaring|briefje|brief|attest|ziekmelding|doktersverklaring|medische verklaring|statement|note|letter"
    r"|certificate|sick note|re-?integratieverslag|deskundigenoordeel|formulier|form)\b"
    r"|\b(nep|valse?|fake|false|forged|backdated)\b.{0,30}\b(verklaring|briefje|statement|note|letter|verslag)"
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
    """The verdict on a message: `label` (one of `LABELS`), how sure, and whether to decline it."""

    label: str
    probability: float = 1.0
    rule: str = ""

    @property
    def declined(self) -> bool:
        """True when the assistant declines the message instead of answering it."""
        return self.label != "in_scope"

    @property
    def refusal_key(self) -> str:
        """The messages.py key of the polite refusal (or greeting)."""
        return REFUSAL_KEY.get(self.label, "out_of_scope")


def looks_like_instruction(text: str) -> bool:
    """True when text tries to instruct the assistant (also used to drop such sentences from sources)."""
    return bool(_INJECTION.search(fold(text)))


def lexical_features(text: str) -> list[float]:
    """The rule hits and shape of a message, as classifier features."""
    folded = fold(text).strip()
    count = len(words(folded))
    return [
        float(bool(_INJECTION.search(folded))), float(bool(_MEDICAL.search(folded))),
        float(bool(_GREETING.match(folded))), min(len(_DOMAIN.findall(folded)), 4) / 4,
        float(bool(_OTHER_TOPICS.search(folded))), float(bool(_PERSONAL_DATA.search(folded))),
        float(bool(_DOCUMENT.search(folded))), min(count, 80) / 80, float("?" in folded),
    ]


def rule_label(text: str) -> str:
    """The label the high-precision rules give alone ("" when they do not decide)."""
    folded = fold(text).strip()
    if _INJECTION.search(folded):
        return "injection"
    if _GREETING.match(folded):
        return "chitchat"
    return ""


def rules_only(text: str) -> Scope:
    """The verdict of the rules alone (used when no classifier fits the embedding model)."""
    folded = fold(text).strip()
    label = rule_label(text)
    if label:
        return Scope(label, 1.0, "rule")
    if _MEDICAL.search(folded):
        return Scope("medical", 0.9, "rule")
    if _DOCUMENT.search(folded):
        return Scope("document_request", 0.9, "rule")
    domain = bool(_DOMAIN.search(folded))
    if _OTHER_TOPICS.search(folded) and not domain:
        return Scope("off_topic", 0.9, "rule")
    return Scope("in_scope", 0.9 if domain else 0.5, "rule")


@dataclass(frozen=True)
class ScopeModel:
    """Multinomial logistic regression: standardised features -> label probabilities."""

    labels: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (labels, features)
    bias: np.ndarray
    embedding_model: str
    threshold: float  # decline only when the refusal label is at least this likely
    report: dict

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ScopeModel | None:
        """The shipped model, or None when there is none (then the rules decide)."""
        if not path.exists():
            return None
        data = np.load(path, allow_pickle=False)
        meta = json.loads(str(data["meta"]))
        return cls(tuple(meta["labels"]), data["mean"], data["scale"], data["weights"], data["bias"],
                   meta["embedding_model"], float(meta["threshold"]), meta.get("report", {}))

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the model (a few hundred KB of numbers and its metadata)."""
        meta = {"labels": list(self.labels), "embedding_model": self.embedding_model,
                "threshold": self.threshold, "report": self.report}
        np.savez_compressed(path, mean=self.mean, scale=self.scale, weights=self.weights, bias=self.bias,
                            meta=np.array(json.dumps(meta)))

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        """Label -> probability for one feature vector."""
        x = (np.asarray(features, dtype=np.float64) - self.mean) / self.scale
        logits = self.weights @ x + self.bias
        logits -= logits.max()
        p = np.exp(logits)
        p /= p.sum()
        return dict(zip(self.labels, p.tolist()))


def features(embedding: Sequence[float], text: str) -> list[float]:
    """The classifier's input: the message embedding and its lexical features."""
    return [*map(float, embedding), *lexical_features(text)]


def asks_own_deadline(text: str) -> bool:
    """A request for the asker's own Poortwachter dates: the deadline calculator's job, in scope."""
    from assistant.answering import deadline as dl

    folded = fold(text)
    about_leave = bool(dl.asked_keys(text)) or bool(re.search(r"ziek|sick|\bill\b|termijn|deadline|poortwachter", folded))
    return dl.is_deadline_question(text) and about_leave and (dl.wants_calculation(text) or bool(_DATE.search(folded)))


_DATE = re.compile(
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} (jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|oct"
    r"|nov|dec|march|may|june|july)\w*"
)


class ScopeGuard:
    """Decides, once per message, whether it is in scope; see the module docstring."""

    def __init__(self, model: ScopeModel | None, embedding_model: str):
        if model is not None and model.embedding_model != embedding_model:
            log.warning("the scope model was trained with %s, not %s: using the rules only",
                        model.embedding_model, embedding_model)
            model = None
        self.model = model

    def classify(self, text: str, embedding: Sequence[float] | Callable[[], Sequence[float]] | None = None) -> Scope:
        """The verdict on a message; `embedding` is its query embedding, or a function that
        computes it (called only when the rules do not decide)."""
        ruled = rule_label(text)
        if ruled:
            return Scope(ruled, 1.0, "rule")
        if asks_own_deadline(text):
            return Scope("in_scope", 1.0, "rule:deadline")
        if self.model is None or embedding is None:
            return rules_only(text)
        vector = embedding() if callable(embedding) else embedding
        probs = self.model.probabilities(features(vector, text))
        label = max(probs, key=probs.get)
        if label != "in_scope" and probs[label] < self.model.threshold:
            return Scope("in_scope", probs["in_scope"], "model:uncertain")
        return Scope(label, probs[label], "model")
