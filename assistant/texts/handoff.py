"""The "ask an adviser" (handoff) form and its replies."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "offer": {"u": "Stel uw vraag aan een adviseur", "je": "Stel je vraag aan een adviseur",
              "en": "Ask an adviser"},
    "intro": {"u": "Een adviseur neemt contact met u op. Vul geen medische gegevens of BSN in; een "
                   "adviseur heeft die niet nodig.",
              "je": "Een adviseur neemt contact met je op. Vul geen medische gegevens of BSN in; "
                    "een adviseur heeft die niet nodig.",
              "en": "An adviser will contact you. Do not enter medical details or a citizen "
                    "service number (BSN); an adviser does not need them."},
    "question": {"u": "Uw vraag", "je": "Je vraag", "en": "Your question"},
    "contact": {"u": "E-mailadres of telefoonnummer", "je": "E-mailadres of telefoonnummer",
                "en": "E-mail address or phone number"},
    "consent": {"u": "Ik geef toestemming om mijn vraag en contactgegevens door te sturen naar "
                     "een adviseur.",
                "je": "Ik geef toestemming om mijn vraag en contactgegevens door te sturen naar "
                      "een adviseur.",
                "en": "I agree that my question and contact details are passed on to an "
                      "adviser."},
    "send": {"u": "Verstuur naar adviseur", "je": "Verstuur naar adviseur",
             "en": "Send to an adviser"},
    "unavailable": {"u": "Doorsturen naar een adviseur is hier niet ingesteld.",
                    "je": "Doorsturen naar een adviseur is hier niet ingesteld.",
                    "en": "Passing questions on to an adviser is not set up here."},
    # Why a request is refused (handoff/store.py HandoffInputError, by its code).
    "error_consent_required": {
        "nl": "Geef toestemming om uw vraag en contactgegevens door te sturen naar een adviseur.",
        "en": "Please agree that your question and contact details are passed on to an adviser.",
    },
    "error_invalid_contact": {
        "nl": ("Vul een geldig e-mailadres of telefoonnummer in, zodat een adviseur contact kan "
               "opnemen."),
        "en": "Please enter a valid e-mail address or phone number so an adviser can contact you.",
    },
    "error_health_details": {
        "nl": ("Haal de medische details uit uw vraag (zoals een diagnose, klachten, behandeling "
               "of medicijnen) en verstuur hem opnieuw. Een adviseur heeft die niet nodig; er is "
               "niets opgeslagen."),
        "en": ("Please remove the medical details from your question (such as a diagnosis, "
               "symptoms, treatment or medication) and send it again. An adviser does not need "
               "them; nothing has been stored."),
    },
    "sent": {"u": "Uw vraag is doorgestuurd; een adviseur neemt contact met u op.",
             "je": "Je vraag is doorgestuurd; een adviseur neemt contact met je op.",
             "en": "Your question has been passed on; an adviser will contact you."},
}
