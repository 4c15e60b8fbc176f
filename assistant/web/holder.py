"""Holds the one `Assistant`: builds it in the background, reports its status, retries later."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from assistant.errors import IndexMissingError, ModelMismatchError, Spoor2Error
from assistant.texts import pair, text
from assistant.web.errors import ApiError

log = logging.getLogger(__name__)

RETRY_SECONDS = 30.0

_MESSAGES = {  # status -> catalogue key of the message users see
    "starting": "web.starting",
    "index_missing": "web.error.index_missing",
    "index_mismatch": "web.error.index_mismatch",
    "error": "web.start_failed",
}


class AssistantHolder:
    """The app's single assistant; `get()` returns it or raises a 503 `ApiError`."""

    def __init__(self, factory: Callable[[], Any] | None = None, assistant: Any = None):
        self._factory = factory
        self._assistant = assistant
        self._status = "ready" if assistant is not None else "starting"
        self._lock = threading.Lock()
        self._building = False
        self._last_attempt = 0.0

    @classmethod
    def ready(cls, assistant: Any) -> AssistantHolder:
        """A holder around an assistant that is already built."""
        return cls(assistant=assistant)

    @property
    def status(self) -> str:
        """starting | ready | index_missing | index_mismatch | error."""
        return self._status

    def start(self) -> None:
        """Build the assistant in a background thread (no-op when built or building)."""
        with self._lock:
            if self._assistant is not None or self._building or self._factory is None:
                return
            self._building = True
            self._last_attempt = time.monotonic()
        threading.Thread(target=self._build, name="assistant-build", daemon=True).start()

    def build_now(self) -> None:
        """Build in the calling thread (used by `python app.py` before serving)."""
        with self._lock:
            if self._assistant is not None or self._building or self._factory is None:
                return
            self._building = True
            self._last_attempt = time.monotonic()
        self._build()

    def _build(self) -> None:
        try:
            assistant = self._factory()  # type: ignore[misc]
        except IndexMissingError as exc:
            self._fail("index_missing", exc)
        except ModelMismatchError as exc:
            self._fail("index_mismatch", exc)
        except Spoor2Error as exc:
            self._fail("error", exc)
        except Exception as exc:  # noqa: BLE001 - the server must keep running
            log.exception("building the assistant failed")
            self._fail("error", exc)
        else:
            self._assistant = assistant
            self._status = "ready"
            log.info("assistant ready")
        finally:
            self._building = False

    def _fail(self, status: str, exc: Exception) -> None:
        self._status = status
        log.warning("assistant not available (%s): %s", status, exc)

    def message(self, language: str) -> str:
        """Why the assistant is not ready, for users (empty when ready)."""
        if self._status == "ready":
            return ""
        return text(_MESSAGES.get(self._status, _MESSAGES["error"]), language)

    def get(self) -> Any:
        """The assistant; raises a 503 `ApiError` (and schedules a retry) when it is not ready."""
        if self._assistant is not None:
            return self._assistant
        if self._status != "starting" and time.monotonic() - self._last_attempt > RETRY_SECONDS:
            self.start()
        nl, en = pair(_MESSAGES.get(self._status, _MESSAGES["error"]))
        code = self._status if self._status != "error" else "unavailable"
        raise ApiError(503, code, nl, en, {"Retry-After": "30"})

    def peek(self) -> Any:
        """The assistant or None, without side effects."""
        return self._assistant
