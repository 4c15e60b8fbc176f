"""Ingest benchmark: chunks/s for a cold ingest of knowledge/, seconds for an unchanged re-run.

Targets on a 2-core machine: >= 100 chunks/s cold, <= 3 s for the unchanged re-run; the model
load is excluded from both and reported separately. Run: `python -m benchmarks.bench_ingest`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_CHUNKS_PER_S = 100.0
TARGET_RERUN_S = 3.0


def run(knowledge_dir: Path | None = None) -> dict[str, Any]:
    """Ingest a snapshot of `knowledge_dir` (default: the configured folder) into a fresh index.

    The snapshot keeps the re-run honest while others edit knowledge/.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.config import Settings
    from assistant.embedder import SentenceTransformerEmbedder
    from ingest.indexer import Indexer

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        source = Path(tmp) / "knowledge"
        shutil.copytree(knowledge_dir or Settings.from_env().knowledge_dir, source)
        # The copy is the curated knowledge base: its cards stay vetted cards.
        settings = Settings.from_env(data_dir=Path(tmp) / "data", knowledge_dir=source)
        embedder = SentenceTransformerEmbedder(settings.embedding_model)
        started = time.perf_counter()
        embedder.warm_up()
        model_load = time.perf_counter() - started

        cold = Indexer(settings, embedder).run([source])
        rerun = Indexer(settings).run([source])  # a fresh embedder that is never loaded
        started = time.perf_counter()
        cli = subprocess.run(
            [sys.executable, "-m", "ingest", "--quiet", "--data-dir", str(settings.data_dir),
             str(source)],
            cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        cli_seconds = time.perf_counter() - started
        from assistant.store import ChromaStore

        chunks = ChromaStore.open(settings).all_chunks()
    chars = sum(len(c.text) for c in chunks)
    return {
        "files": cold.files_read,
        "chunks": cold.chunks_embedded,
        "avg_chunk_chars": round(chars / len(chunks)) if chunks else 0,
        "model_load_s": round(model_load, 2),
        "cold_s": round(cold.seconds, 2),
        "cold_chunks_per_s": round(cold.chunks_embedded / cold.seconds, 1) if cold.seconds else 0.0,
        "rerun_s": round(rerun.seconds, 2),
        "rerun_embedded": rerun.chunks_embedded,
        "rerun_cli_s": round(cli_seconds, 2),
        "rerun_cli_exit": cli.returncode,
        "cpus": os.cpu_count(),
        "load_avg": round(os.getloadavg()[0], 1),
    }


def table(result: dict[str, Any]) -> str:
    """The result as a Markdown table with the targets."""
    rows = [
        ("Files / chunks", f"{result['files']} / {result['chunks']} "
                           f"(avg {result['avg_chunk_chars']} chars)", ""),
        ("Model load", f"{result['model_load_s']} s", "reported separately"),
        ("Cold ingest", f"{result['cold_s']} s = {result['cold_chunks_per_s']} chunks/s",
         f">= {TARGET_CHUNKS_PER_S:.0f} chunks/s"),
        ("Unchanged re-run (in process)", f"{result['rerun_s']} s, "
                                          f"{result['rerun_embedded']} embedded",
         f"<= {TARGET_RERUN_S:.0f} s"),
        ("Unchanged re-run (`python -m ingest`)",
         f"{result['rerun_cli_s']} s (exit {result['rerun_cli_exit']})",
         "includes Python start-up"),
    ]
    lines = [
        f"Ingest benchmark ({result['cpus']} CPUs, load average {result['load_avg']})", "",
        "| Measure | Result | Target |", "|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None)))
