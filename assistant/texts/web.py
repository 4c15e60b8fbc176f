"""Messages of the web edge: API errors, the loading message, health notices, confirmations."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Errors the library raises (assistant/errors.py), as the user sees them.
    "error.generic": {"nl": "Er ging iets mis. Probeer het later opnieuw.",
                      "en": "Something went wrong. Please try again later."},
    "error.index_missing": {
        "nl": ("De kennisbank is nog niet geladen. De beheerder moet `spoor2 ingest knowledge/` "
               "draaien."),
        "en": ("The knowledge base is not loaded yet. The operator must run `spoor2 ingest "
               "knowledge/`."),
    },
    "error.index_mismatch": {
        "nl": ("De kennisbank moet opnieuw worden opgebouwd. De beheerder moet "
               "`spoor2 ingest knowledge/` draaien."),
        "en": ("The knowledge base must be rebuilt. The operator must run "
               "`spoor2 ingest knowledge/`."),
    },
    "error.store_unavailable": {
        "nl": "De kennisbank is tijdelijk niet bereikbaar. Probeer het over een minuut opnieuw.",
        "en": "The knowledge base is temporarily unavailable. Please try again in a minute.",
    },
    "error.feedback_unavailable": {
        "nl": ("Uw feedback kan nu niet worden opgeslagen. Probeer het later opnieuw; de "
               "beheerder is gewaarschuwd."),
        "en": ("Your feedback cannot be stored right now. Please try again later; the operator "
               "has been warned."),
    },
    "error.database_unavailable": {
        "nl": ("De gegevensopslag is tijdelijk niet bereikbaar. Probeer het over een minuut "
               "opnieuw; de beheerder is gewaarschuwd."),
        "en": ("The data store is temporarily unavailable. Please try again in a minute; the "
               "operator has been warned."),
    },
    "error.service_unavailable": {
        "nl": "De dienst is tijdelijk niet beschikbaar. Probeer het over een minuut opnieuw.",
        "en": "The service is temporarily unavailable. Please try again in a minute.",
    },
    "error.ingest_busy": {
        "nl": ("Er loopt al een verwerking van documenten. Wacht tot die klaar is en probeer het "
               "dan opnieuw."),
        "en": "Documents are already being processed. Wait until that is finished, then try again.",
    },
    # While the assistant starts (assistant/web/holder.py).
    "starting": {"nl": "De assistent wordt gestart. Probeer het over een halve minuut opnieuw.",
                 "en": "The assistant is starting. Please try again in half a minute."},
    "start_failed": {
        "nl": "De assistent kon niet worden gestart. De beheerder kan de logboeken bekijken.",
        "en": "The assistant could not be started. The operator can check the logs.",
    },
    # Request problems (assistant/web/errors.py).
    "invalid_json": {"nl": "De aanvraag is geen geldige JSON.",
                     "en": "The request body is not valid JSON."},
    "json_object": {"nl": "Stuur een JSON-object met Content-Type application/json.",
                    "en": "Send a JSON object with Content-Type application/json."},
    "empty_message": {"nl": "Typ eerst een vraag.", "en": "Please type a question first."},
    "last_message_not_a_question": {
        "nl": "Het laatste bericht moet een vraag van de gebruiker zijn.",
        "en": "The last message must be a question from the user.",
    },
    "invalid_api_key": {
        "nl": "Ontbrekende of onjuiste API-sleutel. Stuur Authorization: Bearer <sleutel>.",
        "en": "Missing or incorrect API key. Send Authorization: Bearer <key>.",
    },
    "field_missing": {"nl": "Het veld '{field}' ontbreekt.",
                      "en": "The field '{field}' is missing."},
    "field_unreadable": {"nl": "Het veld '{field}' bevat tekens die niet gelezen kunnen worden.",
                         "en": "The field '{field}' contains characters that cannot be read."},
    "field_no_start": {
        "nl": "Vul de eerste ziektedag (first_sick_day) of de ziekteperiodes (episodes) in.",
        "en": "Give the first sick day (first_sick_day) or the sickness periods (episodes).",
    },
    "field_date": {"nl": "Het veld '{field}' is geen geldige datum; gebruik JJJJ-MM-DD.",
                   "en": "The field '{field}' is not a valid date; use YYYY-MM-DD."},
    "field_too_long": {"nl": "Het veld '{field}' bevat te veel items.",
                       "en": "The field '{field}' has too many items."},
    "field_literal": {"nl": "Het veld '{field}' heeft een ongeldige waarde; toegestaan: {allowed}.",
                      "en": "The field '{field}' has an invalid value; allowed: {allowed}."},
    "field_invalid": {"nl": "Het veld '{field}' heeft een ongeldige waarde.",
                      "en": "The field '{field}' has an invalid value."},
    "bad_request": {"nl": "De aanvraag kon niet worden gelezen (gebruik JSON in UTF-8).",
                    "en": "The request could not be read (send JSON encoded as UTF-8)."},
    "not_found": {"nl": "Niet gevonden.", "en": "Not found."},
    "method_not_allowed": {"nl": "Deze methode is hier niet toegestaan.",
                           "en": "This method is not allowed here."},
    "api_not_found": {"nl": "Dit API-adres bestaat niet.",
                      "en": "This API address does not exist."},
    # Refusals at the edge (web/context.py, chat.py, limits.py, security.py, metrics.py).
    "message_too_long": {
        "nl": ("Uw bericht is te lang ({n} tekens). Het maximum is {max} tekens; maak de vraag "
               "korter."),
        "en": ("Your message is too long ({n} characters). The maximum is {max} characters; "
               "please shorten it."),
    },
    "history_too_long": {
        "nl": ("Eerder bericht {n} in de geschiedenis (history[{i}]) is te lang ({size} tekens). "
               "Het maximum is {max} tekens per bericht."),
        "en": ("Earlier message {n} in the history (history[{i}]) is too long ({size} "
               "characters). The maximum is {max} characters per message."),
    },
    "unreadable_message": {"nl": "Uw vraag bevat tekens die niet gelezen kunnen worden.",
                           "en": "Your question contains characters that cannot be read."},
    "too_large": {"nl": "De aanvraag is te groot.", "en": "The request is too large."},
    "too_slow": {"nl": "De aanvraag kwam te langzaam binnen. Probeer het opnieuw.",
                 "en": "The request arrived too slowly. Please try again."},
    "no_uploads": {"nl": "Deze assistent neemt geen bestanden aan.",
                   "en": "This assistant does not accept files."},
    "origin_refused": {
        "nl": ("Deze chat mag niet vanaf deze website worden gebruikt. Vraag de beheerder van de "
               "website om het adres toe te voegen aan SPOOR2_ALLOWED_ORIGINS."),
        "en": ("This chat may not be used from this website. Ask the site's operator to add its "
               "address to SPOOR2_ALLOWED_ORIGINS."),
    },
    "host_refused": {
        "nl": ("Deze server is niet bereikbaar onder dit adres. De beheerder kan het toevoegen aan "
               "SPOOR2_ALLOWED_HOSTS."),
        "en": ("This server does not answer to this address. The operator can add it to "
               "SPOOR2_ALLOWED_HOSTS."),
    },
    "rate_limited": {
        "nl": "U stelt te veel vragen achter elkaar. Probeer het over {wait} seconden opnieuw.",
        "en": "You are sending too many questions in a row. Please try again in {wait} seconds.",
    },
    "busy": {"nl": "Het is op dit moment erg druk. Probeer het over een paar seconden opnieuw.",
             "en": "The assistant is very busy right now. Please try again in a few seconds."},
    "metrics_forbidden": {
        "nl": ("De metrics zijn alleen vanaf deze server zelf te lezen, niet vanaf een andere "
               "website."),
        "en": "The metrics can only be read from this server itself, not from another website.",
    },
    "metrics_unauthorized": {
        "nl": ("De metrics zijn te lezen vanaf deze machine of met Authorization: Bearer "
               "<SPOOR2_ADMIN_TOKEN>."),
        "en": ("The metrics can be read from this machine or with Authorization: Bearer "
               "<SPOOR2_ADMIN_TOKEN>."),
    },
    "request_failed": {"nl": "De aanvraag is mislukt.", "en": "The request failed."},
    # Health and confirmations.
    "question_log_unavailable": {
        "nl": "Vragen worden nu niet bewaard voor de beheerder; antwoorden werken wel.",
        "en": "Questions are not being kept for the operator right now; answers still work.",
    },
    "feedback_thanks": {"nl": "Bedankt voor uw feedback.", "en": "Thank you for your feedback."},
    "handoff_unavailable": {
        "nl": ("Doorsturen naar een adviseur is op deze website niet ingesteld. Neem contact op "
               "met de organisatie achter deze website."),
        "en": ("Passing questions on to an adviser is not set up on this website. Please contact "
               "the organisation behind this website."),
    },
    "handoff_not_offered": {
        "nl": ("Deze website biedt geen doorsturen naar een adviseur aan. Neem contact op met de "
               "organisatie achter deze website."),
        "en": ("This website does not offer passing questions on to an adviser. Please contact "
               "the organisation behind this website."),
    },
    # The page of a cited source (/bron/<id>).
    "source_back": {"nl": "← Terug naar de assistent", "en": "← Back to the assistant"},
    "source_sources": {"nl": "Bronnen", "en": "Sources"},
    "source_disclaimer": {"nl": "Algemene informatie, geen persoonlijk juridisch advies.",
                          "en": "General information, not personal legal advice."},
    "source_missing_title": {"nl": "Bron niet gevonden", "en": "Source not found"},
    "source_missing": {
        "nl": "Deze bron bestaat niet (meer) of de kennisbank is nog niet geladen.",
        "en": "This source does not exist (any more) or the knowledge base is not loaded yet.",
    },
}
