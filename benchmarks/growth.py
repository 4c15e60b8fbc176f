"""Growth: start-up, memory and answer latency as the index grows to N chunks.

`python -m benchmarks.growth --chunks 1000 5000 20000 [--modes embedded server] [--json]
[--plot growth.svg]`. For each N a fresh index is filled in a temporary data dir: the real
knowledge base (a copy of the seed index, `SPOOR2_TEST_SEED_INDEX` or --seed-index, brought up to
date by an incremental ingest of knowledge/, so nothing unchanged is embedded again) plus
synthetic chunks up to N. A synthetic chunk copies a real article chunk's metadata under a new
document (`archief-…`), its text is a bigram chain over the knowledge base's own words in the
same language, and its vector is a blend of two real chunk vectors plus noise, normalised (so it
sits among the real vectors and competes in the dense search). They are added with the store's
writer (begin/add/commit) in pages, so 50,000 chunks take minutes, not hours.

Each measurement runs in a fresh subprocess: start-up is the time from before `import
assistant` until `build_assistant` returns; RSS is VmRSS right after start-up and after the
first 50 questions; p50/p95 are over a fixed set of 50 dev-set questions (every n-th item of
knowledge/eval/dev.yaml), asked `--rounds` times with the query-embedding cache cleared (median
over rounds). Each N and mode is started `--repeats` times; the table shows medians. "server"
serves the same index from a real `chroma run` on loopback (its own RSS is reported apart);
"postgres" is the embedded store with the lexical search in PostgreSQL full-text search (a
throwaway server from Debian's `postgresql`, filled before the measurement as ingest would);
"shared" is the setup of several instances: the Chroma server and PostgreSQL together.
Targets at 50,000 chunks: start-up <= 10 s, RSS <= 1 GB per instance, p95 <= 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks.common import (
    DEV_SET,
    ROOT,
    Target,
    machine,
    offline,
    percentile,
    table,
    verdict,
)

STARTUP = Target(10, "s")
RSS = Target(1024, "MB")
P95 = Target(100, "ms")
MODES = ("embedded", "server", "postgres", "shared")
AT = 50_000  # the targets hold at this many chunks
QUESTIONS = 50
HEADER = ("chunks", "mode", "start-up s", "RSS start MB", "RSS MB", "p50 ms", "p95 ms", "load")
_SEED = os.environ.get("SPOOR2_TEST_SEED_INDEX", "")
DEFAULT_SEED = Path(_SEED) if _SEED else None  # without one, knowledge/ is embedded (~4 min)


# --- filling ----------------------------------------------------------------------------------

class _Chain:
    """A bigram chain over the knowledge base's words, per language: Dutch-looking filler."""

    def __init__(self, texts: list[str], rng: random.Random):
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in texts:
            words = text.split()
            if words:
                self.starts.append(words[0])
            for a, b in zip(words, words[1:]):
                self.next[a].append(b)

    def text(self, words: int) -> str:
        out = [self.rng.choice(self.starts)]
        while len(out) < words:
            follow = self.next.get(out[-1])
            out.append(self.rng.choice(follow) if follow else self.rng.choice(self.starts))
        return " ".join(out)


def _unit(vector: Any) -> Any:
    import numpy as np

    return vector / (np.linalg.norm(vector) or 1.0)


def ingest_knowledge(data_dir: Path, seed: Path | None) -> Any:
    """Copy the seed index (if any) to `data_dir` and ingest knowledge/ incrementally."""
    offline()
    from assistant.config import Settings
    from ingest.indexer import Indexer

    if seed and seed.is_dir():
        shutil.copytree(seed, data_dir, dirs_exist_ok=True)
    settings = Settings.from_env({}, data_dir=data_dir, knowledge_dir=ROOT / "knowledge")
    report = Indexer(settings).run([ROOT / "knowledge"], prune=True)
    if report.skipped:
        raise RuntimeError(f"ingest skipped files: {report.skipped}")
    return settings


def _warm_card_cache(settings: Any, real: list) -> float:
    """Embed the card phrases once, as the first start after an ingest does (then cached)."""
    from assistant.answering.cards import CardMatcher, cards_from_chunks
    from assistant.embedders import make_embedder

    embedder = make_embedder(settings.embedding_model)
    return _timed(lambda: CardMatcher(cards_from_chunks(real), embedder,
                                      cache_dir=settings.data_dir / "cache"))


def fill(data_dir: Path, chunks: int, seed: Path | None = DEFAULT_SEED, rng_seed: int = 17) -> dict:
    """Fill `data_dir` with the knowledge base plus synthetic chunks up to `chunks` in total."""
    import numpy as np

    from assistant.store import ChromaIndexWriter
    from assistant.types import Chunk

    started = time.perf_counter()
    settings = ingest_knowledge(data_dir, seed)
    ingest_s = time.perf_counter() - started
    writer = ChromaIndexWriter(settings)
    active = writer.active()
    assert active is not None
    metadata, pages = writer.export(active.name)
    real: list[Chunk] = []
    vectors: list[list[float]] = []
    for page, embeddings in pages:
        real += page
        vectors += embeddings
    extra = max(chunks - len(real), 0)
    result = {"chunks": len(real) + extra, "real": len(real), "synthetic": extra,
              "ingest_s": round(ingest_s, 1), "card_cache_s": _warm_card_cache(settings, real)}
    if not extra:
        result["fill_s"] = round(time.perf_counter() - started, 1)
        return result
    rng = random.Random(rng_seed)
    np_rng = np.random.default_rng(rng_seed)
    articles = [i for i, c in enumerate(real) if c.metadata.get("kind") != "card"]
    chains = {lang: _Chain([real[i].text for i in articles
                            if real[i].metadata.get("language") == lang], rng)
              for lang in {real[i].metadata.get("language") or "nl" for i in articles}}
    matrix = np.asarray(vectors, dtype=np.float32)
    dim = matrix.shape[1]
    name = writer.begin()
    try:
        writer.copy_from(active.name, [c.id for c in real], {})
        batch: list[Chunk] = []
        batch_vectors: list[Any] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for n in range(extra):
            src = rng.choice(articles)
            other = rng.choice(articles)
            source = real[src]
            meta = dict(source.metadata)
            doc = f"archief-{n // 8:05d}"  # about 8 chunks per archive document
            meta.update(doc_id=doc, title=f"Archief {n // 8}: {meta.get('title', '')}",
                        path=f"archief/{doc}.md", source=f"archief/{doc}.md", position=n % 8,
                        content_hash=f"{n:032x}", file_hash=f"{n // 8:064x}", ingested_at=now)
            words = max(40, min(160, len(source.text.split())))
            text = chains[meta.get("language") or "nl"].text(words)
            batch.append(Chunk(id=f"synthetic-{n:07d}", text=text, metadata=meta))
            noise = np_rng.normal(0, 0.25 / np.sqrt(dim), dim)
            batch_vectors.append(_unit(matrix[src] + 0.5 * matrix[other] + noise).tolist())
            if len(batch) == 1000 or n == extra - 1:
                writer.add(batch, batch_vectors)
                batch, batch_vectors = [], []
        writer.commit(len(real) + extra, dim, active.name)
    except BaseException:
        writer.abort()
        raise
    result.update(generation=name, dim=dim, embedding_model=metadata.get("embedding_model"),
                  fill_s=round(time.perf_counter() - started, 1))
    return result


# --- one measurement (in a fresh process) -----------------------------------------------------

def rss_mb(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM of a process in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def questions(count: int = QUESTIONS) -> list[dict]:
    """A fixed mix of `count` dev-set items: every n-th item of knowledge/eval/dev.yaml."""
    from assistant.evaluation import load_items

    items = load_items(DEV_SET)
    step = max(len(items) // count, 1)
    return items[::step][:count]


def _today(item: dict) -> date:
    value = item.get("today")
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else date(2025, 11, 23)


def _timed(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return round(time.perf_counter() - started, 2)


def measure_here(data_dir: Path, rounds: int = 3, count: int = QUESTIONS,
                 overlap: str = "") -> dict[str, Any]:
    """Start the assistant on `data_dir` (settings from the environment) and measure it;
    `overlap`: "overlap" / "sequential" force the lexical search beside / after the query
    encoder ("": the product's default, see `assistant.retrieval.index.OVERLAP`)."""
    started = time.perf_counter()
    offline()
    from assistant import Settings, build_assistant
    from assistant.retrieval import index

    index.OVERLAP = {"overlap": True, "sequential": False}.get(overlap, index.OVERLAP)

    settings = Settings.from_env(data_dir=data_dir, knowledge_dir=ROOT / "knowledge")
    assistant = build_assistant(settings, clock=lambda: date(2025, 11, 23))
    startup = time.perf_counter() - started
    rss_start = rss_mb()["VmRSS"]
    items = questions(count)

    def ask(item: dict) -> Any:
        return assistant.ask(item["question"], item.get("history"), item.get("audience"),
                             item.get("language"), today=_today(item))

    kinds: dict[str, int] = defaultdict(int)
    for item in items:  # the first 50 questions (warm-up)
        kinds[ask(item).kind] += 1
    rss_after = rss_mb()
    cache = getattr(assistant.embedder, "_cache", None)
    per_round = []
    stages: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        times = []
        for item in items:
            if cache is not None:
                cache.clear()  # every question is new, as from a user
            t = time.perf_counter()
            answer = ask(item)
            times.append((time.perf_counter() - t) * 1000)
            for stage, ms in answer.trace.get("timings", {}).items():
                stages[stage].append(ms)
        per_round.append({q: percentile(times, q) for q in (50, 95)})
    peak = rss_mb()["VmHWM"]  # before the breakdown below builds the indexes again
    # where start-up goes: the snapshot's parts again, after the measurement
    from assistant.answering.cards import CardMatcher, cards_from_chunks
    from assistant.retrieval.index import lexical_index
    from assistant.retrieval.lexical import ChunkCatalog
    from assistant.retrieval.lexical_file import LexicalFile, lexical_path

    path = lexical_path(assistant.store.lexical_dir, assistant.generation)
    catalog = ChunkCatalog(LexicalFile(path))
    breakdown = {
        "lexical_s": _timed(lambda: lexical_index(catalog, settings.lexical,
                                                  server=settings.server_mode,
                                                  full_text=assistant.full_text)),
        "cards_s": _timed(lambda: CardMatcher(cards_from_chunks(catalog.of_kind("card")),
                                              assistant.embedder,
                                              cache_dir=settings.data_dir / "cache")),
    }
    lexical = type(assistant.snapshot.lexical).__name__
    return {"startup_s": round(startup, 2), "rss_start_mb": rss_start,
            "rss_mb": rss_after["VmRSS"], "rss_peak_mb": peak,
            "p50_ms": round(statistics.median(r[50] for r in per_round), 1),
            "p95_ms": round(statistics.median(r[95] for r in per_round), 1),
            "questions": len(items), "rounds": rounds, "kinds": dict(kinds), "lexical": lexical,
            "chunks_served": assistant.health()["chunks"], "breakdown": breakdown,
            "stages_p50_ms": {k: round(percentile(v, 50), 1) for k, v in stages.items()},
            "stages_p95_ms": {k: round(percentile(v, 95), 1) for k, v in stages.items()},
            "overlap": index.OVERLAP}


class ChromaServer:
    """`chroma run` on loopback over an existing Chroma directory."""

    def __init__(self, path: Path):
        from benchmarks.bench_http import free_port

        self.path, self.port = path, free_port()
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> ChromaServer:
        import httpx

        chroma = Path(sys.executable).parent / "chroma"
        self.proc = subprocess.Popen(
            [str(chroma), "run", "--path", str(self.path), "--host", "127.0.0.1",
             "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("chroma run exited")
            try:
                beat = httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=2)
                if beat.is_success:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError("chroma run did not start")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


def _child(args: list[str], env: dict[str, str] | None = None, timeout: float = 3600) -> dict:
    """Run `python -m benchmarks.growth <args>` and parse the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.growth", *args], cwd=ROOT, capture_output=True,
        text=True, timeout=timeout,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
             "SPOOR2_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT), **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"benchmarks.growth {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class PostgresFullText:
    """A throwaway PostgreSQL server (tests/shared) holding `data_dir`'s serving generation for
    the full-text lexical search, filled before the measurement as ingest would have."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.server: Any = None

    def __enter__(self) -> str:
        from assistant import Settings
        from assistant.retrieval.lexical_file import LexicalFile, lexical_path
        from assistant.retrieval.lexical_postgres import PostgresLexicalStore
        from assistant.store import ChromaStore
        from tests.shared.servers import PostgresServer

        if PostgresServer.missing:
            raise RuntimeError(PostgresServer.missing)
        self.server = PostgresServer().start()
        url = self.server.new_database("growth")
        settings = Settings.from_env({}, data_dir=self.data_dir)
        generation = ChromaStore.open(settings).generation
        full_text = PostgresLexicalStore.connect(url)
        try:
            started = time.perf_counter()
            full_text.fill(generation, LexicalFile(
                lexical_path(settings.lexical_dir, generation)).chunks())
            self.fill_s = round(time.perf_counter() - started, 1)
        finally:
            full_text.close()
        return url

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.server.stop()


def measure(data_dir: Path, mode: str, *, repeats: int = 3, rounds: int = 3,
            overlap: str = "") -> dict[str, Any]:
    """`repeats` fresh processes on `data_dir` in `mode`; each figure is the median."""
    extra = ["--overlap", overlap] if overlap else []
    if mode in ("postgres", "shared"):
        with PostgresFullText(data_dir) as url:
            result = _measure(data_dir, mode, repeats, rounds, {"SPOOR2_DATABASE_URL": url},
                              extra)
        return result
    return _measure(data_dir, mode, repeats, rounds, {}, extra)


def _measure(data_dir: Path, mode: str, repeats: int, rounds: int, env: dict[str, str],
             extra: list[str]) -> dict[str, Any]:
    runs = []
    server_rss: list[float] = []
    for _ in range(repeats):
        args = ["--measure", str(data_dir), "--rounds", str(rounds), *extra]
        if mode in ("server", "shared"):
            with ChromaServer(data_dir / "chroma") as server:
                runs.append(_child(args, {**env, "SPOOR2_CHROMA_HOST": "127.0.0.1",
                                          "SPOOR2_CHROMA_PORT": str(server.port)}))
                server_rss.append(rss_mb(server.proc.pid)["VmRSS"])
        else:
            runs.append(_child(args, env))
        runs[-1].update(machine())
    result: dict[str, Any] = {"mode": mode, "repeats": repeats, "runs": runs}
    for key in ("startup_s", "rss_start_mb", "rss_mb", "rss_peak_mb", "p50_ms", "p95_ms",
                "load_avg_1m"):
        result[key] = round(statistics.median(r[key] for r in runs), 2)
    result["breakdown"] = {k: round(statistics.median(r["breakdown"][k] for r in runs), 2)
                           for k in runs[0]["breakdown"]}
    result["chunks_served"] = runs[0]["chunks_served"]
    result["lexical"] = runs[0].get("lexical", "")
    result["overlap"] = runs[0].get("overlap", True)
    result["stages_p50_ms"] = {k: round(statistics.median(r["stages_p50_ms"].get(k, 0.0)
                                                           for r in runs), 1)
                               for k in runs[0].get("stages_p50_ms", {})}
    if server_rss:
        result["chroma_server_rss_mb"] = round(statistics.median(server_rss), 1)
    return result


def run(sizes: list[int], modes: list[str], *, repeats: int = 3, rounds: int = 3,
        seed: Path | None = DEFAULT_SEED, log: Any = None) -> dict[str, Any]:
    """Fill a fresh index per size and measure every mode; rows in order of size.

    The knowledge base is ingested (and its card phrases embedded) once into a base data dir;
    each size starts from a copy of it.
    """
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-growth-base-") as base_tmp:
        base = Path(base_tmp) / "data"
        _child(["--fill", str(base), "0", *(["--seed-index", str(seed)] if seed else [])])
        for size in sizes:
            rows += _run_size(size, base, modes, repeats=repeats, rounds=rounds, log=log)
    return {"rows": rows, "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **machine()}


def _run_size(size: int, base: Path, modes: list[str], *, repeats: int, rounds: int,
              log: Any) -> list[dict[str, Any]]:
    """Fill a copy of `base` up to `size` chunks and measure every mode on it."""
    rows = []
    with tempfile.TemporaryDirectory(prefix=f"bench-growth-{size}-") as tmp:
        data_dir = Path(tmp) / "data"
        filled = _child(["--fill", str(data_dir), str(size), "--seed-index", str(base)])
        for mode in modes:
            engine, _, variant = mode.partition(":")  # "embedded:overlap", ":sequential"
            row = {"chunks": filled["chunks"], "fill": filled,
                   **measure(data_dir, engine, repeats=repeats, rounds=rounds, overlap=variant),
                   "mode": mode}
            rows.append(row)
            if log:
                log(row)
    return rows


# --- output -----------------------------------------------------------------------------------

def row_cells(row: dict[str, Any]) -> tuple:
    """One table row."""
    return (row["chunks"], row["mode"], row["startup_s"], round(row["rss_start_mb"]),
            round(row["rss_mb"]), row["p50_ms"], row["p95_ms"], row["load_avg_1m"])


def extrapolate(rows: list[dict[str, Any]], key: str, at: int = AT) -> float | None:
    """A least-squares straight line through (chunks, key), read at `at` chunks."""
    points = [(r["chunks"], r[key]) for r in rows]
    if len({x for x, _ in points}) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    slope = (sum((x - mx) * (y - my) for x, y in points)
             / sum((x - mx) ** 2 for x, _ in points))
    return round(my + slope * (at - mx), 1)


def tables(result: dict[str, Any]) -> str:
    """The measured table, the breakdown of start-up, and the targets at 50,000 chunks."""
    rows = result["rows"]
    parts = [(r["chunks"], r["mode"], r.get("lexical", "–"), r["breakdown"]["lexical_s"],
              r["breakdown"]["cards_s"], r.get("chroma_server_rss_mb", "–")) for r in rows]
    out = [f"Growth (medians of fresh processes; {result['cpus']} CPUs, shared)", "",
           table(HEADER, [row_cells(r) for r in rows]), "",
           "Where start-up goes (s, the snapshot's parts timed again in the same process)", "",
           table(("chunks", "mode", "lexical index", "lexical open/build", "cards",
                  "Chroma server RSS MB"), parts),
           "", f"Targets at {AT:,} chunks", ""]
    target_rows = []
    for mode in dict.fromkeys(r["mode"] for r in rows):
        mine = [r for r in rows if r["mode"] == mode]
        at = [r for r in mine if r["chunks"] >= AT]
        for key, target in (("startup_s", STARTUP), ("rss_mb", RSS), ("p95_ms", P95)):
            if at:
                value, how = at[-1][key], "measured"
            else:
                value, how = extrapolate(mine, key), "straight-line extrapolation"
            if value is None:
                continue
            target_rows.append((mode, key, value, how, target.label(), verdict(value, target)))
    out.append(table(("mode", "measure", "value", "how", "target", "result"), target_rows))
    return "\n".join(out)


def plot(result: dict[str, Any], path: Path) -> Path:
    """Write an SVG of the curve to `path` (start-up, RSS, p50 and p95 against chunks, one line
    per mode; targets dashed) and the raw numbers beside it (`path` with `.json`); the JSON's
    path."""
    from benchmarks.svgplot import Panel, line_chart

    rows = result["rows"]
    modes = list(dict.fromkeys(r["mode"] for r in rows))
    panels = [Panel(title, {m: [(r["chunks"], r[key]) for r in rows if r["mode"] == m]
                            for m in modes}, target)
              for key, title, target in (("startup_s", "start-up (s)", STARTUP.limit),
                                         ("rss_mb", "RSS after 50 questions (MB)", RSS.limit),
                                         ("p50_ms", "answer p50 (ms)", None),
                                         ("p95_ms", "answer p95 (ms)", P95.limit))]
    loads = sorted(r["load_avg_1m"] for r in rows)
    caption = (f"{result.get('started_at', '')[:10]}, {result.get('cpus', '?')} shared CPUs, "
               f"load average {loads[0]:g}-{loads[-1]:g}; medians of fresh processes")
    path.write_text(line_chart(panels, caption), encoding="utf-8")
    data = path.with_suffix(".json")
    data.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    """Parse arguments; run the benchmark, or one of its child steps (--fill, --measure)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.growth", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--modes", nargs="+", choices=[f"{m}{v}" for m in MODES
                                                       for v in ("", ":overlap", ":sequential")],
                        default=["embedded", "server"])
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the 50 questions")
    parser.add_argument("--seed-index", type=Path, default=DEFAULT_SEED,
                        help="a data dir of an earlier ingest to copy (saves embedding)")
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    parser.add_argument("--plot", type=Path, metavar="SVG",
                        help="write an SVG of the curve there, and its numbers as .json beside it")
    parser.add_argument("--from-json", type=Path, metavar="JSON",
                        help="measure nothing: print the tables (and --plot) of a saved result")
    parser.add_argument("--overlap", choices=("", "overlap", "sequential"), default="",
                        help=argparse.SUPPRESS)
    parser.add_argument("--fill", nargs=2, metavar=("DATA_DIR", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=Path, metavar="DATA_DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    offline()
    if args.fill:
        print(json.dumps(fill(Path(args.fill[0]), int(args.fill[1]), args.seed_index)))
        return 0
    if args.measure:
        print(json.dumps(measure_here(args.measure, rounds=args.rounds, overlap=args.overlap)))
        return 0
    quiet = args.json
    if args.from_json:
        result = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        result = run(sorted(args.chunks), args.modes, repeats=args.repeats, rounds=args.rounds,
                     seed=args.seed_index,
                     log=None if quiet else lambda r: print(table(HEADER, [row_cells(r)]),
                                                            flush=True))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("\n" + tables(result))
    if args.plot:
        data = plot(result, args.plot)
        print(f"Plot written to {args.plot}, its numbers to {data}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
