"""Dismissal asked with a first sick day known: the end of the ban, computed, before the card.

kb_assistant's "today" is Sunday 23 November 2025. The last day of week 104 is the first sick
day + 727 days (art. 7:670 lid 1 BW: the ban covers the first two years; fact sheet §4.3).
"""
from __future__ import annotations

EMPLOYER_TOLD = [
    {"role": "user", "content": "Onze magazijnmedewerker is sinds dinsdag 21 januari 2025 ziek. "
                                "Het tweede spoor levert niets op."},
    {"role": "assistant", "content": "Dan is het belangrijk dat u het dossier goed bijhoudt."},
]


def test_a_date_inside_the_two_years_gets_the_end_of_week_104(kb_assistant):
    # 21-01-2025 + 727 days = Monday 18 January 2027; "per 1 februari" is 1 February 2026
    answer = kb_assistant.ask("Mag ik hem per 1 februari ontslaan?", EMPLOYER_TOLD,
                              audience="werkgever")
    assert answer.text.startswith("**Op 1 februari 2026 geldt het opzegverbod bij ziekte nog: "
                                  "week 104 eindigt pas op maandag 18 januari 2027"), answer.text
    assert "eerste ziektedag dinsdag 21 januari 2025" in answer.text
    # the card on dismissal follows, not the one on skipping track 2 the history talks about
    assert answer.trace["card"]["id"] == "nl-faq-zieke-werknemer-ontslaan"
    assert "toestemming van UWV" in answer.text and answer.citations


def test_a_date_after_the_two_years_gets_the_card_on_dismissal_after_them(kb_assistant):
    # 18-12-2023 + 727 days = Sunday 14 December 2025; 1 January 2026 is after it
    told = [{"role": "user",
             "content": "Mijn verkoopster is sinds maandag 18 december 2023 ziek en er is geen "
                        "zicht op herstel."},
            {"role": "assistant", "content": "Dat is een lange periode."}]
    answer = kb_assistant.ask("Mag ik haar per 1 januari ontslaan?", told, audience="werkgever")
    assert answer.text.startswith("**Per 1 januari 2026 zijn de 104 weken voorbij: week 104 "
                                  "eindigt op zondag 14 december 2025"), answer.text
    assert answer.trace["card"]["id"] == "nl-faq-ontslag-na-twee-jaar-ziekte"
    assert "26 weken" in answer.text


def test_in_english_after_the_two_years(kb_assistant):
    # 06-11-2023 + 727 days = Sunday 2 November 2025, before today
    answer = kb_assistant.ask("My employee has been sick since Monday 6 November 2023. Can I "
                              "dismiss him now?", audience="werkgever")
    assert answer.language == "en"
    assert answer.text.startswith("**The 104 weeks are over: week 104 ended on Sunday 2 November "
                                  "2025"), answer.text
    assert answer.trace["card"]["id"] == "en-faq-dismiss-after-two-years"


def test_an_employee_hears_how_long_the_ban_still_runs(kb_assistant):
    # 03-03-2025 + 727 days = Sunday 28 February 2027, 462 days after today
    told = [{"role": "user", "content": "Ik ben sinds maandag 3 maart 2025 ziek."},
            {"role": "assistant", "content": "Wat vervelend. Wat wil je weten?"}]
    answer = kb_assistant.ask("Mag mijn werkgever mij ontslaan?", told, audience="werknemer")
    assert answer.text.startswith("**Het opzegverbod bij ziekte loopt nog tot en met zondag 28 "
                                  "februari 2027 (nog 462 dagen): dan zijn de 104 weken om"), \
        answer.text
    assert answer.trace["card"]["id"] == "nl-faq-ontslag-tijdens-ziekte"
    assert " u " not in answer.text and "je werkgever" in answer.text


def test_a_sick_day_beside_the_question_is_not_the_date_asked_about(kb_assistant):
    # "sinds 3 maart" without a year: 3 March 2025; the answer says it assumed that year
    answer = kb_assistant.ask("Mag ik hem ontslaan, hij is sinds 3 maart ziek?",
                              audience="werkgever")
    assert answer.text.startswith("**Het opzegverbod bij ziekte loopt nog tot en met zondag 28 "
                                  "februari 2027"), answer.text
    assert "ik ben uitgegaan van **3 maart 2025**" in answer.text


def test_a_rough_duration_gets_no_computed_end(kb_assistant):
    # "al 23 maanden": the end of week 104 may fall before or after today; no date is claimed
    told = [{"role": "user", "content": "Onze werknemer is al 23 maanden ziek."},
            {"role": "assistant", "content": "Dan nadert het einde van de wachttijd."}]
    answer = kb_assistant.ask("Kan ik hem ontslaan?", told, audience="werkgever")
    assert answer.trace["path"] != "dismissal"
    assert "week 104 eindig" not in answer.text and "104 weken zijn voorbij" not in answer.text
