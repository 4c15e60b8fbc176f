"""A visitor asks for a person in the widget (real Chromium), and the request reaches the adviser's
mailbox, the webhook and the console."""
from __future__ import annotations

import pytest

from assistant.web import AssistantHolder, create_app

from ..handoff.receivers import Mailbox, WebhookReceiver
from .axe import assert_no_serious_violations
from .browsers import chromium
from .servers import LiveServer, PageServer, free_port, wait_until

pytestmark = pytest.mark.browser

TOKEN = "operator-token-0123456789"
SECRET = "handoff-secret-0123456789"
UNKNOWN = "Hoeveel vakantiedagen bouw ik op tijdens ouderschapsverlof in België?"
HOST_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Bureau</title></head><body><main><h1>Re-integratiebureau</h1>
</main><script src="{app}/widget.js" data-language="nl" data-audience="werknemer" async></script>
</body></html>"""


@pytest.fixture
def world(web_settings, real_assistant, tmp_path):
    smtp_port, hook_port, app_port = free_port(), free_port(), free_port()
    mailbox = Mailbox(smtp_port).start()
    hook = WebhookReceiver(hook_port, SECRET).start()
    app_url = f"http://127.0.0.1:{app_port}"
    try:
        with PageServer(HOST_PAGE.format(app=app_url)) as host:
            settings = web_settings.replace(
                data_dir=tmp_path / "data", allowed_origins=(host.url,), rate_limit_per_minute=1000,
                admin_token=TOKEN, smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_starttls=False,
                smtp_to=("adviseurs@bureau.example",), smtp_from="assistent@bureau.example",
                handoff_webhook=f"http://127.0.0.1:{hook_port}/hook", handoff_secret=SECRET)
            app = create_app(settings, AssistantHolder.ready(real_assistant))
            with LiveServer(app, port=app_port) as server:
                yield {"app": server.url, "host": host.url, "mailbox": mailbox, "hook": hook}
    finally:
        mailbox.stop()
        hook.stop()


@pytest.fixture
def browser():
    yield from chromium()


def _live(page) -> str:
    return page.evaluate("() => document.querySelector('spoor2-widget').shadowRoot"
                         ".querySelector('.sr[role=status]').textContent")


def test_a_visitor_asks_for_a_person_and_the_request_reaches_the_adviser(world, browser, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(world["host"])
    page.locator("spoor2-widget .launcher").click()
    box = page.locator("spoor2-widget #spoor2-input")
    box.fill(UNKNOWN)
    box.press("Enter")
    page.locator("spoor2-widget .msg.bot").nth(1).wait_for()
    page.wait_for_function("() => document.querySelector('spoor2-widget').shadowRoot"
                           ".querySelector('.log').getAttribute('aria-busy') === 'false'")
    box.fill("Kan ik iemand spreken?")
    box.press("Enter")
    offer = page.locator("spoor2-widget .handoff-offer").last
    offer.wait_for()
    assert offer.inner_text() == "Stel je vraag aan een adviseur"
    offer.click()

    form = page.locator("spoor2-widget form.handoff")
    question = form.get_by_label("Je vraag")
    assert question.input_value() == UNKNOWN  # prefilled with the question before "iemand spreken"
    assert "medische gegevens" in form.inner_text()
    assert_no_serious_violations(page, "widget handoff form, 390 px")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, "the form makes the page scroll sideways"
    page.screenshot(path=artifacts / "phone-widget-handoff-form.png")

    form.get_by_label("E-mailadres of telefoonnummer").fill("p.jansen@example.nl")
    form.get_by_role("button", name="Verstuur naar adviseur").click()
    page.wait_for_function("() => document.querySelector('spoor2-widget').shadowRoot"
                           ".querySelector('.sr[role=status]').textContent.includes('toestemming')")
    consent = form.get_by_label("Ik geef toestemming", exact=False)
    assert consent.get_attribute("aria-invalid") == "true"
    consent.check()
    form.get_by_role("button", name="Verstuur naar adviseur").click()

    done = page.locator("spoor2-widget .handoff-done")
    done.wait_for()
    assert done.inner_text() == "Je vraag is doorgestuurd; een adviseur neemt contact met je op."
    wait_until(lambda: "doorgestuurd" in _live(page), timeout=5)
    assert_no_serious_violations(page, "widget handoff sent")

    # Delivered once to each target by the server's own worker.
    wait_until(lambda: world["mailbox"].messages and world["hook"].received, timeout=20)
    assert "p.jansen@example.nl" in world["mailbox"].messages[0].get_payload(decode=True).decode()
    assert world["hook"].received[0]["site"] == world["host"] and world["hook"].rejected == 0

    # The operator sees it in the console and marks it handled.
    console = browser.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL",
                                  extra_http_headers={"Authorization": f"Bearer {TOKEN}"})
    admin = console.new_page()
    admin.goto(world["app"] + "/admin/overdrachten")
    row = admin.locator("tbody tr").first
    assert UNKNOWN in row.inner_text() and "p.jansen@example.nl" in row.inner_text()
    assert "afgeleverd" in row.inner_text()
    assert_no_serious_violations(admin, "console handoffs")
    row.get_by_role("button", name="Markeer als afgehandeld").click()
    assert "afgehandeld" in admin.locator("tbody tr").first.inner_text()
    assert len(world["mailbox"].messages) == 1 and len(world["hook"].received) == 1
    console.close()
    context.close()


def test_the_chat_ui_offers_an_adviser_and_sends_the_request(world, browser, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(world["app"] + "/ui/")
    page.wait_for_selector("#chatbot")
    assert not page.locator("#handoff-offer").is_visible()
    page.fill("#question textarea", UNKNOWN)
    page.click("#send")
    offer = page.locator("#handoff-offer")
    offer.wait_for()
    assert offer.inner_text() == "Stel uw vraag aan een adviseur"
    offer.click()
    question = page.locator("#handoff-question textarea")
    question.wait_for()
    assert question.input_value() == UNKNOWN
    assert "medische gegevens" in page.inner_text("#handoff-intro")
    page.fill("#handoff-contact input, #handoff-contact textarea", "06-12345678")
    page.click("#handoff-send")
    page.locator("#handoff-status").get_by_text("toestemming").wait_for()  # consent first
    assert page.locator("#handoff-status").get_attribute("aria-live") == "polite"
    page.locator("#handoff-consent input").check()
    assert_no_serious_violations(page, "ui handoff form, 390 px")
    page.screenshot(path=artifacts / "phone-ui-handoff-form.png", full_page=True)
    page.click("#handoff-send")
    page.locator("#handoff-status").get_by_text("Uw vraag is doorgestuurd").wait_for()
    wait_until(lambda: world["mailbox"].messages, timeout=20)
    text = world["mailbox"].messages[0].get_payload(decode=True).decode()
    assert "06-12345678" in text and "Website: de eigen chat" in text
    context.close()
