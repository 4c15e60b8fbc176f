"""Rate limits and signed-out console sessions, kept by the `limits` library: in its
`MemoryStorage` (per instance) without SPOOR2_REDIS_URL, in its `RedisStorage` (shared by every
instance on that server) with it. The same code decides both; only the storage differs. The only
module that imports `limits` or `redis`.

Used by the API's rate limit (`security.RateLimiter`), the console's sign-in throttle
(`admin.auth.LoginThrottle`) and the console's sign-out list (`admin.auth.AuthState.revoked`).
A Redis server that cannot be reached is `RateLimitStoreError` (a 503).
"""
from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

from assistant.errors import ConfigError, RateLimitStoreError

log = logging.getLogger(__name__)

Clock = Callable[[], float]


def _failures() -> tuple[type[BaseException], ...]:
    from limits.errors import StorageError
    from redis.exceptions import RedisError

    return (RedisError, StorageError, OSError)


def _unavailable(exc: BaseException) -> RateLimitStoreError:
    log.error("limits: the Redis server of SPOOR2_REDIS_URL cannot be reached (%s)",
              type(exc).__name__)
    return RateLimitStoreError(
        f"Cannot reach the Redis server of SPOOR2_REDIS_URL ({type(exc).__name__})")


def limits_storage(redis_url: str = "", clock: Clock | None = None) -> Any:
    """The `limits` storage: Redis at `redis_url`, else in memory (on `clock` when given, for
    tests that move time forward).

    Raises:
        ConfigError: the URL is not one `limits` can use (it names SPOOR2_REDIS_URL).
    """
    from limits.storage import MemoryStorage, storage_from_string

    if not redis_url:
        return MemoryStorage() if clock is None else _clocked_memory_storage(clock)
    try:
        return storage_from_string(redis_url, socket_timeout=2, socket_connect_timeout=2)
    except Exception as exc:  # noqa: BLE001 - limits' ConfigurationError, a bad port, ...
        raise ConfigError(f"SPOOR2_REDIS_URL: not a usable Redis URL ({type(exc).__name__}); "
                          "expected redis://host:6379/0") from None


def _clocked_memory_storage(clock: Clock) -> Any:
    """`MemoryStorage` whose moving windows read `clock` instead of the wall clock."""
    from limits.storage import MemoryStorage
    from limits.storage.memory import Entry

    class ClockedMemoryStorage(MemoryStorage):
        # the wall-clock sweeper would drop every entry of a fake clock; the windows below
        # keep only their newest `limit` entries instead
        def _MemoryStorage__expire_events(self) -> None:
            pass

        def _MemoryStorage__schedule_expiry(self) -> None:
            pass

        def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
            if amount > limit:
                return False
            with self.locks[key]:
                events = self.events.setdefault(key, [])
                now = clock()
                if len(events) > limit - amount and events[limit - amount].atime > now - expiry:
                    return False
                entry = Entry.__new__(Entry)
                entry.atime, entry.expiry = now, now + expiry
                events[:0] = [entry] * amount
                del events[limit:]  # only the newest `limit` decide
                return True

        def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
            now = clock()
            inside = [e for e in self.events.get(key, []) if e.atime > now - expiry]
            return (inside[-1].atime, len(inside)) if inside else (now, 0)

    return ClockedMemoryStorage()


class LimitsWindow:
    """At most `amount` hits per `seconds` for each key (a moving window) in a `limits` storage."""

    def __init__(self, storage: Any, amount: int, seconds: int, namespace: str,
                 clock: Clock | None = None):
        from limits import RateLimitItemPerSecond, strategies

        self._storage = storage
        self._limiter = strategies.MovingWindowRateLimiter(storage)
        self._item = RateLimitItemPerSecond(amount, seconds, namespace=namespace)
        self._clock = clock or time.time
        self.amount = amount

    def _wait(self, key: str) -> int:
        stats = self._limiter.get_window_stats(self._item, key)
        return max(1, math.ceil(stats.reset_time - self._clock()))

    def hit(self, key: str) -> int:
        """Count a hit for `key`; 0 when allowed, else the whole seconds to wait (not counted).

        Raises:
            RateLimitStoreError: the storage cannot be reached.
        """
        try:
            return 0 if self._limiter.hit(self._item, key) else self._wait(key)
        except _failures() as exc:
            raise _unavailable(exc) from None

    def wait(self, key: str) -> int:
        """Seconds until `key` may hit again (0: now), without counting.

        Raises:
            RateLimitStoreError: the storage cannot be reached.
        """
        try:
            return 0 if self._limiter.test(self._item, key) else self._wait(key)
        except _failures() as exc:
            raise _unavailable(exc) from None

    def check(self) -> None:
        """Raise `ConfigError` naming SPOOR2_REDIS_URL when the storage cannot be reached."""
        try:
            reachable = self._storage.check()
        except _failures():
            reachable = False
        if not reachable:
            raise ConfigError("SPOOR2_REDIS_URL: cannot reach the Redis server; check that it runs "
                              "and that the URL (host, port, password) is right")


class Revocations:
    """Ids of console sessions that signed out, kept in the `limits` storage until the session
    would have expired anyway; `add` and `in` as on a set."""

    def __init__(self, storage: Any, seconds: int, prefix: str = "spoor2-revoked:"):
        self._storage, self._seconds, self._prefix = storage, max(1, seconds), prefix

    def add(self, session_id: str) -> None:
        """Refuse this session from now on (on every instance with Redis).

        Raises:
            RateLimitStoreError: Redis cannot be reached.
        """
        try:
            self._storage.incr(self._prefix + session_id, self._seconds)
        except _failures() as exc:
            raise _unavailable(exc) from None

    def __contains__(self, session_id: object) -> bool:
        try:
            return self._storage.get(f"{self._prefix}{session_id}") > 0
        except _failures() as exc:
            raise _unavailable(exc) from None


def limits_window(redis_url: str, amount: int, seconds: int, namespace: str,
                  clock: Clock | None = None) -> LimitsWindow:
    """A window in Redis when `redis_url` is set, else in memory.

    Raises:
        ConfigError: the URL is not one `limits` can use (it names SPOOR2_REDIS_URL).
    """
    return LimitsWindow(limits_storage(redis_url, clock), amount, seconds, namespace, clock)
