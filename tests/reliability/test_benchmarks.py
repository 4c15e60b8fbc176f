"""The benchmark code measures what it says (small runs, so the full benchmarks cannot rot)."""
from __future__ import annotations

import asyncio

import pytest

from benchmarks import bench_answer, bench_http, bench_retrieval, run
from benchmarks.common import Target, percentile, verdict

ITEMS = [
    {"id": "a", "question": "Wanneer moet spoor 2 starten?", "type": "answer",
     "expected": ["nl-spoor2-wanneer-starten"]},
    {"id": "b", "question": "Who pays the re-integration agency in track 2?", "language": "en",
     "type": "answer", "expected": ["en-costs-track-2"]},
    {"id": "c", "question": "Wat is het recept voor appeltaart?", "type": "out_of_scope"},
    {"id": "d", "question": "Ziek sinds 3 maart 2025, wanneer moet de 42e-weeksmelding?",
     "type": "deadline", "today": "2025-11-23"},
]


def test_percentiles_interpolate_and_targets_know_their_direction():
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([5], 99) == 5 and percentile([], 50) == 0.0
    assert verdict(30, Target(30, "ms")) == "pass" and verdict(31, Target(30, "ms")) == "MISS"
    assert verdict(49, Target(50, at_least=True)) == "MISS"


def test_answer_benchmark_groups_latency_by_answer_path(rel_assistant):
    result = bench_answer.measure(rel_assistant, ITEMS, rounds=1)
    paths = result["paths"]
    assert {"extractive", "refusal", "deadline", "all", "all (repeated)"} <= set(paths)
    assert paths["all"]["samples"] == len(ITEMS)
    assert paths["extractive"]["stages_median"]["embed_ms"] > 0
    assert "| extractive |" in bench_answer.tables(result)


def test_retrieval_benchmark_scores_each_retriever(rel_assistant):
    result = bench_retrieval.measure(rel_assistant, ITEMS)
    assert result["questions"] == 2
    assert set(result["scores"]) == {"dense", "bm25", "hybrid"}
    assert result["scores"]["hybrid"]["recall@5"] == 1.0


@pytest.mark.server
def test_load_generator_counts_requests_and_errors_against_a_real_server(serve):
    server = serve(rate_limit_per_minute=10)
    bodies = bench_http.requests_mix(ITEMS)
    result = asyncio.run(bench_http.load(server.url, bodies, clients=4, requests=20))
    assert result["requests"] == 20
    assert result["statuses"] == {"200": 10, "429": 10}  # rate-limited answers are errors
    assert result["errors"] == 10 and result["latency_ms"]["n"] == 20


def test_targets_table_marks_a_miss():
    results = {"ingest": {"cold_chunks_per_s": 20.0, "encoder_chunks_per_s": 40.0, "rerun_s": 0.1,
                          "rerun_cli_s": 1.3}}
    text = run.targets(results)
    assert "| Ingest cold (share of the encoder) | 50% (20 of 40 chunks/s) | >= 0.9" in text and "MISS" in text
    assert "| Ingest unchanged re-run (s) |" in text and "| pass |" in text
