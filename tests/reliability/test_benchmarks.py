"""The benchmark code measures what it says (small runs, so the full benchmarks cannot rot)."""
from __future__ import annotations

import asyncio

import pytest

from benchmarks import bench_answer, bench_http, bench_retrieval, growth, run
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
    # the stage is timed (its value may round to 0.0 when the embedder cached the query already)
    assert paths["extractive"]["stages_median"]["embed_ms"] >= 0
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


@pytest.mark.server
def test_growth_benchmark_fills_the_index_to_n_chunks_and_measures_each_mode(kb_settings, kb_assistant):
    # kb_assistant has cached the card vectors in kb_settings' data dir: the copy starts warm
    result = growth.run([800], ["embedded", "server"], repeats=1, rounds=1,
                        seed=kb_settings.data_dir)
    rows = result["rows"]
    assert [r["mode"] for r in rows] == ["embedded", "server"]
    for row in rows:
        assert row["chunks"] == row["chunks_served"] >= 800  # the synthetic chunks are served
        assert row["fill"]["synthetic"] == row["chunks"] - row["fill"]["real"]
        assert 0 < row["startup_s"] < 120
        assert 50 < row["rss_start_mb"] <= row["rss_peak_mb"] < 4096
        assert 0 < row["p50_ms"] <= row["p95_ms"] < 5000
    assert rows[1]["chroma_server_rss_mb"] > 0
    text = growth.tables(result)
    assert "| chunks | mode | start-up s | RSS start MB | RSS MB | p50 ms | p95 ms | load |" in text
    assert f"| {rows[0]['chunks']} | embedded | {rows[0]['startup_s']} |" in text
    assert "| server |" in text


def test_growth_targets_read_the_curve_at_50000_chunks():
    rows = [{"chunks": c, "mode": "embedded", "startup_s": s, "rss_start_mb": 0, "rss_mb": m,
             "p50_ms": 1, "p95_ms": p, "load_avg_1m": 1,
             "breakdown": {"lexical_s": 0, "cards_s": 0}}
            for c, s, m, p in ((1000, 5.0, 300, 40), (5000, 7.0, 400, 50))]
    assert growth.extrapolate(rows, "startup_s") == 29.5  # 5 s + 0.5 ms per chunk
    text = growth.tables({"rows": rows, "cpus": 2})
    assert "| embedded | startup_s | 29.5 | straight-line extrapolation | <= 10 s | MISS |" in text
    assert "| embedded | p95_ms | 162.5 | straight-line extrapolation | <= 100 ms | MISS |" in text
    rows.append({**rows[1], "chunks": 50000, "startup_s": 9.0, "rss_mb": 900, "p95_ms": 90})
    text = growth.tables({"rows": rows, "cpus": 2})
    assert "| embedded | rss_mb | 900 | measured | <= 1024 MB | pass |" in text


def test_growth_plot_is_an_svg_of_each_mode_beside_its_numbers(tmp_path):
    import json
    import xml.etree.ElementTree as ET

    rows = [{"chunks": c, "mode": mode, "startup_s": s, "rss_start_mb": 0, "rss_mb": m,
             "p50_ms": p / 2, "p95_ms": p, "load_avg_1m": 3.5,
             "breakdown": {"lexical_s": 0, "cards_s": 0}}
            for mode in ("embedded", "postgres")
            for c, s, m, p in ((5000, 5.0, 300, 40), (50000, 7.0, 400, 150))]
    result = {"rows": rows, "cpus": 2, "started_at": "2026-12-01T06:00:00+00:00"}
    data = growth.plot(result, tmp_path / "growth.svg")
    assert json.loads(data.read_text()) == result  # --from-json redraws it
    svg = ET.parse(tmp_path / "growth.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    lines = svg.findall(f"{ns}polyline")
    assert len(lines) == 4 * 2  # start-up, RSS, p50, p95 for each of the two modes
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert {"answer p95 (ms)", "embedded", "postgres", "target"} <= set(texts)
    assert any("load average 3.5-3.5" in (t or "") for t in texts)
    # the p95 panel: the 150 ms point lies above the dashed 100 ms target (smaller y is higher)
    p95 = [float(y) for x, y in (p.split(",") for p in lines[-1].get("points").split())]
    # dashed: the targets of start-up, RSS and p95 (p50 has none), then the legend's
    target = [el for el in svg.iter(f"{ns}line") if el.get("stroke-dasharray")][2]
    assert p95[1] < float(target.get("y1")) < p95[0]
