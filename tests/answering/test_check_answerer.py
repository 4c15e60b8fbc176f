""""Waar sta ik?" through the real assistant: a case built over several turns, then the check.

The kb_assistant's today is 2025-11-23."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.answering.case_steps import read_steps

TODAY = date(2025, 11, 23)


def _converse(assistant, messages, **kwargs):
    history, answer = [], None
    for message in messages:
        answer = assistant.ask(message, history, **kwargs)
        history += [{"role": "user", "content": message},
                    {"role": "assistant", "content": answer.text}]
    return answer


def test_waar_sta_ik_answers_from_a_case_built_over_several_turns(kb_assistant):
    answer = _converse(kb_assistant, [
        "Mijn werknemer is ziek sinds 3 februari 2025. Wanneer moet de 42e-weeksmelding?",
        ("De probleemanalyse was op 10 maart 2025 en het plan van aanpak hebben we op 20 maart "
        "gemaakt."),
        "We hebben de EJE nog niet gehad. De laatste evaluatie was op 1 oktober 2025.",
        "Waar sta ik?",
    ], audience="werkgever")
    assert answer.trace["path"] == "check"
    steps = answer.trace["check"]["steps"]
    assert steps["probleemanalyse"] == "done" and steps["plan_van_aanpak"] == "done"
    assert steps["evaluatie"] == "overdue"  # 1 October + 6 weeks = 12 November
    assert steps["ziekmelding_uwv"] == "due" and steps["eerstejaarsevaluatie"] == "due"
    assert answer.trace["check"]["not_done"] == ["eerstejaarsevaluatie"]
    text = answer.text
    assert "Eerste ziektedag 03-02-2025" in text and "is alleen te laat als" not in text
    assert "**Probleemanalyse**: gedaan 10-03-2025" in text
    assert "**42e-weeksmelding bij UWV**: nog te doen (1 dag); uiterlijk 24-11-2025" in text
    assert "**Evaluatie plan van aanpak**: te laat (11 dagen)" in text
    assert "Plan nu een evaluatie" in text  # what to do now, "u" for the employer
    assert answer.citations


def test_where_do_i_stand_in_english_asks_for_the_first_sick_day_first(kb_assistant):
    first = kb_assistant.ask("My employee is sick. Where do I stand?", [], language="en")
    assert first.kind == "clarify" and first.trace["path"] == "clarify:first_sick_day"
    off_topic = kb_assistant.ask("Waar sta ik met mijn hypotheekaanvraag?", [])
    assert off_topic.trace["path"] != "check" and "check" not in off_topic.trace
    answer = _converse(kb_assistant, [
        "My employee has been sick since 6 January 2025.",
        "The problem analysis was done on 10 February 2025. We have not had the action plan yet.",
        "Where do we stand?",
    ], language="en")
    steps = answer.trace["check"]["steps"]
    assert steps["probleemanalyse"] == "done" and steps["plan_van_aanpak"] == "overdue"
    assert "**Action plan (plan van aanpak)**: overdue" in answer.text
    assert "Draw up the action plan with the employee now" in answer.text


@pytest.mark.parametrize(("messages", "done", "undated", "not_done"), [
    (["plan van aanpak gemaakt op 3 maart"], {"plan_van_aanpak": "2025-03-03"}, set(), set()),
    (["we hebben de EJE nog niet gehad"], {}, set(), {"eerstejaarsevaluatie"}),
    (["De probleemanalyse is gedaan maar het plan van aanpak nog niet."], {},
     {"probleemanalyse"}, {"plan_van_aanpak"}),
    (["Op 3 maart 2025 hebben we de 42e-weeksmelding gedaan."],
     {"ziekmelding_uwv": "2025-03-03"}, set(), set()),
    (["We have not had the first-year evaluation.", ("The first-year evaluation was held on "
      "2 November 2025.")], {"eerstejaarsevaluatie": "2025-11-02"}, set(), set()),
    (["Spoor 2 is gestart op 1 oktober en het RIV is nog niet klaar"],
     {"spoor2_start": "2025-10-01"}, set(), {"re_integratieverslag"}),
    (["Wanneer moet de EJE?"], {}, set(), set()),  # a question says nothing about the step
])
def test_steps_are_read_from_the_users_words(messages, done, undated, not_done):
    steps = read_steps(messages, TODAY)
    assert {k: v.isoformat() for k, v in steps.done.items()} == done
    assert steps.undated == undated and steps.not_done == not_done


@pytest.mark.parametrize(("message", "audience"), [
    ("Ik ben sinds half september ziek met een hernia.", "werknemer"),
    ("Mijn werknemer is sinds half september ziek met een burn-out.", "werkgever"),
])
def test_a_case_told_without_a_question_gets_its_check_not_a_refusal(kb_assistant, message,
                                                                    audience):
    # Nobody asked for medical advice: "half september" 2025 is 11 to 20 September, the earliest
    # taken and said; a health word still brings the privacy notice.
    answer = kb_assistant.ask(message, audience=audience)
    assert answer.trace["path"] == "check", answer.trace["path"]
    assert answer.trace["check"]["period_start"] == "2025-09-11"
    assert '"half september" kan elke dag van 11 september 2025 tot en met 20 september 2025' \
        in answer.text
    assert "deel hier geen medische details" in answer.text
    # nothing was said about the steps: a past term is late only if the step was not taken
    assert "is alleen te laat als die nog niet gezet is" in answer.text.split("\n")[0]


def test_an_employee_hears_whose_overdue_step_it_is_in_je(kb_assistant):
    # first sick day 1 September 2025: the probleemanalyse was due 12 October, now overdue
    answer = kb_assistant.ask("Ik ben ziek sinds 1 september 2025. Waar sta ik?",
                              audience="werknemer")
    line = next(x for x in answer.text.split("\n") if "**Probleemanalyse**" in x)
    assert "te laat" in line
    assert "Dit moet je werkgever in gang zetten" in line and "Vraag de bedrijfsarts nu" not in line
    assert answer.text.startswith("**Waar sta je?**") and " u " not in answer.text


@pytest.mark.parametrize("message", [
    "Mijn werknemer is sinds half september ziek. Moet ik een casemanager aanwijzen?",
    "ik ben ziek sinds 15 okt 2025 wnnr moet ik de wia aanvragen",  # no "?", a typo
])
def test_a_case_with_a_question_is_answered_not_checked(kb_assistant, message):
    answer = kb_assistant.ask(message, audience="werkgever")
    assert answer.trace["path"] != "check"


def test_a_long_story_without_a_question_mark_is_read_for_its_question(kb_assistant):
    # a story of over 40 words asks indirectly more often than not: the answerers read it
    answer = kb_assistant.ask(
        "Mijn werknemer is sinds 1 maart 2025 ziek, hij werkt al twaalf jaar bij ons in de "
        "werkplaats en we hebben altijd veel aan hem gehad. De bedrijfsarts ziet geen terugkeer "
        "in zijn eigen werk en de sfeer is goed gebleven. Ik weet niet of spoor 2 nu al moet "
        "beginnen of dat we kunnen wachten tot na de eerstejaarsevaluatie", audience="werkgever")
    assert answer.trace["path"] != "check"


@pytest.mark.parametrize(("message", "audience", "start", "head"), [
    # "45 weken" before 23 November 2025 is 315 to 321 days ago: 6 to 12 January, the earliest taken
    ("mijn werknemer is nu 45 weken ziek, wat komt er nu aan?", "werkgever", "2025-01-06",
     "**Waar staat u?**"),
    ("My employee has been sick for about 5 weeks, anything I need to do soon?", "werkgever",
     "2025-10-13", "**Where do you stand?**"),
    # "in week 40": 273 to 279 days before; the check says "nu week 40"
    ("Mijn werknemer zit in week 40. Wat moet ik binnenkort regelen?", "werkgever", "2025-02-17",
     "**Waar staat u?** Eerste ziektedag 17-02-2025 (nu week 40)"),
    # a first sick day given: the check, not an example with other dates
    ("mijn werknemer is dinsdag 14 oktober 2025 ziek geworden, ze ligt plat. wat moet ik als "
     "eerste regelen?", "werkgever", "2025-10-14", "**Waar staat u?** Eerste ziektedag 14-10-2025"),
    ("one of our warehouse staff has been sick for 9 months now, what's the next step for us?",
     "werkgever", None, "**Where do you stand?**"),
    ("ik ben sinds 8 december 2024 ziek, nu dus bijna een jaar. wat komt er nog allemaal op me af?",
     "werknemer", "2024-12-08", "**Waar sta je?**"),
])
def test_what_comes_next_in_a_told_case_gets_the_check_with_its_dates(kb_assistant, message,
                                                                      audience, start, head):
    # "what comes next?" used to get a passage on whatever its words matched (the ban on
    # dismissal for "45 weken ziek, wat komt er nu aan?"); what is due when answers it
    answer = kb_assistant.ask(message, audience=audience)
    assert answer.trace["path"] == "check", answer.trace["path"]
    assert answer.text.startswith(head)
    if start:
        assert answer.trace["check"]["period_start"] == start
    assert "⏳" in answer.text  # a step still to come, with its date


@pytest.mark.parametrize("message", [
    "Mijn werknemer is 30 weken ziek. Wat is de volgende stap in spoor 2?",  # names its subject
    "mijn werknemer weigert mee te werken, wat moet ik nu doen?",  # about the refusal
    "Mijn werknemer is 30 weken ziek. Wat komt er aan kosten op ons af?",
])
def test_what_comes_next_about_a_subject_of_its_own_is_answered_on_that_subject(kb_assistant,
                                                                                 message):
    assert kb_assistant.ask(message, audience="werkgever").trace["path"] != "check"
