"""Throwaway PostgreSQL and Redis servers on loopback, from Debian's `postgresql` and
`redis-server` packages (scripts/test.sh installs them)."""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"no server on port {port}")


class PostgresServer:
    """`initdb` into a temporary dir and `postgres` on a free loopback port. PostgreSQL refuses
    to run as root, so as root it runs as the `postgres` user in a dir that user owns."""

    missing = None if (PG_BIN / "postgres").is_file() else (
        f"PostgreSQL is not installed ({PG_BIN}/postgres; apt-get install postgresql)")

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="spoor2-pg-"))
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log = self.root / "postgres.log"
        self._as: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://spoor2@127.0.0.1:{self.port}/postgres"

    def start(self) -> PostgresServer:
        """Make the cluster and start the server; returns when it accepts connections."""
        data = self.root / "data"
        subprocess.run([*self._as, str(PG_BIN / "initdb"), "-D", str(data), "-U", "spoor2",
                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                       check=True, capture_output=True, timeout=120)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [*self._as, str(PG_BIN / "postgres"), "-D", str(data), "-p", str(self.port),
                 "-k", str(self.root), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                 "-c", "full_page_writes=off", "-c", "synchronous_commit=off"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        _wait_for_port(self.port, self.proc, self.log)
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 30.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.url, connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def new_database(self, name: str) -> str:
        """Create the empty database `name`; its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its files."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)


class RedisServer:
    """`redis-server` on a free loopback port, nothing written to disk."""

    missing = None if shutil.which("redis-server") else (
        "redis-server is not installed (apt-get install redis-server)")

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="spoor2-redis-"))
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log = self.root / "redis.log"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        """Start the server; returns when it listens."""
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [shutil.which("redis-server") or "redis-server", "--port", str(self.port),
                 "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(self.root)],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        _wait_for_port(self.port, self.proc, self.log)
        return self

    def stop(self) -> None:
        """Stop the server and remove its dir."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)
