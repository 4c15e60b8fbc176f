"""What the benchmarks share: a fresh index of knowledge/, percentiles, Markdown tables, targets."""
from __future__ import annotations

import os
import shutil
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "knowledge" / "eval" / "dev.yaml"


def offline() -> None:
    """No network for the model: weights come from the installed package."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def build_index(workdir: Path, embedder: Any = None) -> Any:
    """Ingest a snapshot of knowledge/ into `workdir/data`; returns its `Settings`."""
    offline()
    from assistant.config import Settings
    from ingest.indexer import Indexer

    source = workdir / "knowledge"
    if not source.exists():
        shutil.copytree(ROOT / "knowledge", source)
    settings = Settings.from_env({}, data_dir=workdir / "data", knowledge_dir=source)
    Indexer(settings, embedder).run([source])
    return settings


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    """n, p50, p95, p99, mean of a list of milliseconds, rounded."""
    return {"n": len(values), "p50": round(percentile(values, 50), 2),
            "p95": round(percentile(values, 95), 2), "p99": round(percentile(values, 99), 2),
            "mean": round(statistics.fmean(values), 2) if values else 0.0}


@dataclass(frozen=True)
class Target:
    """A bound a measured value must meet: `value <= limit` (or >= when `at_least`)."""

    limit: float
    unit: str = ""
    at_least: bool = False

    def met(self, value: float) -> bool:
        """True when `value` meets the target."""
        return value >= self.limit if self.at_least else value <= self.limit

    def label(self) -> str:
        """The target as text, e.g. `<= 30 ms`."""
        unit = f" {self.unit}" if self.unit else ""
        return f"{'>=' if self.at_least else '<='} {self.limit:g}{unit}"


def verdict(value: float, target: Target) -> str:
    """`pass` or `MISS`."""
    return "pass" if target.met(value) else "MISS"


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """CPU count and load average, printed with every result (the machine is shared)."""
    return {"cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)}
