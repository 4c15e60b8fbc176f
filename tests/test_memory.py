"""The server process keeps to a few malloc arenas however many threads answer (glibc)."""
from __future__ import annotations

import os
import platform
import re
import subprocess
import sys

import pytest

from assistant.config import Settings

THREADS = """
import ctypes, sys, threading
from assistant.memory import limit_malloc_arenas
print(limit_malloc_arenas(int(sys.argv[1])))
together = threading.Barrier(8)
def work():  # eight threads alive at once, each allocating (malloc, below the mmap threshold)
    kept = [bytearray(50_000) for _ in range(20)]
    together.wait()
    del kept
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
sys.stdout.flush()
ctypes.CDLL("libc.so.6").malloc_stats()  # one "Arena n:" block per arena, on stderr
"""


def arenas(limit: int) -> tuple[str, int]:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    done = subprocess.run([sys.executable, "-c", THREADS, str(limit)], capture_output=True,
                          text=True, env=env, timeout=60, check=True)
    return done.stdout.strip(), len(re.findall(r"^Arena \d+:", done.stderr, re.M))


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
                    reason="glibc only")
def test_eight_threads_share_two_arenas_with_the_limit_and_get_their_own_without():
    took, limited = arenas(2)
    assert took == "True" and limited <= 2
    took, unlimited = arenas(0)
    assert took == "False" and unlimited > 2  # what the limit saves the server from


def test_the_server_limits_arenas_before_it_builds_anything(monkeypatch, tmp_path):
    """Two by default (SPOOR2_MALLOC_ARENAS), set before the build starts its threads."""
    from assistant.web import server

    class Stop(Exception):
        pass

    def limit(arenas: int) -> bool:
        raise Stop(arenas)

    monkeypatch.setattr(server, "limit_malloc_arenas", limit)
    monkeypatch.setattr(server, "AssistantHolder", lambda *a: pytest.fail("built before the limit"))
    with pytest.raises(Stop) as stopped:
        server.compose(Settings.from_env({}, data_dir=tmp_path))
    assert stopped.value.args == (2,)
    assert Settings.from_env({"SPOOR2_MALLOC_ARENAS": "0"}).malloc_arenas == 0


def test_an_explicit_malloc_arena_max_wins(monkeypatch):
    from assistant.memory import limit_malloc_arenas

    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_malloc_arenas(2) is False
