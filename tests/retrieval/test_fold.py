"""`fold`: lower case without accents, the same for every script as the plain Unicode recipe."""
from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from assistant.text import fold, words


def _recipe(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def test_accents_go_and_the_euro_sign_stays():
    assert fold("Één Café, €50 naïef") == "een cafe, €50 naief"
    assert words("Re-integratie tweede spoor: één gesprek") == ["re-integratie", "tweede", "spoor",
                                                              "een", "gesprek"]


@given(st.text(max_size=40))
def test_fold_equals_the_unicode_recipe_for_any_text(text):
    assert fold(text) == _recipe(text)
