"""Composition root: build the assistant once and serve UI + API + widget on one FastAPI app.

Run `python app.py` (same as `spoor2 serve`) or `uvicorn app:app`. Settings come from `SPOOR2_*`.
"""
from __future__ import annotations

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.web.server import compose, serve

try:
    settings = Settings.from_env()
    # The assistant (model + index) is built once, in the background, when the server starts.
    app = compose(settings)
except ConfigError as exc:  # a bad SPOOR2_* variable or an unreachable shared store: name it
    raise SystemExit(f"spoor2: {exc}") from None

if __name__ == "__main__":
    serve(settings, app)
