"""`spoor2 deadlines` end to end through the real CLI entry point."""
from __future__ import annotations

import json

import pytest
from icalendar import Calendar

from assistant.cli import main


def test_json_output_for_episodes(capsys):
    code = main(["deadlines", "--episode", "2024-03-01:2024-05-31", "--episode", "2024-06-20:",
                 "--today", "2024-07-01", "--format", "json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    by_key = {m["key"]: m for m in data["milestones"]}
    assert by_key["einde_wachttijd"]["date"] == "2026-03-17"
    assert by_key["eerstejaarsevaluatie"]["date_from"] == "2025-01-29"
    assert data["current_week"] == 15 and data["period_start"] == "2024-03-01"


def test_table_is_default_and_accepts_dutch_dates(capsys):
    assert main(["deadlines", "--first-sick-day", "01-03-2024", "--today", "01-03-2024"]) == 0
    out = capsys.readouterr().out
    assert "do 11-12-2025" in out and "WIA-aanvraag indienen" in out


def test_ics_and_csv_formats(capsys):
    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--today", "2024-03-01",
                 "--format", "ics", "--language", "en"]) == 0
    cal = Calendar.from_ical(capsys.readouterr().out)
    assert any(str(e["SUMMARY"]) == "Submit the WIA application" for e in cal.walk("VEVENT"))
    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--format", "csv",
                 "--loonsanctie-weeks", "52", "--today", "2024-03-01"]) == 0
    assert "einde_loonsanctie,2027-02-25" in capsys.readouterr().out


def test_options_reach_the_engine(capsys):
    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--today", "2025-03-01",
                 "--eje", "2025-01-15", "--probleemanalyse", "2024-03-20",
                 "--verlenging-tot", "2026-08-31", "--format", "json"]) == 0
    by_key = {m["key"]: m for m in json.loads(capsys.readouterr().out)["milestones"]}
    assert by_key["plan_van_aanpak"]["date"] == "2024-04-03"
    assert by_key["spoor2_start"]["date"] == "2025-02-26"
    assert by_key["wia_aanvraag"]["date"] == "2026-06-15"


def test_verlof_is_counted_and_noted(capsys):
    # Sick from 06-01-2025, leave 10-03..30-06-2025 (113 days): the end of week 104 moves from
    # 03-01-2027 by 113 days to 26-04-2027 (worked out in tests/deadlines/test_leave.py).
    assert main(["deadlines", "--first-sick-day", "2025-01-06", "--verlof",
                 "2025-03-10:30-06-2025", "--today", "2025-07-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_key = {m["key"]: m for m in data["milestones"]}
    assert by_key["einde_wachttijd"]["date"] == "2027-04-26"
    assert data["leave"] == [{"start": "2025-03-10", "end": "2025-06-30"}]
    assert data["leave_days"] == 113
    assert any("art. 23 lid 5 WIA" in n for n in data["notes_nl"])


def test_verlof_is_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["deadlines", "--help"])
    assert "--verlof START:END" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--first-sick-day", "31-02-2025"], "not an existing date"),
        (["--first-sick-day", "2024-03-01", "--loonsanctie-weeks", "60"], "1 to 52 weeks"),
        (["--first-sick-day", "2024-03-01", "--episode", "2024-03-01:"], "not both"),
        (["--episode", "2024-03-01"], "START:END"),
        ([], "--first-sick-day"),
        (["--episode", "2024-03-01:2024-05-31", "--episode", "2024-05-01:"], "overlap"),
        (["--first-sick-day", "2024-03-01", "--verlof", "2024-04-01"], "START:END"),
        (["--first-sick-day", "2024-03-01", "--verlof", "2024-06-01:2024-04-01"],
         "before it starts"),
    ],
)
def test_bad_input_exits_2_with_a_message(capsys, argv, message):
    assert main(["deadlines", *argv, "--today", "2025-01-01"]) == 2
    assert message in capsys.readouterr().err
