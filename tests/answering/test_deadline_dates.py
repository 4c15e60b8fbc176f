"""The chat's deadline answer with loose dates and pregnancy leave, through the real assistant.

kb_assistant's "today" is Sunday 23 November 2025. Expected dates are worked out in comments.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest


def _deadline(answer):
    assert answer.kind == "deadline", answer.text
    return answer.trace["deadline"]


def test_weeks_sick_uses_the_earliest_first_sick_day_and_says_so(kb_assistant):
    # "al 5 weken ziek" on 23-11-2025: first sick day 35 to 41 days ago, 19-10 back to 13-10.
    answer = kb_assistant.ask("Mijn werknemer is al 5 weken ziek. Wanneer moet het plan van aanpak "
                              "klaar zijn?", audience="werkgever")
    trace = _deadline(answer)
    assert trace["period_start"] == "2025-10-13"
    assert "eerste ziektedag **maandag 13 oktober 2025**" in answer.text
    assert "Ik ben uitgegaan van **13 oktober 2025** als eerste ziektedag" in answer.text
    assert "tot en met 19 oktober 2025" in answer.text and "vroegste" in answer.text
    assert "Geeft u dan de precieze datum" in answer.text
    # plan van aanpak: end of week 8 = 13-10-2025 + 55 = 07-12-2025
    assert "zondag 7 december 2025" in answer.text


def test_weeks_sick_in_english_for_an_employee(kb_assistant):
    answer = kb_assistant.ask("I have been off sick for 5 weeks. When is the action plan due?",
                              audience="werknemer")
    trace = _deadline(answer)
    assert answer.language == "en"
    assert trace["period_start"] == "2025-10-13"
    assert "I have taken **13 October 2025** as the first day of sickness" in answer.text
    assert "Give the exact date" in answer.text


def test_werknemer_gets_je_in_the_assumption(kb_assistant):
    answer = kb_assistant.ask("Ik ben al 3 maanden ziek, wanneer is de eerstejaarsevaluatie?",
                              audience="werknemer")
    _deadline(answer)
    # 3 months before 23-11-2025 is 23-08; the earliest day that is still "3 months" is 24-07.
    assert "**24 juli 2025** als eerste ziektedag" in answer.text
    assert "Geef dan de precieze datum" in answer.text and "Geeft u" not in answer.text


def test_almost_twenty_months_reads_as_nineteen_and_some_days(kb_assistant):
    # "bijna 20 maanden" on 23-11-2025: 19 months and some days, 24-03-2024 to 23-04-2024; the
    # earliest gives the RIV at the end of week 91: 24-03-2024 + 636 days = 20-12-2025.
    answer = kb_assistant.ask(
        "Een monteur is nu bijna 20 maanden ziek. De arbodienst heeft het over een RIV dat ik moet "
        "opstellen, mijn vrouw denkt pas als de twee jaar om zijn. Wanneer moet dat klaar zijn?",
        audience="werkgever")
    trace = _deadline(answer)
    assert trace["period_start"] == "2024-03-24"
    assert ('"bijna 20 maanden" kan elke dag van 24 maart 2024 tot en met 23 april 2024'
            in answer.text)
    assert "zaterdag 20 december 2025 (week 91)" in answer.text


@pytest.mark.parametrize(("question", "asked"), [
    ("welke data moet ik in mijn agenda zetten voor de re-integratie van mijn zieke werknemer?",
     "Wat is de eerste ziektedag?"),
    ("Which dates should I put in my calendar for my sick employee?",
     "What was the first day of sickness?"),
])
def test_asked_for_the_dates_to_plan_without_a_date_asks_for_the_first_sick_day(
        kb_assistant, question, asked):
    answer = kb_assistant.ask(question, audience="werkgever")
    assert answer.kind == "clarify" and asked in answer.text, answer.text


def test_dates_to_plan_with_a_first_sick_day_give_the_timeline(kb_assistant):
    answer = kb_assistant.ask("Mijn werknemer is ziek sinds 3 maart 2025, wat moet ik in mijn "
                              "agenda zetten?", audience="werkgever")
    assert _deadline(answer)["period_start"] == "2025-03-03"


def test_a_date_without_a_year_is_stated_with_the_year_taken(kb_assistant):
    answer = kb_assistant.ask("Ziek sinds 1-3, wanneer moet de 42e-weeksmelding?")
    trace = _deadline(answer)
    assert trace["period_start"] == "2025-03-01"
    assert 'Bij "1-3" staat geen jaartal: ik ben uitgegaan van **1 maart 2025**' in answer.text


def test_since_a_date_without_a_year_in_english(kb_assistant):
    # 12 December 2025 is after today, so the most recent 12 December is in 2024.
    answer = kb_assistant.ask("My employee has been sick since 12 December. When is the WIA "
                              "application due?")
    trace = _deadline(answer)
    assert trace["period_start"] == "2024-12-12"
    assert '"12 December" has no year: I have taken **12 December 2024**' in answer.text


def test_named_day_gives_the_first_sick_day_used(kb_assistant):
    # Koningsdag 2025 was Saturday 26 April, so the day after is Sunday 27 April 2025.
    answer = kb_assistant.ask("Ziek sinds de dag na Koningsdag 2025. Wanneer moet de "
                              "probleemanalyse klaar zijn?")
    assert _deadline(answer)["period_start"] == "2025-04-27"
    assert "eerste ziektedag **zondag 27 april 2025**" in answer.text


def test_plain_tot_in_a_sick_period_is_stated(kb_assistant):
    answer = kb_assistant.ask("Ziek van 1 maart 2025 tot 20 maart 2025, sinds 1 april 2025 weer "
                              "ziek. Wanneer eindigt de wachttijd?")
    trace = _deadline(answer)
    assert trace["episodes"][0] == ["2025-03-01", "2025-03-20"]
    assert "heb ik gelezen als tot en met 20 maart 2025" in answer.text
    assert 'hersteld op 20 maart 2025' in answer.text


def test_pregnancy_leave_in_the_chat_is_added_up_and_explained(kb_assistant):
    # Sick 01-02..09-03-2025 (28 + 9 = 37 days), leave 10-03..30-06 (113 days), sick from 01-07.
    # End of week 104: 01-02-2025 + 727 = 29-01-2027, plus the 113 leave days = 22-05-2027.
    answer = kb_assistant.ask(
        "Mijn werkneemster is ziek sinds 1 februari 2025, zwangerschapsverlof van 10 maart 2025 "
        "tot en met 30 juni 2025, daarna weer ziek. Wanneer eindigt de wachttijd?",
        audience="werkgever")
    trace = _deadline(answer)
    assert trace["leave"] == [["2025-03-10", "2025-06-30"]]
    ends = {m["key"]: m["date"] for m in trace["milestones"]}
    assert ends["einde_wachttijd"] == "2027-05-22"
    assert "zaterdag 22 mei 2027" in answer.text
    assert "eerste ziektedag **zaterdag 1 februari 2025**" in answer.text
    assert "art. 23 lid 5 WIA" in answer.text and "dezelfde oorzaak" in answer.text


def test_leave_without_its_end_asks_for_it(kb_assistant):
    answer = kb_assistant.ask("Ziek sinds 1 februari 2025 en met zwangerschapsverlof sinds 10 "
                              "maart 2025. Wanneer eindigt de wachttijd?",
                              today=date(2025, 11, 23))
    assert answer.kind == "clarify"
    assert "laatste dag" in answer.text


def test_a_story_that_asks_no_date_gets_no_timeline(kb_assistant):
    """"afspreken" holds "reken" and "update" holds "date": neither asks for a deadline."""
    story = ("Ik ben 65 en nu 13 maanden ziek. Mijn AOW gaat in over ongeveer anderhalf jaar. "
             "Mijn werkgever en ik vinden een spoor 2 traject allebei onzin. Kunnen we samen "
             "afspreken dat we dat niet doen?")
    answer = kb_assistant.ask(story, audience="werknemer", today=date(2026, 12, 1))
    assert answer.kind != "deadline" and "Eerstvolgende termijn" not in answer.text
    english = kb_assistant.ask("Can you give me an update on what track 2 is?", language="en")
    assert english.kind != "deadline"


def test_a_date_word_in_a_storys_telling_does_not_make_it_a_deadline_question(kb_assistant):
    """"op termijn" and "AOW-datum" are told, not asked: the question is whether spoor 2 may be
    skipped."""
    story = ("Ik vraag dit voor een klant. Hun werknemer is 63 en nu 13 maanden ziek na een "
             "beroerte. Terugkeer in zijn eigen functie zit er niet in, wel misschien wat lichte "
             "taken op termijn. Zijn AOW-datum valt ongeveer 10 maanden na het einde van de "
             "wachttijd. Mag het tweede spoor in zo'n geval achterwege blijven?")
    answer = kb_assistant.ask(story, audience="werkgever", today=date(2026, 12, 1))
    assert answer.kind != "deadline" and "Eerstvolgende termijn" not in answer.text, answer.trace
    # a question told as a statement in the story still asks for the date
    told = ("Ik doe sinds kort de personeelsadministratie bij een aannemer. Een werknemer is nu 86 "
            "weken ziek. Ik zie nergens een overzicht. De directeur wil weten wanneer het "
            "re-integratieverslag klaar moet zijn. Kunt u mij op weg helpen?")
    assert kb_assistant.ask(told, audience="werkgever", today=date(2026, 12, 1)).kind == "deadline"


@pytest.mark.parametrize("story", [
    "ik ben nu 7 weken ziek thuis met een hernia en heb nog niks gehoord, geen bedrijfsarts "
    "gezien. mijn zus zegt dat er al dingen op papier hadden moeten staan. wat had er inmiddels "
    "moeten gebeuren?",
    "een van mijn tegelzetters is sinds 10 weken thuis met een schouderblessure. de bedrijfsarts "
    "heeft een rapportje gestuurd maar verder heb ik niks gedaan. ben ik nu al te laat met iets?",
])
def test_asking_where_a_case_stands_gets_its_timeline_with_what_is_overdue(kb_assistant, story):
    answer = kb_assistant.ask(story, today=date(2026, 12, 1))
    assert answer.kind == "deadline", answer.trace
    assert "Probleemanalyse" in answer.text and "al verstreken" in answer.text


def test_asking_in_english_what_should_have_been_done_by_now_gets_the_timeline(kb_assistant):
    """"What are we supposed to have done by now?" got a card on a labour expert."""
    answer = kb_assistant.ask("One of our drivers has been off sick for 8 weeks with back pain and "
                              "we haven't involved a company doctor yet. What are we supposed to "
                              "have done by now?", audience="werkgever", today=date(2026, 12, 1))
    assert answer.kind == "deadline", answer.trace
    assert "Problem analysis" in answer.text and "already passed" in answer.text


def test_asking_whether_a_last_day_has_passed_gets_it_computed(kb_assistant):
    answer = kb_assistant.ask("Ben ik te laat voor de WIA-aanvraag? Ik ben ziek sinds 3 februari "
                              "2025.", audience="werknemer", today=date(2026, 12, 3))
    assert answer.kind == "deadline", answer.trace
    line = next(x for x in answer.text.split("\n") if x.startswith("- **WIA-aanvraag"))
    assert "15 november 2026" in line and "al verstreken" in line  # end of week 93
    # starting spoor 2 late is judged by the practice norm, not a computed day: the card
    late = kb_assistant.ask("we zijn in week 70 met spoor 2 begonnen, zijn we te laat?",
                            audience="werkgever")
    assert late.kind == "card" and late.trace["card"]["id"] == "nl-faq-spoor2-te-laat"


def test_asking_when_uwv_sends_word_gets_the_wia_letter(kb_assistant):
    answer = kb_assistant.ask("Ik ben nu 82 weken ziek. Wanneer krijg ik bericht van het uwv?",
                              audience="werknemer", today=date(2026, 12, 1))
    assert answer.kind == "deadline", answer.trace
    assert "wia_brief_uwv" in _deadline(answer)["keys"]


def test_asking_when_to_apply_for_wia_also_gets_uwvs_letter_that_comes_first(kb_assistant):
    """The application follows UWV's letter in week 88; a late letter moves the last day (4 weeks
    after it). The answer gave the week-93 date only."""
    answer = kb_assistant.ask("Ik ben ziek sinds maandag 2 maart 2026. Wanneer moet ik de WIA "
                              "aanvragen?", audience="werknemer", today=date(2026, 12, 1))
    letter = answer.text.index("**Brief van UWV over de WIA-aanvraag**")
    assert letter < answer.text.index("**WIA-aanvraag indienen**")
    assert "binnen 4 weken na de brief" in answer.text[letter:]
    shown = [line for line in answer.text.splitlines() if line.startswith("- **")]
    assert len(shown) == 2, shown  # the two steps, not the whole timeline


def test_in_week_n_asking_when_to_apply_and_whether_uwv_reminds_gets_both_dates(kb_assistant):
    # "in week 80" on 23 November 2025: the first sick day 559 to 553 days before, the earliest
    # (13 May 2024) taken and said; "will UWV remind me?" is the week-88 letter
    answer = kb_assistant.ask("I'm in week 80 of my sick leave. When do I need to apply for WIA, "
                              "and will UWV remind me?", audience="werknemer")
    deadline = _deadline(answer)
    assert deadline["period_start"] == "2024-05-13"
    assert {"wia_brief_uwv", "wia_aanvraag"} <= set(deadline["keys"])
    assert "(today is week 80)" in answer.text
    assert "**UWV letter about the WIA application**" in answer.text
    assert "**Submit the WIA application**" in answer.text


def test_whether_the_plan_is_late_is_answered_with_its_date_and_the_analysis_first(kb_assistant):
    """"dus dat plan had er nu al moeten zijn?" after the first sick day was told: the plan's date
    and the days left, with the probleemanalyse it counts from, not the general card."""
    history = [{"role": "user", "content": "Ik ben ziek sinds donderdag 15 oktober 2026. Mijn "
                                           "werkgever heeft nog niks geregeld."},
               {"role": "assistant", "content": "De bedrijfsarts maakt binnen zes weken een "
                                                "probleemanalyse; daarna maken jullie binnen twee "
                                                "weken een plan van aanpak."}]
    answer = kb_assistant.ask("dus dat plan had er nu al moeten zijn?", history,
                              audience="werknemer", today=date(2026, 12, 7))
    trace = _deadline(answer)
    assert trace["keys"] == ["plan_van_aanpak"]
    # week 6 ends 15-10 + 41 days = 25-11 (passed); week 8 ends + 55 days = 09-12, 2 days left
    first_line = answer.text.splitlines()[0]
    assert "Plan van aanpak" in first_line and "9 december 2026" in first_line
    assert "nog 2 dagen" in first_line
    assert re.search(r"Probleemanalyse[^\n]*25 november 2026 \(week 6\) — al verstreken",
                     answer.text)
    assert "42e-weeksmelding" not in answer.text
    english = kb_assistant.ask("so should the plan have been ready by now?", [
        {"role": "user", "content": "I have been off sick since Thursday 15 October 2026."},
        {"role": "assistant", "content": "The company doctor makes a problem analysis within six "
                                         "weeks; the action plan follows within two weeks."}],
        audience="werknemer", language="en", today=date(2026, 12, 7))
    assert _deadline(english)["keys"] == ["plan_van_aanpak"]
    assert "9 December 2026" in english.text.splitlines()[0]


def test_whether_a_step_is_still_to_come_is_answered_with_its_date(kb_assistant):
    """"is dat dan die eerstejaarsevaluatie of komt die nog?" after the first sick day was told:
    the EJE's computed window and the days left, not a general passage on the EJE."""
    history = [{"role": "user", "content": "Ik ben ziek sinds vrijdag 16 januari 2026. Mijn "
                                           "werkgever wil een gesprek met een arbeidsdeskundige. "
                                           "Moet ik daarheen?"},
               {"role": "assistant", "content": "Ja, je moet meewerken aan redelijke maatregelen."}]
    answer = kb_assistant.ask("oke. is dat dan die eerstejaarsevaluatie of komt die nog?", history,
                              audience="werknemer", today=date(2026, 12, 7))
    assert _deadline(answer)["keys"] == ["eerstejaarsevaluatie"]
    # week 52 ends 16-01-2026 + 363 days = 14-01-2027: 38 days after 07-12-2026
    assert "14 januari 2027 (nog 38 dagen)" in answer.text.splitlines()[0]
    english = kb_assistant.ask("is that the first-year evaluation, or is it still to come?", [
        {"role": "user", "content": "I have been off sick since Friday 16 January 2026."},
        {"role": "assistant", "content": "Your employer may ask you to see a labour expert."}],
        audience="werknemer", language="en", today=date(2026, 12, 7))
    assert _deadline(english)["keys"] == ["eerstejaarsevaluatie"]
    assert "14 January 2027" in english.text.splitlines()[0]


def test_a_follow_up_naming_another_milestone_gets_its_computed_date(kb_assistant):
    """"en het plan van aanpak?" after a deadline question: the date from the first sick day
    given earlier, not a general answer."""
    asked = "ik ben ziek sinds maandag 2 maart 2026, wanneer moet de probleemanalyse er zijn?"
    history = [{"role": "user", "content": asked},
               {"role": "assistant", "content": "Uiterlijk zondag 12 april 2026."}]
    answer = kb_assistant.ask("en het plan van aanpak?", history, audience="werknemer",
                              today=date(2026, 3, 20))
    trace = _deadline(answer)
    # end of week 8: 2-3-2026 + 55 days
    assert {m["key"]: m["date"] for m in trace["milestones"]}["plan_van_aanpak"] == "2026-04-26"
    assert "26 april 2026" in answer.text
    english = kb_assistant.ask("and the first-year evaluation?", [
        {"role": "user", "content": "My employee has been sick since 5 January 2026. When is the "
                                    "action plan due?"},
        {"role": "assistant", "content": "By 1 March 2026."}], audience="werkgever", language="en",
        today=date(2026, 2, 1))
    assert "eerstejaarsevaluatie" in {m["key"] for m in _deadline(english)["milestones"]}


@pytest.mark.parametrize(("question", "card"), [
    ("en als we samen willen dat de WIA later komt?", "nl-faq-vrijwillige-verlenging"),
    ("en als ik de WIA-aanvraag te laat doe?", "nl-faq-wia-te-laat-aangevraagd"),
])
def test_a_what_if_follow_up_naming_a_milestone_gets_the_card_on_its_case(kb_assistant, question,
                                                                          card):
    """After a deadline question, "en als ..." names a milestone in a case of its own: it got the
    computed dates again instead of the card on that case."""
    history = [{"role": "user", "content": "Mijn werknemer is sinds 3 maart 2025 ziek. Wanneer "
                                           "moet het re-integratieverslag klaar zijn?"},
               {"role": "assistant", "content": "Uiterlijk aan het einde van week 91."}]
    today = date(2026, 12, 6)
    answer = kb_assistant.ask(question, history, audience="werkgever", today=today)
    assert answer.kind == "card" and answer.trace["card"]["id"] == card, answer.trace
    same = kb_assistant.ask("en de WIA-aanvraag?", history, audience="werkgever", today=today)
    assert "wia_aanvraag" in _deadline(same)["keys"]


@pytest.mark.parametrize("question", [
    "Ze werkt inmiddels weer twee middagen per week. Schuift die termijn daardoor op?",
    "En stel dat het herstel toch tegenvalt, zitten we dan vast aan die einddatum?",
])
def test_a_follow_up_on_whether_a_term_moves_or_holds_is_not_given_the_dates_again(
        kb_assistant, question):
    """"Schuift die termijn daardoor op?" and "stel dat ..., zitten we dan vast aan die
    einddatum?" after a deadline answer got the computed timeline again; they ask whether the
    term moves or holds, which the timeline does not say."""
    history = [{"role": "user", "content": "Onze werkneemster is sinds 3 maart 2025 ziek. Wanneer "
                                           "moet de WIA-aanvraag binnen zijn?"},
               {"role": "assistant", "content": "Uiterlijk aan het einde van week 93."}]
    answer = kb_assistant.ask(question, history, audience="werkgever", today=date(2026, 12, 7))
    assert answer.kind != "deadline", answer.trace


def test_what_comes_next_after_a_deadline_gets_the_next_milestones_computed_date(kb_assistant):
    """"en daarna?" after the probleemanalyse date: the plan van aanpak, computed from the same
    first sick day (not the probleemanalyse again)."""
    asked = ("mijn werknemer is ziek sinds maandag 2 maart 2026, wanneer moet de probleemanalyse "
             "er zijn?")
    history = [{"role": "user", "content": asked},
               {"role": "assistant", "content": "Uiterlijk zondag 12 april 2026."}]
    answer = kb_assistant.ask("en daarna?", history, audience="werkgever", today=date(2026, 3, 20))
    assert _deadline(answer)["keys"] == ["plan_van_aanpak"]
    assert "26 april 2026" in answer.text


@pytest.mark.parametrize(("question", "language"), [
    ("What's the last day she can send in the WIA application?", "en"),
    ("wat is de uiterste datum voor haar WIA-aanvraag?", "nl"),
    ("wat is dan de allerlaatste dag dat ze die WIA-aanvraag kan doen?", "nl")])
def test_asking_for_the_last_day_of_a_milestone_gets_its_computed_date(kb_assistant, question,
                                                                       language):
    history = [{"role": "user", "content": "Onze medewerkster is ziek sinds maandag 2 maart 2026."},
               {"role": "assistant", "content": "Dank u. Wat wilt u weten?"}]
    answer = kb_assistant.ask(question, history, audience="werkgever", language=language,
                              today=date(2026, 12, 1))
    assert answer.kind == "deadline", answer.trace
    due = {m["key"]: m["date"] for m in _deadline(answer)["milestones"]}["wia_aanvraag"]
    assert due == (date(2026, 3, 2) + timedelta(weeks=93, days=-1)).isoformat()  # end of week 93


def test_asking_who_to_report_the_sick_employee_to_gets_the_42nd_week_report(kb_assistant):
    answer = kb_assistant.ask("Our support engineer has been sick since 11 March 2026. Who exactly "
                              "do we have to report him to, and by when?", audience="werkgever",
                              language="en", today=date(2026, 12, 7))
    assert answer.kind == "deadline", answer.trace
    assert _deadline(answer)["keys"] == ["ziekmelding_uwv"], _deadline(answer)
    assert "first working day after week 42" in answer.text, answer.text


@pytest.mark.parametrize(("question", "asks"), [
    ("and do we owe her anything when she leaves?", False),  # "when" joins two clauses
    ("what happens when we miss it?", False),
    ("can you tell me when she has to apply for the WIA?", True),
    ("When must we report her to UWV?", True),
    # "rekening" (an account) is no "reken" (calculate)
    ("nu krijg ik ineens minder geld op mijn rekening, klopt dat?", False),
    ("kun je de termijnen voor me uitrekenen?", True),
])
def test_when_asks_for_a_date_only_as_a_question_word(question, asks):
    from assistant.answering.deadline import is_deadline_question

    assert is_deadline_question(question) is asks


@pytest.mark.parametrize(("question", "audience", "card", "asked"), [
    # the time left to a step, with a start too vague to count from: the rule, then the question
    ("Hoeveel weken heb ik nog tot de WIA-aanvraag? Ik ben sinds de zomer ziek.", "werknemer",
     "nl-faq-wia-aanvragen-wanneer", "Noem de eerste ziektedag"),
    ("How many weeks until the end of the waiting period? He got sick last autumn.", "werkgever",
     "en-faq-poortwachter-deadlines", "first day of sickness"),
    # the time left is the asker's own, even without a word about being sick
    ("hoeveel weken heb ik nog voordat ik de WIA moet aanvragen?", "werknemer",
     "nl-faq-wia-aanvragen-wanneer", "Noem de eerste ziektedag"),
    ("hoe lang heb ik nog tot de loondoorbetaling stopt voor mijn zieke werknemer?", "werkgever",
     "nl-faq-loondoorbetaling-70-procent-minimumloon", "Noem de eerste ziektedag"),
    # the deadlines as a whole, for one's own case: the timeline, then the question
    ("welke deadlines gelden er voor mij? ik ben ziek", "werknemer",
     "nl-faq-tijdlijn-poortwachter", "Noem de eerste ziektedag"),
    # whether a last day has passed, the sick day told in passing but too vaguely to count
    ("ben ik al te laat voor een vervroegde iva? ziek sinds vorig jaar ergens", "werknemer",
     "nl-faq-vervroegde-iva", "Noem de eerste ziektedag"),
])
def test_time_left_without_a_date_gives_the_rule_and_asks_for_the_first_sick_day(
        kb_assistant, question, audience, card, asked):
    answer = kb_assistant.ask(question, audience=audience)
    assert answer.kind == "clarify" and asked in answer.text, answer.text
    assert answer.trace["card"]["id"] == card


def test_deadlines_ahead_from_half_a_month_take_its_earliest_day_and_say_so(kb_assistant):
    # "half maart" on 23-11-2025: 11 to 20 March 2025; the earliest gives the safest dates
    answer = kb_assistant.ask("Wij hebben een medewerker die sinds half maart ziek is. Welke "
                              "deadlines komen eraan?", audience="werkgever")
    assert _deadline(answer)["period_start"] == "2025-03-11"
    assert '"half maart" kan elke dag van 11 maart 2025 tot en met 20 maart 2025' in answer.text


def test_deadlines_ahead_without_a_date_ask_for_the_first_sick_day(kb_assistant):
    answer = kb_assistant.ask("Wij hebben een medewerker die sinds de zomer ziek is. Welke "
                              "deadlines komen eraan?", audience="werkgever")
    assert answer.kind == "clarify" and "Wat is de eerste ziektedag?" in answer.text, answer.text


def test_the_end_of_the_waiting_period_says_the_pay_can_run_longer(kb_assistant):
    # 104 weeks of pay is the rule, not a maximum (fact sheet §11 item 7)
    answer = kb_assistant.ask("Wanneer loopt de loondoorbetaling af bij mijn werknemer? Ziek sinds "
                              "eind januari.", audience="werkgever")
    assert _deadline(answer)["period_start"] == "2025-01-21"
    line = next(x for x in answer.text.split("\n") if x.startswith("- **Einde wachttijd"))
    assert ("langer bij een loonsanctie, een vrijwillige verlenging of een te late WIA-aanvraag"
            in line)


@pytest.mark.parametrize(("question", "card"), [
    ("Mijn werknemer is sinds begin dit jaar ziek. Wanneer moeten we de WIA aanvragen?",
     "nl-faq-wia-aanvraag-werkgever"),
    ("She's been off since the spring. When do we have to apply for WIA for her?",
     "en-faq-wia-application-employer"),
])
def test_an_employer_asking_when_to_apply_for_wia_hears_who_applies_and_is_asked_the_date(
        kb_assistant, question, card):
    # the employee applies, by the end of week 93; the employer's part is the RIV by week 91
    answer = kb_assistant.ask(question, audience="werkgever")
    assert answer.trace["card"]["id"] == card
    assert "93" in answer.text and "91" in answer.text
    assert answer.kind == "clarify"  # the case's own dates need its first sick day


def test_an_imposed_loonsanctie_without_its_length_extends_the_pay_and_says_52_weeks(kb_assistant):
    # first sick day 1-3-2024: the wachttijd's last day is Thu 26-2-2026 (+728 days - 1); 52
    # weeks of loonsanctie more run to Thu 25-2-2027 (the fact sheet's worked example, §3).
    # Without the sanction the answer said the wachttijd and the pay had ended.
    answer = kb_assistant.ask("Onze timmerman is ziek sinds 1 maart 2024. Bij de RIV-toets heeft "
                              "UWV de maximale loonsanctie opgelegd omdat spoor 2 te laat begon. "
                              "Tot wanneer moeten we zijn loon doorbetalen?", audience="werkgever",
                              today=date(2026, 12, 1))
    trace = _deadline(answer)
    assert trace["period_start"] == "2024-03-01"
    assert "donderdag 25 februari 2027" in answer.text, answer.text
    # the next deadline first, then the week, already past 104
    first, second = answer.text.split("\n")[:2]
    assert first.startswith("**Eerstvolgende termijn: Einde loonsanctie"), first
    assert first.endswith(".**"), first
    assert second.endswith("(vandaag is week 144) — de wachttijd van 104 weken is al "
                           "voorbij:"), second
    assert "52 weken" in answer.text and "loonsanctie opgelegd" in answer.text
    assert "Staat er in het besluit van UWV een ander aantal weken" in answer.text
    # and what the employer can still do about it: repair (bekorting) and bezwaar
    assert "eindigt de sanctie eerder" in answer.text and "bezwaar maken" in answer.text


@pytest.mark.parametrize("story", [
    "Ik ben 59 en al 9 maanden ziek na een herseninfarct. De neuroloog zegt dat ik niet meer beter "
    "word. Iemand vertelde dat je dan niet twee jaar hoeft te wachten op een uitkering. Tot "
    "wanneer kan ik dat aanvragen?",
    "My husband has been off sick for 10 months and his doctors say he won't get better. A friend "
    "said there is a way to get a benefit sooner. Until when can he apply for that?",
    "Mijn oncoloog zegt dat genezing er niet in zit en ik ben 30 weken ziek. Ik hoef dan niet de "
    "volle twee jaar te wachten op een uitkering, hoorde ik. Tot wanneer kan ik dat aanvragen?",
    "I am terminally ill and have been off work for 30 weeks. Someone said I don't have to wait "
    "the full two years for a benefit. Until when can I apply?",
])
def test_asked_when_to_apply_for_a_benefit_sooner_the_early_iva_deadline_comes_first(kb_assistant,
                                                                                     story):
    answer = kb_assistant.ask(story, today=date(2026, 12, 1))
    trace = _deadline(answer)
    assert trace["keys"][0] == "vervroegde_iva", trace["keys"]
    line = next(x for x in answer.text.split("\n") if "IVA" in x and x.startswith("- "))
    assert "(week 68)" in line, answer.text


def test_the_early_iva_is_the_next_deadline_only_when_asked_about(kb_assistant):
    # first sick day Sun 1-9-2024, today 23-11-2025 is week 65; the early IVA's application closes
    # at the end of week 68, 1-9-2024 + 475 days = Sat 20-12-2025. It holds only for an employee
    # fully and permanently unable to work, so it is not "the next deadline" of every case.
    case = "Mijn werknemer is ziek sinds 1 september 2024. "
    plain = kb_assistant.ask(case + "Wanneer moet de WIA-aanvraag?", audience="werkgever")
    assert plain.kind == "deadline", plain.text
    assert not plain.text.startswith("**Eerstvolgende termijn: Laatste dag aanvraag vervroegde IVA")
    asked = kb_assistant.ask(case + "Tot wanneer kan hij een vervroegde IVA aanvragen?",
                             audience="werkgever")
    assert asked.text.startswith("**Eerstvolgende termijn: Laatste dag aanvraag vervroegde IVA, "
                                 "uiterlijk zaterdag 20 december 2025"), asked.text


def test_a_first_question_of_its_own_is_answered_beside_a_later_deadline_question(kb_assistant):
    # "tot wanneer mag het doorlopen?" is the deadline part; the duration question before it
    # got lost in the timeline. 14 months before 23-11-2025: first sick day 24-8-2024 at the
    # earliest; the wachttijd's last day is 24-8-2024 + 727 days = Fri 21-8-2026.
    answer = kb_assistant.ask("Ik ben nu 14 maanden ziek. Hoe lang duurt zo'n spoor 2 traject "
                              "gemiddeld, en tot wanneer mag het doorlopen?", audience="werknemer")
    assert answer.trace["path"] == "multi:card+deadline", answer.trace["path"]
    duration, until = answer.text.split("**tot wanneer mag het doorlopen?**")
    assert "spoor 2" in duration.lower() and "Eerstvolgende termijn" not in duration
    assert "**Einde wachttijd (104 weken)**: uiterlijk vrijdag 21 augustus 2026" in until


def test_counting_periods_together_beside_a_deadline_question_is_answered_by_the_timeline(
        kb_assistant):
    # with a recovery between two sick periods "Tellen we samen?" is about these dates: the
    # timeline answers it (a gap of 28 days or more starts a new period), not a worked example
    answer = kb_assistant.ask("Werknemer ziek sinds 2 februari 2026, hersteld vanaf 1 juni 2026, "
                              "opnieuw ziek op 30 juni 2026. Tellen we samen? Geef de nieuwe "
                              "termijnen.", audience="werkgever", today=date(2026, 7, 1))
    trace = _deadline(answer)
    assert [e[0] for e in trace["episodes"]] == ["2026-02-02", "2026-06-30"]


def test_until_when_after_an_answer_on_the_early_iva_gives_its_week_68(kb_assistant):
    history = [
        {"role": "user", "content": "mijn vader is ongeneeslijk ziek, hij is 5 maanden thuis. "
                                    "moet hij echt 2 jaar wachten op een uitkering?"},
        {"role": "assistant", "content": "Niet altijd. Is er geen of nauwelijks kans op herstel, "
                                         "dan kan hij een vervroegde IVA-uitkering aanvragen."}]
    answer = kb_assistant.ask("tot wanneer kan dat?", history, audience="werknemer")
    assert _deadline(answer)["keys"][0] == "vervroegde_iva"
    assert "(week 68)" in answer.text


@pytest.mark.parametrize("question", [
    "Onze directeur verdient 9.500 euro bruto per maand en is sinds april ziek. Ik moet "
    "weten wat we hem in het tweede ziektejaar minimaal moeten betalen. Hoe bereken ik dat?",
    # "betaald": the vowel doubles
    "Onze directeur is sinds 1 april ziek. Hoe bereken ik wat hij in het tweede ziektejaar "
    "minimaal betaald krijgt?",
])
def test_a_sum_of_money_is_not_answered_with_dates_even_with_a_first_sick_day(kb_assistant,
                                                                               question):
    answer = kb_assistant.ask(question, audience="werkgever")
    assert answer.kind != "deadline", answer.text
    assert "70" in answer.text


@pytest.mark.parametrize("question", [
    "Ik ben sinds februari ziek en werk nu 3 ochtenden in mijn eigen functie. Wanneer ben je "
    "eigenlijk officieel hersteld?",
    "I have been off sick since 2 March. I work two mornings a week again on the company "
    "doctor's advice. When do I officially count as recovered?",
])
def test_when_one_counts_as_recovered_is_no_question_for_a_timeline(kb_assistant, question):
    answer = kb_assistant.ask(question, audience="werknemer")
    assert answer.kind != "deadline", answer.text
    # the card that says what recovery is: only full recovery ends the period
    assert re.search(r"volledig (beter|herstel)|full recovery", answer.text), answer.text


def test_a_deadline_question_with_typos_in_the_step_and_the_month_gets_its_date(kb_assistant):
    """"aanpkak", "werkneemer", "novmber": read with its typos corrected, not answered with a
    general card that makes the asker count the weeks."""
    answer = kb_assistant.ask("wanneer moet het plan van aanpkak klaar zijn, mijn werkneemer is "
                              "sinds 3 novmber ziek", audience="werkgever")
    trace = _deadline(answer)
    assert trace["period_start"] == "2025-11-03"
    # plan van aanpak: end of week 8 = 03-11-2025 + 55 days = 28-12-2025
    milestones = {m["key"]: m["date"] for m in trace["milestones"]}
    assert milestones["plan_van_aanpak"] == "2025-12-28"


def test_a_first_sick_day_with_a_typo_told_earlier_gives_the_dates_of_a_follow_up(kb_assistant):
    """"sinds 3 novmber ziek" in the first message: the deadline follow-up counts from it, as it
    would from a date written without the typo, instead of a card that makes the asker count."""
    history = [
        {"role": "user", "content": "mijn werkneemer is sinds 3 novmber ziek, wat moet ik nu "
                                    "doen?"},
        {"role": "assistant", "content": "Als werkgever moet u het loon doorbetalen en de "
                                         "bedrijfsarts inschakelen."}]
    answer = kb_assistant.ask("en wanneer moet het plan van aanpak klaar zijn?", history,
                              audience="werkgever")
    trace = _deadline(answer)
    assert trace["period_start"] == "2025-11-03"
    assert "uiterlijk zondag 28 december 2025" in answer.text


@pytest.mark.parametrize(("first_day", "left"), [
    ("14 oktober 2025", "(nog 1 dag)"),  # week 6 ends on 14-10-2025 + 41 days = 24-11-2025
    ("13 oktober 2025", "(vandaag)"),  # ... and on 23-11-2025, today
])
def test_the_next_deadline_says_one_day_and_today_in_words(kb_assistant, first_day, left):
    """Not "nog 1 dagen" or "nog 0 dagen" at the top of the answer."""
    answer = kb_assistant.ask(f"wanneer moet de probleemanalyse klaar zijn? mijn werknemer is ziek "
                              f"sinds {first_day}", audience="werkgever", today=date(2025, 11, 23))
    first_line = answer.text.splitlines()[0]
    assert first_line.startswith("**Eerstvolgende termijn: Probleemanalyse"), first_line
    assert left in first_line, first_line


@pytest.mark.parametrize(("question", "said", "not_said"), [
    ("Mijn werknemer is sinds 3 november 2025 ziek. Wanneer moet spoor 2 starten?",
     "Eerstvolgende termijn: Start spoor 2 (praktijknorm), uiterlijk", "(uiterlijk), uiterlijk"),
    ("My employee has been sick since 3 November 2025. When must track 2 start?",
     "Next deadline: Start of track 2 (practice norm), by", "(at the latest), by"),
])
def test_the_next_deadline_does_not_say_at_the_latest_twice(kb_assistant, question, said, not_said):
    """... and says that the start of track 2 is a practice norm, not a legal deadline."""
    answer = kb_assistant.ask(question, audience="werkgever", today=date(2026, 12, 5))
    first_line = answer.text.splitlines()[0]
    assert said in first_line and not_said not in first_line, first_line


def test_report_him_to_uwv_asks_for_the_42nd_week_notification(kb_assistant):
    history = [
        {"role": "user", "content": "My employee has been sick since Monday 16 March 2026. When "
                                    "should the problem analysis have been done?"},
        {"role": "assistant", "content": "By the end of week 6 of the illness."}]
    answer = kb_assistant.ask("ok and when do I have to report him to UWV?", history,
                              audience="werkgever", today=date(2026, 12, 5))
    assert _deadline(answer)["keys"] == ["ziekmelding_uwv"]
    assert "by Monday 4 January 2027 (week 42)" in answer.text


def _after(first_message: str, said: str) -> list[dict]:
    return [{"role": "user", "content": first_message}, {"role": "assistant", "content": said}]


def test_whether_a_step_not_done_is_a_problem_gets_its_passed_date(kb_assistant):
    # first sick day Friday 13-02-2026: week 42 ends Thursday 03-12-2026, the notification was due
    # on the first working day after it, Friday 04-12-2026; on 07-12-2026 it is late
    history = _after("Onze receptioniste is sinds vrijdag 13 februari ziek.",
                     "Dan heeft de werkgever rond dit moment een melding bij UWV te doen.")
    answer = kb_assistant.ask("we hebben nog helemaal niks naar het uwv gestuurd. is dat een "
                              "probleem?", history, audience="werkgever", today=date(2026, 12, 7))
    assert _deadline(answer)["keys"] == ["ziekmelding_uwv"]
    line = next(x for x in answer.text.split("\n") if x.startswith("- **42e-weeksmelding"))
    assert "4 december 2026" in line and "al verstreken" in line and "boete" in line
    assert answer.text.startswith(
        "**42e-weeksmelding bij UWV: die termijn is al verstreken (uiterlijk vrijdag 4 december "
        "2026). Alsnog zo snel mogelijk doen is de volgende stap.**"), answer.text


def test_whether_the_early_iva_can_still_be_applied_for_gets_its_passed_last_day(kb_assistant):
    # first sick day Monday 07-04-2025: week 68 ends Sunday 26-07-2026, long before 07-12-2026
    history = _after("ik ben sinds maandag 7 april 2025 ziek. mijn cardioloog zegt dat herstel er "
                     "niet in zit.", "Daarvoor bestaat een aparte route naar een IVA-uitkering.")
    answer = kb_assistant.ask("kan ik die nog aanvragen?", history, audience="werknemer",
                              today=date(2026, 12, 7))
    assert _deadline(answer)["keys"][0] == "vervroegde_iva"
    assert answer.text.startswith(
        "**Laatste dag aanvraag vervroegde IVA: die termijn is al verstreken (uiterlijk zondag 26 "
        "juli 2026). Nu geldt de gewone wachttijd van 104 weken.**"), answer.text
    line = next(x for x in answer.text.split("\n") if x.startswith("- **Laatste dag aanvraag"))
    assert "26 juli 2026 (week 68)" in line and "al verstreken" in line


def test_whether_there_is_still_time_for_the_step_the_answer_named_leads_with_yes(kb_assistant):
    # first sick day Thursday 19-02-2026: week 42 runs Thursday 03-12 to Wednesday 09-12-2026,
    # so the notification is due Thursday 10-12-2026, three days after Monday 07-12-2026
    history = _after("Onze kok is sinds donderdag 19 februari ziek. Ze werkt soms een paar uur.",
                     "Dan loopt de termijn gewoon door. Rond deze tijd moet u haar als langdurig "
                     "zieke melden bij UWV.")
    answer = kb_assistant.ask("Tot hoelang heb ik daarvoor nog de tijd?", history,
                              audience="werkgever", today=date(2026, 12, 7))
    first = answer.text.split("\n")[0]
    assert first == ("**42e-weeksmelding bij UWV: u bent nog op tijd, uiterlijk donderdag 10 "
                     "december 2026 (nog 3 dagen).**"), answer.text
    assert "Eerstvolgende termijn" not in answer.text  # the same step: said once


def test_whether_one_is_late_with_a_practice_norm_says_it_is_one(kb_assistant):
    # first sick day Monday 01-12-2025: the EJE by week 52, spoor 2 six weeks later (practice)
    history = _after("Mijn werknemer is ziek sinds 1 december 2025.",
                     "Dan moet u na de eerstejaarsevaluatie spoor 2 starten.")
    answer = kb_assistant.ask("zijn we al te laat met spoor 2?", history, audience="werkgever",
                              today=date(2026, 12, 7))
    assert answer.text.startswith("**Start spoor 2 (praktijknorm): u bent nog op tijd"), answer.text


def test_whether_there_is_still_time_is_answered_in_english_too(kb_assistant):
    history = _after("My employee has been sick since Thursday 19 February 2026.",
                     "Around this time you must report her to UWV as long-term sick.")
    answer = kb_assistant.ask("Do we still have time for that?", history, audience="werkgever",
                              today=date(2026, 12, 7))
    assert answer.text.startswith("**Report long-term sickness to UWV (42nd-week report): you are "
                                  "still in time, by Thursday 10 December 2026 (3 days left).**"), \
        answer.text


def test_whether_an_employee_still_has_time_to_apply_is_answered_in_the_je_voice(kb_assistant):
    # first sick day Wednesday 26-02-2025: week 93 ends Tuesday 08-12-2026
    history = _after("Ik ben sinds woensdag 26 februari 2025 ziek.",
                     "Lees het verslag goed door. Het hoort bij je aanvraag.")
    answer = kb_assistant.ask("Ik had het nog niet aangevraagd, ik dacht dat dat pas aan het eind "
                              "van de twee jaar hoefde. Heb ik nog even?", history,
                              audience="werknemer", today=date(2026, 12, 7))
    assert answer.text.startswith("**WIA-aanvraag indienen: je bent nog op tijd, uiterlijk dinsdag "
                                  "8 december 2026 (nog 1 dag).**"), answer.text


def test_whether_pay_runs_on_into_next_month_gets_the_end_of_the_waiting_period(kb_assistant):
    # first sick day Wednesday 18-12-2024: week 104 ends Tuesday 15-12-2026
    history = _after("Mijn medewerkster is ziek sinds woensdag 18 december 2024. Haar "
                     "WIA-aanvraag is op tijd verstuurd.",
                     "UWV beoordeelt nu uw re-integratieverslag.")
    answer = kb_assistant.ask("En moet ik haar in januari nog salaris betalen?", history,
                              audience="werkgever", today=date(2026, 12, 7))
    line = next(x for x in answer.text.split("\n") if x.startswith("- **Einde wachttijd"))
    assert "15 december 2026" in line and "loonsanctie" in line


def test_whether_pay_still_runs_after_the_two_years_gets_the_end_of_the_waiting_period(
        kb_assistant):
    # first sick day Monday 09-12-2024: week 104 ends Sunday 06-12-2026
    history = _after("Onze chauffeur is ziek sinds maandag 9 december 2024.",
                     "Dan beoordeelt UWV nu het recht op een WIA-uitkering.")
    answer = kb_assistant.ask("UWV heeft niks over een sanctie gezegd. moet ik hem nog "
                              "doorbetalen?", history, audience="werkgever",
                              today=date(2026, 12, 7))
    line = next(x for x in answer.text.split("\n") if x.startswith("- **Einde wachttijd"))
    assert "6 december 2026" in line and "al verstreken" in line


def test_until_when_one_is_protected_gets_the_end_of_the_ban_and_its_exceptions(kb_assistant):
    # first sick day Tuesday 16-09-2025: week 104 ends Monday 13-09-2027
    history = _after("ik ben ziek sinds dinsdag 16 september 2025. mijn teamleider begint over "
                     "afscheid nemen",
                     "Een werkgever kan een zieke werknemer niet zomaar ontslaan.")
    answer = kb_assistant.ask("tot wanneer ben ik dan beschermd?", history, audience="werknemer",
                              today=date(2026, 12, 7))
    assert _deadline(answer)["keys"] == ["einde_wachttijd"]
    assert "13 september 2027" in answer.text
    assert "instemming van de werknemer, een dringende reden" in answer.text


def test_whether_the_early_iva_still_makes_sense_gets_its_passed_last_day(kb_assistant):
    # first sick day Tuesday 29-07-2025: week 68 ends Monday 16-11-2026, before 07-12-2026
    history = _after("Ik ben sinds dinsdag 29 juli 2025 ziek. Werken lukt helemaal niet.",
                     "Je werkgever betaalt in die periode je loon door.")
    answer = kb_assistant.ask("Mijn zus las iets over een vervroegde IVA. Heeft dat voor mij nog "
                              "zin?", history, audience="werknemer", today=date(2026, 12, 7))
    assert answer.text.startswith(
        "**Laatste dag aanvraag vervroegde IVA: die termijn is al verstreken (uiterlijk maandag 16 "
        "november 2026). Nu geldt de gewone wachttijd van 104 weken.**"), answer.text


def test_how_a_named_step_stands_in_our_case_gets_its_date(kb_assistant):
    # first sick day Monday 16-02-2026: week 42 ends Sunday 06-12-2026, so the notification is due
    # the first working day after it, Monday 07-12-2026: today
    history = _after("Onze planner is sinds maandag 16 februari 2026 ziek. Het plan van aanpak "
                     "loopt.", "Het plan van aanpak stuurt u niet naar UWV.")
    answer = kb_assistant.ask("En de uwv-melding, hoe zit het daarmee bij ons?", history,
                              audience="werkgever", today=date(2026, 12, 7))
    assert answer.text.startswith("**42e-weeksmelding bij UWV: u bent nog op tijd, uiterlijk "
                                  "maandag 7 december 2026 (vandaag).**"), answer.text
    # ... a thing that is no step, asked the same way, is no timeline
    other = kb_assistant.ask("En de kosten, hoe zit het daarmee bij ons?", history,
                             audience="werkgever", today=date(2026, 12, 7))
    assert other.kind != "deadline", other.text


@pytest.mark.parametrize("question", [
    "Is it still possible to get a second opinion?",
    "Is dat nog mogelijk, een deskundigenoordeel?",
])
def test_whether_something_unnamed_is_still_possible_is_not_the_step_the_answer_named(kb_assistant,
                                                                                     question):
    history = _after("My employee has been sick since 3 March 2026.",
                     "Then he is now in week 40. Soon you must report him to UWV.")
    answer = kb_assistant.ask(question, history, audience="werkgever", today=date(2026, 12, 7))
    assert answer.kind != "deadline", answer.text


@pytest.mark.parametrize("question", [
    "kan ik die nog aanvragen?",  # no first sick day told: the card on the early IVA
    "we hebben het plan van aanpak pas in week 10 gemaakt. is dat een probleem?",  # it was done
])
def test_whether_still_open_without_a_sick_day_told_or_with_the_step_done_is_no_timeline(
        kb_assistant, question):
    history = _after("Mijn werknemer wordt nooit meer beter.", "Dan is er de vervroegde IVA.")
    answer = kb_assistant.ask(question, history, audience="werkgever", today=date(2026, 12, 7))
    assert answer.kind != "deadline", answer.text


@pytest.mark.parametrize("question", [
    "kan ik nog een deskundigenoordeel aanvragen?",  # something else to apply for
    "mag ik nog vakantie aanvragen?",
    "can I still apply for the no-risk policy?",
    "moet ik hem nog doorbetalen als hij niet meewerkt?",  # a case of its own: its card
    "we hebben nog geen plan van aanpak gemaakt. is dat een probleem?",  # the card on the plan
])
def test_whether_something_else_is_still_open_after_a_sick_day_is_no_timeline(kb_assistant,
                                                                             question):
    history = _after("Mijn werknemer is ziek sinds 3 maart 2026.", "Dan is hij nu in week 40.")
    answer = kb_assistant.ask(question, history, audience="werkgever", today=date(2026, 12, 7))
    assert answer.kind != "deadline", answer.text


def test_a_step_told_done_is_shown_done_and_the_next_one_counted_from_it(kb_assistant):
    # first sick day Thursday 15-10-2026; probleemanalyse on Tuesday 24-11-2026, so the plan van
    # aanpak is due two weeks later, Tuesday 08-12-2026 (not the end of week 8, Wednesday 09-12)
    history = _after("Een van onze magazijnmedewerkers zit sinds donderdag 15 oktober thuis. De "
                     "bedrijfsarts heeft hem op dinsdag 24 november gezien en de probleemanalyse "
                     "gemaakt.", "De volgende stap is het plan van aanpak.")
    answer = kb_assistant.ask("Oké, we hebben nog helemaal niks op papier staan. Zijn we nu al te "
                              "laat?", history, audience="werkgever", today=date(2026, 12, 7))
    assert answer.text.startswith("**Plan van aanpak opstellen: u bent nog op tijd, uiterlijk "
                                  "dinsdag 8 december 2026 (nog 1 dag).**"), answer.text
    line = next(x for x in answer.text.split("\n") if x.startswith("- **Probleemanalyse"))
    assert "gedaan op dinsdag 24 november 2026" in line and "verstreken" not in line


# A moment a step is planned for, asked whether it is in time (assistant/answering/planned.py)
def test_a_first_year_evaluation_planned_after_its_last_day_is_too_late(kb_assistant):
    # 19-03-2025 + 363 days: the end of week 52 is Tuesday 17 March 2026; "eind april" is April 2026
    told = [{"role": "user", "content": "Ik ben sinds woensdag 19 maart 2025 ziek."},
            {"role": "assistant", "content": "Je werkgever en jij evalueren het plan regelmatig."}]
    answer = kb_assistant.ask("HR wil het evaluatiegesprek over het eerste jaar eind april "
                              "plannen. Is dat niet aan de late kant?", told, audience="werknemer")
    assert answer.kind == "deadline", answer.text
    assert answer.text.startswith("**Eerstejaarsevaluatie (EJE): eind april 2026 is te laat. De "
                                  "uiterste datum is dinsdag 17 maart 2026 (nog 114 dagen).**")


def test_a_wia_application_planned_around_its_last_day_is_in_time_only_before_it(kb_assistant):
    # 03-04-2024 + 650 days: the end of week 93 is Tuesday 13 January 2026
    told = [{"role": "user", "content": "Onze receptioniste is sinds woensdag 3 april 2024 ziek. "
                                        "Ze kreeg een brief van UWV over de WIA-aanvraag."},
            {"role": "assistant", "content": "Die aanvraag doet zij zelf, met het verslag."}]
    answer = kb_assistant.ask("Ze wil het begin januari regelen. Is dat op tijd?", told,
                              audience="werkgever")
    assert answer.text.startswith("**WIA-aanvraag indienen: begin januari 2026 is alleen op tijd "
                                  "als het uiterlijk dinsdag 13 januari 2026 gebeurt"), answer.text


def test_the_letter_stands_for_the_application_and_a_plan_before_its_day_is_in_time(kb_assistant):
    told = [{"role": "user", "content": "My receptionist has been off sick since Wednesday 3 April "
                                        "2024. She got the UWV letter about WIA."},
            {"role": "assistant", "content": "The application is hers to make."}]
    answer = kb_assistant.ask("She wants to send it in early December. Is that okay with us?",
                              told, audience="werkgever")
    assert answer.text.startswith("**Submit the WIA application: early December 2025 is in time; "
                                  "the last day is Tuesday 13 January 2026 (51 days left).**")


def test_a_month_the_sickness_began_in_is_not_a_planned_moment():
    from assistant.answering.planned import planned_moment

    today = date(2025, 11, 23)
    assert planned_moment("Ik ben sinds maart ziek. Is dat te laat?", today) is None
    assert planned_moment("Hij is op 3 maart ziek geworden.", today) is None
    assert planned_moment("We doen het in maart. Is dat goed?", today).first == date(2026, 3, 1)


def test_how_long_one_is_bound_to_the_pay_gets_the_end_of_the_104_weeks(kb_assistant):
    # 08-01-2025 + 727 days: the last day of week 104 is Tuesday 5 January 2027
    told = [{"role": "user", "content": "Onze kapster is sinds woensdag 8 januari 2025 ziek."},
            {"role": "assistant",
             "content": "Zolang de wachttijd loopt, betaalt u haar loon door."}]
    answer = kb_assistant.ask("Hoelang zit ik daar nog aan vast? Ik moet mijn begroting rond "
                              "krijgen.", told, audience="werkgever")
    assert answer.kind == "deadline", answer.text
    assert ("**Einde wachttijd (104 weken)**: uiterlijk dinsdag 5 januari 2027 (week 104)"
            in answer.text)
    assert "langer bij een loonsanctie" in answer.text


def test_how_long_one_is_bound_to_something_else_is_no_end_of_pay(kb_assistant):
    told = [{"role": "user", "content": "Onze kapster is sinds woensdag 8 januari 2025 ziek."},
            {"role": "assistant", "content": "Een re-integratiebureau begeleidt haar in spoor 2."}]
    answer = kb_assistant.ask("Hoelang zit ik nog vast aan dat bureau?", told, audience="werkgever")
    assert "**Einde wachttijd (104 weken)**" not in answer.text


def test_whether_a_step_is_due_yet_is_about_the_first_step_still_ahead(kb_assistant):
    # 22-10-2025 + 41 days: the probleemanalyse is due by the end of week 6, Tuesday 2 December
    told = [{"role": "user", "content": "Onze kok is sinds woensdag 22 oktober 2025 ziek."},
            {"role": "assistant",
             "content": "Dan schakelt u de bedrijfsarts in voor een probleemanalyse. Daarna stelt "
                        "u een plan van aanpak op."}]
    answer = kb_assistant.ask("Moet dat nu al? We zitten midden in de drukte.", told,
                              audience="werkgever")
    assert answer.text.startswith("**Probleemanalyse door de bedrijfsarts: u bent nog op tijd, "
                                  "uiterlijk dinsdag 2 december 2025 (nog 9 dagen).**"), answer.text


def test_whether_uwv_must_hear_of_it_yet_skips_the_steps_already_passed(kb_assistant):
    # 19-02-2025 + 293 days: week 42 ends Tuesday 9 December; the notification is due the next
    # working day, Wednesday 10 December 2025 (the plan van aanpak named first is long past)
    told = [{"role": "user", "content": "Een chauffeur is sinds woensdag 19 februari 2025 ziek."},
            {"role": "assistant",
             "content": "Blijf het plan van aanpak regelmatig evalueren. Daarnaast meldt u de "
                        "werknemer op een vast moment als langdurig ziek bij UWV."}]
    answer = kb_assistant.ask("Moet UWV hier nu al iets over horen?", told, audience="werkgever")
    assert answer.text.startswith("**42e-weeksmelding bij UWV: u bent nog op tijd, uiterlijk "
                                  "woensdag 10 december 2025 (nog 17 dagen).**"), answer.text
