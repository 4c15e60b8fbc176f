"""Rows of the question log written straight into its SQLite file, for the dashboard's tests."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from assistant.web.questionlog import SCHEMA


def insert_questions(data_dir: Path, *rows: dict) -> None:
    """Append rows (dicts of the table's columns; `cited` may be a list) to data_dir's log."""
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / "questions.sqlite3")
    try:
        conn.executescript(SCHEMA)
        for row in rows:
            row = {"site": "", "audience": "", "confidence": 0.95, "cited": [],
                   "health_removed": 0, "feedback": None, **row}
            if isinstance(row["cited"], list):
                row["cited"] = json.dumps(row["cited"])
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO questions ({', '.join(row)}) VALUES ({marks})",
                         list(row.values()))
        conn.commit()
    finally:
        conn.close()


def question(created_at: str, text: str, kind: str = "card", **extra: object) -> dict:
    """One row: `created_at` as 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (UTC)."""
    stamp = created_at if "T" in created_at else f"{created_at}T12:00"
    return {"created_at": f"{stamp}:00+00:00", "question": text, "kind": kind,
            "language": extra.pop("language", "nl"), **extra}
