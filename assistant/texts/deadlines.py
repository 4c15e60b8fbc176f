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
}
