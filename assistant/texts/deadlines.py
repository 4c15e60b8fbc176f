"""Deadline wording around the milestones: statuses, actors, table headings, the PDF and the
calendar. The milestones' own titles and descriptions stay with their rules in
`assistant/deadlines/catalogue.py` and `check_catalogue.py`."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # A milestone's status, in every table, legend and download.
    "status.passed": {"nl": "voorbij", "en": "passed"},
    "status.due": {"nl": "binnenkort", "en": "due soon"},
    "status.upcoming": {"nl": "komt nog", "en": "upcoming"},
    "status.done": {"nl": "gedaan", "en": "done"},
    "day": {"nl": "dag", "en": "day"},
    "days": {"nl": "dagen", "en": "days"},
    "today": {"nl": "vandaag", "en": "today"},
    "actor.werkgever": {"nl": "werkgever", "en": "employer"},
    "actor.werknemer": {"nl": "werknemer", "en": "employee"},
    "actor.bedrijfsarts": {"nl": "bedrijfsarts", "en": "company doctor"},
    "actor.UWV": {"nl": "UWV", "en": "UWV"},
    # A step of the Poortwachter check.
    "check.done": {"nl": "gedaan", "en": "done"},
    "check.done_late": {"nl": "gedaan (te laat)", "en": "done (late)"},
    "check.due": {"nl": "nog te doen", "en": "to do"},
    "check.overdue": {"nl": "te laat", "en": "overdue"},
    # The plain-text table of the CLI and chat answers.
    "table.date": {"nl": "Datum", "en": "Date"},
    "table.week": {"nl": "Week", "en": "Week"},
    "table.actor": {"nl": "Wie", "en": "Who"},
    "table.what": {"nl": "Mijlpaal", "en": "Milestone"},
    "table.status": {"nl": "Status", "en": "Status"},
    "table.start": {"nl": "Eerste ziektedag", "en": "First sick day"},
    "table.current": {"nl": "Huidige ziekteweek", "en": "Current sickness week"},
    "table.none": {"nl": "geen", "en": "none"},
    "table.paused": {"nl": "hersteldagen (tellen niet mee)", "en": "fit days (not counted)"},
    "table.practice": {"nl": "praktijknorm", "en": "practice norm"},
    # The planner's HTML table, check table and timeline picture.
    "planner.date": {"nl": "Datum", "en": "Date"},
    "planner.week": {"nl": "Week", "en": "Week"},
    "planner.who": {"nl": "Wie", "en": "Who"},
    "planner.what": {"nl": "Wat", "en": "What"},
    "planner.status": {"nl": "Status", "en": "Status"},
    "planner.basis": {"nl": "Grondslag", "en": "Basis"},
    "planner.check_step": {"nl": "Stap", "en": "Step"},
    "planner.check_due": {"nl": "Uiterlijk", "en": "Deadline"},
    "planner.check_rule": {"nl": "Wet en praktijk", "en": "Law and practice"},
    "planner.check_action": {"nl": "Wat nu", "en": "What to do now"},
    "planner.check_caption": {"nl": "Waar staat u? De Poortwachter-check",
                              "en": "Where do I stand? The Poortwachter check"},
    "planner.aria": {"nl": "Tijdlijn van de ziekteperiode met vandaag gemarkeerd",
                     "en": "Timeline of the sickness period with today marked"},
    "planner.today": {"nl": "Vandaag", "en": "Today"},
    "planner.next_step": {"nl": "volgende stap", "en": "next step"},
    # The calendar download.
    "calendar.name": {"nl": "Poortwachter-termijnen", "en": "Poortwachter deadlines"},
    "calendar.law": {"nl": "wettelijke termijn", "en": "statutory deadline"},
    "calendar.practice": {"nl": "praktijknorm", "en": "practice norm"},
    "calendar.basis": {"nl": "Grondslag", "en": "Legal basis"},
    "calendar.window": {"nl": "Venster", "en": "Window"},
    "calendar.actor": {"nl": "Wie", "en": "Who"},
    "calendar.period": {"nl": "Eerste ziektedag", "en": "First sick day"},
    "calendar.reminder": {"nl": "Over {n} dagen", "en": "In {n} days"},
    "calendar.reminder_1": {"nl": "Morgen", "en": "Tomorrow"},
    "calendar.calc": {"nl": "Berekend door Spoor 2 Assistent; controleer bij twijfel met uw "
                            "bedrijfsarts, arbodienst of UWV.",
                      "en": "Computed by Spoor 2 Assistent; when in doubt, check with your "
                            "bedrijfsarts, arbodienst or UWV."},
    # The one-page PDF for the re-integratiedossier.
    "pdf.title": {"nl": "Poortwachter-termijnen - overzicht voor het re-integratiedossier",
                  "en": "Poortwachter deadlines - summary for the re-integration file"},
    "pdf.made": {"nl": "Gemaakt op {d} met Spoor 2 Assistent.",
                 "en": "Made on {d} with Spoor 2 Assistent."},
    "pdf.inputs": {"nl": "Invoer", "en": "Inputs"},
    "pdf.start": {"nl": "Eerste ziektedag van de periode", "en": "First sick day of the period"},
    "pdf.episodes": {"nl": "Ziekteperiodes", "en": "Sickness periods"},
    "pdf.open": {"nl": "nog ziek", "en": "still sick"},
    "pdf.leave": {"nl": "Zwangerschaps-/bevallingsverlof", "en": "Pregnancy/maternity leave"},
    "pdf.week": {"nl": "Ziekteweek vandaag", "en": "Sickness week today"},
    "pdf.pa": {"nl": "Probleemanalyse gedaan op", "en": "Problem analysis done on"},
    "pdf.eje": {"nl": "Eerstejaarsevaluatie gehouden op", "en": "First-year evaluation held on"},
    "pdf.sanction": {"nl": "Loonsanctie tot en met", "en": "Wage sanction up to"},
    "pdf.ext": {"nl": "Vrijwillige verlenging tot en met", "en": "Voluntary extension up to"},
    "pdf.dates": {"nl": "Berekende data", "en": "Computed dates"},
    "pdf.head_date": {"nl": "Datum", "en": "Date"},
    "pdf.head_week": {"nl": "Week", "en": "Week"},
    "pdf.head_who": {"nl": "Wie", "en": "Who"},
    "pdf.head_milestone": {"nl": "Mijlpaal", "en": "Milestone"},
    "pdf.head_norm": {"nl": "Wet/praktijk", "en": "Law/practice"},
    "pdf.head_basis": {"nl": "Grondslag", "en": "Legal basis"},
    "pdf.law": {"nl": "wet", "en": "law"},
    "pdf.practice": {"nl": "praktijk", "en": "practice"},
    "pdf.evaluations": {"nl": "Evaluaties plan van aanpak ({n}x, elke 6 weken)",
                        "en": "Reviews of the action plan ({n}x, every 6 weeks)"},
    "pdf.check": {"nl": "Stand van zaken (Poortwachter-check)",
                  "en": "Where you stand (Poortwachter check)"},
    "pdf.check_step": {"nl": "Stap", "en": "Step"},
    "pdf.check_due": {"nl": "Uiterlijk", "en": "Deadline"},
    "pdf.check_status": {"nl": "Status", "en": "Status"},
    "pdf.check_basis": {"nl": "Grondslag", "en": "Legal basis"},
    "pdf.check_action": {"nl": "Wat nu", "en": "What to do now"},
    "pdf.disclaimer": {
        "nl": ("Berekend door Spoor 2 Assistent met de termijnen uit de Wet verbetering "
               "poortwachter, de Regeling procesgang en de WIA. Algemene informatie, geen "
               "persoonlijk juridisch advies; controleer bij twijfel met uw bedrijfsarts, "
               "arbodienst of UWV. Praktijknormen staan niet in de wet."),
        "en": ("Computed by Spoor 2 Assistent with the terms of the Wet verbetering "
               "poortwachter, the Regeling procesgang and the WIA. General information, "
               "not personal legal advice; when in doubt, check with your bedrijfsarts, "
               "arbodienst or UWV. Practice norms are not in the law."),
    },
    # The cost view for werkgevers (deadlines/costs.py).
    "costs.waiting_left": {"nl": "**Resterende wachttijd:** {weeks} weken (tot en met {end}).",
                           "en": "**Waiting period left:** {weeks} weeks (until {end})."},
    "costs.months": {"nl": "{n} maanden", "en": "{n} months"},
    "costs.until_end": {"nl": "tot het einde van het 2e ziektejaar",
                        "en": "until the end of the 2nd year"},
    "costs.fits": {"nl": "**Spoor-2-pakketten die nog passen:** {packages}.",
                   "en": "**Spoor-2 packages that still fit:** {packages}."},
    "costs.none": {"nl": "geen", "en": "none"},
    "costs.too_long": {"nl": "Te lang: {packages}.", "en": "Too long: {packages}."},
    "costs.published": {
        "nl": "**Gepubliceerde prijzen (lijstprijzen van bureaus, geen offerte):**",
        "en": "**Published prices (vendors' list prices, not an offer):**",
    },
    "costs.source": {"nl": "bron", "en": "source"},
    "costs.enter_wage": {"nl": "Vul een bruto maandloon in om te vergelijken met een loonsanctie.",
                         "en": "Enter a gross monthly wage to compare with a loonsanctie."},
    "costs.capped": {"nl": " (begrensd op 70% van het maximum dagloon, 2026)",
                     "en": " (capped at 70% of the maximum dagloon, 2026)"},
    "costs.loonsanctie": {
        "nl": "**Een loonsanctie van 52 weken:** ongeveer {total} ({week} per week{capped}).",
        "en": "**A loonsanctie of 52 weeks:** about {total} ({week} a week{capped}).",
    },
    "costs.estimate": {
        "nl": ("Schatting: 70% van het ingevulde bruto loon (het wettelijke minimum, art. 7:629 "
               "BW; uw cao kan meer vragen). Niet inbegrepen: vakantiegeld, werkgeverslasten en "
               "pensioen, cao-aanvullingen, kosten van re-integratie en vervanging. Wat u invult, "
               "wordt niet bewaard."),
        "en": ("Estimate: 70% of the gross wage you entered (the legal minimum, art. 7:629 BW; "
               "your CAO may require more). Not included: holiday pay (vakantiegeld), employer's "
               "premiums and pension, CAO top-ups, re-integration and replacement costs. Nothing "
               "you enter is stored."),
    },
    # Input errors of the calculator (deadlines/validate.py `fail`): a date is dd-mm-yyyy in
    # Dutch and yyyy-mm-dd in English; the English text is also the operator's message.
    "error.no_first_day": {
        "nl": "Geen eerste ziektedag opgegeven. Vul de eerste ziektedag in.",
        "en": "No first sick day given. Give the first day of sickness (eerste ziektedag).",
    },
    "error.episode_reversed": {
        "nl": ("Ziekteperiode {n} eindigt ({end}) vóór het begin ({start}). De einddatum is de "
               "laatste ziektedag."),
        "en": ("Episode {n} ends ({end}) before it starts ({start}). The end date must be the "
               "last sick day."),
    },
    "error.before_2004": {
        "nl": ("{day} ligt vóór 2004. De rekenhulp rekent alleen met de regels van 104 weken "
               "loondoorbetaling (ziekte vanaf 1 januari 2004)."),
        "en": ("{day} is before 2004. The calculator only covers sickness under the 104-week "
               "rules (from 1 January 2004)."),
    },
    "error.open_episode": {
        "nl": ("Ziekteperiode {n} heeft geen einddatum maar er volgt nog een periode. Alleen de "
               "laatste periode mag open zijn (nog ziek)."),
        "en": ("Episode {n} has no end date but is followed by another episode. Only the last "
               "episode may be open (still sick)."),
    },
    "error.episodes_overlap": {
        "nl": ("Ziekteperiodes {n} en {next} overlappen of staan niet op volgorde ({end} / "
               "{start}). Zet ze op volgorde, oudste eerst, zonder overlap."),
        "en": ("Episodes {n} and {next} overlap or are not in date order ({end} / {start}). List "
               "them oldest first, without overlap."),
    },
    "error.sick_day_future": {
        "nl": ("De ziektedag {day} ligt meer dan een jaar in de toekomst. Controleer het "
               "jaartal."),
        "en": "The sick day {day} is more than a year in the future. Check the year.",
    },
    "error.too_far": {
        "nl": "De datum {name} ({day}) ligt te ver in de toekomst. Controleer het jaartal.",
        "en": "The {name} date {day} is too far in the future. Check the year.",
    },
    "error.before_first_sick_day": {
        "nl": "De datum van de {name} ({day}) ligt vóór de eerste ziektedag ({start}) van deze "
              "periode.",
        "en": "The {name} date {day} is before the first sick day {start} of this period.",
    },
    "error.sanction_and_extension": {
        "nl": ("Geef een loonsanctie óf een vrijwillige verlenging op, niet allebei: de rekenhulp "
               "kan die niet combineren."),
        "en": ("Give either a loonsanctie or a voluntary extension (verlenging), not both: the "
               "calculator cannot combine them."),
    },
    "error.sanction_weeks": {
        "nl": "Een loonsanctie duurt 1 tot en met 52 weken (art. 25 lid 9 WIA), niet {weeks}.",
        "en": "A loonsanctie lasts 1 to 52 weeks (art. 25 lid 9 WIA), not {weeks}.",
    },
    "error.extension_too_early": {
        "nl": ("De datum van de verlenging ({day}) moet na het einde van de wachttijd ({end}) "
               "liggen."),
        "en": ("The extension date {day} must be after the end of the waiting period ({end})."),
    },
    "error.leave_reversed": {
        "nl": ("Het verlof {n} eindigt ({end}) vóór het begin ({start}). Geef de eerste en de "
               "laatste dag van het verlof."),
        "en": ("The leave {n} ends ({end}) before it starts ({start}). Give the first and the "
               "last day of the leave."),
    },
    "error.leave_years": {
        "nl": ("Het verlof {start} - {end} ligt buiten de jaren waarmee de rekenhulp rekent "
               "(2004-2199). Controleer het jaartal."),
        "en": ("The leave {start} - {end} lies outside the years the calculator covers "
               "(2004-2199). Check the year."),
    },
    "error.leave_too_long": {
        "nl": ("Het verlof {start} - {end} duurt langer dan een jaar. Geef alleen het "
               "zwangerschaps- en bevallingsverlof (meestal ongeveer 16 weken)."),
        "en": ("The leave {start} - {end} lasts more than a year. Give only the zwangerschaps- "
               "and bevallingsverlof (usually about 16 weeks)."),
    },
    "error.leave_overlap": {
        "nl": ("Twee verlofperiodes overlappen ({start} - {end} en {start2} - {end2}). Geef elk "
               "verlof één keer."),
        "en": ("Two leave periods overlap ({start} - {end} and {start2} - {end2}). Give each "
               "leave once."),
    },
    "error.all_leave": {
        "nl": ("Alle opgegeven ziektedagen vallen in het zwangerschaps- of bevallingsverlof, en "
               "verlofdagen tellen niet als ziektedagen. Controleer de data van de ziekte en van "
               "het verlof."),
        "en": ("All the sick days given fall within the zwangerschaps-/bevallingsverlof, and "
               "leave days do not count as sick days. Check the dates of the illness and of the "
               "leave."),
    },
    "error.leave_no_end": {
        "nl": ("Je noemt zwangerschaps- of bevallingsverlof vanaf {day}, maar niet de laatste "
               "dag. Geef het hele verlof, bijvoorbeeld 'zwangerschapsverlof van 10 maart tot en "
               "met 30 juni 2025'."),
        "en": ("You mention pregnancy or maternity leave from {day} but not its last day. Give "
               "the whole leave, e.g. 'zwangerschapsverlof van 10 maart tot en met 30 juni "
               "2025'."),
    },
    "error.period_reversed": {
        "nl": "De periode {start} - {end} eindigt vóór het begin.",
        "en": "The period {start} - {end} ends before it starts.",
    },
    "error.sick_again_without_recovery": {
        "nl": ("Je noemt dat de werknemer weer ziek is sinds {day}, maar niet wanneer hij "
               "hersteld was. Geef de hersteldatum (de eerste dag dat hij weer volledig kon "
               "werken)."),
        "en": ("You say the employee is sick again from {day}, but not when they had recovered. "
               "Give the date of recovery (the first day fit for work)."),
    },
    "error.unknown_steps": {"nl": "Onbekende stap(pen): {steps}.",
                            "en": "Unknown step(s): {steps}."},
    "error.step_before_start": {
        "nl": "{name}: {day} ligt vóór de eerste ziektedag ({start}).",
        "en": "{name}: {day} is before the first sick day ({start}).",
    },
    "error.step_in_future": {
        "nl": "{name}: {day} ligt in de toekomst; vul alleen gedane stappen in.",
        "en": "{name}: {day} is in the future; only enter steps already done.",
    },
    "error.wage": {
        "nl": "Bruto maandloon: vul een bedrag in euro's in van 1 tot {max}.",
        "en": "Gross monthly wage: enter an amount in euros from 1 to {max}.",
    },
    "error.period_ended": {
        "nl": "Deze ziekteperiode is afgelopen; er is geen wachttijd meer om te plannen.",
        "en": "This sickness period has ended; there is no wachttijd left to plan.",
    },
    "error.alarm_days": {
        "nl": ("Herinneringen: geef hoogstens {most} aantallen dagen, elk van 0 tot en met {days} "
               "(bijvoorbeeld 14 en 2)."),
        "en": ("Reminders: give at most {most} numbers of days, each from 0 to {days} (e.g. 14 "
               "and 2)."),
    },
    "error.alarm_list": {
        "nl": "Herinneringen: '{text}' is geen lijst van aantallen dagen (bijvoorbeeld 14,2).",
        "en": "Reminders: '{text}' is not a list of numbers of days (e.g. 14,2).",
    },
    "error.no_such_date": {
        "nl": ("'{raw}' is geen bestaande datum. Schrijf de datum als dag-maand-jaar, "
               "bijvoorbeeld 03-03-2025."),
        "en": "'{raw}' is not an existing date. Write the date as day-month-year, e.g. 03-03-2025.",
    },
    "error.not_a_date": {
        "nl": "'{text}' is geen datum. Gebruik bijvoorbeeld 03-03-2025 (dag-maand-jaar) of "
              "2025-03-03.",
        "en": "'{text}' is not a date. Use e.g. 2025-03-03 or 03-03-2025 (day-month-year).",
    },
    "error.field_date": {
        "nl": "{field}: '{raw}' is geen geldige datum. Gebruik JJJJ-MM-DD.",
        "en": "{field}: '{raw}' is not a valid date. Use YYYY-MM-DD.",
    },
    # The planner form (web/planner.py, web/ui_planner.py).
    "error.episode_line": {
        "nl": ("Ziekteperiode '{line}' niet begrepen. Schrijf per regel: begin tot einde, bv. "
               "2026-01-05 tot 2026-01-20."),
        "en": ("Could not read sickness period '{line}'. Write one per line: start to end, e.g. "
               "2026-01-05 to 2026-01-20."),
    },
    "error.enter_first_sick_day": {"nl": "Vul de eerste ziektedag in.",
                                   "en": "Please enter the first sick day."},
    "error.field_timestamp": {"nl": "{field}: dit is geen geldige datum. Gebruik JJJJ-MM-DD.",
                              "en": "{field}: this is not a valid date. Use YYYY-MM-DD."},
    "error.sanction_not_a_number": {
        "nl": "Loonsanctie: vul een aantal weken in (1 tot en met 52).",
        "en": "Wage sanction: enter a number of weeks (1 to 52).",
    },
    "error.period_without_start": {
        "nl": "Ziekteperiode {n}: vul ook de eerste ziektedag van die periode in.",
        "en": "Sickness period {n}: also enter the first sick day of that period.",
    },
    "error.leave_both_days": {
        "nl": ("Zwangerschaps- en bevallingsverlof: vul de eerste én de laatste dag van het "
               "verlof in."),
        "en": ("Pregnancy and maternity leave: enter both the first and the last day of the "
               "leave."),
    },
    "error.leave_last_before_first": {
        "nl": ("Zwangerschaps- en bevallingsverlof: de laatste dag ({last}) ligt vóór de eerste "
               "dag ({first})."),
        "en": ("Pregnancy and maternity leave: the last day ({last}) is before the first day "
               "({first})."),
    },
    "error.wage_not_a_number": {"nl": "Bruto maandloon: vul een bedrag in euro's in.",
                                "en": "Gross monthly wage: enter an amount in euros."},
    # Pieces the engine fills into a milestone's text (catalogue.py), each starting with its space.
    "fragment.pa_on": {"nl": " van {day}", "en": " of {day}"},
    "fragment.pa_unknown": {"nl": " (uiterlijk einde week 8)", "en": " (by the end of week 8)"},
    "fragment.brief_extension": {
        "nl": (" Bij de vrijwillige verlenging moet de aanvraag uiterlijk 11 weken vóór het "
               "einde van de verlengde loondoorbetaling binnen zijn."),
        "en": (" With the voluntary extension the application is due 11 weeks before the end of "
               "the extended sick pay."),
    },
    "fragment.pay_until_sanction": {
        "nl": (" Door de loonsanctie loopt de loondoorbetaling door tot en met {day}; ontslag via "
               "UWV kan pas daarna."),
        "en": (" Because of the loonsanctie, sick pay continues up to {day}; dismissal through "
               "UWV is only possible after that."),
    },
    "fragment.pay_longer_if": {
        "nl": (" De loondoorbetaling duurt langer bij een loonsanctie, een vrijwillige verlenging "
               "of een te late WIA-aanvraag."),
        "en": (" Sick pay runs longer with a loonsanctie, a voluntary extension or a late WIA "
               "application."),
    },
    "fragment.pay_until_extension": {
        "nl": " Door de vrijwillige verlenging loopt de loondoorbetaling door tot en met {day}.",
        "en": " Because of the voluntary extension, sick pay continues up to {day}.",
    },
    "fragment.what_wachttijd": {"nl": "de wachttijd", "en": "the waiting period"},
    "fragment.what_loonsanctie": {"nl": "de loonsanctie", "en": "the wage sanction"},
    "fragment.what_verlenging": {"nl": "de verlengde loondoorbetaling",
                                 "en": "the extended sick pay"},
    # A timeline's notes (deadlines/engine.py `_notes`, deadlines/leave_notes.py).
    "note.ended": {
        "nl": ("De werknemer is sinds {fit} hersteld, 4 weken of langer. Deze ziekteperiode is "
               "afgesloten; wordt hij opnieuw ziek, dan begint een nieuwe periode van 104 weken."),
        "en": ("The employee has been fit since {fit}, for 4 weeks or more. This sickness period "
               "is over; a new illness starts a new period of 104 weeks."),
    },
    "note.leave_after_last_sick_day": {
        "nl": ("De laatste ziektedag was {last}; daarna volgde het verlof tot en met {leave_end}. "
               "Wordt de werknemer uiterlijk {limit} opnieuw ziek, dan telt deze periode door. De "
               "data na de laatste ziektedag zijn dus de vroegst mogelijke."),
        "en": ("The last sick day was {last}; the leave followed until {leave_end}. If the "
               "employee falls ill again by {limit}, this period continues. Dates after the last "
               "sick day are therefore the earliest possible ones."),
    },
    "note.recovered": {
        "nl": ("De werknemer is sinds {fit} hersteld. Wordt hij uiterlijk {limit} opnieuw ziek, "
               "dan telt deze periode door en schuiven de data op met het aantal hersteldagen. "
               "De data na de laatste ziektedag zijn dus de vroegst mogelijke."),
        "en": ("The employee has been fit since {fit}. If they fall ill again by {limit}, this "
               "period continues and the dates move by the number of fit days. Dates after the "
               "last sick day are therefore the earliest possible ones."),
    },
    "note.leave": {
        "nl": ("Zwangerschaps- en bevallingsverlof {start} t/m {end}: deze {days} dagen tellen "
               "niet mee voor de wachttijd (art. 23 lid 5 WIA) en niet als onderbreking van 4 "
               "weken. Ziekte vlak vóór en na het verlof wordt samengeteld (art. 7:629 lid 10 BW, "
               "art. 23 lid 3 WIA), tenzij de ziekte na het verlof redelijkerwijs niet uit "
               "dezelfde oorzaak voortkomt: dan begint een nieuwe periode van 104 weken (laat het "
               "verlof dan weg uit de berekening)."),
        "en": ("Pregnancy and maternity leave {start} to {end}: these {days} days do not count "
               "toward the waiting period (art. 23(5) WIA) nor as part of a 4-week break. "
               "Illness right before and after the leave is added up (art. 7:629(10) BW, art. "
               "23(3) WIA) unless the illness after the leave cannot reasonably come from the "
               "same cause: then a new 104-week period starts (leave the leave out of the "
               "calculation)."),
    },
    "note.leave_short_gap": {
        "nl": ("Tussen de ziekte en het verlof zaten {fit} dagen zonder ziekte. De wet telt ziekte "
               "samen die direct aan het verlof voorafgaat en erop aansluit; of een korte "
               "onderbreking eromheen dat verandert, is niet uitgemaakt. De rekenhulp telt samen "
               "(minder dan 4 weken zonder ziekte), wat de vroegste data geeft; leg twijfel voor "
               "aan de bedrijfsarts of UWV."),
        "en": ("There were {fit} days without illness between the illness and the leave. The law "
               "adds up illness directly before and after the leave; whether a short break "
               "around it changes that is not settled. The calculator adds up (under 4 weeks "
               "without illness), which gives the earliest dates; check with the company doctor "
               "or UWV if in doubt."),
    },
    "note.leave_new_period": {
        "nl": ("Rond het verlof zaten {fit} dagen zonder ziekte (4 weken of meer): de ziekte na "
               "het verlof is een nieuwe periode van 104 weken."),
        "en": ("Around the leave there were {fit} days without illness (4 weeks or more): the "
               "illness after the leave is a new 104-week period."),
    },
    "note.leave_dismissal": {
        "nl": ("Ziekte door de zwangerschap vóór het verlof telt niet mee voor de twee jaar van "
               "het opzegverbod bij ziekte (art. 7:670 lid 1 BW); die termijn berekent de "
               "rekenhulp niet."),
        "en": ("Pregnancy-related illness before the leave does not count toward the two years "
               "of the ban on dismissal during illness (art. 7:670(1) BW); the calculator does "
               "not compute that term."),
    },
}
