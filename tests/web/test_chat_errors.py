"""The one chat path's error mapping, without a server: what the user reads, what the log keeps."""
from __future__ import annotations

import logging

from assistant.errors import DeadlineInputError, IngestBusyError, StoreUnavailableError
from assistant.texts import text
from assistant.web.chat import error_for

BSN = "111222333"  # passes the elfproef


def test_an_unexpected_error_shows_the_generic_message_and_logs_no_bsn(caplog):
    with caplog.at_level(logging.DEBUG, logger="assistant"):
        api = error_for(RuntimeError(f"lookup for {BSN} failed"), "answer")
    assert api.status == 500
    assert api.message("nl") == text("web.error.generic", "nl")
    assert api.message("en") == text("web.error.generic", "en")
    assert BSN not in caplog.text
    assert "lookup for [bsn] failed" in caplog.text  # the operator still sees what happened


def test_a_store_outage_is_a_503_in_the_users_language_without_the_operator_text():
    api = error_for(StoreUnavailableError("Chroma at /srv/data cannot be read"))
    assert api.status == 503
    assert api.headers["Retry-After"] == "30"
    assert api.message("en") == text("web.error.store_unavailable", "en")
    assert "/srv/data" not in api.message("nl") + api.message("en")


def test_an_ingest_in_progress_says_so_in_each_language():
    api = error_for(IngestBusyError("Another ingest is running on /srv/data; wait"))
    assert api.status == 503
    assert api.message("nl") == text("web.error.ingest_busy", "nl")
    assert "already being processed" in api.message("en")


def test_a_calculator_input_error_is_a_422_with_the_users_message():
    exc = DeadlineInputError("no first day", nl="Vul de eerste ziektedag in.",
                             en="Please enter the first sick day.")
    api = error_for(exc)
    assert (api.status, api.message("nl")) == (422, "Vul de eerste ziektedag in.")
