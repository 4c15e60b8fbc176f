"""What the answering engine says in fixed words: refusals, greetings, clarifying questions.

Each refusal says in one sentence why, and where to go instead.
"""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "out_of_scope": {
        "u": (
            "Daar kan ik u niet mee helpen: die vraag valt buiten mijn onderwerp. Ik "
            "beantwoord vragen over re-integratie bij ziekte (Wet verbetering poortwachter): "
            "spoor 1 en spoor 2, verplichtingen, kosten en termijnen. Daarover help ik u graag."),
        "je": (
            "Daar kan ik je niet mee helpen: die vraag valt buiten mijn onderwerp. Ik "
            "beantwoord vragen over re-integratie bij ziekte (Wet verbetering poortwachter): "
            "spoor 1 en spoor 2, verplichtingen, kosten en termijnen. Daarover help ik je "
            "graag."),
        "en": (
            "I can't help with that: it is outside my subject. I answer questions about "
            "returning to work during illness under the Wet verbetering poortwachter: track 1 "
            "and track 2, obligations, costs and deadlines. I'm glad to help with those."),
    },
    "other_legal": {
        "u": (
            "Daar kan ik u niet mee helpen: dat is een ander rechtsgebied dan re-integratie "
            "bij ziekte. Het Juridisch Loket (0800 8020) of een advocaat kan u daarover "
            "adviseren. Ik beantwoord vragen over re-integratie bij ziekte (Wet verbetering "
            "poortwachter): spoor 1 en spoor 2, verplichtingen, kosten en termijnen. Daarover "
            "help ik u graag."),
        "je": (
            "Daar kan ik je niet mee helpen: dat is een ander rechtsgebied dan re-integratie "
            "bij ziekte. Het Juridisch Loket (0800 8020) of een advocaat kan je daarover "
            "adviseren. Ik beantwoord vragen over re-integratie bij ziekte (Wet verbetering "
            "poortwachter): spoor 1 en spoor 2, verplichtingen, kosten en termijnen. Daarover "
            "help ik je graag."),
        "en": (
            "I can't help with that: it is a different area of law than returning to work "
            "during illness. The Juridisch Loket (0800 8020) or a lawyer can advise you. I "
            "answer questions about returning to work during illness under the Wet verbetering "
            "poortwachter: track 1 and track 2, obligations, costs and deadlines. I'm glad to "
            "help with those."),
    },
    "urgent": {
        "u": (
            "Dit klinkt dringend. Bij acute klachten, zoals pijn of druk op de borst of "
            "benauwdheid, belt u direct 112, of de huisarts of de huisartsenpost. Denkt u aan "
            "zelfdoding, bel dan 113 (gratis: 0800 0113) of chat via 113.nl, dag en nacht. Ik geef "
            "geen medisch advies. Met uw vraag over re-integratie help ik u daarna graag."),
        "je": (
            "Dit klinkt dringend. Bij acute klachten, zoals pijn of druk op de borst of "
            "benauwdheid, bel je direct 112, of je huisarts of de huisartsenpost. Denk je aan "
            "zelfdoding, bel dan 113 (gratis: 0800 0113) of chat via 113.nl, dag en nacht. Ik geef "
            "geen medisch advies. Met je vraag over re-integratie help ik je daarna graag."),
        "en": (
            "This sounds urgent. With acute symptoms, such as chest pain or pressure or "
            "shortness of breath, call 112 now, or your GP (huisarts) or the out-of-hours GP "
            "service (huisartsenpost). If you are thinking about suicide, call 113 (free: "
            "0800 0113) or chat at 113.nl, day and night. I don't give medical advice. I'm glad "
            "to help with your question about returning to work after that."),
    },
    "tax": {
        "u": (
            "Daar kan ik u niet mee helpen: dat is een belastingvraag, geen vraag over "
            "re-integratie bij ziekte. De Belastingdienst (BelastingTelefoon 0800 0543) of een "
            "belastingadviseur kan u daarover adviseren. Ik beantwoord vragen over re-integratie "
            "bij ziekte (Wet verbetering poortwachter): spoor 1 en spoor 2, verplichtingen, "
            "kosten en termijnen. Daarover help ik u graag."),
        "je": (
            "Daar kan ik je niet mee helpen: dat is een belastingvraag, geen vraag over "
            "re-integratie bij ziekte. De Belastingdienst (BelastingTelefoon 0800 0543) of een "
            "belastingadviseur kan je daarover adviseren. Ik beantwoord vragen over re-integratie "
            "bij ziekte (Wet verbetering poortwachter): spoor 1 en spoor 2, verplichtingen, "
            "kosten en termijnen. Daarover help ik je graag."),
        "en": (
            "I can't help with that: it is a tax question, not one about returning to work "
            "during illness. The Dutch Tax Administration (Belastingdienst, BelastingTelefoon "
            "0800 0543) or a tax adviser can advise you. I answer questions about returning to "
            "work during illness under the Wet verbetering poortwachter: track 1 and track 2, "
            "obligations, costs and deadlines. I'm glad to help with those."),
    },
    "personal_data": {
        "u": (
            "Dat kan ik niet doen: ik geef en zoek geen persoonsgegevens van anderen, zoals "
            "adressen, BSN's of diagnoses. Een diagnose blijft tussen de zieke en de "
            "bedrijfsarts; wat voor het werk nodig is, zoals beperkingen en mogelijkheden, "
            "hoort u via de bedrijfsarts of arbodienst."),
        "je": (
            "Dat kan ik niet doen: ik geef en zoek geen persoonsgegevens van anderen, zoals "
            "adressen, BSN's of diagnoses. Heb je gegevens over jezelf nodig, vraag die dan op "
            "bij de arbodienst of UWV."),
        "en": (
            "I can't do that: I don't give out or look up other people's personal data, such "
            "as addresses, BSNs or diagnoses. A diagnosis stays between the sick person and "
            "the company doctor; what work needs to know, such as limitations and abilities, "
            "comes through the company doctor or occupational health service."),
    },
    "document_request": {
        "u": (
            "Dat doe ik niet: ik help niet bij het misleiden van een arts, UWV of werkgever. "
            "Medische verklaringen en officiële stukken schrijft alleen wie ervoor "
            "verantwoordelijk is, zoals de bedrijfsarts, de huisarts of UWV. Ik kan wel "
            "uitleggen wat er in zo'n stuk hoort en wie het opstelt."),
        "je": (
            "Dat doe ik niet: ik help niet bij het misleiden van een arts, UWV of werkgever. "
            "Medische verklaringen en officiële stukken schrijft alleen wie ervoor "
            "verantwoordelijk is, zoals de bedrijfsarts, de huisarts of UWV. Ik kan wel "
            "uitleggen wat er in zo'n stuk hoort en wie het opstelt."),
        "en": (
            "I won't do that: I don't help mislead a doctor, UWV or an employer. Medical "
            "statements and official documents can only be written by whoever is responsible "
            "for them, such as the company doctor, your GP or UWV. I can explain what such a "
            "document contains and who draws it up."),
    },
    "injection": {
        "u": (
            "Ik volg mijn vaste werkwijze en kan die niet aanpassen of tonen. Met vragen over "
            "re-integratie, spoor 2 en de termijnen van de Wet verbetering poortwachter help "
            "ik u graag."),
        "je": (
            "Ik volg mijn vaste werkwijze en kan die niet aanpassen of tonen. Met vragen over "
            "re-integratie, spoor 2 en de termijnen van de Wet verbetering poortwachter help "
            "ik je graag."),
        "en": (
            "I keep to my fixed way of working and can't change or reveal it. I'm happy to "
            "help with questions about reintegration, track 2 and the deadlines of the Wet "
            "verbetering poortwachter."),
    },
    "medical": {
        "u": (
            "Ik geef geen medisch advies: dat hoort bij een arts. Bespreek klachten, "
            "behandeling of medicijnen met de huisarts of de bedrijfsarts. Over het "
            "re-integratieproces zelf (wie wat doet en wanneer) help ik u wel."),
        "je": (
            "Ik geef geen medisch advies: dat hoort bij een arts. Bespreek klachten, "
            "behandeling of medicijnen met je huisarts of de bedrijfsarts. Over het "
            "re-integratieproces zelf (wie wat doet en wanneer) help ik je wel."),
        "en": (
            "I don't give medical advice: that belongs with a doctor. Please discuss symptoms, "
            "treatment or medication with your GP (huisarts) or the company doctor "
            "(bedrijfsarts). I can help with the reintegration process itself: who does what, "
            "and when."),
    },
    "greeting": {
        "u": (
            "Hallo! Ik beantwoord vragen over re-integratie tweede spoor en de Wet verbetering "
            "poortwachter: verplichtingen, kosten en termijnen. Noem de eerste ziektedag als u "
            "wilt dat ik de termijnen uitreken."),
        "je": (
            "Hallo! Ik beantwoord vragen over re-integratie tweede spoor en de Wet verbetering "
            "poortwachter: verplichtingen, kosten en termijnen. Noem de eerste ziektedag als "
            "je wilt dat ik de termijnen uitreken."),
        "en": (
            "Hello! I answer questions about track-2 reintegration and the Dutch Gatekeeper "
            "Improvement Act: obligations, costs and deadlines. Tell me the first day of "
            "sickness if you want me to calculate the deadlines."),
    },
    "dont_know": {
        "u": (
            "Dat weet ik niet zeker, en ik wil niet gokken. Vraag het de bedrijfsarts of de "
            "arbodienst, neem contact op met UWV, of laat u adviseren door een jurist."),
        "je": (
            "Dat weet ik niet zeker, en ik wil niet gokken. Vraag het de bedrijfsarts of de "
            "arbodienst, neem contact op met UWV, of laat je adviseren door een jurist."),
        "en": (
            "I'm not sure about that, and I'd rather not guess. Please ask the company doctor "
            "(bedrijfsarts) or the occupational health service (arbodienst), contact UWV, or "
            "get advice from a lawyer."),
    },
    "privacy": {
        "u": (
            "_Let op uw privacy: deel hier geen medische details, BSN, namen of "
            "contactgegevens. Die zijn voor de vraag niet nodig._"),
        "je": (
            "_Let op je privacy: deel hier geen medische details, BSN, namen of "
            "contactgegevens. Die zijn voor de vraag niet nodig._"),
        "en": (
            "_Mind your privacy: please don't share medical details, BSN (citizen service "
            "number), names or contact details here. They are not needed to answer your "
            "question._"),
    },
    "clarify_date": {
        "u": (
            "Dat reken ik graag voor u uit. Wat is de eerste ziektedag? Bijvoorbeeld: \"ziek "
            "sinds 3 maart 2025\". Was de werknemer tussendoor hersteld, noem dan ook die "
            "periode (\"hersteld van 4 juli tot en met 24 juli\")."),
        "je": (
            "Dat reken ik graag voor je uit. Wat is de eerste ziektedag? Bijvoorbeeld: \"ziek "
            "sinds 3 maart 2025\". Was je tussendoor hersteld, noem dan ook die periode "
            "(\"hersteld van 4 juli tot en met 24 juli\")."),
        "en": (
            "Happy to calculate that. What was the first day of sickness? For example: \"sick "
            "since 3 March 2025\". If there was a recovery in between, please give that period "
            "too (\"recovered from 4 July to 24 July\")."),
    },
    "what_if_gap": {
        "nl": ("Was de werknemer tussendoor {gap} dagen hersteld? Dat is korter dan 4 weken: de "
               "periodes worden samengeteld en de hersteldagen tellen niet mee. Termijnen die nog "
               "komen, schuiven {gap} dagen op."),
        "en": ("If the employee was fit for {gap} days in between, that is less than 4 weeks: the "
               "periods are added together and the days of recovery do not count. Deadlines "
               "still ahead move {gap} days later."),
    },
    "empty": {
        "u": (
            "Stel een vraag over re-integratie, spoor 2 of de termijnen van de Wet verbetering "
            "poortwachter."),
        "je": (
            "Stel een vraag over re-integratie, spoor 2 of de termijnen van de Wet verbetering "
            "poortwachter."),
        "en": (
            "Ask a question about reintegration, track 2 or the deadlines of the Wet "
            "verbetering poortwachter."),
    },
    "ask_first_sick_day": {
        "u": (
            "Wilt u de precieze datum? Noem de eerste ziektedag (bijvoorbeeld \"ziek sinds 3 "
            "maart 2025\"), dan reken ik hem voor u uit."),
        "je": (
            "Wil je de precieze datum? Noem de eerste ziektedag (bijvoorbeeld \"ziek sinds 3 "
            "maart 2025\"), dan reken ik hem voor je uit."),
        "en": (
            "Want the exact date? Tell me the first day of sickness (for example \"sick since "
            "3 March 2025\") and I'll work it out."),
    },
    "told": {
        "u": (
            "Dank u voor uw uitleg. Wat wilt u weten? Vraag gerust, bijvoorbeeld naar wat er nu "
            "moet gebeuren en wanneer, de loondoorbetaling, spoor 1 en spoor 2 of de kosten. Noemt "
            "u de eerste ziektedag, dan reken ik de termijnen voor u uit. Medische details, namen "
            "of een BSN zijn daarvoor niet nodig: laat die weg."),
        "je": (
            "Dank je voor je uitleg. Wat wil je weten? Vraag gerust, bijvoorbeeld naar wat er nu "
            "moet gebeuren en wanneer, je loon tijdens ziekte, spoor 1 en spoor 2 of wat je zelf "
            "moet doen. Noem je de eerste ziektedag, dan reken ik de termijnen voor je uit. "
            "Medische details, namen of een BSN zijn daarvoor niet nodig: laat die weg."),
        "en": (
            "Thank you for explaining. What would you like to know? Feel free to ask, for example "
            "what needs to happen now and when, pay during sickness, track 1 and track 2, or the "
            "costs. If you give the first day of sickness, I'll work out the deadlines. Medical "
            "details, names or a BSN aren't needed for that: please leave them out."),
    },
    "ask_eje": {
        "u": (
            "Is de eerstejaarsevaluatie (EJE) al gehouden? In de praktijk start spoor 2 binnen "
            "6 weken daarna. Noem de datum van de EJE en de eerste ziektedag, dan reken ik uit "
            "wanneer spoor 2 uiterlijk moet starten."),
        "je": (
            "Is de eerstejaarsevaluatie (EJE) al gehouden? In de praktijk start spoor 2 binnen "
            "6 weken daarna. Noem de datum van de EJE en de eerste ziektedag, dan reken ik uit "
            "wanneer spoor 2 uiterlijk moet starten."),
        "en": (
            "Has the first-year evaluation (eerstejaarsevaluatie, EJE) been held yet? In "
            "practice track 2 starts within 6 weeks after it. Give the date of the EJE and the "
            "first day of sickness, and I will work out when track 2 should start at the "
            "latest."),
    },
    "who_asks": {
        "u": (
            "Het antwoord hangt af van wie het vraagt. Vraagt u dit als werkgever of als "
            "werknemer?"),
        "je": (
            "Het antwoord hangt af van wie het vraagt. Vraag je dit als werkgever of als "
            "werknemer?"),
        "en": (
            "The answer depends on who is asking. Are you asking as the employer or as the "
            "employee?"),
    },
    "see_also": {
        "u": "Bedoelt u misschien: {question}",
        "je": "Bedoel je misschien: {question}",
        "en": "Or did you mean: {question}",
    },
    "said_above": {
        "u": "Dat staat al in het antwoord hierboven:",
        "je": "Dat staat al in het antwoord hierboven:",
        "en": "That is in the answer above:",
    },
    "answered_above": {
        "u": "Het antwoord hierop staat hierboven.",
        "je": "Het antwoord hierop staat hierboven.",
        "en": "The answer to this is given above.",
    },
    "reviewed": {
        "u": "Bijgewerkt op",
        "je": "Bijgewerkt op",
        "en": "Last reviewed",
    },
    "person": {
        "u": (
            "Ik ben een digitale assistent en kan u niet zelf doorverbinden. Wilt u een "
            "adviseur spreken? Kies dan hieronder \"Stel uw vraag aan een adviseur\" en laat "
            "uw vraag en een e-mailadres of telefoonnummer achter; een adviseur neemt dan "
            "contact met u op. Staat die knop er niet, neem dan contact op met de arbodienst "
            "of de casemanager, of met UWV."),
        "je": (
            "Ik ben een digitale assistent en kan je niet zelf doorverbinden. Wil je een "
            "adviseur spreken? Kies dan hieronder \"Stel je vraag aan een adviseur\" en laat "
            "je vraag en een e-mailadres of telefoonnummer achter; een adviseur neemt dan "
            "contact met je op. Staat die knop er niet, neem dan contact op met je werkgever, "
            "de casemanager of de arbodienst, of met UWV."),
        "en": (
            "I'm a digital assistant and can't put you through myself. Would you like to talk "
            "to an adviser? Choose \"Ask an adviser\" below and leave your question and an "
            "e-mail address or phone number; an adviser will then contact you. If that button "
            "is not there, please contact the occupational health service (arbodienst) or your "
            "case manager, or UWV."),
    },
    # The Poortwachter check in a chat answer ("waar sta ik?").
    "check.head": {
        "u": ("**Waar staat u?** Eerste ziektedag {start}{week}. Dit is de Poortwachter-check "
              "op {today}, met wat u mij vertelde over de stappen."),
        "je": ("**Waar sta je?** Eerste ziektedag {start}{week}. Dit is de Poortwachter-check "
               "op {today}, met wat je mij vertelde over de stappen."),
        "en": ("**Where do you stand?** First sick day {start}{week}. This is the Poortwachter "
               "check on {today}, with what you told me about the steps."),
    },
    "check.week": {"nl": " (nu week {n})", "en": " (now week {n})"},
    "check.due": {"nl": "uiterlijk", "en": "deadline"},
    "check.law": {"nl": "wet", "en": "law"},
    "check.practice": {"nl": "praktijk", "en": "practice"},
    "check.steps_unknown": {
        "u": ("U vertelde nog niets over de stappen: een stap met ⚠️ is alleen te laat als die "
              "nog niet gezet is."),
        "je": ("Je vertelde nog niets over de stappen: een stap met ⚠️ is alleen te laat als die "
               "nog niet gezet is."),
        "en": ("You have not told me about the steps yet: a step marked ⚠️ is only overdue if it "
               "has not been taken."),
    },
    "check.employers_step": {
        "u": ("Dit zet de werkgever in gang; vraag de werkgever of de casemanager ernaar."),
        "je": ("Dit moet je werkgever in gang zetten; vraag je werkgever of casemanager ernaar."),
        "en": ("Your employer has to set this going; ask your employer or case manager about "
               "it."),
    },
    "check.tail": {
        "u": ("Staat een stap als open of te laat maar is die wel gedaan? Zeg het met de datum, "
              "bijvoorbeeld \"plan van aanpak gemaakt op 3 maart\", dan reken ik opnieuw. "
              "De planner (tab Termijnen berekenen) maakt er ook een pdf van voor het dossier. "
              "Of stel uw vraag."),
        "je": ("Staat een stap als open of te laat maar is die wel gedaan? Zeg het met de datum, "
               "bijvoorbeeld \"plan van aanpak gemaakt op 3 maart\", dan reken ik opnieuw. "
               "De planner (tab Termijnen berekenen) maakt er ook een pdf van voor het dossier. "
               "Of stel je vraag."),
        "en": ("Is a step shown as open or overdue that was in fact done? Tell me with the date, "
               "for example \"action plan made on 3 March\", and I will count again. The planner "
               "(tab Calculate deadlines) also makes a PDF of it for the file. Or ask your "
               "question."),
    },
    # A deadline answer (assistant/answering/deadline.py).
    "deadline.counting_from": {"nl": "Uitgaande van de eerste ziektedag **{start}**",
                               "en": "Counting from the first day of sickness, **{start}**"},
    "deadline.today_week": {"nl": " (vandaag is week {week}):", "en": " (today is week {week}):"},
    "deadline.next_deadline": {
        "nl": "**Eerstvolgende termijn: {title}, uiterlijk {when} ({left}).**",
        "en": "**Next deadline: {title}, by {when} ({left}).**",
    },
    # "Mag ik haar per 1 februari ontslaan?" with a first sick day known (answering/dismissal.py)
    "dismissal.until": {
        "nl": ("**Het opzegverbod bij ziekte loopt nog tot en met {end} ({left}): dan zijn de 104 "
               "weken om, gerekend vanaf de eerste ziektedag {start}.** Daarna kan ontslag wegens "
               "langdurige ziekte alleen met toestemming van UWV, en niet zolang een loonsanctie "
               "loopt."),
        "en": ("**The ban on dismissal during sickness still runs up to and including {end} "
               "({left}): then the 104 weeks are over, counting from the first day of sickness, "
               "{start}.** After that, dismissal for long-term illness needs UWV's permission, and "
               "not while a loonsanctie (wage sanction) runs."),
    },
    "dismissal.over": {
        "nl": ("**De 104 weken zijn voorbij: week 104 eindigde op {end}, gerekend vanaf de "
               "eerste ziektedag {start}. Het opzegverbod bij ziekte geldt dus niet meer.** "
               "Ontslag wegens langdurige ziekte kan wel alleen met toestemming van UWV, en niet"
               " zolang een loonsanctie loopt."),
        "en": ("**The 104 weeks are over: week 104 ended on {end}, counting from the first day "
               "of sickness, {start}. So the ban on dismissal during sickness no longer "
               "applies.** Dismissal for long-term illness still needs UWV's permission, and not"
               " while a loonsanctie (wage sanction) runs."),
    },
    "dismissal.asked_after": {
        "nl": ("**Per {asked} zijn de 104 weken voorbij: week 104 eindigt op {end}, gerekend "
               "vanaf de eerste ziektedag {start}. Dan geldt het opzegverbod bij ziekte niet "
               "meer.** Ontslag wegens langdurige ziekte kan wel alleen met toestemming van UWV,"
               " en niet zolang een loonsanctie loopt."),
        "en": ("**By {asked} the 104 weeks are over: week 104 ends on {end}, counting from the "
               "first day of sickness, {start}. Then the ban on dismissal during sickness no "
               "longer applies.** Dismissal for long-term illness still needs UWV's permission, "
               "and not while a loonsanctie (wage sanction) runs."),
    },
    "dismissal.asked_before": {
        "nl": ("**Op {asked} geldt het opzegverbod bij ziekte nog: week 104 eindigt pas op "
               "{end}, gerekend vanaf de eerste ziektedag {start}.** Daarna kan ontslag wegens "
               "langdurige ziekte alleen met toestemming van UWV, en niet zolang een loonsanctie"
               " loopt."),
        "en": ("**On {asked} the ban on dismissal during sickness still applies: week 104 only "
               "ends on {end}, counting from the first day of sickness, {start}.** After that, "
               "dismissal for long-term illness needs UWV's permission, and not while a "
               "loonsanctie (wage sanction) runs."),
    },
    # "zijn we nu al te laat?" about a step: yes or no first
    "deadline.verdict_open": {
        "u": "**{title}: u bent nog op tijd, uiterlijk {when} ({left}).**",
        "je": "**{title}: je bent nog op tijd, uiterlijk {when} ({left}).**",
        "en": "**{title}: you are still in time, by {when} ({left}).**",
    },
    "deadline.verdict_passed": {
        "u": ("**{title}: die termijn is al verstreken (uiterlijk {when}). Alsnog zo snel mogelijk "
              "doen is de volgende stap.**"),
        "je": ("**{title}: die termijn is al verstreken (uiterlijk {when}). Alsnog zo snel "
               "mogelijk doen is de volgende stap.**"),
        "en": ("**{title}: that deadline has already passed (it was {when}). Doing it as soon as "
               "possible is the next step.**"),
    },
    # "eind april willen we de EJE houden. Is dat niet aan de late kant?" (answering/planned.py)
    "deadline.planned_late": {
        "nl": "**{title}: {planned} is te laat. De uiterste datum is {when} ({left}).**",
        "en": "**{title}: {planned} is too late. The last day is {when} ({left}).**",
    },
    "deadline.planned_in_time": {
        "nl": "**{title}: {planned} is op tijd; de uiterste datum is {when} ({left}).**",
        "en": "**{title}: {planned} is in time; the last day is {when} ({left}).**",
    },
    "deadline.planned_only_if": {
        "nl": "**{title}: {planned} is alleen op tijd als het uiterlijk {when} gebeurt ({left}).**",
        "en": "**{title}: {planned} is only in time if it is done by {when} ({left}).**",
    },
    # the early IVA cannot be applied for after week 68 (art. 23 lid 6 WIA)
    "deadline.verdict_closed": {
        "u": ("**{title}: die termijn is al verstreken (uiterlijk {when}). Nu geldt de gewone "
              "wachttijd van 104 weken.**"),
        "je": ("**{title}: die termijn is al verstreken (uiterlijk {when}). Nu geldt de gewone "
               "wachttijd van 104 weken.**"),
        "en": ("**{title}: that deadline has already passed (it was {when}). The normal waiting "
               "period of 104 weeks now applies.**"),
    },
    # how long until a date: "nog 12 dagen", "nog 1 dag" ({count}: `day_count`), "vandaag"
    "deadline.left": {"nl": "nog {count}", "en": "{count} left"},
    "deadline.left_none": {"nl": "vandaag", "en": "due today"},
    "deadline.waiting_over": {"nl": " — de wachttijd van 104 weken is al voorbij:",
                              "en": " — the 104-week waiting period is already over:"},
    "deadline.between": {"nl": "tussen {start} en {end}", "en": "between {start} and {end}"},
    "deadline.by": {"nl": "uiterlijk {when}", "en": "by {when}"},
    # a step the conversation said was done on a day ("de probleemanalyse gemaakt op 24 november")
    "deadline.done_on": {"nl": " — gedaan op {when}", "en": " — done on {when}"},
    "deadline.done_late": {"nl": " — gedaan op {when}, na de termijn",
                           "en": " — done on {when}, after the deadline"},
    "deadline.passed": {"nl": " — al verstreken", "en": " — already passed"},
    "deadline.weekend": {"nl": " — valt in het weekend, regel het liefst de werkdag ervoor",
                         "en": " — falls on a weekend, best handle it on the working day before"},
    "deadline.practice_norm_short": {"nl": " (praktijknorm)", "en": " (practice norm)"},
    "deadline.practice_norm": {"nl": " _Praktijknorm, geen wettelijke termijn._",
                               "en": " _A practice norm, not a statutory deadline._"},
    "deadline.practice_explained": {
        "nl": ("Een praktijknorm is wat UWV en de praktijk verwachten; de wet noemt daar geen "
               "vaste datum."),
        "en": ("A practice norm is what UWV and practitioners expect; the law sets no fixed "
               "date."),
    },
    "deadline.full_timeline": {
        "u": ("De volledige tijdlijn met alle termijnen (en een agenda-bestand) vindt u in het "
              "tabblad **Termijnen berekenen**."),
        "je": ("De volledige tijdlijn met alle termijnen (en een agenda-bestand) vind je in het "
               "tabblad **Termijnen berekenen**."),
        "en": ("See the full timeline with every deadline (and a calendar file) in the "
               "**Calculate deadlines** tab."),
    },
    # The readings a deadline answer took from loose dates (deadline_assumptions.py).
    "assumed.closing": {
        "u": "Klopt dat niet? Geeft u dan de precieze datum, dan reken ik opnieuw.",
        "je": "Klopt dat niet? Geef dan de precieze datum, dan reken ik opnieuw.",
        "en": "Not right? Give the exact date and I will recalculate.",
    },
    "assumed.sanction": {
        "u": ("U noemt een opgelegde loonsanctie (\"{phrase}\") maar niet hoe lang die "
              "duurt. Ik ben uitgegaan van 52 weken: het maximum, en wat UWV in de regel oplegt "
              "(art. 25 lid 9 WIA). Herstelt de werkgever de tekortkoming, dan eindigt de sanctie "
              "eerder. Staat er in het besluit van UWV een ander aantal weken, noem dat dan, dan "
              "reken ik opnieuw."),
        "je": ("Je noemt een opgelegde loonsanctie (\"{phrase}\") maar niet hoe lang die "
               "duurt. Ik ben uitgegaan van 52 weken: het maximum, en wat UWV in de regel oplegt "
               "(art. 25 lid 9 WIA). Herstelt de werkgever de tekortkoming, dan eindigt de "
               "sanctie eerder. Staat er in het besluit van UWV een ander aantal weken, noem dat "
               "dan, dan reken ik opnieuw."),
        "en": ("You mention a wage sanction (\"{phrase}\") but not how long it runs. I have "
               "taken 52 weeks: the maximum, and what UWV imposes as a rule (art. 25(9) WIA). If "
               "the employer repairs the shortcoming, the sanction ends earlier. If UWV's decision "
               "gives another number of weeks, say so and I will recalculate."),
    },
    "assumed.as_first_day": {"nl": "als eerste ziektedag", "en": "as the first day of sickness"},
    "assumed.as_sick_day": {"nl": "als ziektedag", "en": "as a sick day"},
    "assumed.range": {
        "nl": ("Ik ben uitgegaan van **{day}** {role}: \"{phrase}\" kan elke dag van {day} tot en "
               "met {latest} zijn, en de vroegste dag geeft de veiligste termijnen (geen termijn "
               "valt te laat)."),
        "en": ("I have taken **{day}** {role}: \"{phrase}\" can mean any day from {day} to "
               "{latest}, and the earliest one gives the safest deadlines (none of them comes out "
               "late)."),
    },
    "assumed.no_year": {
        "nl": "Bij \"{phrase}\" staat geen jaartal: ik ben uitgegaan van **{when}**.",
        "en": "\"{phrase}\" has no year: I have taken **{when}**.",
    },
    "assumed.until_leave": {
        "u": ("\"{phrase}\" heb ik gelezen als: het verlof eindigde de dag vóór {when} en {when} "
              "telt weer mee (minder verlofdagen geven de vroegere termijnen, zo valt er geen te "
              "laat). Was {when} de laatste verlofdag, zegt u dat dan."),
        "je": ("\"{phrase}\" heb ik gelezen als: het verlof eindigde de dag vóór {when} en {when} "
               "telt weer mee (minder verlofdagen geven de vroegere termijnen, zo valt er geen te "
               "laat). Was {when} de laatste verlofdag, zeg dat dan."),
        "en": ("I read \"{phrase}\" as: the leave ended the day before {when}, and {when} counts "
               "again (fewer leave days give the earlier deadlines, so none comes out late). If "
               "{when} was the last day of the leave, say so."),
    },
    "assumed.until_fit": {
        "u": ("\"{phrase}\" heb ik gelezen als tot en met {when}: de ziekte begon weer de dag "
              "erna. Was de werknemer op {when} zelf al weer ziek, zegt u dat dan: de termijnen "
              "vallen dan een dag eerder."),
        "je": ("\"{phrase}\" heb ik gelezen als tot en met {when}: de ziekte begon weer de dag "
               "erna. Was de werknemer op {when} zelf al weer ziek, zeg dat dan: de termijnen "
               "vallen dan een dag eerder."),
        "en": ("I read \"{phrase}\" as up to and including {when}: the sickness started again "
               "the day after. If the employee was sick again on {when} itself, say so: the "
               "deadlines then fall a day earlier."),
    },
    "assumed.until_sick": {
        "u": ("\"{phrase}\" heb ik gelezen als tot en met {when}: {when} telt als laatste "
              "ziektedag van die periode (zo valt geen termijn te laat). Was {when} de eerste dag "
              "weer aan het werk, zegt u dan \"hersteld op {when}\"."),
        "je": ("\"{phrase}\" heb ik gelezen als tot en met {when}: {when} telt als laatste "
               "ziektedag van die periode (zo valt geen termijn te laat). Was {when} de eerste dag "
               "weer aan het werk, zeg dan \"hersteld op {when}\"."),
        "en": ("I read \"{phrase}\" as up to and including {when}: {when} counts as the last "
               "sick day of that period (so no deadline comes out late). If it was the first day "
               "back at work, say \"recovered on {when}\"."),
    },
    # A site profile's packages, indexed as a document of that site (assistant/sites.py).
    "site_packages": {"nl": "Pakketten en prijzen", "en": "Packages and prices"},
    "site_package_price": {"nl": "{name} kost {price}", "en": "{name} costs {price}"},
}
