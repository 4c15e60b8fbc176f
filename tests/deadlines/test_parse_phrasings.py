"""How users actually write sickness dates: weekday labels, recovery verbs, relapses, formats."""
from __future__ import annotations

import pytest

from assistant.deadlines import DeadlineInputError, compute_timeline, parse_date, parse_dates

from .helpers import d, eps

TODAY = d("23-11-2025")  # a Sunday


def spans(text: str) -> list:
    parsed = parse_dates(text, TODAY)
    assert parsed is not None, text
    return parsed.episodes


WEEKDAY_LABELS = [
    ("Mijn werknemer is ziek sinds vrijdag 1 maart 2024. Wat zijn alle termijnen?", "01-03-2024.."),
    ("ziek sinds 1 maart 2024 (vrijdag)", "01-03-2024.."),
    ("ziek sinds 1 maart 2024, op vrijdag", "01-03-2024.."),
    ("Op vrijdag 1 maart 2024 werd hij ziek.", "01-03-2024.."),
    ("ziek sinds vrijdag de 1e maart 2024", "01-03-2024.."),
    ("ziek sinds vrijdag 01-03-2024", "01-03-2024.."),
    ("since Friday 13 June 2025", "13-06-2025.."),
    ("since Friday, March 13, 2025", "13-03-2025.."),
    ("I have been ill since Monday, 3 March 2025", "03-03-2025.."),
    ("first called in sick on Saturday 15 November 2025", "15-11-2025.."),
    ("I have been on sick leave since Thursday 14 August 2025 with a lung condition",
     "14-08-2025.."),
    ("ziek sinds afgelopen vrijdag 21 november", "21-11-2025.."),
    # The label contradicts the date (1 March 2024 is a Friday): the explicit date wins.
    ("ziek sinds maandag 1 maart 2024", "01-03-2024.."),
    ("since Monday 13 June 2025", "13-06-2025.."),
]

RELATIVE_WEEKDAYS = [
    ("sinds vorige week maandag", "10-11-2025.."),
    ("since last Monday", "17-11-2025.."),
    ("ziek sinds vrijdag", "21-11-2025.."),
    ("ziek sinds afgelopen vrijdag", "21-11-2025.."),
    # A weekday after a date it does not belong to is still a day of its own.
    ("ziek sinds 1 maart 2025, op vrijdag hersteld", "01-03-2025..20-11-2025"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_LABELS + RELATIVE_WEEKDAYS)
def test_weekday_beside_a_date_is_a_label_and_alone_a_relative_day(text, expected):
    assert spans(text) == eps(expected)


RELAPSES = [
    ("Mijn werknemer werd ziek op 1 maart 2024, werkte weer volledig vanaf 1 juni 2024 en is op "
     "29 juni 2024 opnieuw ziek geworden. Welke termijnen gelden nu?",
     ["01-03-2024..31-05-2024", "29-06-2024.."]),
    ("My employee was sick from 12 May 2025, back to full work from 4 August 2025 and sick again "
     "from 1 September 2025. Which deadlines apply now?",
     ["12-05-2025..03-08-2025", "01-09-2025.."]),
    ("Ik was ziek vanaf 1 maart 2009, werkte weer vanaf 1 juni 2009 en werd op 15 juni 2009 weer "
     "ziek. Wanneer eindigt mijn wachttijd?", ["01-03-2009..31-05-2009", "15-06-2009.."]),
    ("ziek sinds 1 maart 2025, weer aan het werk vanaf 1 juni 2025 en opnieuw ziek sinds 20 juni "
     "2025", ["01-03-2025..31-05-2025", "20-06-2025.."]),
    ("ziek sinds 1 maart 2025, was weer beter op 1 juni 2025, opnieuw ziek sinds 20 juni 2025",
     ["01-03-2025..31-05-2025", "20-06-2025.."]),
    ("ziek gemeld op 1 maart 2025, hersteld gemeld op 1 juni 2025, ziekgemeld per 20 juni 2025",
     ["01-03-2025..31-05-2025", "20-06-2025.."]),
    ("werd ziek op 1 maart 2025 en is weer volledig aan het werk sinds 1 juni 2025",
     ["01-03-2025..31-05-2025"]),
    ("ziek sinds 1 maart 2024, werkt vanaf 1 juni 2024 weer", ["01-03-2024..31-05-2024"]),
    ("called in sick on 3 March 2025, returned to work on 2 June 2025, fell ill again on 20 June "
     "2025", ["03-03-2025..01-06-2025", "20-06-2025.."]),
    ("sick since 3 March 2025, fully fit again from 2 June 2025, fell ill again on 20 June 2025",
     ["03-03-2025..01-06-2025", "20-06-2025.."]),
    ("He went off sick on 12 May 2025, was back at work full-time from 4 August 2025 and fell ill "
     "again on 1 September 2025.", ["12-05-2025..03-08-2025", "01-09-2025.."]),
    ("Ze meldde zich op 12 mei 2025 ziek, ging op 4 augustus 2025 weer volledig aan de slag en "
     "viel op 1 september 2025 opnieuw uit.", ["12-05-2025..03-08-2025", "01-09-2025.."]),
    ("ziek sinds 12 mei 2025; vanaf 4 augustus 2025 werkte hij weer volledig, maar sinds 1 "
     "september 2025 is hij weer ziek", ["12-05-2025..03-08-2025", "01-09-2025.."]),
    ("eerste ziektedag: 12-05-2025. hersteldatum: 04-08-2025. nieuwe ziektedag: 01-09-2025",
     ["12-05-2025..03-08-2025", "01-09-2025.."]),
    ("Op vrijdag 1 maart 2024 werd hij ziek. Op maandag 3 juni 2024 was hij weer beter.",
     ["01-03-2024..02-06-2024"]),
    # A range start without a year takes the year of the range end.
    ("Ik was ziek van 1 maart t/m 31 mei 2024 en ben sinds 29 juni 2024 weer ziek",
     ["01-03-2024..31-05-2024", "29-06-2024.."]),
    ("sick from 1 December to 31 January 2025, and sick again since 1 March 2025",
     ["01-12-2024..31-01-2025", "01-03-2025.."]),
    # A weekday labels the end of a range as it labels its start.
    ("ziek sinds dinsdag 3 februari 2025, was daarna van maandag 17 maart t/m zondag 30 maart "
     "2025 volledig hersteld en aan het werk, en vanaf maandag 31 maart 2025 weer ziek",
     ["03-02-2025..16-03-2025", "31-03-2025.."]),
    ("sick from 2 March 2025; back at work from Monday 7 April to Friday 18 April 2025, sick "
     "again on 21 April 2025", ["02-03-2025..06-04-2025", "21-04-2025.."]),
    # Relapses said the way people say them
    ("ik was ziek vanaf donderdag 10 april 2025, ben op maandag 19 mei 2025 weer volledig gaan "
     "werken maar woensdag 4 juni 2025 was het weer mis en sindsdien zit ik thuis",
     ["10-04-2025..18-05-2025", "04-06-2025.."]),
    ("ziek sinds 10 april 2025, hersteld op 19 mei 2025, op 4 juni 2025 een terugval",
     ["10-04-2025..18-05-2025", "04-06-2025.."]),
    ("sick since 10 April 2025, fully back at work on 19 May 2025, relapse on 4 June 2025",
     ["10-04-2025..18-05-2025", "04-06-2025.."]),
    # "100%" is full work; a day-month after "ziekmelding" is a date
    ("ziekmelding 9/2, weer 100% in eigen functie aan het werk per 16/3, en vanaf 30/3 weer ziek "
     "thuis", ["09-02-2025..15-03-2025", "30-03-2025.."]),
    # an illness named instead of "ziek" is a sick period too
    ("ziek 2-2-2025 t/m 15-3-2025, daarna weer volledig aan het werk. toen 1-6-2025 t/m "
     "12-6-2025 griep, en sinds 2-11-2025 weer ziek",
     ["02-02-2025..15-03-2025", "01-06-2025..12-06-2025", "02-11-2025.."]),
    ("he was back on full duties from monday 5 may 2025 through friday 23 may 2025, then off "
     "sick again from monday 26 may 2025. his first sick day was thursday 13 march 2025.",
     ["13-03-2025..04-05-2025", "26-05-2025.."]),
    # partial work neither ends a sickness nor starts one
    ("ziek sinds 1 december 2024, vanaf 12 januari 2025 weer 3 ochtenden per week op kantoor "
     "(arbeidstherapeutisch), op 9 maart 2025 volledig hersteld. maar sinds 16 maart 2025 "
     "helaas weer ziek.", ["01-12-2024..08-03-2025", "16-03-2025.."]),
]


@pytest.mark.parametrize(("text", "expected"), RELAPSES)
def test_recovery_verbs_close_an_episode_and_relapses_open_one(text, expected):
    assert spans(text) == eps(*expected)


def test_full_work_for_four_weeks_starts_a_new_period():
    parsed = parse_dates("werd ziek op 1 maart 2024, werkte weer volledig vanaf 1 juni 2024 en "
                         "is op 29 juni 2024 opnieuw ziek geworden", TODAY)
    timeline = compute_timeline(parsed.episodes, today=TODAY, **parsed.timeline_kwargs())
    assert timeline.period_start == d("29-06-2024")  # a gap of exactly 28 days: no samentelling


def test_a_shorter_gap_is_added_to_the_same_period():
    parsed = parse_dates("Ik was ziek vanaf 1 maart 2009, werkte weer vanaf 1 juni 2009 en werd "
                         "op 15 juni 2009 weer ziek.", TODAY)
    timeline = compute_timeline(parsed.episodes, today=TODAY, **parsed.timeline_kwargs())
    assert timeline.period_start == d("01-03-2009")
    assert timeline.paused_days == 14


# Only full recovery of the own work ends an episode; partial or adjusted work does not.
PARTIAL_WORK = [
    ("ziek sinds 1 maart 2024, en vanaf 1 juni 2024 werkt hij 50%", ["01-03-2024.."]),
    ("ziek sinds 1 maart 2024, sinds 1 juni 2024 werkt hij weer 50%", ["01-03-2024.."]),
    ("ziek sinds 1 maart 2024, sinds 1 juni 2024 gedeeltelijk hersteld", ["01-03-2024.."]),
    ("ziek sinds 12 mei 2025; vanaf 4 augustus 2025 op arbeidstherapeutische basis aan het werk",
     ["12-05-2025.."]),
    ("He went off sick on 12 May 2025, was back at work part-time from 4 August 2025.",
     ["12-05-2025.."]),
    ("50% ziek sinds 1 maart 2024, sinds 1 juni 2024 100% ziek", ["01-03-2024.."]),
    ("ziek sinds 1 maart 2024, sinds 1 juni 2024 voor 50% ziek", ["01-03-2024.."]),
    ("ziek sinds 1 maart 2024, vanaf 1 juni 2024 weer volledig hersteld",
     ["01-03-2024..31-05-2024"]),
]


@pytest.mark.parametrize(("text", "expected"), PARTIAL_WORK)
def test_partial_work_keeps_the_episode_open(text, expected):
    assert spans(text) == eps(*expected)


# A role word belongs to its own clause: it does not give a role to a date in another one.
CLAUSES = [
    ("Hij is sinds 1 maart 2025 niet aan het werk", ["01-03-2025.."]),
    ("ziek sinds 1 maart 2025, nog niet hersteld op 1 juni 2025", ["01-03-2025.."]),
    ("sick since 3 March 2025, not back at work on 1 June 2025", ["03-03-2025.."]),
    ("Hij werkt bij ons sinds 1 januari 2020 en is ziek sinds 3 maart 2025", ["03-03-2025.."]),
    ("He works for us since 1 January 2020 and has been sick since 3 March 2025",
     ["03-03-2025.."]),
    ("ziek sinds 1 maart 2024 en hersteld; gesprek op 1 juni 2024", ["01-03-2024.."]),
    ("Ze is ziek, eerste dag 3 maart 2025", ["03-03-2025.."]),
    ("hersteld op 1 juni 2025, ziek sinds 1 maart 2025", ["01-03-2025..31-05-2025"]),
    # "still sick on" a later day is a status, not a corrected first sick day.
    ("ziek sinds 1 maart 2025. Wat als hij op 1 juni 2026 nog ziek is?", ["01-03-2025.."]),
    ("sick since 1 March 2025. What if he is still sick on 1 June 2026?", ["01-03-2025.."]),
    ("ziek sinds 1 maart 2025, is op 1 december 2025 nog steeds ziek", ["01-03-2025.."]),
    ("Hij is nog steeds ziek, sinds 1 maart 2025", ["01-03-2025.."]),
    ("He is still sick since 1 March 2025", ["01-03-2025.."]),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_role_words_stay_in_their_clause(text, expected):
    assert spans(text) == eps(*expected)


FORMATS = [
    ("ik ben ziek sinds 15 okt 2025 wnnr moet ik de wia aanvragen", "15-10-2025"),
    ("since 3 March 2025", "03-03-2025"),
    ("op 3-3-2025 ziek geworden", "03-03-2025"),
    ("ziek sinds 03-04-2025", "03-04-2025"),
    ("ziek sinds 3/4/2025", "03-04-2025"),
    ("ziek sinds 2025-03-03", "03-03-2025"),
    ("ziek gemeld op 3 maart 2025", "03-03-2025"),
    ("werd ziek op 3 maart 2025", "03-03-2025"),
    ("called in sick on 3 March 2025", "03-03-2025"),
    ("opnieuw ziek sinds 3 maart 2025", "03-03-2025"),
    ("ziek sinds 1e jan 2025", "01-01-2025"),
    ("sick since 1st March 2025", "01-03-2025"),
    ("I've been off work since the 1st of March 2025", "01-03-2025"),
    ("ziek sinds 1 feb 2025", "01-02-2025"),
    ("ziek sinds 1 mrt 2025", "01-03-2025"),
    ("ziek sinds 1 apr 2025", "01-04-2025"),
    ("ziek sinds 1 jun 2025", "01-06-2025"),
    ("ziek sinds 1 jul 2025", "01-07-2025"),
    ("ziek sinds 1 aug 2025", "01-08-2025"),
    ("ziek sinds 1 sep 2025", "01-09-2025"),
    ("ziek sinds 1 sept 2025", "01-09-2025"),
    ("ziek sinds 1 okt 2025", "01-10-2025"),
    ("ziek sinds 1 nov 2025", "01-11-2025"),
    ("ziek sinds 1 dec 2024", "01-12-2024"),
]


@pytest.mark.parametrize(("text", "start"), FORMATS)
def test_date_formats_and_abbreviations(text, start):
    assert spans(text) == eps(f"{start}..")


@pytest.mark.parametrize(
    "text", ["ziek sinds 31-02-2025", "ziek sinds 01-01-0001", "ziek sinds 29-02-2025",
             "ziek sinds vrijdag 31 april 2025", "since Friday 30 February 2024",
             "ziek van 29 februari tot en met 31 mei 2023"],
)
def test_impossible_dates_raise_even_with_a_weekday_label(text):
    with pytest.raises(DeadlineInputError) as info:
        parse_dates(text, TODAY)
    assert "geen bestaande datum" in info.value.user_message("nl")
    assert "not an existing date" in info.value.user_message("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("vrijdag 1 maart 2024", "01-03-2024"), ("Friday, 13 June 2025", "13-06-2025"),
     ("1 maart 2024 (vrijdag)", "01-03-2024"), ("01-03-2024, vrijdag", "01-03-2024")],
)
def test_form_field_accepts_a_weekday_label(text, expected):
    assert parse_date(text, TODAY) == d(expected)


@pytest.mark.parametrize("text", ["vrijdag", "vrijdag morgen"])
def test_form_field_needs_more_than_a_weekday(text):
    with pytest.raises(DeadlineInputError):
        parse_date(text, TODAY)
