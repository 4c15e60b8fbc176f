"""The UI's privacy notice, composed from catalogue texts (`assistant.texts`)."""
from __future__ import annotations

from assistant.texts import text


def privacy_note(language: str, retention_days: int | None) -> str:
    """The privacy notice; it says whether questions are kept (`retention_days`) or not (None)."""
    kept = (text("ui.kept", language, days=retention_days) if retention_days
            else text("ui.not_kept", language))
    return text("ui.privacy", language) + kept
