"""An operator in real Chromium: signs in, uploads a Word file with the bureau's price, waits for
the switch, and the try-it panel answers a price question citing that document (axe-checked, also
at 390 px wide)."""
from __future__ import annotations

import pytest

from assistant.web import AssistantHolder, create_app

from .axe import assert_no_serious_violations
from .browsers import WAIT, chromium
from .console import PRICE_QUESTION, PRICE_TEXT, PRICE_TITLE, TOKEN, console_assistant, docx_bytes
from .servers import LiveServer

pytestmark = pytest.mark.browser



@pytest.fixture
def console_server(web_settings, embedder, tmp_path):
    settings, assistant = console_assistant(web_settings, embedder, tmp_path / "data")
    with LiveServer(create_app(settings, AssistantHolder.ready(assistant))) as server:
        yield server, assistant


@pytest.fixture
def browser():
    yield from chromium()


@pytest.mark.parametrize("width", [1200, 390])
def test_operator_uploads_a_price_and_the_try_it_panel_cites_it(console_server, browser, tmp_path,
                                                                artifacts, width):
    server, assistant = console_server
    docx = tmp_path / "tarieven-zonnebloem.docx"
    docx.write_bytes(docx_bytes(PRICE_TITLE, PRICE_TEXT))
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    try:
        page.goto(server.url + "/admin/documenten")
        assert "/admin/login" in page.url  # no data before signing in
        assert_no_serious_violations(page, f"login form at {width}px")
        page.get_by_label("Beheertoken").fill("not the token")
        page.get_by_role("button", name="Inloggen").click()
        assert "klopt niet" in page.get_by_role("alert").inner_text()
        page.get_by_label("Beheertoken").fill(TOKEN)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/admin/documenten")
        assert_no_serious_violations(page, f"documents page at {width}px")
        before = assistant.generation

        page.get_by_label("Bestanden").set_input_files(str(docx))
        page.get_by_role("button", name="Uploaden en verwerken").click()
        # the page follows the run by itself and shows when the new knowledge base answers
        page.wait_for_selector("#ingest-state[data-state=done][data-live='1']", timeout=120_000)
        assert "Klaar" in page.inner_text("#ingest-status")
        assert assistant.generation != before
        row = page.get_by_role("row").filter(has_text="tarieven-zonnebloem.docx")
        assert "Upload" in row.inner_text()
        assert_no_serious_violations(page, f"documents page after the upload at {width}px")

        page.get_by_role("link", name="Probeer").click()
        page.get_by_label("Vraag").fill(PRICE_QUESTION)
        page.get_by_role("button", name="Vraag", exact=True).click()
        page.wait_for_selector("#try-answer")
        assert "2.950" in page.inner_text("#try-answer")
        assert PRICE_TITLE in page.inner_text("#try-citations")
        assert page.inner_text("#try-path") == "operator"
        passages = page.get_by_role("row").filter(has_text=PRICE_TITLE)
        assert passages.count() >= 1
        page.screenshot(path=str(artifacts / f"admin-try-{width}.png"), full_page=True)
        assert_no_serious_violations(page, f"try-it answer at {width}px")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {width}px"
    finally:
        context.close()
