"""The calculator's input errors: wording from the catalogue, dates as each language types them."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.deadlines import Episode, compute_timeline
from assistant.deadlines.dateparse import parse_field_date
from assistant.errors import DeadlineInputError
from assistant.texts import CATALOGUE

ROOT = Path(__file__).resolve().parents[2] / "assistant"


def test_a_date_in_an_error_is_written_the_way_each_language_types_it():
    with pytest.raises(DeadlineInputError) as info:
        compute_timeline([Episode(date(2025, 3, 10), date(2025, 3, 5))], today=date(2025, 6, 1))
    assert "(05-03-2025)" in info.value.user_message("nl")
    assert "(2025-03-05)" in info.value.user_message("en")
    assert "Ziekteperiode 1" in info.value.user_message("nl")
    assert str(info.value) == info.value.user_message("en")  # the operator reads the English


def test_a_named_field_is_named_in_the_users_language():
    with pytest.raises(DeadlineInputError) as info:
        parse_field_date("31-02-2025", "Eerste ziektedag", "First sick day")
    assert info.value.user_message("nl").startswith("Eerste ziektedag: '31-02-2025'")
    assert info.value.user_message("en").startswith("First sick day: '31-02-2025'")


def test_a_probleemanalyse_before_the_first_sick_day_is_refused_in_both_languages():
    with pytest.raises(DeadlineInputError) as info:
        compute_timeline([Episode(date(2025, 3, 10))], today=date(2025, 6, 1),
                         probleemanalyse=date(2025, 3, 1))
    assert "probleemanalyse (01-03-2025)" in info.value.user_message("nl")
    assert "probleemanalyse date 2025-03-01" in info.value.user_message("en")


def test_every_input_error_text_is_raised_somewhere():
    source = "\n".join(p.read_text(encoding="utf-8") for p in ROOT.rglob("*.py")
                       if "texts" not in p.parts)
    raised = set(re.findall(r"""(?<![.\w])fail\(\s*["'](\w+)["']""", source))
    keys = {k.removeprefix("deadline.error.") for k in CATALOGUE if k.startswith("deadline.error.")}
    assert {k for k in keys if f'"{k}"' not in source} == set(), "unused error texts"
    assert raised - keys == set(), "raised without a text"
