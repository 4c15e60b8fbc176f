"""In-process answer latency per answer path, with the median stage breakdown from the trace.

Every question of knowledge/eval/dev.yaml is asked once to warm up (and to learn which path
answers it: card, extractive, deadline, refusal, clarify), then `rounds` more times. Each round
gives p50/p95/p99 per path; the table shows the median over rounds, because the machine is
shared. Each question is measured with an empty query-embedding cache (as a new user question),
plus one round of repeats ("all (repeated)", cached embedding). Target on 2 cores: p50 <= 30 ms
and p95 <= 80 ms. Run: `python -m benchmarks.bench_answer [ROUNDS]`.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.common import (
    DEV_SET,
    Target,
    build_index,
    machine,
    offline,
    percentile,
    table,
    verdict,
)

P50 = Target(30, "ms")
P95 = Target(80, "ms")
STAGES = ("embed_ms", "dense_ms", "bm25_ms", "fusion_ms", "cards_ms", "compose_ms", "deadline_ms",
          "total_ms")
PATHS = ("card", "extractive", "deadline", "refusal", "clarify", "llm")


def _today(item: dict) -> date:
    value = item.get("today")
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else date(2025, 11, 23)


def measure(assistant: Any, items: list[dict], rounds: int = 5) -> dict[str, Any]:
    """Latency per answer path over `rounds` rounds of every item (after one warm-up round).

    The query-embedding cache is cleared before each question (a new question from a user);
    one extra round with the cache kept is reported as "all (repeated)".
    """
    kinds: dict[str, str] = {}
    for item in items:  # warm-up, and which path answers each item
        kinds[item["id"]] = assistant.ask(item["question"], item.get("history"),
                                          item.get("audience"), item.get("language"),
                                          today=_today(item)).kind
    per_round: dict[str, list[dict[str, float]]] = defaultdict(list)
    all_ms: dict[str, list[float]] = defaultdict(list)
    stages: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    cache = getattr(assistant.embedder, "_cache", None)  # query-embedding cache: repeats are free
    for round_no in range(rounds + 1):
        times: dict[str, list[float]] = defaultdict(list)
        cached = round_no == rounds  # the last round measures repeated questions
        if cached:
            for item in items:  # fill the cache (it holds only the last question now)
                assistant.ask(item["question"], item.get("history"), item.get("audience"),
                              item.get("language"), today=_today(item))
        for item in items:
            if cache is not None and not cached:
                cache.clear()
            started = time.perf_counter()
            answer = assistant.ask(item["question"], item.get("history"), item.get("audience"),
                                   item.get("language"), today=_today(item))
            elapsed = (time.perf_counter() - started) * 1000
            if cached:
                times["all (repeated)"].append(elapsed)
                continue
            for kind in (answer.kind, "all"):
                times[kind].append(elapsed)
                for stage, ms in answer.trace.get("timings", {}).items():
                    stages[kind][stage].append(ms)
        for kind, values in times.items():
            all_ms[kind] += values
            per_round[kind].append({q: percentile(values, q) for q in (50, 95, 99)})
    paths = {}
    for kind, rows in per_round.items():
        paths[kind] = {
            "questions": (sum(1 for k in kinds.values() if k == kind) if kind in PATHS
                          else len(items)),
            "samples": len(all_ms[kind]),
            **{f"p{q}": round(statistics.median(r[q] for r in rows), 2)
               for q in (50, 95, 99)},
            "stages_median": {s: round(statistics.median(v), 2) for s, v in stages[kind].items()},
        }
    return {"rounds": rounds, "paths": paths, **machine()}


def run(rounds: int = 5, settings: Any = None) -> dict[str, Any]:
    """Build an index of knowledge/ (unless `settings` are given) and measure answer latency."""
    offline()
    from assistant import build_assistant
    from assistant.evaluation import load_items

    items = load_items(DEV_SET)
    if settings is not None:
        return measure(build_assistant(settings, clock=lambda: date(2025, 11, 23)), items, rounds)
    with tempfile.TemporaryDirectory(prefix="bench-answer-") as tmp:
        settings = build_index(Path(tmp))
        return measure(build_assistant(settings, clock=lambda: date(2025, 11, 23)), items, rounds)


def tables(result: dict[str, Any]) -> str:
    """Latency per path with pass/miss, and the median stage breakdown."""
    order = [k for k in (*PATHS, "all", "all (repeated)") if k in result["paths"]]
    rows = []
    for kind in order:
        p = result["paths"][kind]
        rows.append((kind, p["questions"], p["samples"], p["p50"], verdict(p["p50"], P50), p["p95"],
                     verdict(p["p95"], P95), p["p99"]))
    title = (f"In-process answer latency (ms; median of {result['rounds']} rounds; "
             f"{result['cpus']} CPUs, load {result['load_avg_1m']})")
    out = [title, "",
           table(("path", "questions", "samples", "p50", f"p50 {P50.label()}", "p95",
                  f"p95 {P95.label()}", "p99"), rows), "",
           "Median stage times per path (ms, from `trace['timings']`)", ""]
    stage_rows = [(kind, *(result["paths"][kind]["stages_median"].get(s, "–") for s in STAGES))
                  for kind in order if result["paths"][kind]["stages_median"]]
    out.append(table(("path", *[s.removesuffix("_ms") for s in STAGES]), stage_rows))
    return "\n".join(out)


if __name__ == "__main__":
    print(tables(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
