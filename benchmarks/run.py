"""Run every benchmark: `python -m benchmarks.run [--quick] [--only NAME ...] [--data-dir DIR]`.

Prints one Markdown table per section and writes everything to benchmarks/results/latest.json.
Without --data-dir a fresh index of knowledge/ is built in a temporary folder first.
"""
from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import bench_answer, bench_http, bench_ingest, bench_retrieval
from benchmarks.common import ROOT, Target, build_index, machine, offline, table, verdict

RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
SECTIONS = ("ingest", "retrieval", "answer", "http")
INGEST_COLD = Target(bench_ingest.TARGET_SHARE_OF_ENCODER, "of the encoder's own throughput", at_least=True)
INGEST_RERUN = Target(bench_ingest.TARGET_RERUN_S, "s")


def targets(results: dict[str, Any]) -> str:
    """Every target in one table with pass/miss."""
    rows = []

    def add(name: str, value: float, target: Target, shown: str = "") -> None:
        rows.append((name, shown or f"{value:g}", target.label(), verdict(value, target)))

    if "answer" in results:
        everything = results["answer"]["paths"]["all"]
        add("In-process p50 (ms)", everything["p50"], bench_answer.P50)
        add("In-process p95 (ms)", everything["p95"], bench_answer.P95)
    if "http" in results:
        http = results["http"]
        add("HTTP throughput (answers/s)", http["throughput"], bench_http.THROUGHPUT)
        add("HTTP errors", http["errors"], Target(0))
        add("HTTP p99 (ms)", http["latency_ms"]["p99"], bench_http.P99)
        add("Cold start (s)", http["cold_start_s"], bench_http.COLD_START)
        add("Serving RSS peak (MB)", http["rss_peak_mb"], bench_http.RSS)
    if "ingest" in results:
        ingest = results["ingest"]
        add("Ingest cold (share of the encoder)", round(bench_ingest.share(ingest), 2), INGEST_COLD,
            f"{bench_ingest.share(ingest):.0%} ({ingest['cold_chunks_per_s']:g} of "
            f"{ingest['encoder_chunks_per_s']:g} chunks/s)")
        add("Ingest unchanged re-run (s)", ingest["rerun_s"], INGEST_RERUN,
            f"{ingest['rerun_s']:g} (CLI incl. start-up {ingest['rerun_cli_s']:g})")
    return table(("Measure", "Measured (median)", "Target", "Result"), rows)


def _run_sections(names: list[str], settings: Any, quick: bool) -> tuple[dict[str, Any], list[str]]:
    results: dict[str, Any] = {}
    texts: list[str] = []
    for name in names:
        started = time.perf_counter()
        if name == "ingest":
            result = bench_ingest.run()
            text = bench_ingest.table(result)
        elif name == "retrieval":
            result = bench_retrieval.run(settings=settings)
            text = bench_retrieval.tables(result)
        elif name == "answer":
            result = bench_answer.run(rounds=2 if quick else 5, settings=settings)
            text = bench_answer.tables(result)
        else:
            result = bench_http.run(settings, requests=500 if quick else 2000,
                                    max_seconds=60 if quick else 120, repeats=1 if quick else 3)
            text = bench_http.tables(result)
        result["bench_seconds"] = round(time.perf_counter() - started, 1)
        results[name] = result
        texts.append(f"## {name}\n\n{text}\n")
        print(texts[-1], flush=True)
    return results, texts


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks, print tables, write the JSON results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and requests")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--data-dir", type=Path,
                        help="use this existing index instead of a fresh one")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)
    offline()
    logging.basicConfig(level=logging.WARNING)
    from assistant.config import Settings

    started = datetime.now(UTC).isoformat(timespec="seconds")
    needs_index = any(n in args.only for n in ("retrieval", "answer", "http"))
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        settings = None
        if args.data_dir:
            settings = Settings.from_env(data_dir=args.data_dir)
        elif needs_index:
            settings = build_index(Path(tmp))
        results, _ = _run_sections(list(args.only), settings, args.quick)
    print(f"## targets\n\n{targets(results)}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"started_at": started, "quick": args.quick, "python": platform.python_version(),
               **machine(), "results": results}
    args.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"Results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
