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


def test_pdf_to_a_file_with_the_check(tmp_path, capsys):
    import io

    from pypdf import PdfReader

    out = tmp_path / "dossier.pdf"
    code = main(["deadlines", "--first-sick-day", "2024-03-01", "--today", "2025-01-10",
                 "--done", "probleemanalyse=2024-04-05", "--evaluation", "2024-12-20",
                 "--format", "pdf", "--output", str(out)])
    assert code == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1 and "20-12-2024" in text and "gedaan 05-04-2024" in text


def test_ics_alarm_days_option(capsys):
    from datetime import timedelta

    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--format", "ics",
                 "--alarm-days", "21,3"]) == 0
    cal = Calendar.from_ical(capsys.readouterr().out)
    event = next(iter(cal.walk("VEVENT")))
    assert [a.decoded("TRIGGER") for a in event.walk("VALARM")] == [
        timedelta(days=-21), timedelta(days=-3)]


def test_table_with_steps_and_wage_shows_the_check_and_costs(capsys):
    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--today", "2025-01-10",
                 "--done", "probleemanalyse=2024-04-05", "--monthly-wage", "3000"]) == 0
    out = capsys.readouterr().out
    assert "Probleemanalyse: gedaan 05-04-2024" in out
    assert "42e-weeksmelding bij UWV: te laat (21 dagen)" in out
    assert "€ 25.200" in out
    assert "Probleemanalyse: gedaan 05-04-2024 (11-04-2024)." in out  # dates as in the table


def test_json_costs_are_the_api_s_estimate_with_the_packages_that_still_fit(capsys):
    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--today", "2025-10-01",
                 "--monthly-wage", "3000", "--format", "json"]) == 0
    costs = json.loads(capsys.readouterr().out)["costs"]
    assert costs["end_of_wachttijd"] == "2026-02-26" and costs["loonsanctie_cost"] == 25200
    assert [(p["months"], p["fits"]) for p in costs["packages"]] == [
        (3, True), (6, False), (9, False), (None, True)]
    assert costs["weeks_left"] == 21 and "21 weken" in costs["lines"][0]


def test_bad_done_step_exits_2(capsys):
    assert main(["deadlines", "--first-sick-day", "2024-03-01", "--done", "koffie=2024-03-02"]) == 2
    assert "--done" in capsys.readouterr().err
