"""Limits that hold across instances: a moving window per key in Redis (SPOOR2_REDIS_URL), kept
by the `limits` library, and the console's signed-out sessions. The only module that imports
`limits` or `redis`.

Used by the API's rate limit (`security.RateLimiter`) and the console's sign-in throttle
(`admin.auth.LoginThrottle`) when SPOOR2_REDIS_URL is set; without it both count in memory, per
instance, as before. A Redis server that cannot be reached is `RateLimitStoreError` (a 503).
"""
from __future__ import annotations

import logging
import math
import time
from typing import Any

from assistant.errors import ConfigError, RateLimitStoreError

log = logging.getLogger(__name__)


def _failures() -> tuple[type[BaseException], ...]:
    from limits.errors import StorageError
    from redis.exceptions import RedisError

    return (RedisError, StorageError, OSError)


class LimitsWindow:
    """At most `amount` hits per `seconds` for each key, shared through the storage at `url`."""

    def __init__(self, url: str, amount: int, seconds: int, namespace: str):
        from limits import RateLimitItemPerSecond, storage, strategies

        self._storage: Any = storage.storage_from_string(
            url, socket_timeout=2, socket_connect_timeout=2)
        self._limiter = strategies.MovingWindowRateLimiter(self._storage)
        self._item = RateLimitItemPerSecond(amount, seconds, namespace=namespace)
        self.amount = amount

    def _wait(self, key: str) -> int:
        stats = self._limiter.get_window_stats(self._item, key)
        return max(1, math.ceil(stats.reset_time - time.time()))

    def hit(self, key: str) -> int:
        """Count a hit for `key`; 0 when allowed, else the whole seconds to wait (not counted).

        Raises:
            RateLimitStoreError: the storage cannot be reached.
        """
        try:
            return 0 if self._limiter.hit(self._item, key) else self._wait(key)
        except _failures() as exc:
            raise self._unavailable(exc) from None

    def wait(self, key: str) -> int:
        """Seconds until `key` may hit again (0: now), without counting.

        Raises:
            RateLimitStoreError: the storage cannot be reached.
        """
        try:
            return 0 if self._limiter.test(self._item, key) else self._wait(key)
        except _failures() as exc:
            raise self._unavailable(exc) from None

    @staticmethod
    def _unavailable(exc: BaseException) -> RateLimitStoreError:
        log.error("shared limits: the Redis server of SPOOR2_REDIS_URL cannot be reached (%s)",
                  type(exc).__name__)
        return RateLimitStoreError(
            f"Cannot reach the Redis server of SPOOR2_REDIS_URL ({type(exc).__name__})")

    def check(self) -> None:
        """Raise `ConfigError` naming SPOOR2_REDIS_URL when the storage cannot be reached."""
        try:
            reachable = self._storage.check()
        except _failures():
            reachable = False
        if not reachable:
            raise ConfigError("SPOOR2_REDIS_URL: cannot reach the Redis server; check that it runs "
                              "and that the URL (host, port, password) is right")


class SharedRevocations:
    """Ids of console sessions that signed out, in Redis until the session would have expired
    anyway; `add` and `in` as on the in-memory set it replaces."""

    def __init__(self, url: str, seconds: int, prefix: str = "spoor2-revoked:"):
        import redis

        self._client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._seconds, self._prefix = max(1, seconds), prefix

    def add(self, session_id: str) -> None:
        """Refuse this session from now on, on every instance.

        Raises:
            RateLimitStoreError: Redis cannot be reached.
        """
        try:
            self._client.set(self._prefix + session_id, b"1", ex=self._seconds)
        except _failures() as exc:
            raise LimitsWindow._unavailable(exc) from None

    def __contains__(self, session_id: object) -> bool:
        try:
            return bool(self._client.exists(f"{self._prefix}{session_id}"))
        except _failures() as exc:
            raise LimitsWindow._unavailable(exc) from None


def shared_window(redis_url: str, amount: int, seconds: int, namespace: str,
                  ) -> LimitsWindow | None:
    """A shared window when `redis_url` is set (and `amount` limits anything), else None.

    Raises:
        ConfigError: the URL is not one `limits` can use (it names SPOOR2_REDIS_URL).
    """
    if not redis_url or amount <= 0:
        return None
    try:
        return LimitsWindow(redis_url, amount, seconds, namespace)
    except Exception as exc:  # noqa: BLE001 - limits' ConfigurationError, a bad port, ...
        raise ConfigError(f"SPOOR2_REDIS_URL: not a usable Redis URL ({type(exc).__name__}); "
                          "expected redis://host:6379/0") from None
