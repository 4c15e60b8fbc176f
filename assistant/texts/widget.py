"""The embeddable widget's defaults (`static/widget.js` gets them from the server, keyed as the
script names them). A site's data-* attributes or profile may override them."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "title": {"nl": "Vragen over spoor 2?", "en": "Questions about track 2?"},
    "greeting": {
        "nl": ("Hallo! Ik beantwoord vragen over re-integratie in het tweede spoor (Wet "
               "verbetering poortwachter), met bronnen."),
        "en": ("Hello! I answer questions about re-integration track 2 (Dutch Gatekeeper "
               "Improvement Act), with sources."),
    },
    "launcherLabel": {"nl": "Open de chat over spoor 2", "en": "Open the track 2 chat"},
    "closeLabel": {"nl": "Sluit de chat", "en": "Close the chat"},
    "resetLabel": {"nl": "Nieuw gesprek", "en": "New conversation"},
    "placeholder": {"nl": "Typ uw vraag…", "en": "Type your question…"},
    "sendLabel": {"nl": "Verstuur", "en": "Send"},
    "privacy": {"nl": "Vul geen medische gegevens, BSN of namen in.",
                "en": "Do not enter medical details, citizen service numbers (BSN) or names."},
    "sourcesLabel": {"nl": "Bronnen", "en": "Sources"},
    "kept": {"nl": "Vragen worden zonder persoonsgegevens {days} dagen bewaard.",
             "en": "Questions are kept for {days} days without personal details."},
    "notKept": {"nl": "Vragen worden niet bewaard.", "en": "Questions are not kept."},
    "thinking": {"nl": "Even nadenken…", "en": "Thinking…"},
    "contactLabel": {"nl": "Liever een mens spreken? Neem contact op.",
                     "en": "Prefer to talk to a person? Get in touch."},
    "offline": {"nl": "De assistent is nu niet bereikbaar. Probeer het later opnieuw.",
                "en": "The assistant cannot be reached right now. Please try again later."},
    "tooLong": {"nl": "Uw vraag is te lang (maximaal {max} tekens).",
                "en": "Your question is too long (at most {max} characters)."},
    "logLabel": {"nl": "Gesprek", "en": "Conversation"},
    "youLabel": {"nl": "U", "en": "You"},
    "botLabel": {"nl": "Assistent", "en": "Assistant"},
    "charsLeft": {"nl": "nog {n} tekens", "en": "{n} characters left"},
    "charsOver": {"nl": "{n} tekens te veel; maak uw vraag korter",
                  "en": "{n} characters too many; please shorten your question"},
    "starters": {
        "nl": "Wanneer moet spoor 2 starten?|Wie betaalt het tweede spoor?|Wat moet ik doen in "
              "spoor 2?",
        "en": "When must track 2 start?|Who pays for track 2?|What must the employee do in "
              "track 2?",
    },
    "rateLabel": {"nl": "Was dit antwoord nuttig?", "en": "Was this answer helpful?"},
    "thumbsUp": {"nl": "Nuttig", "en": "Helpful"},
    "thumbsDown": {"nl": "Niet nuttig", "en": "Not helpful"},
    # The handoff form's own texts; offer, question, contact, consent and submit are the
    # `handoff.*` texts of the UI's form.
    "handoff_hint": {
        "nl": "Vul geen medische gegevens of BSN in; een adviseur heeft die niet nodig.",
        "en": ("Do not enter medical details or a citizen service number (BSN); an adviser does "
               "not need them."),
    },
    "handoff_cancel": {"nl": "Annuleer", "en": "Cancel"},
    "handoff_sending": {"nl": "Bezig met versturen…", "en": "Sending…"},
    "handoff_needConsent": {"nl": "Geef eerst toestemming om de gegevens door te sturen.",
                            "en": "Please agree first that your details are passed on."},
    "handoff_needContact": {"nl": "Vul een e-mailadres of telefoonnummer in.",
                            "en": "Please enter an e-mail address or phone number."},
    "handoff_needQuestion": {"nl": "Vul de vraag in.", "en": "Please enter your question."},
}


def widget_texts() -> dict[str, dict[str, str]]:
    """What widget.js gets as `TEXTS` (per language) and `HANDOFF_TEXTS` (per voice: u, je, en)."""
    from assistant.texts import LANGUAGES, text, texts_for

    main = {}
    for language in LANGUAGES:
        texts = {k: v for k, v in texts_for("widget.", language).items()
                 if not k.startswith("handoff_")}
        texts["error"] = text("web.error.generic", language)
        texts["thanks"] = text("web.feedback_thanks", language)
        main[language] = texts
    handoff = {}
    for variant, language, audience in (("u", "nl", "werkgever"), ("je", "nl", "werknemer"),
                                        ("en", "en", None)):
        own = {k.removeprefix("handoff_"): v for k, v in texts_for("widget.", language).items()
               if k.startswith("handoff_")}
        shared = {k: text(f"handoff.{k}", language, audience)
                  for k in ("offer", "question", "contact", "consent")}
        handoff[variant] = {**shared, "submit": text("handoff.send", language, audience), **own}
    return {"main": main, "handoff": handoff}
