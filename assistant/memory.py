"""The serving process's memory: fewer malloc arenas for its many threads.

glibc gives threads that allocate at the same time arenas of their own, up to eight per core,
and keeps their freed memory. The web server answers on many threads (Starlette's pool, the
encoder, the lexical search), so its RSS grew with load. With two arenas the HTTP benchmark's
peak RSS went from about 400 to 340 MB at the same throughput and latency (README, the
thirty-eighth pass).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # mallopt parameter (glibc malloc.h)


def limit_malloc_arenas(arenas: int) -> bool:
    """Allow at most `arenas` malloc arenas from now on; True when glibc took the limit.

    Does nothing when `arenas` is 0, when `MALLOC_ARENA_MAX` is set (glibc has read it already)
    or when the C library is not glibc (musl, macOS: their allocators differ).
    """
    if arenas <= 0 or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        log.debug("no glibc mallopt here: malloc arenas left as they are")
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return mallopt(M_ARENA_MAX, arenas) == 1
