"""Natural-language dates in Dutch and English become episodes; impossible dates are errors."""
from __future__ import annotations

import pytest

from assistant.deadlines import DeadlineInputError, Episode, parse_date, parse_dates

from .helpers import d

TODAY = d("23-11-2026")  # a Monday

SINGLE_START = [
    ("ziek sinds 3 maart 2025", "03-03-2025"),
    ("eerste ziektedag 03-03-2025", "03-03-2025"),
    ("since 3 March 2025", "03-03-2025"),
    ("sinds vorige week maandag", "16-11-2026"),
    ("Mijn werknemer is ziek sinds 1 maart 2024. Wanneer moet ik de 42e-weeksmelding doen?",
     "01-03-2024"),
    ("My employee has been sick since 3 March 2025, when is the WIA application due?",
     "03-03-2025"),
    ("eerste ziektedag was 3-3-25", "03-03-2025"),
    ("1e ziektedag: 1e mrt. 2024", "01-03-2024"),
    ("ziekgemeld op 3 sept 2025", "03-09-2025"),
    ("ziek sinds 03-04-2025", "03-04-2025"),  # day-month order: 3 April
    ("ziek sinds 2025-04-03", "03-04-2025"),
    ("She fell ill on March 3rd, 2025", "03-03-2025"),
    ("De werknemer is op 5 mei 2025 ziek geworden", "05-05-2025"),
    ("ziek sinds gisteren", "22-11-2026"),
    ("hij is drie weken geleden uitgevallen", "02-11-2026"),
    ("ziek sinds afgelopen vrijdag", "20-11-2026"),
    ("sick since last Wednesday", "18-11-2026"),
    ("ziek sinds 3 maart", "03-03-2026"),  # no year: the last 3 March up to today
    ("ziek sinds 1 december", "01-12-2025"),
    # an accident is where the sickness starts
    ("een van mijn jongens is woensdag 11 november 2026 van de steiger gevallen", "11-11-2026"),
    ("Our driver had an accident on 2 March 2026 and has been at home since", "02-03-2026"),
]


@pytest.mark.parametrize(("text", "start"), SINGLE_START)
def test_first_sick_day_is_found(text, start):
    parsed = parse_dates(text, TODAY)
    assert parsed is not None
    assert parsed.episodes == [Episode(d(start))]


@pytest.mark.parametrize(
    "text",
    [
        "Wanneer moet ik de 42e-weeksmelding doen?",
        "Hij is sinds 1 januari 2020 bij ons in dienst. Wat is spoor 2?",
        "Hoeveel kost een traject van 3 maanden? Het is €1.250 per 3 maanden.",
        "",
    ],
)
def test_no_sick_day_gives_none(text):
    assert parse_dates(text, TODAY) is None


@pytest.mark.parametrize(
    "text", ["ziek sinds 31-02-2025", "eerste ziektedag 01-01-0001", "ziek sinds 30 februari 2025",
             "ziek sinds 13-13-2025"],
)
def test_impossible_dates_are_errors_not_guesses(text):
    with pytest.raises(DeadlineInputError) as info:
        parse_dates(text, TODAY)
    assert "geen bestaande datum" in info.value.user_message("nl")
    assert "not an existing date" in info.value.user_message("en")


MULTI = [
    ("Hij was ziek sinds 3 januari 2022. Hij was hersteld van 4 juli tot en met 24 juli en is "
     "sinds 25 juli weer ziek.", [("03-01-2022", "03-07-2022"), ("25-07-2022", None)]),
    ("ziek sinds 1 maart 2024. Hersteld op 1 juni. Sinds 20 juni weer ziek.",
     [("01-03-2024", "31-05-2024"), ("20-06-2024", None)]),
    ("sick from 3 January 2022 to 3 July 2022, and sick again since 25 July 2022",
     [("03-01-2022", "03-07-2022"), ("25-07-2022", None)]),
    ("ziek sinds 1 november 2024, hersteld op 10 januari, sinds 20 januari weer ziek",
     [("01-11-2024", "09-01-2025"), ("20-01-2025", None)]),
    ("De laatste ziektedag was 31 mei 2024; de eerste ziektedag was 1 maart 2024.",
     [("01-03-2024", "31-05-2024")]),
    # A conversation: the user corrects the first sick day.
    ("ziek sinds 3 maart 2025\nsorry, ik bedoel ziek sinds 4 maart 2025", [("04-03-2025", None)]),
    # The recovery range implies the new sick day when none is given.
    ("eerste ziektedag 3 januari 2022, daarna hersteld van 4 juli t/m 24 juli",
     [("03-01-2022", "03-07-2022"), ("25-07-2022", None)]),
]


@pytest.mark.parametrize(("text", "expected"), MULTI)
def test_recovery_and_new_sickness_make_episodes(text, expected):
    parsed = parse_dates(text, TODAY)
    assert parsed.episodes == [Episode(d(s), d(e) if e else None) for s, e in expected]


def test_other_dates_and_sanction_are_recognised():
    parsed = parse_dates(
        "Ziek sinds 1 maart 2024. De probleemanalyse was op 5 april 2024 en de "
        "eerstejaarsevaluatie op 10 februari 2025. UWV legde een loonsanctie van 26 weken op.",
        TODAY,
    )
    assert parsed.probleemanalyse == d("05-04-2024")
    assert parsed.eje == d("10-02-2025")
    assert parsed.loonsanctie_weeks == 26
    assert parsed.timeline_kwargs()["eje"] == d("10-02-2025")


@pytest.mark.parametrize(("text", "pa", "eje"), [
    # the step done that day is named after "en", with a verb of making (the date was ignored,
    # and the plan van aanpak was counted from week 8, a day too late)
    ("Ziek sinds 15 oktober 2026. De bedrijfsarts heeft hem op dinsdag 24 november gezien en de "
     "probleemanalyse gemaakt.", "24-11-2026", None),
    ("Sick since 15 October 2026. The company doctor saw him on 24 November and the problem "
     "analysis was made.", "24-11-2026", None),
    ("Ziek sinds 15 oktober 2026. Op 24 november gesprek gehad en de eerstejaarsevaluatie "
     "gehouden.", None, "24-11-2026"),
    # ... not when it says the step was not done
    ("Ziek sinds 15 oktober 2026. De bedrijfsarts zag hem op 24 november en de probleemanalyse "
     "niet gemaakt.", None, None),
    ("Ziek sinds 15 oktober 2026. De bedrijfsarts zag hem op 24 november en heeft de "
     "probleemanalyse nog niet gemaakt.", None, None),
])
def test_a_step_done_on_a_date_is_read_from_the_clause_after_it(text, pa, eje):
    parsed = parse_dates(text, d("07-12-2026"))
    assert parsed.probleemanalyse == (d(pa) if pa else None)
    assert parsed.eje == (d(eje) if eje else None)
    assert [e.start for e in parsed.episodes] == [d("15-10-2026")]


def test_voluntary_extension_date():
    parsed = parse_dates("Ziek sinds 1 maart 2024; de loondoorbetaling is verlengd tot 1 juni 2026",
                         TODAY)
    assert parsed.verlenging_tot == d("01-06-2026")


def test_sick_again_without_recovery_date_asks_for_it():
    with pytest.raises(DeadlineInputError) as info:
        parse_dates("ziek sinds 1 maart 2024, sinds 20 juni 2024 weer ziek", TODAY)
    assert "hersteldatum" in info.value.user_message("nl")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025-01-06", "06-01-2025"), ("06-01-2025", "06-01-2025"), ("6 januari 2025", "06-01-2025"),
     ("6/1/2025", "06-01-2025")],
)
def test_parse_date_for_form_fields(text, expected):
    assert parse_date(text) == d(expected)


@pytest.mark.parametrize("text", ["morgen misschien", "2025-01-06 en 2025-01-07", "6"])
def test_parse_date_rejects_non_dates(text):
    with pytest.raises(DeadlineInputError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ze is op 12 februari 2025 ziek geworden en was van 1 t/m 20 april hersteld",
         [("12-02-2025", "31-03-2025"), ("21-04-2025", None)]),
        ("fit from 4 to 24 July 2022 after being sick since 3 January 2022",
         [("03-01-2022", "03-07-2022"), ("25-07-2022", None)]),
        ("Hij was ziek van 1 tot en met 31 mei 2024 en is daarna hersteld",
         [("01-05-2024", "31-05-2024")]),
    ],
)
def test_day_ranges_sharing_one_month(text, expected):
    parsed = parse_dates(text, TODAY)
    assert parsed.episodes == [Episode(d(s), d(e) if e else None) for s, e in expected]


@pytest.mark.parametrize("said", [
    "UWV heeft de maximale loonsanctie opgelegd.",
    "We hebben een loonsanctie gekregen omdat spoor 2 te laat was.",
    "UWV legde ons een loonsanctie op.",
    "De loonsanctie is opgelegd bij de WIA-aanvraag.",
    "UWV imposed a wage sanction on us.",
    "We got a wage sanction last month.",
])
def test_a_loonsanctie_imposed_without_its_length_is_read_as_52_weeks_and_said(said):
    parsed = parse_dates(f"Ziek sinds 1 maart 2024. {said}", TODAY)
    assert parsed.loonsanctie_weeks == 52
    assert [a.kind for a in parsed.assumptions] == ["sanction"]


@pytest.mark.parametrize("said", [
    "We hebben geen loonsanctie gekregen.",
    "Hoe voorkom ik dat we een loonsanctie opgelegd krijgen?",
    "Anders zou er een loonsanctie kunnen worden opgelegd.",
    "Krijgen we een loonsanctie als spoor 2 te laat is?",
    "No wage sanction was imposed.",
    "What if UWV imposes a wage sanction?",
])
def test_a_loonsanctie_only_feared_or_denied_changes_nothing(said):
    parsed = parse_dates(f"Ziek sinds 1 maart 2024. {said}", TODAY)
    assert parsed.loonsanctie_weeks is None and not parsed.assumptions


def test_a_loonsanctie_with_its_length_needs_no_assumption():
    parsed = parse_dates("Ziek sinds 1 maart 2024. UWV heeft een loonsanctie van 26 weken "
                         "opgelegd.", TODAY)
    assert parsed.loonsanctie_weeks == 26 and not parsed.assumptions
