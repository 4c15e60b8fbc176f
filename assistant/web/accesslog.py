"""The access log keeps routes, not personal details: no query strings, no ids in paths."""
from __future__ import annotations

import logging
import re

ACCESS_LOGGER = "uvicorn.access"
_ID_PATHS = [  # path with an identifier -> its route template
    (re.compile(r"^/bron/[^/?#]*"), "/bron/{doc_id}"),
    (re.compile(r"^/ui/gradio_api/file=.*"), "/ui/gradio_api/file={path}"),
]


def loggable_path(path: str) -> str:
    """`path` without its query string, identifiers replaced by the route's placeholder."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    for pattern, template in _ID_PATHS:
        if pattern.match(path):
            return template
    return path


class RedactPaths(logging.Filter):
    """Rewrites the path argument of uvicorn's access-log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], loggable_path(args[2]), *args[3:])
        return True


def install_access_log_filter() -> None:
    """Add the filter to uvicorn's access logger once."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, RedactPaths) for f in logger.filters):
        logger.addFilter(RedactPaths())
