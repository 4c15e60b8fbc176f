"""Reading a message: its question(s), its language, who asks, and what a follow-up refers to."""
from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.understanding import (
    core_questions,
    corrected_question,
    is_question,
    language_asked,
    read_turn,
    split_parts,
)

STORY = ("Sinds de zomer zit ik thuis, ik zorg ook nog voor mijn moeder en de trein is duur, en nu moet ik "
         "elke week naar een coach van het bureau. Moet ik die reiskosten zelf betalen?")


def test_a_story_is_retrieved_on_the_question_it_asks_not_on_its_loudest_words():
    turn = read_turn(STORY)
    (part,) = turn.parts
    assert "moeder" not in part and "trein" not in part
    assert "reiskosten" in part and "coach" in part  # "die" keeps what it points back to
    assert turn.audience == "werknemer"
    # the question leads the query; the rest of the story follows only as weak context
    assert turn.query.startswith(part) and turn.query.index("moeder") > len(part)


def test_a_story_lends_its_words_to_a_question_that_names_no_subject():
    turn = read_turn("Ik ben 20 weken zwanger en zit sinds drie weken ziek thuis door zwangerschapsklachten, "
                     "mijn werk in de thuiszorg lukt niet meer. Mijn leidinggevende zei vandaag dat mijn twee "
                     "jaar ziekte nu dus ook al lopen. Klopt dat eigenlijk wel?")
    assert "zwanger" in turn.query and "zwangerschapsklachten" in turn.query
    story = turn.query[turn.query.rindex("("):]
    assert story.count("zwanger ") <= 1  # the story's words each once


DECLAN = ("I run a small architecture practice in Haarlem. Our draughtsman had a stroke last March and has been "
          "off sick ever since. My wife and I are renovating a canal house, and our daughter is getting married "
          "in Galway next summer. Our HR consultant says the big report for UWV must be ready very soon. What "
          "is the latest point for that report, counted in weeks of sickness?")


def test_a_long_question_that_points_at_a_thing_by_name_is_read_with_the_sentence_naming_it():
    (part,) = read_turn(DECLAN).parts
    assert part.startswith("Our HR consultant says the big report for UWV"), part


def test_a_storys_question_also_chooses_its_card_on_its_own_words():
    # the story's words widen the search; the question's own words weigh in on the card
    turn = read_turn(DECLAN)
    assert turn.story and turn.query != turn.parts[0]
    assert turn.own_words(0) == turn.parts[0]
    assert read_turn("Wanneer moet spoor 2 starten?").own_words(0) is None


def test_a_verb_after_that_is_not_a_thing_the_story_named():
    turn = read_turn("Our planner has been off sick since May. My bookkeeper says the two-year sick-pay period "
                     "is still counting. Is that right? And if he ends up working full-time in a lighter, "
                     "different role here, does that count as him being recovered?")
    assert "bookkeeper" not in turn.parts[-1], turn.parts


def test_a_question_that_points_back_is_read_with_the_sentence_that_names_its_subject():
    """Not with the emotion right before it: "hieraan" is the spoor 2 of two sentences back."""
    turn = read_turn("Ik werk al 14 jaar bij de gemeente en ben sinds januari ziek. Gisteren zei mijn "
                     "teamleider dat ze spoor 2 gaan inzetten, en dat er een bureau gaat bellen. Ik "
                     "schrok me echt rot, mijn collega's zijn mijn tweede familie. Moet ik hieraan meewerken?")
    (part,) = turn.parts
    assert "spoor 2" in part and "familie" not in part and part.endswith("Moet ik hieraan meewerken?")
    # with no subject of ours before it, the sentence right before it still says what it is about
    assert "moeder" in read_turn("Ik zorg voor mijn moeder. Mag dat?").parts[0]


def test_two_questions_joined_by_en_and_a_verb_become_two_parts():
    turn = read_turn("Vanochtend kregen we een loonsanctie van 52 weken. Kunnen we hier iets tegen doen en "
                     "moeten we nu echt nog een jaar haar salaris betalen?")
    assert len(turn.parts) == 2 and turn.parts[1].startswith("moeten we nu echt")
    assert "loonsanctie" in turn.parts[0]  # "hier" is the sanction
    assert split_parts("Ik ben ziek en heb een vraag") == ["Ik ben ziek en heb een vraag"]


def test_two_questions_in_one_message_become_two_parts_in_the_order_asked():
    turn = read_turn("Wanneer moet spoor 2 starten en wat kost dat?")
    assert turn.parts == ("Wanneer moet spoor 2 starten", "wat kost dat?")
    assert "spoor 2" in turn.queries[1]  # "dat" is spoor 2
    assert read_turn("Wat kost spoor 2? En wie betaalt de jobcoach?").parts == (
        "Wat kost spoor 2?", "En wie betaalt de jobcoach?")
    assert split_parts("wat is spoor 2, moet ik daar aan meedoen en wie betaalt dat?") == [
        "wat is spoor 2", "moet ik daar aan meedoen", "wie betaalt dat?"]
    # a condition before the comma asks nothing of its own
    assert split_parts("Als hij niet meewerkt, moet ik dan iets doen?") == [
        "Als hij niet meewerkt, moet ik dan iets doen?"]


def test_phone_shorthand_questions_joined_by_an_ampersand_become_two_parts():
    """"wnr" opens a question as "wanneer" does, and "&" joins two as "en" does."""
    assert read_turn("wia aanvr gedaan. wnr moet t er uiterlijk zijn & hoe lang duurt t voor ze beslissen").parts == (
        "wnr moet t er uiterlijk zijn", "hoe lang duurt t voor ze beslissen")
    assert split_parts("Jansen & Zn is ons bedrijf, moet ik spoor 2 starten?") == [
        "Jansen & Zn is ons bedrijf, moet ik spoor 2 starten?"]


def test_a_later_part_that_names_its_own_subject_is_read_on_it():
    turn = read_turn("hoe lang moet mijn werkgever mijn loon doorbetalen, en kan hij mij in die tijd ontslaan?")
    assert turn.queries[1] == "kan hij mij in die tijd ontslaan?"


def test_a_later_part_that_names_no_subject_of_ours_is_read_with_the_first_parts_subject():
    turn = read_turn("Wanneer moet ik die melding na 42 weken bij UWV doen en wat gebeurt er als ik die mis?")
    assert "42 weken" in turn.queries[1] and "melding" in turn.queries[1]
    turn = read_turn("Mag spoor 2 al in het eerste ziektejaar beginnen, en wat gebeurt er als ik er te laat mee begin?")
    assert "spoor 2" in turn.queries[1]
    # money is a subject of ours: "that" is the dismissal, but the money is what it asks about
    turn = read_turn("Can my employer fire me while I'm on sick leave? And do I get any money when that happens?")
    assert turn.queries[1] == turn.parts[1]
    # in a story, a part that asks about the whole story keeps the story as its context
    turn = read_turn("Onze schoonmaker is al ruim een jaar ziek met rugklachten. We hebben hem een functie als "
                     "receptionist aangeboden, zittend werk. Hij weigert. Wie bepaalt wie er gelijk heeft? "
                     "Wat kunnen we doen?")
    assert "receptionist" in turn.queries[-1]


def test_at_most_three_parts_and_short_tails_stay_attached():
    assert len(read_turn("Wie betaalt? En wat kost het? En hoe lang duurt het? En wie kiest het bureau?").parts) == 3
    assert split_parts("Mag ik kiezen en hoe?") == ["Mag ik kiezen en hoe?"]
    # a short tail is joined in the question's own language
    assert split_parts("What does spoor 2 cost, and who pays?") == ["What does spoor 2 cost and who pays?"]


def test_a_follow_up_that_names_its_own_subject_is_retrieved_on_it():
    history = [{"role": "user", "content": "Wat doet de bedrijfsarts bij langdurig verzuim?"},
               {"role": "assistant", "content": "De bedrijfsarts maakt de probleemanalyse."}]
    assert read_turn("en een arbeidsdeskundige?", history).query == "en een arbeidsdeskundige?"
    # pointing back, or naming only who asks: still read with the question before it
    assert "bedrijfsarts" in read_turn("en als hij niet meewerkt?", history).query
    assert "bedrijfsarts" in read_turn("en voor de werknemer?", history).query
    # "dan" and "daarvoor" point at a circumstance; the subject is still named in the follow-up
    story = [{"role": "user", "content": "Mijn werknemer is 14 maanden ziek en spoor 2 is nooit gestart."},
             {"role": "assistant", "content": "Dan kan UWV een loonsanctie opleggen."}]
    # "zo'n sanctie" names what it points at: the story about spoor 2 would pull the search back
    # to how long spoor 2 lasts (the step is spelled out as the answer named it)
    assert read_turn("hoe lang kan zo'n sanctie dan duren?", story).query == "hoe lang kan zo'n loonsanctie dan duren?"
    assert read_turn("and how long can such a sanction last?", story).query == "how long can such a sanction last?"
    assert "spoor 2" in read_turn("gaat dat dan omlaag?", story).query
    # a named subject beside a circumstance ("daar") or a vague noun ("dat geld") still needs the story
    assert "spoor 2" in read_turn("moet die bedrijfsarts zich daar aan houden?", story).query
    assert "spoor 2" in read_turn("krijgt hij dat geld later terug?", story).query


@pytest.mark.parametrize("message, parts", [
    ("Ik heb 2 vragen: 1) wie betaalt de coach 2) moet ik solliciteren terwijl ik ziek ben",
     ["wie betaalt de coach", "moet ik solliciteren terwijl ik ziek ben"]),
    ("Twee vragen: wanneer moet het plan van aanpak klaar zijn, en wie stelt het op?",
     ["wanneer moet het plan van aanpak klaar zijn", "wie stelt het op?"]),
    ("Wat kost een deskundigenoordeel, hoe lang duurt het, en is het bindend?",
     ["Wat kost een deskundigenoordeel", "hoe lang duurt het", "is het bindend?"]),
    ("Moet ik haar na twee jaar ontslaan, en zo ja, krijg ik de transitievergoeding terug?",
     ["Moet ik haar na twee jaar ontslaan", "krijg ik de transitievergoeding terug?"]),
])
def test_numbered_announced_and_listed_questions_become_parts(message, parts):
    assert list(read_turn(message).parts) == parts


@pytest.mark.parametrize(("message", "parts"), [
    ("Roughly what does a track 2 programme cost, and is it correct that this is entirely for my account?",
     ["Roughly what does a track 2 programme cost", "is it correct that this is entirely for my account?"]),
    ("Oké, maar wie betaalt de coach en wat kost die?", ["Oké, maar wie betaalt de coach", "wat kost die?"]),
    # a preposition before the question word
    ("Voor wanneer moet de probleemanalyse klaar zijn, wie maakt die, en wat komt er daarna?",
     ["Voor wanneer moet de probleemanalyse klaar zijn", "wie maakt die", "wat komt er daarna?"]),
    ("Met wie moet ik praten over spoor 2 en wat kost dat?", ["Met wie moet ik praten over spoor 2", "wat kost dat?"]),
])
def test_two_questions_after_a_word_before_the_question_are_two_parts(message, parts):
    assert split_parts(message) == parts


@pytest.mark.parametrize("message", ["reintegration report deadline", "sick leave letter week 88",
                                     "recovered during track 2"])
def test_english_keywords_on_a_dutch_page_are_read_as_english(message):
    assert read_turn(message, language="nl").language == "en"


@pytest.mark.parametrize("message", ["wat is de deadline voor de probleemanalyse", "rol arboarts", "PvA week 8"])
def test_dutch_with_a_loanword_stays_dutch(message):
    assert read_turn(message, language="nl").language == "nl"


def test_a_condition_before_a_comma_is_not_a_question_of_its_own():
    assert split_parts("Als hij niet meewerkt, wat kan ik dan doen?") == ["Als hij niet meewerkt, wat kan ik dan doen?"]


@pytest.mark.parametrize(("message", "parts"), [
    ("Wanneer hij weer ziek wordt, moet ik dan opnieuw beginnen en wat kost dat?",
     ["Wanneer hij weer ziek wordt, moet ik dan opnieuw beginnen", "wat kost dat?"]),
    ("When she comes back, do we have to start again?", ["When she comes back, do we have to start again?"]),
])
def test_a_when_clause_with_its_subject_is_the_condition_of_the_question_after_it(message, parts):
    assert split_parts(message) == parts


def test_an_english_question_after_a_comma_is_a_part_of_its_own():
    assert split_parts("What is a plan van aanpak, do I have to agree to it, and what if it is wrong?") == [
        "What is a plan van aanpak", "do I have to agree to it", "what if it is wrong?"]


def test_a_question_after_a_comma_that_opens_with_a_preposition_is_a_part_of_its_own():
    """"..., rond welk moment stuurt UWV mij een brief, ..." stayed in the first part, whose card
    answered the letter and left "how long is the waiting period" unanswered."""
    assert split_parts("Hoe lang is de wachttijd voor de WIA, rond welk moment stuurt UWV mij een brief, en "
                       "hoe lang duurt het voordat ze beslissen?") == [
        "Hoe lang is de wachttijd voor de WIA", "rond welk moment stuurt UWV mij een brief",
        "hoe lang duurt het voordat ze beslissen?"]
    assert split_parts("How long is the waiting period, at what point does UWV write to me?") == [
        "How long is the waiting period", "at what point does UWV write to me?"]
    # a statement before the comma stays with its question
    assert split_parts("Ik ben ziek, in welke week moet ik de WIA aanvragen?") == [
        "Ik ben ziek, in welke week moet ik de WIA aanvragen?"]


def test_a_follow_up_asking_what_a_term_it_names_is_is_read_on_its_own_words():
    """After a story about a burn-out, "... mijn FML ... Wat is dat eigenlijk?" asks about the FML."""
    history = [{"role": "user", "content": "Ik zit sinds september thuis met een burn-out. Volgende week heb ik een "
                                           "afspraak met de arbeidsdeskundige."},
               {"role": "assistant", "content": "De arbeidsdeskundige kijkt naar wat je nog kunt."}]
    turn = read_turn("In de uitnodiging staat dat hij mijn FML gaat bespreken. Wat is dat eigenlijk?", history)
    assert turn.follow_up and "FML" in turn.query and "burn-out" not in turn.query
    # a "what is that?" with no term of its own is still about the conversation
    assert "burn-out" in read_turn("Hij gaat iets bespreken. Wat is dat eigenlijk?", history).query


def test_a_follow_up_is_read_with_the_question_before_it():
    history = [{"role": "user", "content": "Wanneer moet ik met spoor 2 beginnen?"},
               {"role": "assistant", "content": "Uiterlijk zes weken na de eerstejaarsevaluatie."}]
    turn = read_turn("en als ze niet meewerkt?", history)
    assert turn.follow_up and "spoor 2" in turn.query and "meewerkt" in turn.query
    fresh = read_turn("Wat is het verschil tussen een loonstop en een loonopschorting bij ziekte?", history)
    assert not fresh.follow_up and "beginnen" not in fresh.query


def test_a_short_question_that_points_back_with_a_word_of_context_is_a_follow_up():
    history = [{"role": "user", "content": "wat gebeurt er als ik na twee jaar ziek nog steeds niet kan werken?"},
               {"role": "assistant", "content": "Je werkgever kan dan met toestemming van UWV ontslag aanvragen."}]
    turn = read_turn("moet hij dat helemaal zelf betalen? hij heeft een klein bedrijfje", history)
    assert turn.follow_up and "twee jaar ziek" in turn.query
    # a new question of its own is not, however short its sentences
    assert not read_turn("Wat kost een re-integratiebureau voor spoor 2 eigenlijk per maand gemiddeld? "
                         "Wij zijn klein.", history).follow_up


def test_asking_whether_a_step_may_be_skipped_is_not_asking_what_skipping_it_costs():
    """"can't we just skip it?" was read as "what happens if I do not cooperate?"."""
    history = [{"role": "user", "content": "I'm 66 and have been off sick since October last year. My employer "
                                           "now wants to start track 2."},
               {"role": "assistant", "content": "Track 2 means looking for suitable work with another employer."}]
    may = read_turn("but I reach AOW age in early 2028. can't we just skip it?", history, audience="werknemer")
    assert "track 2" in may.query and "cooperate" not in may.query
    # ... while "what if I just skip it?" still asks what leaving it out costs
    assert "not cooperate" in read_turn("and what if I just skip it?", history, audience="werknemer").query


def test_a_storys_later_question_on_a_subject_of_its_own_is_searched_on_its_own_words():
    """"En hoeveel loon moet ik haar dit tweede jaar doorbetalen?" after a story about track 2 got
    the card on skipping track 2: the story's words pulled it back."""
    story = ("Ik heb een kapsalon en een van mijn stylisten heeft sinds vorig jaar ernstig eczeem aan haar "
             "handen. We hebben handschoenen en andere producten geprobeerd. De bedrijfsarts zegt dat terugkeer "
             "in het kappersvak er niet in zit. ")
    turn = read_turn(story + "Wanneer moet ik met spoor 2 beginnen? En hoeveel loon moet ik haar dit tweede "
                             "jaar doorbetalen?", audience="werkgever")
    assert turn.queries[1] == "En hoeveel loon moet ik haar dit tweede jaar doorbetalen?"
    assert "eczeem" in turn.queries[0]
    # a later question on the first one's subject keeps the story
    same = read_turn(story + "Wanneer moet ik met spoor 2 beginnen? En wie betaalt dat spoor 2?",
                     audience="werkgever")
    assert "eczeem" in same.queries[1]
    # ... as does one that points back at it
    back = read_turn(story + "Wanneer moet ik met spoor 2 beginnen? En wat kost zoiets ongeveer?",
                     audience="werkgever")
    assert "eczeem" in back.queries[1]


def test_staying_away_from_a_step_asks_what_not_cooperating_costs():
    """"And if he just won't go?" after an employer asked whether the employee must attend an
    assessment was read as a question about the labour expert's work."""
    history = [{"role": "user", "content": "Our company doctor says an assessment by a labour expert "
                                           "(arbeidsdeskundige) is needed. Can I require my employee to attend?"},
               {"role": "assistant", "content": "Yes. An employee must follow reasonable instructions."}]
    query = read_turn("And if he just won't go?", history, audience="werkgever").query
    assert "does not cooperate" in query and "wage stop" in query, query
    assert "cooperate" not in read_turn("and if it's clear then that he won't come back here?", history,
                                        audience="werkgever").query


def test_what_an_employer_leaving_undone_costs_is_about_the_step_the_answer_named():
    """"en als mijn werkgever dat gewoon niet doet?" after "Wat hoort er nu te gebeuren?" is about
    the spoor 2 the answer named, not the labour expert the story before the question named."""
    history = [{"role": "user", "content": "Ik zit in week 60. De arbeidsdeskundige zegt dat ik niet meer terug "
                                           "kan in mijn eigen functie. Wat hoort er nu te gebeuren?"},
               {"role": "assistant", "content": "Dan hoort je werkgever spoor 2 in te zetten: re-integratie bij "
                                                "een andere werkgever."}]
    query = read_turn("en als mijn werkgever dat gewoon niet doet?", history, audience="werknemer").query
    assert "spoor" in query and "loonsanctie" in query and "arbeidsdeskundige" not in query, query


def test_a_longer_question_that_points_back_and_names_nothing_of_ours_is_a_follow_up():
    # 21 words: read alone, it was declined as medical advice (probe16)
    history = [{"role": "user", "content": "ik ben dierverzorger in een dierentuin en al een jaar ziek (rug). mijn "
                                           "werkgever begint over spoor 2, wat is dat?"},
               {"role": "assistant", "content": "Spoor 2 betekent dat er gezocht wordt naar passend werk bij een "
                                                "andere werkgever."}]
    turn = read_turn("moet ik dan stoppen met de aangepaste taken die ik nu bij de olifanten doe, of kan dat er "
                     "gewoon bij?", history)
    assert turn.follow_up and "spoor 2" in turn.query


def test_a_question_that_names_nothing_is_read_with_the_sentence_that_names_our_subject():
    """Not with the incidental sentences right before it ("Mijn vriendin vindt dat verdacht")."""
    turn = read_turn("Na 19 maanden ziek heb ik via mijn spoor 2 coach een baan gevonden. Maar nu willen ze me "
                     "de eerste tijd 'detacheren' en pas later in dienst nemen. Mijn vriendin vindt dat verdacht, alsof "
                     "ze me niet echt willen. De reistijd is trouwens maar 20 minuten in plaats van een uur, dus "
                     "ik ben er heel blij mee. Waarom doen ze dat zo?")
    (part,) = turn.parts
    assert "detacheren" in part and "reistijd" not in part and part.endswith("Waarom doen ze dat zo?")
    # when the sentences right before it do name our subject, they stay its question
    told = read_turn("Een van mijn schilders is al maanden thuis. De arbodienst belde dat we de melding in week 42 "
                     "gemist hebben. Mijn boekhouder zegt dat ik nu zijn loon een jaar langer moet doorbetalen. "
                     "Klopt dat?")
    assert "week 42" in told.parts[0] and "loon" in told.parts[0]


def test_a_request_that_points_at_nothing_is_read_with_the_sentence_that_names_our_subject():
    """"Wat moet ik nu doen?" after sentences about who reads the post: the letter from UWV is the matter."""
    turn = read_turn("Het tweede spoor heeft bij mij niets opgeleverd. Vorige week kwam er een brief van UWV over de WIA "
                     "met een stapel formulieren. Mijn zoon leest normaal mijn post, maar hij woont nu een half jaar in "
                     "Canada voor zijn studie. Ik heb ook nog een schuld bij de woningbouw die ik aflos, dus ik wil "
                     "niets fout doen. Wat moet ik nu doen?")
    (part,) = turn.parts
    assert "WIA" in part and "Canada" not in part and part.endswith("Wat moet ik nu doen?")


@pytest.mark.parametrize("question", ["Hoe zit het nou?", "Klopt dat eigenlijk wel?", "Is that really so?"])
def test_a_question_of_fillers_is_read_with_the_story_before_it(question):
    """"nou", "eigenlijk", "really" name no subject: the question is what the sentences before it tell."""
    turn = read_turn("Vorig jaar viel hij uit met een burn-out en na vijf maanden werkte hij weer volledig. Drie "
                     "weken later brak hij zijn enkel. Mijn boekhouder zegt dat dit een nieuw ziektegeval is, "
                     f"dus dat we weer bij nul beginnen met de twee jaar. {question}")
    (part,) = turn.parts
    assert "nieuw ziektegeval" in part and part.endswith(question)


@pytest.mark.parametrize(("message", "page", "expected"), [
    ("What does track 2 cost and who pays for it?", "nl", "en"),
    ("Wie betaalt het re-integratiebureau?", "en", "nl"),
    ("spoor 2?", "en", "en"),  # too short to tell: the page's language
])
def test_the_question_decides_the_language_and_the_page_only_breaks_ties(message, page, expected):
    assert read_turn(message, language=page).language == expected


@pytest.mark.parametrize(("message", "audience"), [
    ("Onze medewerker is al een jaar ziek, moeten we nu spoor 2 starten?", "werkgever"),
    ("Ik ben HR-adviseur, wie betaalt de jobcoach?", "werkgever"),
    ("Mijn baas wil dat ik solliciteer bij andere bedrijven, moet dat?", "werknemer"),
    ("My employer says I must apply for other jobs. Do I have to?", "werknemer"),
    ("Wat is spoor 2?", None),
    # the employer's side told in other words
    ("Onze commercieel directeur is sinds april ziek. Wat moeten we hem in het tweede jaar betalen?", "werkgever"),
    ("Onze planner zit al een half jaar ziek thuis, wat nu?", "werkgever"),
    ("Our lab technician has been off sick for three weeks. Do we pay her?", "werkgever"),
    ("Onze zoon is ziek, mag ik daarvoor thuisblijven?", None),  # family, not staff
])
def test_who_asks_is_read_from_their_words(message, audience):
    turn = read_turn(message)
    assert turn.audience == audience
    assert turn.voice == ("je" if audience == "werknemer" else "u")


def test_the_ui_audience_wins_over_the_wording_unless_the_message_switches_perspective():
    assert read_turn("Mijn baas wil dat ik solliciteer", audience="werkgever").audience == "werkgever"
    assert read_turn("En wat moet ik als werknemer doen?", audience="werkgever").audience == "werknemer"


def test_a_single_sentence_is_its_own_core_question():
    assert core_questions("wie betaalt spoor 2") == (["wie betaalt spoor 2"], "")
    assert read_turn("wie betaalt spoor 2", today=date(2025, 1, 1)).today == date(2025, 1, 1)


def test_in_a_short_message_the_sentence_before_the_question_says_what_it_is_about():
    turn = read_turn("Mijn werknemer komt niet naar het spreekuur van de bedrijfsarts. Mag ik zijn loon stoppen?")
    assert turn.parts == ("Mag ik zijn loon stoppen?",)
    assert "spreekuur" in turn.query and "loon stoppen" in turn.query
    assert "moeder" not in read_turn(STORY).parts[0]  # a long story still asks only its question


def test_a_statement_joined_by_en_is_not_split_into_two_questions():
    turn = read_turn("Mijn werknemer was 3 weken beter en is nu weer ziek. Beginnen de 104 weken dan opnieuw?")
    assert len(turn.parts) == 1 and "104 weken" in turn.parts[0]
    assert "3 weken beter" in turn.query
    assert split_parts("Hij was beter en is nu weer ziek") == ["Hij was beter en is nu weer ziek"]
    assert len(split_parts("Wanneer start spoor 2 en is dat verplicht?")) == 2


def test_a_statement_about_the_writer_without_ik_stays_with_the_question_after_the_comma():
    """"zit in wk 75, kan ik ...?": "(ik) zit in wk 75" is no question of its own ("Zit ik ...?" is)."""
    parts, _ = core_questions("zit in wk 75, kan ik nog een vervroegde iva aanvragen? de ba zegt dat ik er "
                              "nooit meer bovenop kom")
    assert parts == ["zit in wk 75, kan ik nog een vervroegde iva aanvragen?"]
    assert split_parts("ben al 2 jaar ziek, moet ik de WIA aanvragen en wat kost dat?") == [
        "ben al 2 jaar ziek, moet ik de WIA aanvragen", "wat kost dat?"]
    assert split_parts("Zit ik goed, en wat kost dat?") == ["Zit ik goed", "wat kost dat?"]


def test_a_doubted_claim_before_the_real_questions_is_their_context_not_a_part():
    """"my wg says the pva has to be done by next week??" is what the questions after it are about;
    "whats" without its apostrophe still asks."""
    parts, context = core_questions("my wg says the pva has to be done by next week?? BA did the PA 10 days ago. "
                                    "whats the actual deadline, and who is supposed to be my cm")
    assert parts == ["whats the actual deadline", "who is supposed to be my cm"]
    assert "next week" in context
    # a claim with no question after it is still what is asked
    (asked,), _ = core_questions("Ik ben 5 weken ziek. Mijn werkgever zegt dat ik nu al spoor 2 moet doen?")
    assert asked.endswith("Mijn werkgever zegt dat ik nu al spoor 2 moet doen?")


def test_a_statement_that_opens_with_a_verb_is_no_question_where_the_writer_uses_question_marks():
    """"Zijn vrouw regelt de post" is about his wife; without question marks "zijn er kosten"
    still asks."""
    parts, _ = core_questions("Hij is al twee jaar ziek. Zijn vrouw regelt normaal de post maar die lag "
                              "in het ziekenhuis. Hij vroeg de WIA te laat aan. Moet ik hem nu langer "
                              "doorbetalen?")
    assert len(parts) == 1 and "post" not in parts[0]
    assert parts[0].endswith("Moet ik hem nu langer doorbetalen?")
    (asked,) = core_questions("Ik ben ziek. zijn er kosten voor mij")[0]
    assert asked.endswith("zijn er kosten voor mij")


@pytest.mark.parametrize(("asked", "said", "follow_up", "step"), [
    ("Wat is een probleemanalyse?", "De bedrijfsarts maakt die in week 6.", "en daarna?", "plan_van_aanpak"),
    ("wat moet ik doen na een jaar ziekte?", "Dan houdt u de eerstejaarsevaluatie.", "wat is de volgende stap?",
     "spoor2_start"),
    ("When is the 42nd-week report due?", "In week 42.", "what's next?", "eerstejaarsevaluatie"),
    ("When does the problem analysis have to be done?", "By week 6.", "ok and what comes after that?",
     "plan_van_aanpak"),
    # the time of the step after, asked without naming it
    ("Wanneer moet de probleemanalyse klaar zijn?", "In week 6.", "en dat plan daarna, hoeveel tijd heb ik daarvoor?",
     "plan_van_aanpak"),
    # the question named no step; the answer's second sentence did
    ("Wat gebeurt er bij het eerste gesprek met de bedrijfsarts?",
     "Hij brengt in kaart wat uw medewerker nog kan. Dat legt hij vast in een probleemanalyse.", "en dan?",
     "plan_van_aanpak"),
    # "daarna" inside, and where the step falls after it
    ("moet ik de 42e-weeksmelding doen of doet de arbodienst dat?", "U doet die uiterlijk na week 42.",
     "ok, en wat is daarna de volgende stap in dat eerste jaar?", "eerstejaarsevaluatie"),
    ("When does the problem analysis have to be done?", "By week 6.", "and what is the next step for me?",
     "plan_van_aanpak"),
])
def test_what_comes_next_is_read_as_the_milestone_after_the_one_talked_about(asked, said, follow_up, step):
    turn = read_turn(follow_up, [{"role": "user", "content": asked}, {"role": "assistant", "content": said}])
    assert turn.next_step == step
    assert turn.query.lower().split()[0] not in asked.lower()  # retrieved on the next step, not the last


@pytest.mark.parametrize("follow_up", ["wat is de volgende stap als hij weigert?",
                                       "what is the next step if she refuses?",
                                       "en dan voor de werknemer?"])  # the same asked for someone else
def test_the_next_step_under_a_condition_is_not_the_next_milestone(follow_up):
    history = [{"role": "user", "content": "Wanneer moet het plan van aanpak klaar zijn?"},
               {"role": "assistant", "content": "In week 8."}]
    assert read_turn(follow_up, history).next_step == ""


def test_a_follow_up_about_what_happens_afterwards_is_read_with_the_question_before_it():
    history = [{"role": "user", "content": "mijn jaarcontract loopt in maart af terwijl ik ziek ben"},
               {"role": "assistant", "content": "Een tijdelijk contract eindigt op de einddatum."}]
    turn = read_turn("en wie betaalt me daarna?", history)
    assert "jaarcontract" in turn.query
    assert read_turn("en wie betaalt me daarna?").query == "wie betaalt me daarna?"  # nothing before


def test_a_follow_up_keeps_the_situation_told_before_as_weak_context():
    history = [{"role": "user", "content": "mijn tijdelijke contract loopt af terwijl ik ziek ben"},
               {"role": "assistant", "content": "Je contract eindigt dan op de einddatum."}]
    turn = read_turn("wie begeleidt mij dan met beter worden?", history)
    assert turn.query.startswith("wie begeleidt mij dan met beter worden?") and "contract" in turn.query
    swapped = read_turn("en een arbeidsdeskundige?", [
        {"role": "user", "content": "Wat doet de bedrijfsarts eigenlijk bij langdurig verzuim?"},
        {"role": "assistant", "content": "Hij maakt de probleemanalyse."}])
    assert "bedrijfsarts" not in swapped.query  # a short follow-up that swaps the subject


@pytest.mark.parametrize(("first", "follow_up"), [
    ("Mijn werknemer is sinds vorige week ziek. Ik heb een vraag over de loondoorbetaling.",
     "en wat moet ik als eerste regelen?"),
    ("My employee has been sick since Monday. I have a question about sick pay.", "and what do I need to do first?"),
])
def test_a_follow_up_asking_for_the_first_steps_is_read_on_the_situation_not_the_earlier_question(first, follow_up):
    turn = read_turn(follow_up, [{"role": "user", "content": first}, {"role": "assistant", "content": "..."}])
    assert turn.follow_up and not re.search(r"loon|sick pay", turn.query), turn.query
    assert re.search(r"ziek|sick", turn.query), turn.query  # the situation stays as context


@pytest.mark.parametrize("message", [
    # the second question has no question mark but opens with "en" and a verb or a question word
    "wanneer moet het plan van aanpak klaar zijn? en moet ik dat zelf ondertekenen, ik snap er niks van",
    "Wie betaalt de coach? En wat houdt een werkervaringsplaats in, het bureau noemt het steeds",
    # an announcement that says what the questions are about
    "Two questions about our driver who has been off sick since March: who pays the agency, "
    "and can he refuse a job with another employer?",
    "by when must the action plan be ready, and do we send it to UWV?",
])
def test_each_question_of_a_two_question_message_is_a_part(message):
    assert len(read_turn(message).parts) == 2, read_turn(message).parts


def test_a_short_sentence_a_question_points_at_is_kept_whole():
    # "van 100 naar 70 procent" is what "dat" asks about, though only the clause before it names pay
    parts, _ = core_questions("Ik rij al twintig jaar bus en zit sinds oktober thuis. Nu ging mijn loon in november "
                              "ineens flink omlaag, van 100 naar 70 procent. Mag dat zomaar, ik heb niks gehoord?")
    assert "70 procent" in parts[0] and "twintig jaar bus" not in parts[0], parts


def test_a_sentence_opening_with_en_and_a_noun_stays_a_statement():
    parts, context = core_questions("Wie betaalt de coach? En mijn werkgever zegt dat ik het zelf moet doen.")
    assert parts == ["Wie betaalt de coach?"]


def test_saying_goodbye_to_an_employee_is_what_a_pointing_question_refers_to():
    # "afscheid nemen" is how people say dismissal; the mortgage right before is background
    parts, _ = core_questions("Ik ben bijna twee jaar ziek. Mijn leidinggevende zei dat ze daarna afscheid "
                              "van me nemen. Ik heb twee kinderen en een hypotheek. Mag dat zomaar na die twee jaar?")
    assert "afscheid" in parts[0] and "hypotheek" not in parts[0], parts


def test_who_pays_and_pregnancy_are_what_a_pointing_question_refers_to():
    # "How does that work" asks about the government paying for the pregnancy-related sick leave,
    # not about the payroll office told right before it
    parts, _ = core_questions("One of our technicians is pregnant and has been off sick for three weeks. A friend "
                              "said the government pays for this kind of sick leave instead of us. Our payroll "
                              "is done by an external office. How does that work and do we have to do anything?")
    assert "government pays" in parts[0] and "payroll" not in parts[0], parts


def _after(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_follow_up_is_also_read_with_what_the_answer_before_it_led_with():
    # the question named no step; the answer named the WIA application: "dat" is that
    history = _after("wat moet ik zelf regelen als ik bijna twee jaar ziek ben?",
                     "Rond week 88 krijg je een brief van UWV. Je vraagt de WIA-uitkering zelf aan, "
                     "uiterlijk in week 93.")
    assert "wia" in read_turn("en als ik dat te laat doe?", history).query.split()


def test_a_follow_up_is_read_with_what_the_answer_led_with_not_with_its_asides():
    # the answer names the probleemanalyse only in brackets: "dat" is the plan van aanpak
    history = _after("Ik zit thuis met een handblessure. Vorige week was ik bij de bedrijfsarts.",
                     "Na dat eerste advies van de bedrijfsarts (de probleemanalyse) maken jij en je "
                     "werkgever samen een plan van aanpak.")
    query = read_turn("en wanneer moet dat klaar zijn?", history).query
    assert "plan van aanpak" in query and "probleemanalyse" not in query, query


def test_a_follow_up_after_an_answer_that_said_what_a_thing_is_stays_with_that_thing():
    # the answer defines track 2 and names suitable work on the way: "refuse" is refusing track 2
    history = _after("My employer says I have to start track 2. What is that exactly?",
                     "Track 2 (spoor 2) means looking for suitable work with a different employer.")
    query = read_turn("and what if I just refuse?", history).query
    assert "track 2" in query and "suitable work" not in query, query


def test_a_follow_up_keeps_the_answers_subject_when_brackets_only_give_its_term():
    history = _after("my employee has been sick for 44 weeks, what is the next step?",
                     "The next step is the EJE (eerstejaarsevaluatie), usually between week 46 and week 52.")
    assert "eerstejaarsevaluatie" in read_turn("and if it's clear then that he won't come back here?",
                                               history).query


def test_a_follow_up_keeps_the_step_the_answer_named_in_english():
    # "first-year evaluation", "labour expert": our steps as an English answer names them
    history = _after("my employee has been sick for 44 weeks, what is the next step?",
                     "The next step is the first-year evaluation, usually between week 46 and week 52.")
    assert "first-year evaluation" in read_turn("and if it's clear then that he won't come back here?",
                                                history).query
    history = _after("My employer wants me to see a labour expert next week. What is that for?",
                     "A labour expert assesses which work you can still do, in your own job or elsewhere.")
    query = read_turn("And if I just won't go?", history, audience="werknemer").query
    assert "not cooperate with my reintegration" in query and "labour expert" not in query, query


def test_a_follow_up_is_read_with_the_whole_word_the_answer_named():
    # "42e" alone is a number to the search; the answer's subject is the 42e-weeksmelding
    history = _after("one of our staff has been sick for 9 months now, what's the next step for us?",
                     "Around week 42 you must report the long-term sickness to UWV (the "
                     "42e-weeksmelding), at the latest on the first working day after the 42nd week.")
    assert "42e-weeksmelding" in read_turn("and what if we forget to do that?", history).query.split()


def test_a_follow_up_about_being_late_is_read_with_the_answers_deadline():
    # "te laat" points at the step with the deadline, not at what the answer led with
    history = _after("wat moet ik zelf regelen als ik bijna twee jaar ziek ben?",
                     "Je werkgever betaalt dan soms een transitievergoeding. De WIA vraag je zelf "
                     "aan, uiterlijk in week 93.")
    query = read_turn("en als ik dat te laat doe?", history).query
    assert "wia" in query.split() and "transitievergoeding" not in query, query


def test_a_follow_up_about_being_late_takes_the_subject_nearest_the_deadline():
    # one sentence naming four subjects: the deadline belongs to the WIA application, the
    # bracketed WGA/IVA and the transition payment further on are not what "te laat" is about
    history = _after("wat moet ik regelen als ik bijna twee jaar ziek ben?",
                     "Na 104 weken stopt de loondoorbetaling. Je hebt recht op een WIA-beoordeling "
                     "(WGA of IVA) als je uiterlijk aan het einde van week 93 aanvraagt, en je mag "
                     "je werkgever vragen om een vergoeding zo hoog als de transitievergoeding.")
    query = read_turn("en als ik dat te laat doe?", history).query.split()
    assert "wia" in query and not {"wga", "iva", "transitievergoeding"} & set(query), query


@pytest.mark.parametrize(("question", "answer", "left_out"), [
    # named by the question already: nothing to add
    ("Wat is een loonsanctie precies?", "Een loonsanctie legt UWV op als er te weinig is gedaan.",
     "loonsanctie"),
    # a list is not what the answer was about
    ("wat moet er in het re-integratieverslag?", "Onder meer de probleemanalyse, het plan van "
     "aanpak, de eerstejaarsevaluatie en het oordeel van de bedrijfsarts.", "probleemanalyse"),
])
def test_a_follow_up_leaves_out_what_the_question_named_and_lists(question, answer, left_out):
    follow_up = "en hoe kom ik er weer vanaf?"
    query = read_turn(follow_up, _after(question, answer)).query
    assert query == read_turn(follow_up, _after(question, "Goed dat u het vraagt.")).query, query
    assert not query.endswith(left_out), query


def test_a_question_passed_on_for_someone_else_is_what_a_story_asks():
    # no question mark: "Our GM wants to know whether ..." is the question, not the last sentence
    turn = read_turn("Our front-desk manager has been off sick for almost two years. Both tracks failed. "
                     "The team still visits her. Our director wants to know whether her contract ends by "
                     "itself after the 104 weeks. I'm the HR officer of a hotel with 70 staff.")
    (part,) = turn.parts
    assert "contract ends" in part and "HR officer" not in part, part
    (part,) = read_turn("Onze werknemer is bijna twee jaar ziek. Het gaat slecht met hem. De directeur wil "
                        "weten of we daarna nog loon moeten betalen. Ik ben de office manager.").parts
    assert "loon moeten betalen" in part and "office manager" not in part, part


def _conversation(*turns: str) -> list[dict]:
    return [{"role": role, "content": text}
            for pair in zip(turns[::2], turns[1::2]) for role, text in zip(("user", "assistant"), pair)]


def test_a_follow_up_after_a_follow_up_is_about_the_subject_named_before_both():
    # "wie vraagt het aan?" named nothing of ours: "wat kost het?" is still about the
    # deskundigenoordeel of the first question
    history = _conversation("Wat is een deskundigenoordeel precies?", "Een oordeel van UWV.",
                            "En wie vraagt het aan, ik of mijn werknemer?", "Dat kan allebei.")
    assert "deskundigenoordeel" in read_turn("wat kost het?", history).query


def test_a_follow_up_naming_a_thing_of_an_earlier_question_is_about_that_question():
    # "die melding" is the 42e-weeksmelding two questions back, not the plan van aanpak of the last
    history = _conversation("Wanneer moet ik de 42e-weeksmelding doen?", "Na week 42.",
                            "Oké. En moet ik het plan van aanpak dan meesturen?", "Nee.")
    query = read_turn("en als ik die melding te laat doe?", history).query
    assert "42e-weeksmelding" in query and "plan van aanpak" not in query, query
    # the last question is kept when it names the thing itself
    history = _conversation("Wanneer moet ik de 42e-weeksmelding doen?", "Na week 42.",
                            "Wat moet er in het plan van aanpak?", "Activiteiten en doelen.")
    assert "plan van aanpak" in read_turn("en als ik dat plan te laat maak?", history).query
    # "in dat geval" is no thing: the last question stays what the follow-up is about
    history = _conversation("Wat is in mijn geval de termijn voor de probleemanalyse?", "Week 6.",
                            "Wat moet er in het plan van aanpak?", "Activiteiten en doelen.")
    query = read_turn("en wie stelt dat in dat geval op?", history).query
    assert "plan van aanpak" in query and "probleemanalyse" not in query, query


@pytest.mark.parametrize(("message", "parts"), [
    ("I keep getting emails from a 'casemanager' and from an 'arbeidsdeskundige'. What does each of them "
     "actually do?", ["What does a casemanager do?", "What does a labour expert (arbeidsdeskundige) do?"]),
    ("wat is het verschil tussen de bedrijfsarts en een arbeidsdeskundige",
     ["Wat doet de bedrijfsarts?", "Wat doet een arbeidsdeskundige?"]),
    ("Ik krijg mails van een casemanager en van de arbo-arts. Wat doen die allebei eigenlijk?",
     ["Wat doet een casemanager?", "Wat doet de bedrijfsarts?"]),
])
def test_a_question_about_what_several_roles_do_is_asked_once_per_role(message, parts):
    assert core_questions(message)[0] == parts


@pytest.mark.parametrize("message", [
    "Mag de casemanager mijn diagnose aan de arbeidsdeskundige doorgeven?",
    "Mijn casemanager stuurt me naar een arbeidsdeskundige. Moet ik daar heen?",
    "Wat doet een casemanager?",
])
def test_a_question_that_only_names_roles_is_not_split_per_role(message):
    assert len(core_questions(message)[0]) == 1


def test_a_part_that_points_at_what_an_announcement_named_is_read_with_it():
    assert core_questions("Three questions about the week-42 report: who has to file it, by when exactly, and "
                          "how do we file it?")[0] == [
        "who has to file it, by when exactly (the week-42 report)", "how do we file it? (the week-42 report)"]
    # a part with its own subject stays as it is
    assert core_questions("Twee vragen over mijn werknemer: wat kost spoor 2, en wanneer moet de WIA-aanvraag "
                          "binnen zijn?")[0] == ["wat kost spoor 2", "wanneer moet de WIA-aanvraag binnen zijn?"]


def test_a_longer_message_that_points_back_and_names_nothing_of_ours_is_a_follow_up():
    history = [{"role": "user", "content": "What is the eerstejaarsevaluatie?"},
               {"role": "assistant", "content": "The eerstejaarsevaluatie is a look back at the first year."}]
    turn = read_turn("do I need to be there, or is it just my boss and the doctor talking about me?", history)
    assert turn.follow_up
    assert "eerstejaarsevaluatie" in turn.queries[0]
    # one that names its own subject is a new question
    assert not read_turn("Is there a deadline for the re-integratieverslag, and who writes that report for UWV?",
                         history).follow_up


def test_a_follow_up_after_a_word_of_acknowledgement_is_still_a_follow_up():
    history = [{"role": "user", "content": "Mijn werkgever dreigt mijn loon te stoppen omdat ik niet naar de "
                                           "bedrijfsarts ging."},
               {"role": "assistant", "content": "Hij moet een loonstop eerst aankondigen."}]
    turn = read_turn("oke maar als hij het echt doet, dat geld van die maand, zie ik dat ooit nog?", history)
    assert turn.follow_up and "bedrijfsarts" in turn.query


def test_a_follow_up_that_points_at_the_first_question_is_read_with_it():
    history = [{"role": "user", "content": "Een van mijn chauffeurs is 68 en nu ziek. Wat betekent dat voor mij?"},
               {"role": "assistant", "content": "Na de AOW-leeftijd gelden kortere termijnen."},
               {"role": "user", "content": "Hij wil er zelf eigenlijk ook wel mee stoppen."},
               {"role": "assistant", "content": "Dan kunt u samen afspraken maken."}]
    turn = read_turn("Terug naar het eerste wat je zei: hoe lang moet ik hem dan eigenlijk doorbetalen?", history)
    assert turn.follow_up and "68" in turn.previous_question
    turn = read_turn("Back to my first message: what am I actually required to do?", history)
    assert "68" in turn.previous_question


@pytest.mark.parametrize(("message", "named", "not_asked"), [
    ("Oké. En dat plan uit je eerste antwoord, hoe vaak moeten we dat eigenlijk bijstellen?", "dat plan", "42e"),
    ("Back to the first thing you mentioned, the evaluation after year one: do we need a labour expert for that?",
     "labour expert", "42e"),
])
def test_a_follow_up_that_points_at_an_earlier_answer_and_names_its_subject_is_asked_on_its_words(
        message, named, not_asked):
    """The question asked last (about the 42e-weeksmelding) would win the search for a thing the
    first answer named."""
    history = [{"role": "user", "content": "Onze medewerker is sinds januari ziek. Wat moeten we het eerste jaar doen?"},
               {"role": "assistant", "content": "Een probleemanalyse, een plan van aanpak, de 42e-weeksmelding en "
                                                "de eerstejaarsevaluatie."},
               {"role": "user", "content": "Wat is die 42e-weeksmelding precies?"},
               {"role": "assistant", "content": "De ziekmelding bij UWV na 42 weken."}]
    turn = read_turn(message, history)
    assert turn.follow_up and named in turn.query and not_asked not in turn.query
    assert "eerste antwoord" not in turn.query and "first thing" not in turn.query
    # one that names nothing is read with the question it points at
    assert "ziek" in read_turn("Terug naar je eerste antwoord: hoe zit dat?", history).query


def test_a_follow_up_that_points_at_a_thing_by_another_form_of_its_name_finds_the_turn_that_named_it():
    history = [{"role": "user", "content": "Mijn werkgever wil dat ik twee uur per dag administratief werk ga doen."},
               {"role": "assistant", "content": "Dat valt onder spoor 1."},
               {"role": "user", "content": "Ben ik dan nog ziek gemeld?"},
               {"role": "assistant", "content": "Ja."}]
    turn = read_turn("Oké, maar terug naar dat administratieve werk: moet ik dat accepteren?", history)
    assert "administratief werk" in turn.previous_question


def test_a_follow_up_that_names_its_own_subject_and_points_only_at_a_person_is_asked_on_its_words():
    history = [{"role": "user", "content": "Wat is het verschil tussen spoor 1 en spoor 2?"},
               {"role": "assistant", "content": "Spoor 1 is terugkeer bij uw eigen bedrijf, spoor 2 bij een ander."}]
    turn = read_turn("kan ik hem dan ontslaan?", history)
    assert turn.follow_up and turn.queries == ("kan ik hem dan ontslaan?",)
    # a thing pointed at, or a subject as wide as paying, is still read with the question before it
    assert "spoor" in read_turn("moet hij dat dan zelf betalen?", history).queries[0]
    assert "spoor" in read_turn("moet ik hem dan nog iets betalen?", history).queries[0]


def test_a_question_the_writer_answers_at_once_is_not_asked():
    parts, context = core_questions("Vraagje: wn (monteur) zit in mei op 104 wk, LS? nee gelukkig. mag ik dan per "
                                    "direct opzeggen of hoe gaat dat? en tv moet ik die ook betalen")
    assert not any("LS?" in p for p in parts) and "LS?" in context
    assert any("opzeggen" in p for p in parts) and any("tv moet ik" in p for p in parts)


def test_a_sentence_opening_with_en_and_an_adverb_stays_a_statement():
    parts, _ = core_questions("Mijn werknemer is ziek. En dan moet ik weer naar de arts. Wat nu?")
    assert not any(p.startswith("En dan moet ik") for p in parts)


def test_an_announcement_with_a_courtesy_and_a_clause_about_the_asker_is_split_after_the_colon():
    parts = split_parts("Three things please, I'm a sous-chef and just got diagnosed with a heart condition: how "
                        "much of my salary do I get while I'm sick, for how long, and can they fire me during "
                        "that time?")
    assert len(parts) == 2 and parts[1].startswith("can they fire me")


@pytest.mark.parametrize(("message", "count"), [
    ("(a) what is an arbeidsdeskundige actually for, (b) is that different from the bedrijfsarts, (c) what would a "
     "deskundigenoordeel from UWV cost us as employer?", 3),
    ("Twee vragen over die loonsanctie: hoe lang kan die maximaal duren, en binnen welke termijn moet een bezwaar "
     "erin?", 2),
])
def test_parts_marked_with_bracketed_letters_or_a_preposition_before_the_question_word_are_split(message, count):
    assert len(core_questions(message)[0]) == count


def test_going_back_to_something_is_left_out_of_a_question_that_does_not_point_at_it():
    assert split_parts("Going back to his knee injury: when do I have to report him to UWV?") == [
        "when do I have to report him to UWV?"]
    # a question that points back keeps what it goes back to
    assert split_parts("Terug naar die melding in week 42: wat moet ik daarvoor doen?") == [
        "Terug naar die melding in week 42: wat moet ik daarvoor doen?"]


def test_a_last_sentence_that_asks_after_a_comma_without_a_question_mark_is_a_question():
    parts, _ = core_questions("loonsanctie gekregen na de riv-toets. hoe lang duurt zoiets max? en bezwaar, "
                              "binnen welke termijn moet dat")
    assert len(parts) == 2 and "bezwaar" in parts[1]


def test_a_view_told_after_the_question_is_not_what_it_is_about():
    """"our cm says yes" pulled the search to the casemanager card; the question is about the plan."""
    turn = read_turn("ee off sick ~9 months, do i need to send the pva to uwv now?? our cm says yes")
    assert turn.query == "ee off sick ~9 months, do i need to send the pva to uwv now??"
    # a statement beside the question still says what it is about, a view told before it too
    assert "spreekuur" in read_turn("Mijn werknemer komt niet naar het spreekuur. Mag ik zijn loon stoppen?").query
    assert "solliciteren" in read_turn("Mijn baas zegt: solliciteren. Moet ik meewerken aan spoor 2?").query


def test_an_announcement_with_an_adjective_still_announces_the_questions():
    assert split_parts("Three quick questions: who writes the problem analysis, who draws up the action plan, and "
                       "what has to be in that action plan?") == [
        "who writes the problem analysis", "who draws up the action plan", "what has to be in that action plan?"]
    assert split_parts("Twee korte vragen: wie betaalt spoor 2 en hoe lang duurt het?") == [
        "wie betaalt spoor 2", "hoe lang duurt het?"]


@pytest.mark.parametrize("sentence", [
    "We also have a dispute with our landlord about the heating, which doesn't help my stress.",
    "I told my manager, who was new then.",
    "It started in March, when I fell ill.",
])
def test_an_english_relative_clause_does_not_make_a_statement_a_question(sentence):
    assert not is_question(sentence)


def test_zijn_as_his_does_not_make_a_statement_a_question():
    # "his contract ends ...", told in a story, is no question; "are there ...", "are the ..." are
    assert not is_question("Zijn contract eindigt op 31 januari en ik was niet van plan het te verlengen.")
    assert not is_question("Zijn leidinggevende belt hem elke week.")
    assert is_question("Zijn er kosten voor mij")
    assert is_question("zijn de kosten van spoor 2 aftrekbaar")
    assert is_question("Zijn contract loopt af?")


@pytest.mark.parametrize("sentence", [
    "ik kreeg een uitnodiging voor de EJE, wat is dat",
    "my employee is sick, what now",
    "the company doctor wants me to work 4 hours, how does that work",
])
def test_a_question_as_the_last_clause_still_asks(sentence):
    assert is_question(sentence)


@pytest.mark.parametrize("story", [
    ("My manager wants to put me on the new rota. On top of that we're fighting with our landlord about a "
     "rent increase, which doesn't help my stress levels. I don't know if I'm allowed to challenge what the "
     "company doctor says, or if her word is final. What are my options?"),
    ("Mijn leidinggevende wil me weer inroosteren. Daarnaast hebben we ruzie met de verhuurder over de huur, "
     "dat helpt ook niet. Ik weet niet of ik iets kan doen tegen het oordeel van de bedrijfsarts. "
     "Wat kan ik doen?"),
])
def test_a_vague_closing_question_is_about_what_the_writer_says_they_do_not_know(story):
    """The sentences before "What are my options?" are its subject back to the one that says what
    the writer does not know, not the rent dispute before that."""
    (asked,), _ = core_questions(story)
    assert "company doctor" in asked or "bedrijfsarts" in asked
    assert "landlord" not in asked and "verhuurder" not in asked
    # a statement that names nothing of its own is no such stop
    (asked,), _ = core_questions("Mijn werknemer is al drie weken ziek en de arbodienst reageert niet. "
                                 "Ik weet niet wat hij heeft. Wat moet ik doen?")
    assert "arbodienst" in asked


def test_a_follow_up_after_a_follow_up_that_named_only_pay_is_about_the_question_before_it():
    """"dus ik krijg gewoon langer loon?" named no subject of its own; the next follow-up is about
    the loonsanctie the conversation started with."""
    history = [
        {"role": "user", "content": "mijn werkgever heeft een loonsanctie gekregen van UWV"},
        {"role": "assistant", "content": "Een loonsanctie is een maatregel van UWV tegen je werkgever."},
        {"role": "user", "content": "dus ik krijg gewoon langer loon?"},
        {"role": "assistant", "content": "Ja, zolang de loonsanctie loopt betaalt je werkgever je loon door."},
    ]
    turn = read_turn("en mijn WIA aanvraag dan, wat gebeurt daarmee?", history)
    assert turn.follow_up and "loonsanctie" in turn.queries[0]
    # a follow-up that names its own subject stays the question it refers to
    history[2]["content"] = "dus de bedrijfsarts moet ook langer begeleiden?"
    assert "bedrijfsarts" in read_turn("en mijn WIA aanvraag dan, wat gebeurt daarmee?", history).queries[0]


def test_a_follow_up_keeps_the_shorthand_the_story_before_it_named():
    # "iva" is a short word, but the subject: without it the story's words are about the son
    history = [{"role": "user", "content": "ik ben 30 weken ziek en de bedrijfsarts zegt dat ik niet meer herstel. "
                                           "mijn zoon heeft gelezen dat ik misschien eerder een iva uitkering kan "
                                           "krijgen. hoe werkt dat?"},
               {"role": "assistant", "content": "Die aanvraag doe je zelf, met een verklaring van de bedrijfsarts."}]
    turn = read_turn("krijg ik dan eigenlijk nog wel loon van mijn baas?", history)
    assert turn.follow_up and "iva" in turn.query.lower().split()


@pytest.mark.parametrize("follow_up", ["krijg ik nu minder loon hierdoor?", "word ik daardoor ook nog gekort?"])
def test_hierdoor_and_daardoor_point_back_at_the_conversation(follow_up):
    history = [{"role": "user", "content": "ik ben 5 maanden zwanger en zit sinds 2 weken thuis met bekkenklachten"},
               {"role": "assistant", "content": "Vervelend. Waar kan ik je mee helpen?"}]
    turn = read_turn(follow_up, history)
    assert turn.follow_up and "zwanger" in turn.query


def test_what_an_earlier_answer_said_opens_the_question_after_it_not_a_part_of_its_own():
    parts, _ = core_questions("en wat je eerst zei over evalueren van dat plan, hoe vaak moet dat nou eigenlijk?")
    assert parts == ["wat je eerst zei over evalueren van dat plan, hoe vaak moet dat nou eigenlijk?"]
    parts, _ = core_questions("wat je net zei over de loonsanctie, hoe lang duurt die en wie betaalt mijn loon dan?")
    assert parts == ["wat je net zei over de loonsanctie, hoe lang duurt die", "wie betaalt mijn loon dan?"]


def test_a_later_part_that_points_at_a_thing_is_read_with_the_sentence_that_named_it():
    """The first part ("Is that normal?") names nothing; "such a plan" is the plan the story named."""
    turn = read_turn("Last week HR sent me a finished re-integration plan with goals and dates and asked me to sign "
                     "it by Friday. The company doctor phoned me yesterday and was friendly. Nobody asked me "
                     "anything. Is that how it works here? And when does such a plan have to be ready?")
    assert len(turn.parts) == 2 and turn.parts[0].endswith("Is that how it works here?")
    assert turn.parts[1] == "And when does such a plan have to be ready?"
    assert "re-integration plan" in turn.queries[1] and "nobody" not in turn.queries[1].lower()



@pytest.mark.parametrize(("told", "answered", "follow_up", "query"), [
    # who pays for what the answer proposed (not for the expert the message named)
    ("Onze arbeidsdeskundige adviseert een tweede spoor traject voor onze magazijnmedewerker, hij is nu 13 maanden "
     "ziek.", "Een tweede spoor betekent dat uw medewerker passend werk zoekt bij een andere organisatie.",
     "wie betaalt dat eigenlijk?", "wie betaalt dat eigenlijk? tweede spoor"),
    # ... and with a subject of ours the message named itself: the WIA application was what the
    # decision is on, not the waiting time the answer led with
    ("Ik heb vorige week mijn WIA-aanvraag ingediend. Ik ben ziek sinds maandag 10 maart 2025.",
     "Dan is je aanvraag op tijd: de uiterste termijn is 11 weken vóór het einde van de wachttijd.",
     "hoe lang duurt het voor ik uitsluitsel krijg?", "hoe lang duurt het voor ik uitsluitsel krijg? wachttijd wia"),
])
def test_a_follow_up_after_a_message_that_only_told_is_read_with_what_the_answer_proposed(
        told, answered, follow_up, query):
    history = [{"role": "user", "content": told}, {"role": "assistant", "content": answered}]
    assert read_turn(follow_up, history).query == query
    # after a question, "that" is what it asked about, read with it as before
    history[0]["content"] = f"{told} Wat nu?"
    assert told in read_turn(follow_up, history).query


@pytest.mark.parametrize("told", [
    "I have been off sick for 21 months. A colleague told me a letter from UWV is coming soon.",
    "I have been off sick for 21 months. A colleague told me a letter from UWV is coming soon. What now?",
])
def test_a_follow_up_that_only_misses_a_step_asks_what_missing_the_step_with_the_deadline_does(told):
    # "it" is the step the answer gave a deadline for, whatever the message before asked
    history = [{"role": "user", "content": told}, {"role": "assistant", "content": (
        "UWV writes to you around week 88. You apply for WIA yourself, at the latest by the end of week 93.")}]
    assert read_turn("and what if I miss it?", history).query == "what happens if the wia is late or missed?"
    # a follow-up that says more than that it is late, or an answer that gave no deadline, is read as before
    assert read_turn("and what if I miss it because I'm in hospital then?", history).query != \
        "what happens if the wia is late or missed?"
    history[1]["content"] = "UWV writes to you around week 88. You apply for WIA yourself."
    assert read_turn("and what if I miss it?", history).query != "what happens if the wia is late or missed?"


def test_what_that_costs_after_a_question_that_named_no_subject_is_asked_of_what_the_answer_proposed():
    """The answer proposed dismissal ("op te zeggen" is what our texts call "ontslag"): its cost is
    the transitievergoeding, not the cost of whatever "wat kan ik doen?" might mean."""
    asked = "mijn medewerker is nu twee jaar ziek en er is geen zicht op terugkeer, wat kan ik doen?"
    history = [{"role": "user", "content": asked},
               {"role": "assistant", "content": "Na 104 weken ziekte kunt u bij UWV toestemming vragen om de "
                                                "arbeidsovereenkomst op te zeggen wegens langdurige "
                                                "arbeidsongeschiktheid."}]
    query = read_turn("kost mij dat dan nog geld?", history).query
    assert asked in query and query.split()[-1] == "ontslag"
    # a question that named its subject says what "dat" is
    history[0]["content"] = "wat kan ik doen als het re-integratieverslag klaar is?"
    assert "ontslag" not in read_turn("kost mij dat dan nog geld?", history).query


def test_a_message_that_opens_with_a_short_question_pointing_back_follows_up_in_each_part():
    """"wat kost dat ons" asks about the deskundigenoordeel the answer proposed, and so does the
    part after it; read alone, the first asked about nothing and the second got "()"."""
    history = [{"role": "user", "content": "wij bieden onze zieke werknemer een administratieve functie aan, maar zij "
                                           "vindt dat werk niet passend. wie heeft er gelijk?"},
               {"role": "assistant", "content": "U kunt bij UWV een deskundigenoordeel aanvragen over de vraag of "
                                                "het aangeboden werk passend is."}]
    turn = read_turn("wat kost dat ons en hoe lang moeten we op de uitkomst wachten?", history)
    assert turn.follow_up and len(turn.parts) == 2
    assert all("deskundigenoordeel" in q for q in turn.queries)
    # the story the first part was read with is not told twice
    assert turn.queries[1].count("administratieve") == 1


def test_a_follow_up_after_a_question_in_two_parts_is_about_the_subject_of_the_first():
    """"en als hij niet meewerkt?" after "wat is spoor 2 en wanneer moet ik daarmee beginnen?" asks
    about non-cooperation in spoor 2; read with the whole question before it, the timing part won
    and the asker got the start date card again."""
    history = [{"role": "user", "content": "Wat is spoor 2 en wanneer moet ik daarmee beginnen? Mijn werknemer "
                                           "is nu een jaar ziek."},
               {"role": "assistant", "content": "Spoor 2 is re-integratie bij een andere werkgever. In de praktijk "
                                                "start het uiterlijk zes weken na de eerstejaarsevaluatie."}]
    turn = read_turn("en als hij niet meewerkt?", history, "werkgever")
    assert turn.follow_up
    query = turn.queries[0]
    assert "spoor 2" in query and "meewerkt" in query
    assert "beginnen" not in query and "wanneer" not in query


def test_a_follow_up_that_points_at_a_step_by_its_general_name_asks_about_the_step_the_answer_named():
    """"die evaluatie" after an answer that named the eerstejaarsevaluatie is that evaluation; a
    time ("dit jaar") and a noun that names no step ("dat bureau") stay as they are."""
    history = [{"role": "user", "content": "Mijn werknemer is 44 weken ziek. Wat moet ik nu regelen?"},
               {"role": "assistant", "content": "De 42e-weeksmelding bij UWV moet inmiddels gedaan zijn. Daarnaast "
                                                "plant u tussen week 46 en week 52 de eerstejaarsevaluatie."}]
    turn = read_turn("wat moet er in die evaluatie eigenlijk gebeuren?", history, "werkgever")
    assert "eerstejaarsevaluatie" in turn.queries[0]
    assert turn.parts == ("wat moet er in die evaluatie eigenlijk gebeuren?",)  # the asker's own words
    history = [{"role": "user", "content": "hoeveel loon moet ik doorbetalen aan een zieke werknemer?"},
               {"role": "assistant", "content": "Minimaal 70% van het loon, tot het maximum dagloon. In het eerste "
                                                "ziektejaar minstens het minimumloon."}]
    assert "ziektejaar?" not in read_turn("en hoe hoog is dat maximum dit jaar?", history).queries[0]
    history = [{"role": "user", "content": "er is geen zicht op terugkeer, wat nu?"},
               {"role": "assistant", "content": "Dan start u spoor 2, meestal met een re-integratiebureau."}]
    assert "re-integratiebureau" not in read_turn("wie betaalt dat bureau?", history).queries[0]


def test_a_story_without_a_question_asks_what_the_writer_says_they_do_not_know():
    """No question mark, and the last sentence is about a son's car: what the writer says they do
    not know is the question, without the reason they give for it."""
    story = ("Bij het laatste spreekuur zei de bedrijfsarts dat ik vanaf januari vier uur per dag kan werken. "
             "Ik vind dat echt te vroeg. Ik heb gelezen over een second opinion, maar ik weet niet bij wie ik die "
             "moet halen of dat ik die zelf moet betalen, want we hebben weinig ruimte. Mijn zoon heeft net zijn "
             "rijbewijs en wil een auto, dat moet dus ook nog even wachten.")
    core, context = core_questions(story)
    assert core == ["Ik heb gelezen over een second opinion, maar ik weet niet bij wie ik die moet halen of dat "
                    "ik die zelf moet betalen"]
    assert "rijbewijs" in context


def test_going_back_by_name_past_a_detour_reads_the_message_that_named_it():
    """"ok back to the pay thing" after a detour on working part-time: the detour's words ("does
    the clock stop") pulled the card on partial work back; the question is about how long pay lasts."""
    history = [{"role": "user", "content": "How long does my employer have to pay me while I'm sick?"},
               {"role": "assistant", "content": "In principle for 104 weeks (two years), at least 70% of your wage."},
               {"role": "user", "content": "My company doctor wants me to start with 2 hours a day. Does the clock "
                                           "stop once I'm working again?"},
               {"role": "assistant", "content": "No. Working part of your hours does not stop the 104-week period."}]
    turn = read_turn("ok back to the pay thing, is it really 2 years max? a colleague said hers went on longer",
                     history)
    assert turn.follow_up and "pay me while" in turn.query
    assert "clock" not in turn.query and "company doctor" not in turn.query
    assert turn.history == tuple(history)  # dates told in the detour still count
    # going back to a thing the last message named, or to nothing named, reads the conversation as it is
    assert "clock" in read_turn("back to the clock, does it really run on?", history).query
    assert "clock" in read_turn("ok back to it: is that really so?", history).query


def test_a_follow_up_after_a_short_pointing_question_on_uwv_is_about_the_question_before_that():
    """"hoe snel hoor je dan iets van uwv?" names only UWV: a later "can we still dismiss her in that
    extra time?" is about the voluntary extension asked about first, not about hearing from UWV."""
    history = [{"role": "user", "content": "Onze verkoopster is bijna twee jaar ziek maar werkt weer 20 uur. "
                                           "Kunnen we de WIA-aanvraag uitstellen?"},
               {"role": "assistant", "content": "Ja, met een vrijwillige verlenging van de loondoorbetaling."},
               {"role": "user", "content": "hoe snel hoor je dan iets van uwv?"},
               {"role": "assistant", "content": "UWV beslist binnen twee weken op het verzoek."}]
    turn = read_turn("en stel het gaat in die extra tijd toch mis, kunnen we dan alsnog ontslag aanvragen?", history)
    assert "WIA-aanvraag uitstellen" in turn.previous_question
    # a short question that names a subject of its own stays what a follow-up after it is about
    history[2] = {"role": "user", "content": "hoe snel beslist uwv dan over die verlenging?"}
    assert "verlenging" in read_turn("en kunnen we haar in die tijd ontslaan?", history).previous_question


@pytest.mark.parametrize(("history", "audience", "message", "asked"), [
    # the employee leaves undone what spoor 2 asks of them: what not cooperating costs them
    ([("De coach wil dat ik elke week solliciteer. Daar heb ik de energie nog niet voor.",
       "Bespreek het tempo met je coach en je casemanager.")], "werknemer",
     "En als ik die sollicitaties gewoon niet doe?", ("niet meewerk", "sollicitaties")),
    # the employer leaves spoor 2 undone: what UWV can do (a loonsanctie)
    ([("Wij zijn een klein aannemersbedrijf. Moeten wij nu echt zo'n spoor 2 doen?",
       "Als er geen zicht is op terugkeer in uw eigen bedrijf, moet u spoor 2 inzetten.")], "werkgever",
     "en als we het gewoon laten zitten? wat gebeurd er dan", ("werkgever spoor", "loonsanctie")),
    # "hij" told by an employee is the employer the conversation was about
    ([("ik heb nog nooit een plan van aanpak gezien. is dat normaal?",
       "Nee. Je werkgever moet binnen twee weken na de probleemanalyse een plan van aanpak opstellen.")],
     "werknemer", "en merkt hij daar zelf ooit iets van als hij het gewoon blijft laten liggen?",
     ("werkgever plan van aanpak", "loonsanctie")),
    # a report left undone is no loonsanctie: it is asked as that report's own consequence
    ([("Wanneer moet ik mijn werknemer bij UWV melden?",
       "Uiterlijk op de eerste werkdag na de 42e ziekteweek doet u de 42e-weeksmelding.")], "werkgever",
     "en als we het gewoon niet doen?", ("42e", "te laat")),
    ([("I've been asked to start track 2. Do I have to take part?", "Yes, you must cooperate with track 2.")],
     "werknemer", "what if I just don't do it?", ("not cooperate", "track")),
    # the step left undone named by what is done to it: "make", "draw up", "maakt", "aanvragen"
    ([("I have never seen an action plan. Is that normal?",
       "No. Your employer must draw up an action plan within two weeks of the problem analysis.")],
     "werknemer", "and what if my employer just doesn't make one?", ("employer", "action plan", "wage sanction")),
    ([("ik heb nog nooit een plan van aanpak gezien. is dat normaal?",
       "Nee. Je werkgever moet binnen twee weken na de probleemanalyse een plan van aanpak opstellen.")],
     "werknemer", "en als mijn werkgever het gewoon niet maakt?", ("werkgever plan van aanpak", "loonsanctie")),
    ([("Moet de werknemer na 93 weken zelf de WIA aanvragen?", "Ja, de werknemer vraagt de WIA zelf aan.")],
     "werkgever", "en als ze het gewoon niet aanvraagt?", ("werknemer", "loonstop")),
])
def test_a_follow_up_that_leaves_a_step_undone_asks_what_that_costs_whoever_leaves_it(
        history, audience, message, asked):
    turn = read_turn(message, [{"role": role, "content": text} for pair in history
                               for role, text in zip(("user", "assistant"), pair)], audience=audience)
    assert all(word in turn.queries[0] for word in asked), turn.queries
    assert "loonsanctie" not in turn.queries[0] or "42e" not in turn.queries[0]


def test_leaving_something_undone_in_a_question_that_asks_more_is_read_as_asked():
    history = [{"role": "user", "content": "Moet ik meewerken aan spoor 2?"},
               {"role": "assistant", "content": "Ja, je moet meewerken aan spoor 2."}]
    long = ("Als ik het niet doe omdat mijn coach nooit terugbelt en mijn werkgever ook niets van zich laat horen, "
            "wie moet ik dan eigenlijk bellen om dat te regelen?")
    assert "loonstop" not in read_turn(long, history, audience="werknemer").queries[0]
    # without knowing who asks, nothing is presumed about whose duty it is
    assert "loonstop" not in read_turn("en als ik het niet doe?", history).queries[0]


@pytest.mark.parametrize(("message", "wanted"), [
    ("sorry my dutch is not so good, can you say that in english?", "en"),
    ("in english please", "en"),
    ("Kun je dat in het Nederlands uitleggen?", "nl"),
    ("Is the RIV available in English as well?", ""),  # a question of its own
    ("My manager only speaks English with me, is that allowed during my sick leave?", ""),
])
def test_a_request_for_the_answer_in_another_language_is_told_from_a_question(message, wanted):
    assert language_asked(message) == wanted


def test_asking_for_the_answer_in_english_asks_the_question_before_again_in_english():
    history = [{"role": "user", "content": "Wie betaalt het spoor 2-traject?"},
               {"role": "assistant", "content": "U als werkgever betaalt het spoor 2-traject."}]
    turn = read_turn("sorry, my dutch is not so good. can you say that in english?", history, audience="werkgever",
                     language="nl")
    assert turn.language == "en" and turn.parts == ("Wie betaalt het spoor 2-traject?",)
    # with another question beside it, both are answered, in the order asked
    turn = read_turn("can you say that in english? and how long does it take?", history, language="nl")
    assert turn.language == "en" and turn.parts[0] == "Wie betaalt het spoor 2-traject?" and len(turn.parts) == 2


@pytest.mark.parametrize("remark", ["Sorry, I'm his daughter and I read English better.",
                                    "My Dutch is not so good, sorry."])
def test_a_sentence_on_the_language_one_reads_does_not_stop_a_follow_up(remark):
    """"Sorry, I'm his daughter and I read English better. Who has to file that, him or his boss?"
    after a Dutch answer on the vervroegde IVA was read as a new question about one's own file."""
    history = [{"role": "user", "content": "Mijn vader is ongeneeslijk ziek. De bedrijfsarts noemde een "
                                           "vervroegde IVA-aanvraag. Wat is dat?"},
               {"role": "assistant", "content": "Met een vervroegde IVA-aanvraag wordt de WIA eerder "
                                                "aangevraagd dan na twee jaar ziekte."}]
    turn = read_turn(f"{remark} Who has to file that, him or his boss? And is there a deadline?", history,
                     language="nl")
    assert turn.follow_up and turn.language == "en"
    assert turn.parts == ("Who has to file that, him or his boss?", "And is there a deadline?")
    assert all("vervroegde" in q.lower() for q in turn.queries), turn.queries
    # alone, or with a subject of ours in it, it is kept
    assert read_turn("My Dutch is not so good.", history).message == "My Dutch is not so good."
    assert "RIV" in read_turn("My Dutch is not so good, is the RIV in English? Who signs it?", history).message


def test_asking_to_go_on_in_english_answers_the_question_beside_it_in_english_with_the_story():
    """"Sorry, can you continue in English?" before a question answered the question before
    again (or, not seen as a request, was answered as a question of its own)."""
    history = [{"role": "user", "content": "Onze productiemedewerker had een tijdelijk contract en is ziek uit "
                                           "dienst gegaan. Wij zijn eigenrisicodrager voor de Ziektewet."},
               {"role": "assistant", "content": "Als eigenrisicodrager voor de Ziektewet betaalt u zelf de "
                                                "Ziektewet-uitkering van ex-werknemers."}]
    turn = read_turn("Sorry, can you continue in English? Our payroll lady doesn't read Dutch. So who handles "
                     "his reintegration now, UWV?", history, audience="werkgever", language="nl")
    assert turn.language == "en" and turn.parts == ("So who handles his reintegration now, UWV?",)
    assert "eigenrisicodrager" in turn.query  # read as a follow-up of the conversation
    # alone, it asks the question before again, in English
    alone = read_turn("can you continue in english please?", history, audience="werkgever", language="nl")
    assert alone.language == "en" and "eigenrisicodrager" in alone.parts[0].lower()


@pytest.mark.parametrize(("before", "message", "meant"), [
    ("Hoeveel tijd heb ik voor het plan van aanpak?",
     "nee, ik bedoelde het re-integratieverslag. onze planner zit in haar tweede ziektejaar",
     "Hoeveel tijd heb ik voor het re-integratieverslag?"),
    ("Wie betaalt de second opinion?", "sorry, ik bedoel het deskundigenoordeel",
     "Wie betaalt het deskundigenoordeel?"),
    ("Wanneer moet de 42e-weeksmelding binnen zijn?", "nee ik bedoel de ziekmelding bij de arbodienst",
     "Wanneer moet de ziekmelding bij de arbodienst binnen zijn?"),
])
def test_a_correction_asks_the_question_before_about_what_was_meant(before, message, meant):
    """"nee, ik bedoelde het re-integratieverslag" got "wat wilt u weten?"."""
    history = [{"role": "user", "content": before}, {"role": "assistant", "content": "..."}]
    turn = read_turn(message, history, audience="werkgever")
    assert turn.follow_up and turn.parts == (meant,)


def test_a_no_that_names_no_other_thing_of_ours_is_not_a_correction():
    history = [{"role": "user", "content": "Wie betaalt de second opinion?"},
               {"role": "assistant", "content": "..."}]
    turn = read_turn("nee ik bedoel dat hij niks doet aan mijn re-integratie", history, audience="werknemer")
    assert "betaalt" not in turn.parts[0]


def test_a_story_question_that_names_what_its_pointer_points_at_is_read_on_its_own_words():
    """"die twee ziekteperiodes" names what it points at: the bureau of the sentence before
    (which names spoor 2) is not what it asks about."""
    (part,) = core_questions(
        "Onze chauffeur was ziek van 2 maart tot 14 juni en viel op 8 juli opnieuw uit. Het kantoor telt "
        "vanaf 8 juli, de arbodienst vanaf maart. Ik moet ook nog een bureau voor spoor 2 kiezen, maar eerst "
        "wil ik weten wie er gelijk heeft. Tellen die twee ziekteperiodes nou als één?")[0]
    assert part == "Tellen die twee ziekteperiodes nou als één?"


def test_what_a_pointed_at_thing_costs_is_read_with_the_sentence_naming_that_thing():
    """Not with the whole story back to its build-up of hours: the second opinion is what costs."""
    part = core_questions(
        "one of my recruiters is sick since the summer with burnout and the company doctor thinks she can "
        "slowly build up hours, we even talked about track 2 if it doesnt work. but now she says she doesnt "
        "trust our company doctor and wants a second opinion. do i have to pay for that??")[0][0]
    assert part.startswith("but now she says") and "build up hours" not in part


def test_who_is_right_before_a_second_question_is_read_with_what_each_one_said():
    parts, _ = core_questions(
        "my track 2 job coach now wants me to apply for an admin job at the municipality. my employer says if "
        "i refuse they can stop my wages. my sister says you only have to accept work at your own level. "
        "who's right, do i have to take a job like that?")
    assert len(parts) == 2
    assert "my sister says you only have to accept work at your own level" in parts[0]
    assert parts[0].endswith("who's right") and parts[1] == "do i have to take a job like that?"


def test_a_fact_added_by_the_way_asks_the_question_before_again_with_it():
    """"ik zit trouwens nog in mijn proeftijd" after a question on dismissal got "what would you like
    to know?": it changes the answer to that question."""
    history = [{"role": "user", "content": "Mag mijn werkgever mij ontslaan als ik ziek ben?"},
               {"role": "assistant", "content": "Nee, tijdens de eerste twee jaar geldt een opzegverbod."}]
    turn = read_turn("ik zit trouwens nog in mijn proeftijd, ben pas 5 weken in dienst", history)
    assert turn.follow_up
    (query,) = turn.queries
    assert "ontslaan" in query and "proeftijd" in query


def test_is_it_true_that_is_read_with_the_claim_as_it_was_told():
    """Not with the worry right before it ("money" pulled the search to pay)."""
    (part,) = core_questions(
        "My boss told me that because I've now been sick for more than two years, my contract ends "
        "automatically and I should hand in my laptop. I got a WIA benefit from UWV last month. I'm actually "
        "scared of losing the last bit of connection to work and money. Is it true that my contract just ends "
        "now?")[0]
    assert part.startswith("My boss told me") and "scared" not in part


def test_an_aside_in_brackets_does_not_split_the_sentence_a_question_points_back_at():
    """A comma inside the brackets made "ik mocht ... autorijden) en vandaag zei ..." a clause of
    its own, and the question was read from the middle of the sentence."""
    parts, _ = core_questions("ik ben nu 4 maanden ziek (hartproblemen, ik mocht eerst ook niet autorijden) en "
                              "vandaag zei mn leidinggevende dat 'het plan van aanpak al lang klaar is'. ik heb dat "
                              "ding nooit gezien!! mag dat zomaar, dat ze zoiets zonder mij opstellen?")
    assert parts[0].startswith("ik ben nu 4 maanden ziek en vandaag zei mn leidinggevende"), parts
    assert "autorijden" not in parts[0] and parts[0].endswith("zonder mij opstellen?")


def test_what_is_that_asks_about_the_term_the_sentence_before_names_not_the_whole_story():
    """The illness told before it went along with the term, and its words got the answer on the
    diagnosis and privacy for "who has to file that?" after it."""
    parts, context = core_questions("Mijn vader heeft een ongeneeslijke vorm van kanker. De bedrijfsarts noemde een "
                                    "vervroegde IVA-aanvraag. Wat is dat?")
    assert parts == ["De bedrijfsarts noemde een vervroegde IVA-aanvraag. Wat is dat?"]
    assert "kanker" in context  # told, kept as the story around it


def test_a_storys_question_about_persons_that_names_its_own_subject_is_asked_on_its_own_words():
    """"they" and "now that" pointed nowhere, yet the question was read with the sentence naming
    the labour expert, whose card answered "Can they fire me?"."""
    parts, _ = core_questions("Since January I've been on sick leave with burnout. Now my manager has scheduled a "
                              "first-year evaluation with HR and an external labour expert. I'm really scared. Can "
                              "they fire me now that I've been sick for a year? And what is this meeting for?")
    assert parts[0] == "Can they fire me now that I've been sick for a year?", parts
    # a person pointed at, without a subject of its own, still keeps what was told
    parts, _ = core_questions("Mijn collega zit al maanden thuis met een burn-out en krijgt nu spoor 2. Ik snap "
                              "er niks van. Moet hij daar echt aan meewerken?")
    assert "spoor 2" in parts[0], parts


@pytest.mark.parametrize(("message", "asked", "meant"), [
    ("ow wacht, ik haal dingen door elkaar: ik bedoel die evaluatie na het eerste jaar. wanneer is die?",
     "Wanneer moet het re-integratieverslag klaar zijn?", "Wanneer moet die evaluatie na het eerste jaar klaar zijn?"),
    ("wait, my mistake, I meant the action plan", "When is the problem analysis due?", "When is the action plan due?"),
])
def test_a_correction_after_an_interjection_is_read_as_the_question_meant(message, asked, meant):
    """"ow wacht, ik haal dingen door elkaar:" before "ik bedoel" left the correction unread, and
    the question before was answered again."""
    assert corrected_question(message, asked) == meant


def test_a_correction_that_tells_something_else_asks_the_question_before_about_it():
    """"nee ik bedoel iets anders, hij ..." named no thing to put in the question before, so it
    was read as a message that only told, and got "Wat wilt u weten?"."""
    asked = "Wij willen een loonsanctie geven aan een medewerker die niet op het spreekuur komt."
    told = "hij komt wel op het spreekuur maar weigert het werk dat de bedrijfsarts passend vindt"
    assert corrected_question(f"nee ik bedoel iets anders, {told}", asked) == f"{asked} {told}"
    assert corrected_question(f"no, I meant something else: {told}", asked) == f"{asked} {told}"
    assert corrected_question("nee ik bedoel iets anders", asked) == ""


@pytest.mark.parametrize(("message", "read_as"), [
    ("so what happens to his pay if he just says no thanks?", "if he just refuses?"),
    ("and if she turns it down?", "and if she refuses?"),
    ("can I say no?", "can I say no?"),  # whether one may refuse reads well as it is
    ("en als hij gewoon nee zegt?", "en als hij weigert?"),
    ("wat als hij het aanbod afslaat?", "wat als hij het aanbod weigert?"),
])
def test_refusing_said_in_other_words_is_retrieved_as_refusing(message, read_as):
    """"says no thanks" was read as getting better: the card on recovering during track 2 came
    back for a question about what refusing costs. The part keeps the asker's words."""
    history = [{"role": "user", "content": "My brother is sick and his employer wants him in track 2."},
               {"role": "assistant", "content": "The employee is expected to take part in track 2."}]
    turn = read_turn(message, history)
    assert read_as in turn.queries[0], turn.queries
    assert turn.parts[0] == message


def test_a_question_that_names_a_step_only_to_set_it_apart_follows_up_on_what_it_points_at():
    """"what else needs to be in it besides the final evaluation?" named a step of ours, so it was
    read as a new question about the final evaluation, not about "it": the report asked before."""
    history = [{"role": "user", "content": "Onze monteur is bijna twee jaar ziek. Ons arbo-adviesbureau zegt dat "
                                           "we het re-integratieverslag moeten afronden."},
               {"role": "assistant", "content": "Het re-integratieverslag gaat mee met de WIA-aanvraag."}]
    turn = read_turn("what else needs to be in it besides the final evaluation? I want to be sure nothing is "
                     "missing when UWV looks at it", history)
    assert turn.follow_up and "re-integratieverslag" in turn.queries[0], turn.queries
    # a step named as the subject is still a question of its own
    turn = read_turn("and what must be in the final evaluation itself?", history)
    assert "re-integratieverslag moeten afronden" not in turn.queries[0], turn.queries


def test_the_two_years_named_as_a_counter_are_a_subject_of_their_own():
    """"Begint de teller van de twee jaar nu weer bij nul?" named nothing of ours, so it was read
    with the story before and the answer's bedrijfsarts, and got a passage on spoor 2."""
    history = [{"role": "user", "content": "Een chauffeur van ons was ziek vanaf maandag 5 oktober, werkte vanaf 9 "
                                           "november weer volledig en is sinds 30 november opnieuw ziek."},
               {"role": "assistant", "content": "Meld hem weer ziek, zodat de bedrijfsarts hem kan zien."}]
    turn = read_turn("Begint de teller van de twee jaar nu weer bij nul? Het is een heel andere klacht.", history)
    assert "bedrijfsarts" not in turn.queries[0] and "chauffeur" not in turn.queries[0], turn.queries


@pytest.mark.parametrize("message", [
    "Oké. Los daarvan: mijn werknemer vertrouwt onze bedrijfsarts niet en wil een second opinion. Mag dat?",
    "Thanks. Different question: my employee does not trust our company doctor. Can he get a second opinion?",
])
def test_a_new_topic_after_a_word_of_thanks_is_read_on_its_own(message):
    """"Oké. Los daarvan: ..." was read with the question before (the week-42 notification), whose
    card answered the second opinion."""
    history = [{"role": "user", "content": "Moet ik de 42e-weeksmelding zelf doen of doet de arbodienst dat?"},
               {"role": "assistant", "content": "De melding is uw verantwoordelijkheid als werkgever."}]
    turn = read_turn(message, history)
    assert not turn.follow_up and "42e" not in turn.queries[0], turn.queries
    assert turn.parts[0].startswith(("mijn werknemer", "my employee")), turn.parts


def test_more_time_than_thought_is_no_cost_and_the_follow_up_is_about_the_answers_subject():
    """"als het meer tijd kost" names no money: the follow-up is about the extension the answer named."""
    history = [{"role": "user", "content": "We willen de WIA-aanvraag liever uitstellen."},
               {"role": "assistant", "content": "Dat kan met een vrijwillige verlenging van de loondoorbetaling."}]
    turn = read_turn("En als het meer tijd kost dan we dachten, kunnen we daarna nog een keer?", history)
    assert "verlenging" in turn.queries[0], turn.queries


def test_who_pays_for_that_after_a_track_2_programme_is_about_the_track():
    """"een tweede-spoortraject" names the track; "wie betaalt dat dan?" was read as being about the
    plan van aanpak of the answer's next sentence."""
    history = [{"role": "user", "content": "Het onderzoek is klaar: terug in zijn eigen werk zit er niet in."},
               {"role": "assistant", "content": "Dan ligt een tweede-spoortraject voor de hand: re-integratie bij "
                                                "een andere werkgever. U legt dat vast in een bijstelling van het "
                                                "plan van aanpak."}]
    turn = read_turn("Wie betaalt dat dan?", history)
    assert "tweede spoor" in turn.queries[0] and "plan van aanpak" not in turn.queries[0], turn.queries
