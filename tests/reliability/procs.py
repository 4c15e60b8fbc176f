"""Real processes for the fault tests: a Chroma server, and `python -m ingest` as a subprocess."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChromaServer:
    """`chroma run` on loopback; can be killed and started again on the same port and path."""

    def __init__(self, path: Path, port: int | None = None):
        self.path = path
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None
        self.log = path.parent / f"chroma-{self.port}.log"

    def start(self, timeout: float = 30.0) -> ChromaServer:
        """Start and wait for the heartbeat."""
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1",
                 "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma exited: {self.log.read_text()[-2000:]}")
            try:
                beat = httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=2)
                if beat.is_success:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError("chroma did not start")

    def kill(self) -> None:
        """SIGKILL the server (no clean shutdown)."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)


def ingest_command(data_dir: Path, *paths: Path, verbose: bool = False) -> list[str]:
    """The `python -m ingest` command line."""
    return [sys.executable, "-m", "ingest", *(["-v"] if verbose else ["--quiet"]),
            "--data-dir", str(data_dir), *map(str, paths)]


def child_env(**extra: str) -> dict[str, str]:
    """Environment of a child process: offline model, repo on the path."""
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "PYTHONPATH": str(ROOT), **extra}
