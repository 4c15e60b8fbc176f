"""Fixed texts the assistant says, in Dutch and English."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "out_of_scope": {
        "nl": "Daar kan ik je helaas niet mee helpen. Ik beantwoord alleen vragen over re-integratie "
              "bij ziekte volgens de Wet verbetering poortwachter: spoor 1 en spoor 2, de verplichtingen "
              "van werkgever en werknemer, kosten, termijnen en de WIA-aanvraag. Stel gerust een vraag "
              "daarover, of laat me de termijnen berekenen vanaf de eerste ziektedag.",
        "en": "I'm sorry, I can't help with that. I only answer questions about returning to work "
              "during illness under the Dutch Gatekeeper Improvement Act (Wet verbetering poortwachter): "
              "track 1 and track 2, the duties of employer and employee, costs, deadlines and the WIA "
              "application. Feel free to ask about those, or let me calculate the deadlines from the "
              "first day of sickness.",
    },
    "injection": {
        "nl": "Ik volg mijn vaste werkwijze en kan die niet aanpassen of tonen. Ik help je graag met "
              "vragen over re-integratie, spoor 2 en de termijnen van de Wet verbetering poortwachter.",
        "en": "I keep to my fixed way of working and can't change or reveal it. I'm happy to help with "
              "questions about reintegration, track 2 and the deadlines of the Wet verbetering poortwachter.",
    },
    "medical": {
        "nl": "Ik geef geen medisch advies. Bespreek klachten, behandeling of medicijnen met je huisarts "
              "of de bedrijfsarts. Over het re-integratieproces zelf (wie wat doet en wanneer) kan ik je "
              "wel helpen.",
        "en": "I don't give medical advice. Please discuss symptoms, treatment or medication with your "
              "GP (huisarts) or the company doctor (bedrijfsarts). I can help with the reintegration "
              "process itself: who does what, and when.",
    },
    "greeting": {
        "nl": "Hallo! Ik beantwoord vragen over re-integratie tweede spoor en de Wet verbetering "
              "poortwachter: verplichtingen, kosten en termijnen. Noem de eerste ziektedag als je "
              "wilt dat ik de termijnen uitreken.",
        "en": "Hello! I answer questions about track-2 reintegration and the Dutch Gatekeeper "
              "Improvement Act: obligations, costs and deadlines. Tell me the first day of sickness "
              "if you want me to calculate the deadlines.",
    },
    "dont_know": {
        "nl": "Dat weet ik niet zeker, en ik wil niet gokken. Vraag het de bedrijfsarts of de "
              "arbodienst, neem contact op met UWV, of laat je adviseren door een jurist.",
        "en": "I'm not sure about that, and I'd rather not guess. Please ask the company doctor "
              "(bedrijfsarts) or the occupational health service (arbodienst), contact UWV, or get "
              "advice from a lawyer.",
    },
    "privacy": {
        "nl": "_Let op je privacy: deel hier geen medische details, BSN, namen of contactgegevens. "
              "Die zijn voor de vraag niet nodig._",
        "en": "_Mind your privacy: please don't share medical details, BSN (citizen service number), "
              "names or contact details here. They are not needed to answer your question._",
    },
    "clarify_date": {
        "nl": "Dat reken ik graag voor je uit. Wat is de eerste ziektedag? Bijvoorbeeld: "
              "\"ziek sinds 3 maart 2025\". Was de werknemer tussendoor hersteld, noem dan ook die "
              "periode (\"hersteld van 4 juli tot en met 24 juli\").",
        "en": "Happy to calculate that. What was the first day of sickness? For example: "
              "\"sick since 3 March 2025\". If the employee recovered in between, please give that "
              "period too (\"recovered from 4 July to 24 July\").",
    },
    "empty": {
        "nl": "Stel een vraag over re-integratie, spoor 2 of de termijnen van de Wet verbetering poortwachter.",
        "en": "Ask a question about reintegration, track 2 or the deadlines of the Wet verbetering poortwachter.",
    },
}


def say(key: str, language: str) -> str:
    """The fixed text `key` in `language` (Dutch when unknown)."""
    texts = TEXTS[key]
    return texts.get(language, texts["nl"])
