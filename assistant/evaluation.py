"""The development eval: retrieval quality per retriever, answer facts, refusals, deadlines, latency."""
from __future__ import annotations

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from assistant.engine import Assistant
from assistant.types import Hit

RETRIEVERS = ("dense", "bm25", "hybrid")


@dataclass
class EvalReport:
    """Scores of one eval run, and the items that failed."""

    retrieval: dict[str, dict[str, float]] = field(default_factory=dict)
    fact_rate: float = 0.0
    refusal_recall: float = 0.0
    refusal_precision: float = 0.0
    false_refusal_rate: float = 0.0
    deadline_accuracy: float = 0.0
    clarify_accuracy: float = 0.0
    latency_ms: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        """Flat metric name -> value, as compared with the thresholds."""
        flat = {f"{r}.{k}": v for r, scores in self.retrieval.items() for k, v in scores.items()}
        flat.update(fact_rate=self.fact_rate, refusal_recall=self.refusal_recall,
                    refusal_precision=self.refusal_precision, false_refusal_rate=self.false_refusal_rate,
                    deadline_accuracy=self.deadline_accuracy, clarify_accuracy=self.clarify_accuracy)
        return flat


def load_items(path: Path) -> list[dict]:
    """The eval items of a YAML file."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []


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


def _fact_ok(text: str, fact: str) -> bool:
    lowered = text.lower()
    return any(alt.strip().lower() in lowered for alt in str(fact).split("|") if alt.strip())


def _today(item: dict) -> date:
    value = item.get("today")
    return value if isinstance(value, date) else date.fromisoformat(str(value)) if value else date.today()


def run_eval(assistant: Assistant, items: Sequence[dict]) -> EvalReport:
    """Run every item through the assistant and score the results."""
    report = EvalReport()
    ranks: dict[str, list[int | None]] = {r: [] for r in RETRIEVERS}
    facts_ok = facts_all = 0
    oos_total = oos_refused = in_total = in_refused = 0
    dl_total = dl_ok = cl_total = cl_ok = 0
    latencies: list[float] = []
    assistant.ask("wat is spoor 2?")  # warm-up
    for item in items:
        kind = item.get("type", "answer")
        language, audience = item.get("language"), item.get("audience")
        started = time.perf_counter()
        answer = assistant.ask(item["question"], item.get("history"), audience, language, today=_today(item))
        latencies.append((time.perf_counter() - started) * 1000)
        refused = answer.kind == "refusal"
        problem = ""
        if kind == "answer":
            in_total += 1
            in_refused += refused
            expected = item.get("expected") or []
            for mode in RETRIEVERS:
                hits = assistant.retrieve(item["question"], language=language, audience=audience, k=5, mode=mode)
                ranks[mode].append(_rank(hits, expected))
            missing = [f for f in item.get("must_contain") or [] if not _fact_ok(answer.text, f)]
            facts_all += len(item.get("must_contain") or [])
            facts_ok += len(item.get("must_contain") or []) - len(missing)
            if refused:
                problem = "refused an in-scope question"
            elif missing:
                problem = f"missing facts {missing}"
        elif kind == "out_of_scope":
            oos_total += 1
            oos_refused += refused
            problem = "" if refused else f"answered ({answer.kind})"
        elif kind == "deadline":
            dl_total += 1
            problem = _check_deadline(answer, item)
            dl_ok += not problem
        elif kind == "clarify":
            cl_total += 1
            problem = "" if answer.kind == "clarify" else f"expected clarify, got {answer.kind}"
            cl_ok += not problem
        if problem:
            report.failures.append({"id": item.get("id"), "question": item["question"], "problem": problem,
                                    "kind": answer.kind, "path": answer.trace.get("path")})
    for mode, rs in ranks.items():
        n = max(len(rs), 1)
        report.retrieval[mode] = {
            "recall@1": sum(1 for r in rs if r == 1) / n,
            "recall@5": sum(1 for r in rs if r is not None) / n,
            "mrr": sum(1 / r for r in rs if r) / n,
        }
    report.fact_rate = facts_ok / max(facts_all, 1)
    report.refusal_recall = oos_refused / max(oos_total, 1)
    refusals = oos_refused + in_refused
    report.refusal_precision = oos_refused / refusals if refusals else 1.0
    report.false_refusal_rate = in_refused / max(in_total, 1)
    report.deadline_accuracy = dl_ok / max(dl_total, 1)
    report.clarify_accuracy = cl_ok / max(cl_total, 1)
    ordered = sorted(latencies)
    report.latency_ms = {"p50": statistics.median(ordered) if ordered else 0.0,
                         "p95": ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0}
    report.counts = {"answer": in_total, "out_of_scope": oos_total, "deadline": dl_total, "clarify": cl_total}
    return report


def _check_deadline(answer, item: dict) -> str:
    if answer.kind != "deadline":
        return f"expected a deadline answer, got {answer.kind} ({answer.trace.get('path')})"
    computed = {m["key"]: m["date"] for m in answer.trace.get("deadline", {}).get("milestones", [])}
    wrong = {k: (str(v), computed.get(k)) for k, v in (item.get("expected_dates") or {}).items()
             if computed.get(k) != str(v)}
    return f"wrong dates {wrong}" if wrong else ""


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


def format_report(report: EvalReport) -> str:
    """A Markdown summary of the report."""
    lines = ["| retriever | recall@1 | recall@5 | MRR |", "|---|---|---|---|"]
    for mode in RETRIEVERS:
        s = report.retrieval.get(mode, {})
        lines.append(f"| {mode} | {s.get('recall@1', 0):.3f} | {s.get('recall@5', 0):.3f} | {s.get('mrr', 0):.3f} |")
    lines += [
        "",
        "| metric | value |", "|---|---|",
        f"| must-contain fact rate | {report.fact_rate:.3f} |",
        f"| refusal recall (out of scope declined) | {report.refusal_recall:.3f} |",
        f"| refusal precision | {report.refusal_precision:.3f} |",
        f"| false refusals (in-scope declined) | {report.false_refusal_rate:.3f} |",
        f"| deadline answers correct | {report.deadline_accuracy:.3f} |",
        f"| clarify when no date | {report.clarify_accuracy:.3f} |",
        f"| latency p50 / p95 (ms) | {report.latency_ms.get('p50', 0):.1f} / {report.latency_ms.get('p95', 0):.1f} |",
        f"| items | {report.counts} |",
    ]
    return "\n".join(lines)
