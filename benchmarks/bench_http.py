"""HTTP load test against the real server (`python app.py`) started as a subprocess on loopback.

Measures cold start (process start to the first answered /api/chat), then 32 concurrent clients
send the dev-set questions (a realistic mix: cards, extractive answers, deadlines, refusals,
follow-ups with history) until `requests` are done or `max_seconds` pass. Reports throughput,
p50/p95/p99, errors and the server's RSS (VmRSS idle, VmHWM peak). The rate limit is lifted for
the benchmark server only. Run: `python -m benchmarks.bench_http [--quick]`.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import (
    DEV_SET,
    ROOT,
    Target,
    build_index,
    machine,
    offline,
    summary,
    table,
    verdict,
)

THROUGHPUT = Target(50, "answers/s", at_least=True)
P99 = Target(1000, "ms")
COLD_START = Target(5, "s")
RSS = Target(400, "MB")


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process in MB, from /proc/<pid>/status."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def requests_mix(items: list[dict]) -> list[dict]:
    """JSON bodies for /api/chat from the dev set (history and audience included)."""
    bodies = []
    for item in items:
        body: dict[str, Any] = {"message": item["question"]}
        for key in ("language", "audience"):
            if item.get(key):
                body[key] = item[key]
        history = [h for h in item.get("history") or [] if h.get("role") in ("user", "assistant")]
        if history:
            body["history"] = history
        bodies.append(body)
    return bodies


class ServerProcess:
    """`python app.py` on a free loopback port, with the given data dir."""

    def __init__(self, data_dir: Path, knowledge_dir: Path, **env: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                    "SPOOR2_DATA_DIR": str(data_dir), "SPOOR2_KNOWLEDGE_DIR": str(knowledge_dir),
                    "SPOOR2_PORT": str(self.port), "SPOOR2_HOST": "127.0.0.1",
                    "SPOOR2_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT), **env}
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0

    def start(self) -> ServerProcess:
        """Start the process (returns at once)."""
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return self

    def wait_first_answer(self, body: dict, timeout: float = 120.0) -> tuple[float, float]:
        """Seconds from process start to the first HTTP response, and to the first 200 answer."""
        assert self.proc is not None
        listening = 0.0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read()[-2000:]}")
            try:
                status = httpx.post(self.url + "/api/chat", json=body, timeout=30).status_code
                listening = listening or time.perf_counter() - self.started_at
                if status == 200:
                    return listening, time.perf_counter() - self.started_at
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise TimeoutError("the server did not answer in time")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


async def load(url: str, bodies: list[dict], *, clients: int = 32, requests: int = 2000,
               max_seconds: float = 120.0) -> dict[str, Any]:
    """`clients` concurrent clients posting `bodies` in turn until `requests` are done."""
    order = itertools.cycle(bodies)
    latencies: list[float] = []
    first_pass: list[float] = []  # each distinct question's first time (nothing cached yet)
    statuses: Counter[str] = Counter()
    sent = 0
    started = time.perf_counter()
    stop_at = started + max_seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < requests and time.perf_counter() < stop_at:
            sent += 1
            fresh = sent <= len(bodies)
            body = next(order)
            t = time.perf_counter()
            try:
                res = await http.post("/api/chat", json=body)
                ok = res.status_code == 200 and "answer" in res.json()
                statuses[str(res.status_code) if ok or res.status_code != 200 else "bad body"] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            latencies.append((time.perf_counter() - t) * 1000)
            if fresh:
                first_pass.append(latencies[-1])

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    answered = statuses.get("200", 0)
    return {"clients": clients, "requests": len(latencies), "seconds": round(elapsed, 2),
            "throughput": round(answered / elapsed, 1) if elapsed else 0.0,
            "errors": len(latencies) - answered, "statuses": dict(statuses),
            "latency_ms": summary(latencies), "first_pass_latency_ms": summary(first_pass)}


def measure_once(settings: Any, bodies: list[dict], *, requests: int = 2000, clients: int = 32,
                 max_seconds: float = 120.0) -> dict[str, Any]:
    """Start the server on the index of `settings`, measure cold start, RSS and load."""
    server = ServerProcess(settings.data_dir, settings.knowledge_dir,
                           SPOOR2_RATE_LIMIT_PER_MINUTE="1000000").start()
    try:
        listening, cold = server.wait_first_answer(bodies[0])
        assert server.proc is not None
        idle = rss_mb(server.proc.pid)
        result = asyncio.run(load(server.url, bodies, clients=clients, requests=requests,
                                  max_seconds=max_seconds))
        after = rss_mb(server.proc.pid)
    finally:
        server.stop()
    return {"cold_start_s": round(cold, 2), "http_up_s": round(listening, 2),
            "rss_idle_mb": idle.get("VmRSS", 0.0), "rss_after_mb": after.get("VmRSS", 0.0),
            "rss_peak_mb": after.get("VmHWM", 0.0), **result, **machine()}


def measure(settings: Any, *, repeats: int = 3, **kwargs: Any) -> dict[str, Any]:
    """`repeats` server starts and load runs; each figure is the median run's, errors are summed."""
    from assistant.evaluation import load_items

    bodies = requests_mix(load_items(DEV_SET))
    runs = [measure_once(settings, bodies, **kwargs) for _ in range(repeats)]

    def median(get: Any) -> float:
        return round(statistics.median(get(r) for r in runs), 2)

    result = {**runs[0], "repeats": repeats, "distinct_questions": len(bodies), "runs": runs}
    for key in ("cold_start_s", "http_up_s", "rss_idle_mb", "rss_after_mb", "rss_peak_mb",
                "throughput", "seconds", "load_avg_1m"):
        result[key] = median(lambda r, k=key: r[k])
    for group in ("latency_ms", "first_pass_latency_ms"):
        result[group] = {q: median(lambda r, g=group, q=q: r[g][q]) for q in runs[0][group]}
    result["requests"] = sum(r["requests"] for r in runs)
    result["errors"] = sum(r["errors"] for r in runs)
    statuses: Counter[str] = Counter()
    for r in runs:
        statuses.update(r["statuses"])
    result["statuses"] = dict(statuses)
    return result


def run(
    settings: Any = None, *, requests: int = 2000, max_seconds: float = 120.0, repeats: int = 3
) -> dict[str, Any]:
    """Measure against `settings`' index, or a fresh index of knowledge/."""
    offline()
    kwargs = {"requests": requests, "max_seconds": max_seconds, "repeats": repeats}
    if settings is not None:
        return measure(settings, **kwargs)
    with tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        return measure(build_index(Path(tmp)), **kwargs)


def tables(result: dict[str, Any]) -> str:
    """Throughput, latency, errors, cold start and RSS with pass/miss."""
    lat, first = result["latency_ms"], result["first_pass_latency_ms"]
    rows = [
        ("Throughput", (f"{result['throughput']} answers/s ({result['requests']} requests in "
                        f"{result['repeats']} runs, {result['clients']} clients, "
                        f"{result['seconds']} s per run)"),
         THROUGHPUT.label(), verdict(result["throughput"], THROUGHPUT)),
        ("Errors", f"{result['errors']} {result['statuses']}", "0",
         "pass" if result["errors"] == 0 else "MISS"),
        ("Latency p50 / p95", f"{lat['p50']:.0f} / {lat['p95']:.0f} ms", "", ""),
        ("Latency p99", f"{lat['p99']:.0f} ms", P99.label(), verdict(lat["p99"], P99)),
        ("First pass p50 / p99 (each question's first time)",
         f"{first['p50']:.0f} / {first['p99']:.0f} ms", "", ""),
        ("Cold start (process start → first /api/chat answer)",
         f"{result['cold_start_s']} s (HTTP up after {result['http_up_s']} s)",
         COLD_START.label(), verdict(result["cold_start_s"], COLD_START)),
        ("Serving RSS idle / after load / peak",
         (f"{result['rss_idle_mb']:.0f} / {result['rss_after_mb']:.0f} / "
          f"{result['rss_peak_mb']:.0f} MB"),
         RSS.label(), verdict(result["rss_peak_mb"], RSS)),
    ]
    title = (f"HTTP on loopback (`python app.py` subprocess, median of {result['repeats']} "
             f"starts and runs; {result['distinct_questions']} distinct dev-set questions in "
             f"turn; {result['cpus']} CPUs shared with the load generator, load "
             f"{result['load_avg_1m']})")
    return "\n".join([
        title, "",
        table(("Measure", "Result", "Target", ""), rows),
    ])


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    print(tables(run(requests=400 if quick else 2000, max_seconds=60 if quick else 120,
                     repeats=1 if quick else 3)))
