"""The text catalogue: complete in both languages, one voice per text, and the only place that
picks wording by language."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.texts import CATALOGUE, MissingTextError, text, texts_for

ROOT = Path(__file__).resolve().parents[1] / "assistant"

# Modules that may still compare a language code, and why. A module that picks *wording* by
# language belongs in the catalogue instead.
BRANCHES_FOR_LOGIC = {
    "texts/__init__.py": "the catalogue lookup itself",
    "text.py": "picks the stop-word list of the detected language",
    "retrieval/bm25.py": "picks the Dutch or English stemmer",
    "retrieval/lexical.py": "adds the Dutch terms of a question in another language",
    "retrieval/lexical_postgres.py": "picks the Dutch or English text-search configuration",
    "answering/extractive.py": "only Dutch has two voices to filter passages by",
    "answering/llm.py": "names the language in the model prompt",
    "answering/deadline_answerer.py": "picks the timeline document to cite in that language",
    "answering/check_answerer.py": "picks the timeline document to cite in that language",
    "handoff/store.py": "normalises the stored language code",
    "deadlines/dates.py": "normalises the language code for the month and day names",
    "web/sources.py": "normalises the document's language code",
    "web/admin/session.py": "keeps ?lang=en on the sign-in form",
    "web/admin/documents.py": "keeps ?lang=en on a redirect",
    "web/admin/tryit.py": "keeps ?lang=en on the form and validates the language field",
    "errors.py": "an error carries its user message in both languages; the edge picks one",
    "web/errors.py": "an ApiError carries its message in both languages; the edge picks one",
    "evaluation.py": "checks the voice of Dutch answers only",
    "answering/claims.py": "each wrong claim's correction is data in both languages "
                           "(knowledge/ claims file)",
    "deadlines/check.py": "each step's title, rule and action are data in both languages "
                          "(deadlines/check_catalogue.py, with their rules)",
    "sites.py": "a site profile's own texts: the operator writes each language, one stands in",
    "deadlines/catalogue.py": "a milestone's title is data in both languages, kept with its rule "
                              "(read where a follow-up asks for the next milestone)",
    "deadlines/model.py": "a milestone carries its title and description in both languages: "
                          "data kept with its rule, actor and legal basis in "
                          "deadlines/catalogue.py; the timeline's notes are catalogue pairs "
                          "(deadline.note.*) computed once in both languages",
}


# Modules whose wording has not moved into the catalogue yet (issue 13, in progress). Remove a
# module here when its texts move; the test below fails when one is listed but already clean.
NOT_YET_MIGRATED: set[str] = set()


def _voice_mix(variant: str, value: str) -> bool:
    if variant == "u":
        return bool(re.search(r"\b(je|jij|jouw)\b", value, re.I))
    if variant == "je":
        return bool(re.search(r"\b(u|uw)\b", value, re.I))
    return False


def test_every_text_has_dutch_and_english():
    for key, entry in CATALOGUE.items():
        assert "en" in entry, key
        assert "nl" in entry or {"u", "je"} <= set(entry), key
        assert set(entry) in ({"nl", "en"}, {"u", "je", "en"}), key
        assert all(value.strip() for value in entry.values()), key


def test_u_texts_never_say_je_and_je_texts_never_say_u():
    mixed = [(key, variant) for key, entry in CATALOGUE.items()
             for variant, value in entry.items() if _voice_mix(variant, value)]
    assert mixed == []


def test_placeholders_are_the_same_in_every_language():
    for key, entry in CATALOGUE.items():
        names = {variant: set(re.findall(r"\{(\w+)\}", value)) for variant, value in entry.items()}
        assert len({frozenset(n) for n in names.values()}) == 1, (key, names)


def test_lookup_picks_language_and_voice():
    assert "help ik u graag" in text("answer.out_of_scope", "nl")
    assert "help ik u graag" in text("answer.out_of_scope", "nl", "werkgever")
    assert "help ik je graag" in text("answer.out_of_scope", "nl", "werknemer")
    assert "help ik je graag" in text("answer.out_of_scope", "nl", "je")
    assert "glad to help" in text("answer.out_of_scope", "en", "werknemer")
    assert text("ui.too_long", "en", n=3, max=2) == (
        "Your question is too long (3 characters). The maximum is 2.")


def test_missing_key_or_language_is_an_error_not_a_fallback():
    with pytest.raises(MissingTextError):
        text("answer.no_such_text", "nl")
    with pytest.raises(MissingTextError):
        text("answer.greeting", "de")


def test_texts_for_gives_one_language_without_the_prefix():
    handoff = texts_for("handoff.", "en")
    assert handoff["send"] == "Send to an adviser"
    assert set(handoff) == {k.removeprefix("handoff.") for k in CATALOGUE
                            if k.startswith("handoff.")}


def test_no_module_outside_the_catalogue_picks_wording_by_language():
    compares = re.compile(r"""(==|!=)\s*["'](en|nl)["']|["'](en|nl)["']\s*(==|!=)""")
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith("texts/") and name != "texts/__init__.py":
            continue
        if compares.search(path.read_text(encoding="utf-8")) and name not in BRANCHES_FOR_LOGIC:
            offenders.append(name)
    assert sorted(set(offenders) - NOT_YET_MIGRATED) == []
    assert sorted(NOT_YET_MIGRATED - set(offenders)) == [], "migrated: drop from NOT_YET_MIGRATED"


def test_the_allow_list_has_no_stale_entries():
    for name in [*BRANCHES_FOR_LOGIC, *NOT_YET_MIGRATED]:
        assert (ROOT / name).exists(), name


def test_the_widget_gets_its_default_texts_from_the_catalogue():
    from types import SimpleNamespace

    from assistant.web.sources import _static, widget_script

    settings = SimpleNamespace(max_message_chars=2000, retention_days=30, question_log=True)
    served = widget_script(settings).decode("utf-8")
    assert "Vragen over spoor 2?" not in _static("widget.js").decode("utf-8")
    for language in ("nl", "en"):
        assert json.dumps(text("widget.title", language)) in served
        assert json.dumps(text("handoff.offer", language, "werknemer")) in served
    assert json.dumps(text("web.feedback_thanks", "nl")) in served


def test_the_ui_script_gets_its_texts_from_the_catalogue():
    from assistant.web.sources import _static, ui_script

    served = ui_script().decode("utf-8")
    assert "Vind ik leuk" not in _static("ui.js").decode("utf-8")
    assert json.dumps(text("ui.gradio_Like", "nl")) in served
    assert json.dumps(text("ui.js_left", "en")) in served


def test_errors_raised_for_users_take_their_wording_from_the_catalogue():
    """An `ApiError` or a library error is built from `pair(...)`/`text(...)`, never from a
    Dutch/English sentence written where it is raised."""
    literal_pair = re.compile(
        r"""ApiError\(\s*\d+,\s*["']\w+["'],\s*f?["']"""  # ApiError(400, "code", "Zin ...
        r"""|\b(?:nl|en)=f?["']"""  # InvalidInputError(..., nl="Zin ...", en="...")
        r"""|(?<![.\w])fail\(\s*f?["'][A-Z]""")  # the calculator's fail("Zin ...", ...)
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith("texts/"):
            continue
        if literal_pair.search(path.read_text(encoding="utf-8")):
            offenders.append(name)
    assert offenders == []
