"""Labels and notices of the Gradio UI (chat and planner)."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "title": {
        "nl": "# Spoor 2 Assistent\nAntwoorden met bronnen op vragen over re-integratie tweede "
              "spoor (Wet verbetering poortwachter), en een planner voor de termijnen.",
        "en": "# Spoor 2 Assistant\nAnswers with sources to questions about re-integration "
              "track 2 (Dutch Gatekeeper Improvement Act), and a planner for the deadlines.",
    },
    "privacy": {
        "nl": "**Privacy:** vul geen medische gegevens, BSN of namen in. Dit is algemene "
              "informatie, geen persoonlijk juridisch of medisch advies.",
        "en": "**Privacy:** do not enter medical details, citizen service numbers (BSN) or "
              "names. This is general information, not personal legal or medical advice.",
    },
    "kept": {"nl": " Uw vragen worden zonder persoonsgegevens {days} dagen bewaard om de "
                   "antwoorden te verbeteren; het gesprek zelf niet.",
             "en": " Your questions are kept for {days} days without personal details, to "
                   "improve the answers; the conversation itself is not."},
    "not_kept": {"nl": " Uw vragen worden niet bewaard; alleen bij een duim omhoog of omlaag "
                       "bewaren we die vraag, zonder persoonsgegevens.",
                 "en": " Your questions are not kept; only when you give a thumbs up or down "
                       "is that question kept, without personal details."},
    "language": {"nl": "Taal / Language", "en": "Taal / Language"},
    "tab_chat": {"nl": "Vraag het", "en": "Ask"},
    "tab_planner": {"nl": "Termijnen berekenen", "en": "Calculate deadlines"},
    "audience": {"nl": "Wie bent u?", "en": "Who are you?"},
    "werkgever": {"nl": "Ik ben werkgever", "en": "I am the employer"},
    "werknemer": {"nl": "Ik ben werknemer", "en": "I am the employee"},
    "chat_label": {"nl": "Gesprek", "en": "Conversation"},
    "question_label": {"nl": "Uw vraag", "en": "Your question"},
    "placeholder": {"nl": "Stel uw vraag over spoor 2…",
                    "en": "Ask your question about track 2…"},
    "send": {"nl": "Verstuur", "en": "Send"},
    "reset": {"nl": "Nieuw gesprek", "en": "New conversation"},
    "thinking": {"nl": "_Even nadenken…_", "en": "_Thinking…_"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "comment": {"nl": "Wat kon er beter? (optioneel, zonder persoonsgegevens)",
                "en": "What could be better? (optional, no personal details)"},
    "send_comment": {"nl": "Verstuur opmerking", "en": "Send comment"},
    "thanks_down": {"nl": "Bedankt. Wilt u kort zeggen wat er beter kon?",
                    "en": "Thank you. Would you briefly say what could be better?"},
    "bad_text": {"nl": "Uw vraag bevat tekens die niet gelezen kunnen worden.",
                 "en": "Your question contains characters that cannot be read."},
    "too_long": {"nl": "Uw vraag is te lang ({n} tekens). Het maximum is {max} tekens.",
                 "en": "Your question is too long ({n} characters). The maximum is {max}."},
    "warning": {"nl": "Let op", "en": "Warning"},
    "info": {"nl": "Info", "en": "Info"},
    "api_link": {"nl": "[API-documentatie](/docs)", "en": "[API documentation](/docs)"},
    "date_ph": {"nl": "JJJJ-MM-DD", "en": "YYYY-MM-DD"},
    "table_label": {"nl": "Tabel met termijnen", "en": "Table of deadlines"},
    "first_sick_day": {"nl": "Eerste ziektedag", "en": "First sick day"},
    "episodes": {"nl": "Eerdere ziekteperiodes (optioneel, één per regel: begin tot einde)",
                 "en": "Earlier sickness periods (optional, one per line: start to end)"},
    "episodes_ph": {"nl": "2026-01-05 tot 2026-01-20", "en": "2026-01-05 to 2026-01-20"},
    "eje": {"nl": "Datum eerstejaarsevaluatie (optioneel)",
            "en": "Date of the first-year evaluation (optional)"},
    "extension": {"nl": "Verlenging", "en": "Extension"},
    "verlenging_tot": {"nl": "Vrijwillige verlenging loondoorbetaling tot (optioneel)",
                       "en": "Voluntary extension of sick pay until (optional)"},
    "loonsanctie": {"nl": "Loonsanctie in weken (optioneel, 0–52)",
                    "en": "Wage sanction in weeks (optional, 0–52)"},
    "calculate": {"nl": "Bereken termijnen", "en": "Calculate deadlines"},
    "download_ics": {"nl": "Download agenda (.ics)", "en": "Download calendar (.ics)"},
    "download_csv": {"nl": "Download tabel (.csv)", "en": "Download table (.csv)"},
    "periods": {"nl": "**Eerdere ziekteperiodes** (optioneel; minder dan 4 weken ertussen telt "
                        "samen)",
                "en": "**Earlier sickness periods** (optional; less than 4 weeks apart counts "
                      "together)"},
    "period_start": {"nl": "Periode {n}: eerste ziektedag", "en": "Period {n}: first sick day"},
    "period_end": {"nl": "Periode {n}: laatste ziektedag", "en": "Period {n}: last sick day"},
    "add_period": {"nl": "+ Periode toevoegen", "en": "+ Add a period"},
    "remove_period": {"nl": "− Laatste periode verwijderen", "en": "− Remove the last period"},
    "leave": {"nl": "**Zwangerschaps- en bevallingsverlof** (optioneel)",
              "en": "**Pregnancy and maternity leave** (optional)"},
    "leave_start": {"nl": "Verlof: eerste dag", "en": "Leave: first day"},
    "leave_end": {"nl": "Verlof: laatste dag", "en": "Leave: last day"},
    # Field names in the planner's input errors (the others use the field's own label).
    "field_eje": {"nl": "Eerstejaarsevaluatie", "en": "First-year evaluation"},
    "field_verlenging": {"nl": "Verlenging", "en": "Extension"},
    "field_period": {"nl": "Ziekteperiode", "en": "Sickness period"},
    "steps_done": {"nl": "Stappen die al gedaan zijn (datum; voor de Poortwachter-check)",
                   "en": "Steps already done (date; for the Poortwachter check)"},
    "step_probleemanalyse": {"nl": "Probleemanalyse", "en": "Problem analysis"},
    "step_plan_van_aanpak": {"nl": "Plan van aanpak", "en": "Action plan"},
    "step_evaluatie": {"nl": "Laatste evaluatie plan van aanpak",
                       "en": "Last review of the action plan"},
    "step_ziekmelding_uwv": {"nl": "42e-weeksmelding bij UWV", "en": "42nd-week report to UWV"},
    "step_spoor2_start": {"nl": "Spoor 2 gestart", "en": "Track 2 started"},
    "step_re_integratieverslag": {"nl": "Re-integratieverslag klaar",
                                  "en": "Re-integration report ready"},
    "step_wia_aanvraag": {"nl": "WIA-aanvraag ingediend", "en": "WIA application submitted"},
    "costs_box": {"nl": "Kosten (voor werkgevers)", "en": "Costs (for employers)"},
    "monthly_wage": {"nl": "Bruto maandloon in euro (optioneel, wordt niet bewaard)",
                     "en": "Gross monthly wage in euros (optional, not stored)"},
    "alarm_days": {"nl": "Herinneringen in de agenda: dagen vooraf (bv. 14,2)",
                   "en": "Calendar reminders: days before (e.g. 14,2)"},
    "download_pdf": {"nl": "Download overzicht (.pdf)", "en": "Download summary (.pdf)"},
    "planner_intro": {
        "nl": "Vul de eerste ziektedag in. Periodes met minder dan 4 weken ertussen tellen samen. "
              "Datums als JJJJ-MM-DD.",
        "en": "Enter the first sick day. Periods less than 4 weeks apart are added together. "
              "Dates as YYYY-MM-DD.",
    },
    "current_week": {"nl": "Vandaag is het week **{week}** van de ziekteperiode (gestart {start}).",
                     "en": "Today is week **{week}** of the sickness period (started {start})."},
    "example1": {"nl": "Wanneer moet spoor 2 starten?", "en": "When must track 2 start?"},
    "example2": {"nl": "Wie betaalt het tweede spoor?", "en": "Who pays for track 2?"},
    "example3": {"nl": "Wat moet ik doen als werknemer in spoor 2?",
                 "en": "What happens if the employer misses a deadline?"},
    # The UI's script (static/ui.js), filled in when /ui.js is served; the Gradio labels it
    # translates are named after Gradio's own English label.
    "js_title": {"nl": "Spoor 2 Assistent", "en": "Spoor 2 Assistant"},
    "js_examples": {"nl": "Voorbeeldvragen", "en": "Example questions"},
    "js_you": {"nl": "U", "en": "You"},
    "js_bot": {"nl": "Assistent", "en": "Assistant"},
    "js_left": {"nl": "nog {n} tekens", "en": "{n} characters left"},
    "js_over": {"nl": "{n} tekens te veel", "en": "{n} characters too many"},
    "gradio_Like": {"nl": "Vind ik leuk", "en": "Like"},
    "gradio_Dislike": {"nl": "Vind ik niet leuk", "en": "Dislike"},
    "gradio_Clear": {"nl": "Gesprek wissen", "en": "Clear"},
    "gradio_Copy message": {"nl": "Kopieer bericht", "en": "Copy message"},
    "gradio_Copied message": {"nl": "Bericht gekopieerd", "en": "Copied message"},
    "gradio_Copy": {"nl": "Kopieer", "en": "Copy"},
    "gradio_Copied": {"nl": "Gekopieerd", "en": "Copied"},
}


def ui_script_texts() -> dict[str, dict]:
    """What ui.js gets as `T`: per language its texts and a map from Gradio's labels (in the
    other language) to this one."""
    from assistant.texts import text, texts_for

    out: dict[str, dict] = {}
    for language, other in (("nl", "en"), ("en", "nl")):
        gradio = texts_for("ui.gradio_", language)
        labels = {text(f"ui.gradio_{key}", other): value for key, value in gradio.items()}
        labels["chatbot conversation"] = text("ui.chat_label", language)
        out[language] = {"title": text("ui.js_title", language),
                         "log": text("ui.chat_label", language),
                         "examples": text("ui.js_examples", language),
                         "you": text("ui.js_you", language), "bot": text("ui.js_bot", language),
                         "left": text("ui.js_left", language),
                         "over": text("ui.js_over", language), "labels": labels}
    return out
