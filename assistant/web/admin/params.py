"""Query parameters the console's lists share."""
from __future__ import annotations

from datetime import date

from assistant.texts import pair
from assistant.web.errors import ApiError


def day_param(value: str | None, name: str) -> date | None:
    """A date filter (`since`, `until`): empty is no filter; anything but YYYY-MM-DD is a clear
    422 naming the field."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_field",
                       *pair("admin.invalid_date_field", name=name)) from None
