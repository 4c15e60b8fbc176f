"""Sickness dates as users write them in a chat, read as a careful person would read them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.deadlines import parse_dates

DATA = Path(__file__).parent / "chat_dates.yaml"
ITEMS = yaml.safe_load(DATA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_a_chat_message_gives_the_episodes_a_careful_reader_takes(item):
    parsed = parse_dates(item["text"], date.fromisoformat(item["today"]))
    assert parsed is not None, item["text"]
    expected = [tuple(episode) for episode in item["episodes"]]
    assert [(e.start, e.end) for e in parsed.episodes] == expected, item["notes"]
