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
}
