"""The operator console (/admin): navigation, sign-in and page texts."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "console": {"nl": "beheer", "en": "console"},
    "nav_overview": {"nl": "Overzicht", "en": "Overview"},
    "nav_documents": {"nl": "Documenten", "en": "Documents"},
    "nav_try": {"nl": "Probeer", "en": "Try it"},
    "nav_conflicts": {"nl": "Conflicten", "en": "Conflicts"},
    "nav_unanswered": {"nl": "Onbeantwoord", "en": "Unanswered"},
    "nav_questions": {"nl": "Vragen", "en": "Questions"},
    "nav_handoffs": {"nl": "Overdrachten", "en": "Handoffs"},
    "sign_in": {"nl": "Inloggen", "en": "Sign in"},
    "sign_out": {"nl": "Uitloggen", "en": "Sign out"},
    "token": {"nl": "Beheertoken", "en": "Admin token"},
    "token_or_password": {"nl": "Beheertoken of wachtwoord", "en": "Admin token or password"},
    "too_many_attempts": {
        "nl": "Te veel mislukte inlogpogingen. Probeer het over {minutes} minuten opnieuw.",
        "en": "Too many failed sign-in attempts. Please try again in {minutes} minutes.",
    },
    "wrong_secret": {"nl": "Dit token of wachtwoord klopt niet.",
                     "en": "That token or password is not right."},
    # The console's overview and unanswered pages (web/admin/views.py).
    "view.overview": {"nl": "Overzicht", "en": "Overview"},
    "view.unanswered": {"nl": "Onbeantwoord", "en": "Unanswered"},
    "view.own_ui": {"nl": "eigen website (/ui)", "en": "own website (/ui)"},
    "view.all_sites": {"nl": "Alle sites", "en": "All sites"},
    "view.all_languages": {"nl": "Alle talen", "en": "All languages"},
    "view.language": {"nl": "Taal", "en": "Language"},
    "view.since": {"nl": "Vanaf", "en": "From"},
    "view.until": {"nl": "Tot en met", "en": "Until"},
    "view.show": {"nl": "Toon", "en": "Show"},
    "view.questions": {"nl": "Vragen", "en": "Questions"},
    "view.dont_know": {"nl": "“Weet ik niet”", "en": "“Don’t know”"},
    "view.declined": {"nl": "Geweigerd", "en": "Declined"},
    "view.up": {"nl": "Duim omhoog", "en": "Thumbs up"},
    "view.down": {"nl": "Duim omlaag", "en": "Thumbs down"},
    "view.per_day": {"nl": "Vragen per dag", "en": "Questions per day"},
    "view.day": {"nl": "Dag", "en": "Day"},
    "view.per_day_table": {"nl": "Vragen per dag als tabel", "en": "Questions per day as a table"},
    "view.kinds": {"nl": "Aandeel per soort antwoord", "en": "Share per answer kind"},
    "view.kind": {"nl": "Soort antwoord", "en": "Answer kind"},
    "view.share": {"nl": "Aandeel (aantal)", "en": "Share (count)"},
    "view.kinds_table": {"nl": "Aandeel per soort als tabel", "en": "Share per kind as a table"},
    "view.no_questions": {"nl": "Geen vragen.", "en": "No questions."},
    "view.ratings": {"nl": "Beoordelingen", "en": "Ratings"},
    "view.rating": {"nl": "Beoordeling", "en": "Rating"},
    "view.count": {"nl": "Aantal", "en": "Count"},
    "view.ratings_table": {"nl": "Beoordelingen als tabel", "en": "Ratings as a table"},
    "view.cited": {"nl": "Meest geciteerde documenten", "en": "Most cited documents"},
    "view.document": {"nl": "Document", "en": "Document"},
    "view.times_cited": {"nl": "Keer geciteerd", "en": "Times cited"},
    "view.no_citations": {"nl": "Nog geen citaties.", "en": "No citations yet."},
    "view.see_unanswered": {
        "nl": "Bekijk de onbeantwoorde vragen",
        "en": "See the unanswered questions",
    },
    "view.why_dont_know": {"nl": "weet ik niet", "en": "don't know"},
    "view.why_declined": {"nl": "geweigerd", "en": "declined"},
    "view.why_low": {"nl": "lage zekerheid", "en": "low confidence"},
    "view.why_down": {"nl": "duim omlaag", "en": "thumbs down"},
    "view.topic": {
        "nl": "onderwerp; medische details weggelaten",
        "en": "topic; medical details removed",
    },
    "view.group_all": {"nl": "Alle vragen in deze groep", "en": "All questions in this group"},
    "view.question": {"nl": "Vraag", "en": "Question"},
    "view.time": {"nl": "Tijd (UTC)", "en": "Time (UTC)"},
    "view.reason": {"nl": "Reden", "en": "Reason"},
    "view.intro": {
        "nl": (
            "Vragen waarop de assistent “weet ik niet” zei, die hij weigerde, waarvan hij "
            "weinig zeker was of die een duim omlaag kregen, gegroepeerd naar betekenis. De "
            "grootste groepen wijzen op onderwerpen die in de kennisbank ontbreken."),
        "en": (
            "Questions the assistant said “don’t know” to, declined, was unsure about or that "
            "got a thumbs down, grouped by meaning. The largest groups point to topics the "
            "knowledge base lacks."),
    },
    "view.by_text": {
        "nl": "De assistent start nog: vragen zijn nu alleen op gelijke tekst gegroepeerd.",
        "en": (
            "The assistant is still starting: questions are grouped by identical text only for "
            "now."),
    },
    "view.none": {
        "nl": "Geen onbeantwoorde vragen in deze periode.",
        "en": "No unanswered questions in this period.",
    },
    "kind.card": {"nl": "Antwoordkaart", "en": "Answer card"},
    "kind.extractive": {"nl": "Uit documenten", "en": "From documents"},
    "kind.llm": {"nl": "Taalmodel", "en": "Language model"},
    "kind.deadline": {"nl": "Termijnen", "en": "Deadlines"},
    "kind.clarify": {"nl": "Wedervraag", "en": "Clarifying question"},
    "kind.dont_know": {"nl": "Weet ik niet", "en": "Don't know"},
    "kind.refusal": {"nl": "Geweigerd", "en": "Declined"},
    "kind.refused": {"nl": "Geweigerd", "en": "Declined"},
    "view.count_one": {"nl": "{n} vraag", "en": "{n} question"},
    "view.count_many": {"nl": "{n} vragen", "en": "{n} questions"},
    "view.per_day_desc": {"nl": "Staafdiagram: {total} vragen over {days} dagen.",
                          "en": "Bar chart: {total} questions over {days} days."},
    # Conflicts between own documents and the knowledge base (web/admin/conflicts.py).
    "conflicts_intro": {
        "nl": ("Passages in uw eigen documenten die in strijd zijn met een gecontroleerde "
               "uitspraak van de kennisbank. De assistent citeert ze nooit als feit; verbeter of "
               "verwijder het document."),
        "en": ("Passages in your own documents that contradict a vetted statement of the "
               "knowledge base. The assistant never quotes them as fact; correct or remove the "
               "document."),
    },
    "conflicts_none": {"nl": "Geen conflicten gevonden.", "en": "No conflicts found."},
    "vetted_claim": {"nl": "Gecontroleerde uitspraak", "en": "Vetted claim"},
    # Handoff requests in the console (web/admin/handoffs.py).
    "handoffs.status_pending": {"nl": "wacht op verzending", "en": "waiting to be sent"},
    "handoffs.status_delivered": {"nl": "afgeleverd", "en": "delivered"},
    "handoffs.status_failed": {"nl": "verzenden mislukt, volgt opnieuw",
                               "en": "delivery failed, will retry"},
    "handoffs.status_handled": {"nl": "afgehandeld", "en": "handled"},
    "handoffs.not_found": {"nl": "Deze overdracht bestaat niet.",
                           "en": "This handoff does not exist."},
    "handoffs.unknown_status": {"nl": "Onbekende status; kies uit: {choices}.",
                                "en": "Unknown status; choose one of: {choices}."},
    "handoffs.not_retryable": {"nl": "Deze overdracht is al afgeleverd of afgehandeld.",
                               "en": "This handoff has already been delivered or handled."},
    "handoffs.next_attempt": {"nl": "volgende poging", "en": "next attempt"},
    "handoffs.mark_handled": {"nl": "Markeer als afgehandeld", "en": "Mark handled"},
    "handoffs.own_chat": {"nl": "eigen chat", "en": "own chat"},
    "handoffs.col_received": {"nl": "Ontvangen", "en": "Received"},
    "handoffs.col_website": {"nl": "Website", "en": "Website"},
    "handoffs.col_question": {"nl": "Vraag", "en": "Question"},
    "handoffs.col_contact": {"nl": "Contact", "en": "Contact"},
    "handoffs.col_status": {"nl": "Status", "en": "Status"},
    "handoffs.col_action": {"nl": "Actie", "en": "Action"},
    "handoffs.caption": {"nl": "Vragen voor een adviseur, nieuwste eerst",
                         "en": "Handoff requests, newest first"},
    "handoffs.none": {"nl": "Nog geen vragen voor een adviseur.",
                      "en": "No handoff requests yet."},
    "handoffs.not_configured": {
        "nl": ("Doorsturen is niet ingesteld: zet SPOOR2_SMTP_HOST en SPOOR2_SMTP_TO, of "
               "SPOOR2_HANDOFF_WEBHOOK."),
        "en": ("Handoff is not configured: set SPOOR2_SMTP_HOST and SPOOR2_SMTP_TO, or "
               "SPOOR2_HANDOFF_WEBHOOK."),
    },
    # The console's question log page (web/admin/questions.py).
    "questions.title": {"nl": "Vragen", "en": "Questions"},
    "questions.site": {"nl": "Site", "en": "Site"},
    "questions.language": {"nl": "Taal", "en": "Language"},
    "questions.kind": {"nl": "Soort antwoord", "en": "Answer kind"},
    "questions.since": {"nl": "Vanaf", "en": "From"},
    "questions.until": {"nl": "Tot en met", "en": "Until"},
    "questions.show": {"nl": "Toon", "en": "Show"},
    "questions.any": {"nl": "alle", "en": "any"},
    "questions.csv": {"nl": "Download als CSV", "en": "Download as CSV"},
    "questions.time": {"nl": "Tijd (UTC)", "en": "Time (UTC)"},
    "questions.question": {"nl": "Vraag", "en": "Question"},
    "questions.confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "questions.cited": {"nl": "Bronnen", "en": "Sources"},
    "questions.feedback": {"nl": "Feedback", "en": "Feedback"},
    "questions.none": {"nl": "Geen vragen gevonden.", "en": "No questions found."},
    "questions.off": {
        "nl": "Het vragenlogboek staat uit (SPOOR2_QUESTION_LOG=1 zet het aan).",
        "en": "The question log is off (SPOOR2_QUESTION_LOG=1 turns it on).",
    },
    "questions.health": {
        "nl": "alleen het onderwerp (medische details weggelaten)",
        "en": "topic only (health details removed)",
    },
    "questions.own": {"nl": "eigen UI", "en": "own UI"},
    "questions.next": {"nl": "Volgende", "en": "Next"},
    "questions.prev": {"nl": "Vorige", "en": "Previous"},
    "questions.count": {"nl": "{n} vragen", "en": "{n} questions"},
    "questions.pages": {"nl": "Pagina’s", "en": "Pages"},
    # The console's try-it panel (web/admin/tryit.py).
    "try.section": {"nl": "Sectie", "en": "Section"},
    "try.vetted": {"nl": "Gecontroleerd", "en": "Vetted"},
    "try.fused": {"nl": "Samen", "en": "Fused"},
    "try.passage": {"nl": "Passage", "en": "Passage"},
    "try.answer": {"nl": "Antwoord", "en": "Answer"},
    "try.path": {"nl": "Pad", "en": "Path"},
    "try.kind": {"nl": "Soort", "en": "Kind"},
    "try.confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "try.index": {"nl": "Index", "en": "Index"},
    "try.sources": {"nl": "Bronnen", "en": "Sources"},
    "try.retrieved_passages": {"nl": "Gevonden passages", "en": "Retrieved passages"},
    "try.full_trace": {"nl": "Volledig spoor", "en": "Full trace"},
    "try.intro": {
        "nl": "Stel een vraag zoals een bezoeker dat doet. Er wordt niets bewaard.",
        "en": "Ask as a visitor would. Nothing is logged.",
    },
    "try.question": {"nl": "Vraag", "en": "Question"},
    "try.audience": {"nl": "Doelgroep", "en": "Audience"},
    "try.not_set": {"nl": "Niet gekozen", "en": "Not set"},
    "try.employer_werkgever": {"nl": "Werkgever", "en": "Employer (werkgever)"},
    "try.employee_werknemer": {"nl": "Werknemer", "en": "Employee (werknemer)"},
    "try.language": {"nl": "Taal", "en": "Language"},
    "try.automatic": {"nl": "Automatisch", "en": "Automatic"},
    "try.ask": {"nl": "Vraag", "en": "Ask"},
    "try.try_it": {"nl": "Probeer", "en": "Try it"},
    "try.yes": {"nl": "ja", "en": "yes"},
    "try.no": {"nl": "nee", "en": "no"},
    # The console's documents page (web/admin/documents.py).
    "documents.stage_reading": {"nl": "Bestanden lezen", "en": "Reading files"},
    "documents.stage_embedding": {"nl": "Tekst verwerken", "en": "Processing text"},
    "documents.stage_starting": {"nl": "Starten", "en": "Starting"},
    "documents.origin_upload": {"nl": "Upload", "en": "Upload"},
    "documents.origin_knowledge": {"nl": "Kennisbank", "en": "Knowledge base"},
    "documents.origin_cli": {"nl": "Opdrachtregel", "en": "Command line"},
    "documents.yes": {"nl": "ja", "en": "yes"},
    "documents.no": {"nl": "nee", "en": "no"},
    "documents.busy": {"nl": "Bezig", "en": "Busy"},
    "documents.ingest_failed": {
        "nl": "De verwerking is mislukt; de vorige kennisbank blijft in gebruik. {reason}",
        "en": "Processing failed; the previous knowledge base is still in use. {reason}",
    },
    "documents.file_skipped": {
        "nl": ("Dit bestand kon niet worden gelezen (beschadigd, leeg of zonder tekst) en is "
               "overgeslagen."),
        "en": "This file could not be read (damaged, empty or without text) and was skipped.",
    },
    "documents.done_the_assistant_now_answe": {
        "nl": "Klaar: de assistent antwoordt nu met de nieuwe kennisbank.",
        "en": "Done: the assistant now answers with the new knowledge base.",
    },
    "documents.done_nothing_changed": {
        "nl": "Klaar: er is niets veranderd.",
        "en": "Done: nothing changed.",
    },
    "documents.built_the_assistant_switches": {
        "nl": "Opgebouwd; de assistent schakelt binnen enkele seconden over.",
        "en": "Built; the assistant switches to it within a few seconds.",
    },
    "documents.skipped_files": {"nl": "Overgeslagen bestanden", "en": "Skipped files"},
    "documents.contradicts": {"nl": "in strijd met", "en": "contradicts"},
    "documents.conflicts_with_the_knowledge": {
        "nl": "Strijdig met de kennisbank",
        "en": "Conflicts with the knowledge base",
    },
    "documents.remove": {"nl": "Verwijder", "en": "Remove"},
    "documents.not_from_the_console": {
        "nl": "niet via de beheeromgeving",
        "en": "not from the console",
    },
    "documents.file": {"nl": "Bestand", "en": "File"},
    "documents.source": {"nl": "Herkomst", "en": "Source"},
    "documents.vetted": {"nl": "Gecontroleerd", "en": "Vetted"},
    "documents.added_utc": {"nl": "Toegevoegd (UTC)", "en": "Added (UTC)"},
    "documents.action": {"nl": "Actie", "en": "Action"},
    "documents.site_origin_empty_every_site": {
        "nl": "Site (origin; leeg: alle sites)",
        "en": "Site (origin; empty: every site)",
    },
    "documents.processing": {"nl": "Verwerking", "en": "Processing"},
    "documents.nothing_is_being_processed": {
        "nl": "Er wordt niets verwerkt.",
        "en": "Nothing is being processed.",
    },
    "documents.refresh": {"nl": "Vernieuwen", "en": "Refresh"},
    "documents.upload": {"nl": "Uploaden", "en": "Upload"},
    "documents.files_md_txt_html_pdf_docx_a": {
        "nl": "Bestanden (md, txt, html, pdf, docx; hoogstens 10 MB per stuk)",
        "en": "Files (md, txt, html, pdf, docx; at most 10 MB each)",
    },
    "documents.upload_and_process": {"nl": "Uploaden en verwerken", "en": "Upload and process"},
    "documents.in_the_knowledge_base": {"nl": "In de kennisbank", "en": "In the knowledge base"},
    "documents.the_curated_knowledge_base_k": {
        "nl": (
            "De samengestelde kennisbank (knowledge/) kan alleen in de repository worden "
            "aangepast."),
        "en": "The curated knowledge base (knowledge/) can only be changed in the repository.",
    },
    "documents.documents": {"nl": "Documenten", "en": "Documents"},
    "documents.protected": {
        "nl": (
            "Dit document hoort bij de samengestelde kennisbank (knowledge/) en kan niet "
            "vanuit de beheeromgeving worden verwijderd; dat gaat via de repository en `spoor2 "
            "ingest --prune`."),
        "en": (
            "This document belongs to the curated knowledge base (knowledge/) and cannot be "
            "removed from the console; change the repository and run `spoor2 ingest --prune`."),
    },
    "documents.not_found": {
        "nl": "Dit document staat niet in de kennisbank.",
        "en": "This document is not in the index.",
    },
    "documents.still_on_disk": {
        "nl": (
            "Dit document is via de opdrachtregel toegevoegd en het bestand staat nog op de "
            "server; verwijder eerst het bestand, daarna kan het hier uit de kennisbank."),
        "en": (
            "This document was added from the command line and its file is still on the "
            "server; remove the file first, then it can be removed from the index here."),
    },
    "documents.keeps_answering": {
        "nl": "De huidige kennisbank blijft antwoorden tot de nieuwe klaar is.",
        "en": "The current knowledge base keeps answering until the new one is complete.",
    },
    # Refusals of the console's API and pages (web/admin/*.py): one wording for each.
    "forbidden_site": {
        "nl": "U beheert alleen uw eigen site; de gegevens van deze site kunt u niet zien.",
        "en": "You manage your own site only; you cannot see this site's data.",
    },
    "unauthorized": {
        "nl": "U bent niet ingelogd als beheerder. Log in op /admin of stuur het beheertoken mee.",
        "en": "You are not signed in as an operator. Sign in at /admin or send the admin token.",
    },
    "csrf_failed": {
        "nl": ("Deze wijziging is geweigerd: de beveiligingscode van het formulier ontbreekt of "
               "klopt niet. Laad de pagina opnieuw en probeer het nog eens."),
        "en": ("This change was refused: the form's security code is missing or wrong. Reload "
               "the page and try again."),
    },
    "too_many_logins": {
        "nl": "Te veel mislukte inlogpogingen. Probeer het over {minutes} minuten opnieuw.",
        "en": "Too many failed sign-in attempts. Please try again in {minutes} minutes.",
    },
    "invalid_date_field": {
        "nl": "Het veld '{name}' is geen geldige datum; gebruik JJJJ-MM-DD.",
        "en": "The field '{name}' is not a valid date; use YYYY-MM-DD.",
    },
    "unknown_site": {
        "nl": ("Er is geen site '{site}' in SPOOR2_SITES; kies een site-sleutel daaruit of laat "
               "het veld leeg voor alle sites."),
        "en": ("There is no site '{site}' in SPOOR2_SITES; use one of its site keys or leave the "
               "field empty for every site."),
    },
    "invalid_period": {"nl": "De begindatum ligt na de einddatum.",
                       "en": "The start date is after the end date."},
    "cli_passwords_differ": {"nl": "De wachtwoorden verschillen.", "en": "The passwords differ."},
    "cli_password_short": {"nl": "Gebruik minstens {n} tekens.",
                           "en": "Use at least {n} characters."},
    "site_not_found": {"nl": "Deze site bestaat niet.", "en": "There is no such site."},
    "upload.invalid_site": {"nl": "Ongeldige site: {site}", "en": "Invalid site: {site}"},
    "upload.no_file": {"nl": "Kies eerst een bestand.", "en": "Choose a file first."},
    "upload.too_many": {"nl": "Hoogstens {most} bestanden tegelijk.",
                        "en": "At most {most} files at a time."},
    "upload.no_extension": {"nl": "Bestand '{name}' heeft geen extensie.",
                            "en": "File '{name}' has no extension."},
    "upload.unsupported": {
        "nl": "'{name}': dit bestandstype wordt niet ondersteund (wel: md, txt, html, pdf, docx).",
        "en": "'{name}': this file type is not supported (supported: md, txt, html, pdf, docx).",
    },
    "upload.empty": {"nl": "'{name}' is leeg.", "en": "'{name}' is empty."},
    "upload.too_large": {"nl": "'{name}' is groter dan {mb} MB.",
                         "en": "'{name}' is larger than {mb} MB."},
    "upload.wrong_content": {"nl": "'{name}': de inhoud past niet bij de extensie {ext}.",
                             "en": "'{name}': the content does not match the extension {ext}."},
}
