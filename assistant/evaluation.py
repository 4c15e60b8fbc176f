"""The eval: retrieval quality per retriever, answer facts, refusals, deadlines, per category, latency.

Every item is asked through the product's own pipeline (`Assistant.ask`) and retrieval is scored
on the query the product retrieves with (`Assistant.understand` + `retrieve`). A naive baseline,
"the answer is the top two dense chunks", is scored on the same items, so the report shows what
the engineering adds. `must_contain` entries are regular expressions (case-insensitive; "|"
separates alternatives).
"""
from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from assistant.engine import Assistant
from assistant.errors import InvalidInputError
from assistant.text import addressed_as, sentences
from assistant.types import Answer, Hit

RETRIEVERS = ("dense", "bm25", "hybrid")
_MARKUP = re.compile(r"\*\*|__|_|\[\d+\]")
_HEADING = re.compile(r"^\*\*[^\n]*\*\*$", re.M)


@dataclass
class EvalReport:
    """Scores of one eval run, and the items that failed."""

    retrieval: dict[str, dict[str, float]] = field(default_factory=dict)
    fact_rate: float = 0.0
    item_pass_rate: float = 0.0
    refusal_recall: float = 0.0
    refusal_precision: float = 0.0
    false_refusal_rate: float = 0.0
    deadline_accuracy: float = 0.0
    clarify_accuracy: float = 0.0
    first_sentence_rate: float = 0.0
    mixed_voice_rate: float = 0.0
    short_first_part_rate: float = 0.0
    categories: dict[str, dict[str, float]] = field(default_factory=dict)
    failure_kinds: dict[str, dict[str, int]] = field(default_factory=dict)  # category -> kind -> n
    baseline: dict[str, float] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        """Flat metric name -> value, as compared with the thresholds."""
        flat = {f"{r}.{k}": v for r, scores in self.retrieval.items() for k, v in scores.items()}
        flat.update(fact_rate=self.fact_rate, item_pass_rate=self.item_pass_rate,
                    refusal_recall=self.refusal_recall, refusal_precision=self.refusal_precision,
                    false_refusal_rate=self.false_refusal_rate, deadline_accuracy=self.deadline_accuracy,
                    clarify_accuracy=self.clarify_accuracy, first_sentence_rate=self.first_sentence_rate,
                    mixed_voice_rate=self.mixed_voice_rate, short_first_part_rate=self.short_first_part_rate)
        if self.categories:
            flat["min_category_pass_rate"] = min(c["pass_rate"] for c in self.categories.values())
        if self.baseline:
            flat["gain_over_baseline"] = self.item_pass_rate - self.baseline.get("item_pass_rate", 0.0)
        return flat


ITEM_TYPES = ("answer", "out_of_scope", "deadline", "clarify")


def load_items(path: Path) -> list[dict]:
    """The eval items of a YAML file.

    Raises:
        InvalidInputError: an item has no question or a type the scorer does not know (an
            unknown type would be counted as right without being checked).
    """
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    for n, item in enumerate(items, start=1):
        name = f"{path}: item {item.get('id') or n}" if isinstance(item, dict) else f"{path}: item {n}"
        if not isinstance(item, dict) or not isinstance(item.get("question"), str) \
                or not item["question"].strip():
            raise InvalidInputError(f"{name} has no question")
        if item.get("type", "answer") not in ITEM_TYPES:
            raise InvalidInputError(f"{name} has type {item['type']!r}; use one of {', '.join(ITEM_TYPES)}")
    return items


TYPOS = "+typos"  # the name of a set's copy with typos (`spoor2 eval --typos`)
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")


def with_typos(items: Sequence[dict], seed: int = 1) -> list[dict]:
    """The items as a hurried user types them (see `typo`), the same on every run. Deadline items
    are left out (a typo in a date asks another question); the rest keep what they expect."""
    return [{**item, "id": f"{item.get('id')}~typos",
             "question": typo(item["question"], random.Random(f"{seed}:{item.get('id')}:{item['question']}"))}
            for item in items if item.get("type", "answer") != "deadline"]


def typo(text: str, rng: random.Random, count: int = 2) -> str:
    """`text` with a typo in each of its `count` longest words of six letters or more: a letter
    left out or two letters swapped ("werkgever" -> "wekgever", "bedrijfsarts" -> "bedrijfsatrs")."""
    longest = sorted(_LONG_WORD.finditer(text), key=lambda m: (-len(m.group()), m.start()))[:count]
    for found in sorted(longest, key=lambda m: -m.start()):  # from the end: earlier offsets hold
        word, at = found.group(), rng.randrange(1, len(found.group()) - 2)
        word = word[:at] + word[at + 1:] if rng.random() < 0.5 else word[:at] + word[at + 1] + word[at] + word[at + 2:]
        text = text[:found.start()] + word + text[found.end():]
    return text


def is_relevant(hit: Hit, expected: Sequence[str]) -> bool:
    """A hit answers an item when it is an expected document, or a card resting on one."""
    meta = hit.chunk.metadata
    if meta.get("doc_id") in expected:
        return True
    if meta.get("kind") == "card":
        try:
            return bool(set(json.loads(meta.get("articles") or "[]")) & set(expected))
        except ValueError:
            return False
    return False


def _rank(hits: Sequence[Hit], expected: Sequence[str]) -> int | None:
    for i, hit in enumerate(hits, start=1):
        if is_relevant(hit, expected):
            return i
    return None


def fact_found(text: str, fact: str) -> bool:
    """True when `text` states `fact` (a case-insensitive regex; a bad regex is matched literally)."""
    flat = _MARKUP.sub("", text)
    try:
        return re.search(str(fact), flat, re.I | re.S) is not None
    except re.error:
        lowered = flat.lower()
        return any(alt.strip().lower() in lowered for alt in str(fact).split("|") if alt.strip())


def first_sentence(text: str) -> str:
    """The first sentence of an answer (after a part heading, if any)."""
    body = text.strip()
    if body.startswith("**") and "\n\n" in body:  # "**question**\n\nanswer" of a multi-part answer
        body = body.split("\n\n", 1)[1]
    body = _MARKUP.sub("", body)
    return next(iter(sentences(body, lines=True)), "")


def first_part_words(text: str) -> int:
    """Words of the first paragraph of the answer (what the asker reads first)."""
    body = text.strip()
    if body.startswith("**") and "\n\n" in body:
        body = body.split("\n\n", 1)[1]
    return len(body.split("\n\n", 1)[0].split())


def mixed_voice(answer: Answer) -> bool:
    """True when a Dutch answer addresses the asker both as "u" and as "je" (a multi-part
    answer's bold part headings are the asker's own words, not the answer's voice)."""
    if answer.language != "nl":
        return False
    return addressed_as(_MARKUP.sub("", _HEADING.sub("", answer.text))) == {"u", "je"}


def _today(item: dict) -> date:
    value = item.get("today")
    return value if isinstance(value, date) else date.fromisoformat(str(value)) if value else date.today()


def _check_deadline(answer: Answer, item: dict) -> str:
    if answer.kind != "deadline":
        return f"expected a deadline answer, got {answer.kind} ({answer.trace.get('path')})"
    computed = {m["key"]: m["date"] for m in answer.trace.get("deadline", {}).get("milestones", [])}
    wrong = {k: (str(v), computed.get(k)) for k, v in (item.get("expected_dates") or {}).items()
             if computed.get(k) != str(v)}
    return f"wrong dates {wrong}" if wrong else ""


def _ask(assistant: Assistant, item: dict) -> Answer:
    return assistant.ask(item["question"], item.get("history"), item.get("audience"),
                         item.get("page_language") or item.get("language"), today=_today(item))


def baseline_text(assistant: Assistant, item: dict) -> str:
    """The naive baseline's answer: the text of the top two dense chunks for the raw message."""
    return "\n\n".join(h.chunk.text for h in assistant.retrieve(item["question"], k=2, mode="dense"))


@dataclass
class _Tally:
    """What `run_eval` counts over the items; `fill` turns it into the report's rates."""

    ranks: dict[str, list[int | None]] = field(default_factory=lambda: {r: [] for r in RETRIEVERS})
    facts_ok: int = 0
    facts_all: int = 0
    base_ok: int = 0
    base_passed: int = 0
    oos: dict[str, int] = field(default_factory=lambda: {"total": 0, "refused": 0})
    inside: dict[str, int] = field(default_factory=lambda: {"total": 0, "refused": 0})
    kinds: defaultdict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0]))  # type -> [correct, total]
    per_category: defaultdict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0]))
    failure_kinds: defaultdict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    first_ok: int = 0
    first_total: int = 0
    mixed: int = 0
    short: int = 0
    answered: int = 0
    passed_items: int = 0
    latencies: list[float] = field(default_factory=list)

    def fill(self, report: EvalReport, n_items: int, baseline: bool) -> None:
        """The report's rates from the counts."""
        for mode, rs in self.ranks.items():
            if rs:
                n = len(rs)
                report.retrieval[mode] = {"recall@1": sum(1 for r in rs if r == 1) / n,
                                          "recall@5": sum(1 for r in rs if r is not None) / n,
                                          "mrr": sum(1 / r for r in rs if r) / n}
        oos, inside, kinds = self.oos, self.inside, self.kinds
        items = max(n_items, 1)
        report.fact_rate = self.facts_ok / max(self.facts_all, 1)
        report.item_pass_rate = self.passed_items / items
        report.refusal_recall = oos["refused"] / max(oos["total"], 1)
        refusals = oos["refused"] + inside["refused"]
        report.refusal_precision = oos["refused"] / refusals if refusals else 1.0
        report.false_refusal_rate = inside["refused"] / max(inside["total"], 1)
        report.deadline_accuracy = kinds["deadline"][0] / max(kinds["deadline"][1], 1)
        report.clarify_accuracy = kinds["clarify"][0] / max(kinds["clarify"][1], 1)
        report.first_sentence_rate = self.first_ok / max(self.first_total, 1)
        report.mixed_voice_rate = self.mixed / items
        report.short_first_part_rate = self.short / max(self.answered, 1)
        report.categories = {c: {"pass_rate": ok / total, "items": total}
                             for c, (ok, total) in sorted(self.per_category.items())}
        report.failure_kinds = {c: dict(self.failure_kinds[c]) for c in sorted(self.failure_kinds)}
        if baseline:
            report.baseline = {"fact_rate": self.base_ok / max(self.facts_all, 1),
                               "item_pass_rate": self.base_passed / items}
        ordered = sorted(self.latencies)
        report.latency_ms = {"p50": statistics.median(ordered) if ordered else 0.0,
                             "p95": ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0}
        report.counts = {k: total for k, (_, total) in kinds.items()}


def run_eval(assistant: Assistant, items: Sequence[dict], *, baseline: bool = True) -> EvalReport:
    """Run every item through the assistant and score the results."""
    report = EvalReport()
    tally = _Tally()
    assistant.ask("wat is spoor 2?")  # warm-up
    for item in items:
        kind = item.get("type", "answer")
        started = time.perf_counter()
        answer = _ask(assistant, item)
        tally.latencies.append((time.perf_counter() - started) * 1000)
        problem = _problem(assistant, item, kind, answer, tally)
        tally.kinds[kind][0] += not problem
        tally.kinds[kind][1] += 1
        tally.mixed += mixed_voice(answer)
        category = item.get("category") or kind
        tally.per_category[category][0] += not problem
        tally.per_category[category][1] += 1
        tally.passed_items += not problem
        if baseline:
            _score_baseline(assistant, item, kind, tally)
        if problem:
            tally.failure_kinds[category][failure_kind(problem, answer.kind)] += 1
            report.failures.append({"id": item.get("id"), "category": category, "question": item["question"],
                                    "problem": problem, "kind": answer.kind, "path": answer.trace.get("path")})
    tally.fill(report, len(items), baseline)
    return report


FAILURE_KINDS = {
    "declined": "in scope, declined", "answered": "out of scope, answered",
    "card": "facts missing: card", "extractive": "facts missing: passages",
    "clarify": "facts missing: asked back", "other": "other (date, kind, LLM)",
}


def failure_kind(problem: str, answer_kind: str) -> str:
    """How a failed item went wrong, as a key of `FAILURE_KINDS`: the blind set's failures are
    read this way, per category, never item by item."""
    if problem.startswith("refused"):
        return "declined"
    if problem.startswith("answered"):
        return "answered"
    if problem.startswith("missing facts") and answer_kind in ("card", "extractive", "clarify"):
        return answer_kind
    return "other"


def _problem(assistant: Assistant, item: dict, kind: str, answer: Answer, tally: _Tally) -> str:
    """What is wrong with the answer to one item ("" when nothing is), counted into `tally`."""
    refused = answer.kind == "refusal"
    if kind == "answer":
        return _answer_problem(assistant, item, answer, tally)
    if kind == "out_of_scope":
        tally.oos["total"] += 1
        tally.oos["refused"] += refused
        return "" if refused else f"answered ({answer.kind})"
    if kind == "deadline":
        return _check_deadline(answer, item)
    if kind == "clarify":
        return "" if answer.kind == "clarify" else f"expected clarify, got {answer.kind}"
    return ""


def _answer_problem(assistant: Assistant, item: dict, answer: Answer, tally: _Tally) -> str:
    """An in-scope question: its retrieval ranks, its facts, its first sentence and length."""
    refused = answer.kind == "refusal"
    facts = [str(f) for f in item.get("must_contain") or []]
    tally.inside["total"] += 1
    tally.inside["refused"] += refused
    expected = item.get("expected") or []
    if expected:
        turn = assistant.understand(item["question"], item.get("history"), item.get("audience"),
                                    item.get("page_language") or item.get("language"), _today(item))
        for mode in RETRIEVERS:
            tally.ranks[mode].append(_rank(assistant.retrieve(turn, k=5, mode=mode), expected))
    missing = [f for f in facts if not fact_found(answer.text, f)]
    tally.facts_all += len(facts)
    tally.facts_ok += len(facts) - len(missing)
    if not refused:
        tally.answered += 1
        tally.first_total += bool(facts)
        tally.first_ok += bool(facts) and any(fact_found(first_sentence(answer.text), f) for f in facts)
        tally.short += first_part_words(answer.text) <= 130
    return "refused an in-scope question" if refused else f"missing facts {missing}" if missing else ""


def _score_baseline(assistant: Assistant, item: dict, kind: str, tally: _Tally) -> None:
    """How the naive baseline does on the same item."""
    facts = [str(f) for f in item.get("must_contain") or []]
    text = baseline_text(assistant, item)
    ok = kind == "answer" and all(fact_found(text, f) for f in facts)
    tally.base_passed += ok
    tally.base_ok += sum(fact_found(text, f) for f in facts) if kind == "answer" else 0


def below_thresholds(report: EvalReport, thresholds: dict) -> list[str]:
    """Metrics that miss their threshold ("max_" thresholds are upper bounds)."""
    metrics = report.metrics()
    misses = []
    for name, bound in thresholds.items():
        if name.startswith("max_"):
            value = metrics.get(name[4:])
            if value is not None and value > bound:
                misses.append(f"{name[4:]} = {value:.3f} > {bound}")
        else:
            value = metrics.get(name)
            if value is not None and value < bound:
                misses.append(f"{name} = {value:.3f} < {bound}")
    return misses


_ROWS = (
    ("must-contain fact rate", "fact_rate"), ("items fully right", "item_pass_rate"),
    ("refusal recall (out of scope declined)", "refusal_recall"), ("refusal precision", "refusal_precision"),
    ("false refusals (in-scope declined)", "false_refusal_rate"), ("deadline answers correct", "deadline_accuracy"),
    ("clarify when no date", "clarify_accuracy"), ("first sentence already answers", "first_sentence_rate"),
    ("answers mixing u and je", "mixed_voice_rate"), ("first part at most ~120 words", "short_first_part_rate"),
)


# The item type a rate is taken over, where it is one type only.
_OVER = {"deadline_accuracy": "deadline", "clarify_accuracy": "clarify", "refusal_recall": "out_of_scope"}


def format_report(report: EvalReport) -> str:
    """A Markdown summary of one report."""
    return format_comparison({"value": report})


def format_comparison(reports: dict[str, EvalReport]) -> str:
    """Markdown tables of several reports side by side (e.g. dev, probe, blind), with first − last."""
    names = list(reports)
    lines: list[str] = []
    with_retrieval = [n for n in names if reports[n].retrieval]
    for name in with_retrieval:
        lines += [f"Retrieval ({name}):", "", "| retriever | recall@1 | recall@5 | MRR |", "|---|---|---|---|"]
        for mode in RETRIEVERS:
            s = reports[name].retrieval.get(mode, {})
            lines.append(f"| {mode} | {s.get('recall@1', 0):.3f} | {s.get('recall@5', 0):.3f} | {s.get('mrr', 0):.3f} |")
        lines.append("")
    # the first (dev) minus the last (blind), copies with typos aside: the over-fitting figure
    last = next((n for n in reversed(names) if not n.endswith(TYPOS)), names[-1])
    gap = len(names) >= 2 and last != names[0]
    header = "| metric | " + " | ".join(names) + (f" | {names[0]} − {last} |" if gap else " |")
    lines += [header, "|---" * (len(names) + 1 + gap) + "|"]
    for label, key in _ROWS:
        # a rate over no items ("deadline answers correct" of a copy with typos, which has no
        # dates) is shown as "–", not as 0.000
        values = [getattr(reports[n], key) if reports[n].counts.get(_OVER.get(key, ""), 1) else None
                  for n in names]
        row = f"| {label} | " + " | ".join("–" if v is None else f"{v:.3f}" for v in values)
        first, other = values[0], values[names.index(last)]
        lines.append(row + (f" | {first - other:+.3f} |" if gap and None not in (first, other)
                            else " | |" if gap else " |"))
    if all(reports[n].baseline for n in names):
        for label, key in (("naive top-2 dense: fact rate", "fact_rate"),
                           ("naive top-2 dense: items fully right", "item_pass_rate")):
            values = [reports[n].baseline[key] for n in names]
            lines.append(f"| {label} | " + " | ".join(f"{v:.3f}" for v in values) + (" | |" if gap else " |"))
    lines.append("| latency p50 / p95 (ms) | " + " | ".join(
        f"{reports[n].latency_ms.get('p50', 0):.0f} / {reports[n].latency_ms.get('p95', 0):.0f}" for n in names)
        + (" | |" if gap else " |"))
    lines.append("| items | " + " | ".join(str(sum(reports[n].counts.values())) for n in names) + (" | |" if gap else " |"))
    for name in names:
        if len(reports[name].categories) > 1:
            lines += ["", f"Per category ({name}): share of items fully right", "",
                      "| category | items | right |", "|---|---|---|"]
            for category, score in reports[name].categories.items():
                lines.append(f"| {category} | {score['items']} | {score['pass_rate']:.3f} |")
        lines += _failure_table(name, reports[name])
    return "\n".join(lines)


def _failure_table(name: str, report: EvalReport) -> list[str]:
    """Per category, how many failed items went wrong in which way (empty when none failed)."""
    if not report.failure_kinds:
        return []
    kinds = [k for k in FAILURE_KINDS if any(k in c for c in report.failure_kinds.values())]
    lines = ["", f"Failures per category ({name}): how the failed items went wrong", "",
             "| category | failed | " + " | ".join(FAILURE_KINDS[k] for k in kinds) + " |",
             "|---" * (len(kinds) + 2) + "|"]
    for category, counts in report.failure_kinds.items():
        lines.append(f"| {category} | {sum(counts.values())} | "
                     + " | ".join(str(counts.get(k, 0)) for k in kinds) + " |")
    return lines
