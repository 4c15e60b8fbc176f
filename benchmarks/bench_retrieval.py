"""Retrieval quality on the dev set: dense only, BM25 only and hybrid (recall@1, recall@5, MRR).

Only the in-scope questions (type `answer`) with expected documents count. A hit is relevant
when it is an expected document or a card resting on one (`assistant.evaluation.is_relevant`).
Run: `python -m benchmarks.bench_retrieval`.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import DEV_SET, build_index, machine, offline, table

MODES = ("dense", "bm25", "hybrid")


def measure(assistant: Any, items: list[dict], k: int = 5) -> dict[str, Any]:
    """Recall@1, recall@5, MRR@k and mean query time per retriever."""
    from assistant.evaluation import is_relevant

    items = [i for i in items if i.get("type", "answer") == "answer" and i.get("expected")]
    scores: dict[str, dict[str, float]] = {}
    for mode in MODES:
        ranks: list[int | None] = []
        started = time.perf_counter()
        for item in items:
            hits = assistant.retrieve(item["question"], language=item.get("language"),
                                      audience=item.get("audience"), k=k, mode=mode)
            relevant = (i for i, h in enumerate(hits, 1) if is_relevant(h, item["expected"]))
            ranks.append(next(relevant, None))
        elapsed = (time.perf_counter() - started) * 1000 / max(len(items), 1)
        n = max(len(ranks), 1)
        scores[mode] = {"recall@1": round(sum(r == 1 for r in ranks) / n, 3),
                        "recall@5": round(sum(r is not None for r in ranks) / n, 3),
                        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
                        "ms_per_query": round(elapsed, 2)}
    ratio = {}
    for metric in ("recall@1", "recall@5", "mrr"):
        best = max(scores["dense"][metric], scores["bm25"][metric])
        ratio[metric] = round(scores["hybrid"][metric] / best, 3) if best else 0.0
    return {"questions": len(items), "k": k, "scores": scores, "hybrid_over_best_single": ratio,
            **machine()}


def run(settings: Any = None, assistant: Any = None) -> dict[str, Any]:
    """Measure on `assistant`, or on a fresh index of knowledge/."""
    offline()
    from assistant import build_assistant
    from assistant.evaluation import load_items

    items = load_items(DEV_SET)
    if assistant is not None:
        return measure(assistant, items)
    if settings is not None:
        return measure(build_assistant(settings), items)
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        return measure(build_assistant(build_index(Path(tmp))), items)


def tables(result: dict[str, Any]) -> str:
    """Scores per retriever and the hybrid / best-single ratio."""
    rows = [(mode, s["recall@1"], s["recall@5"], s["mrr"], s["ms_per_query"])
            for mode, s in result["scores"].items()]
    ratio = result["hybrid_over_best_single"]
    rows.append(("hybrid / best single", ratio["recall@1"], ratio["recall@5"], ratio["mrr"], ""))
    return "\n".join([
        f"Retrieval on the dev set ({result['questions']} in-scope questions, k={result['k']})", "",
        table(("retriever", "recall@1", "recall@5", "MRR", "ms/query"), rows),
    ])


if __name__ == "__main__":
    print(tables(run()))
