"""Handoff delivery against a real SMTP server and a real webhook receiver on loopback."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from assistant.config import Settings
from assistant.handoff import Deliverer, HandoffStore, backoff_seconds, targets_for
from assistant.handoff.webhook import payload, signature, verify

from ..web.servers import free_port
from .receivers import Mailbox, WebhookReceiver

SECRET = "handoff-secret-0123456789"
START = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand (no sleeping for back-off)."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def ports():
    return free_port(), free_port()


@pytest.fixture
def receivers(ports):
    made: list = []
    yield made
    for receiver in made:
        receiver.stop()


def _setup(tmp_path, ports, *, smtp=True, webhook=True):
    settings = Settings(
        data_dir=tmp_path,
        smtp_host="127.0.0.1" if smtp else "", smtp_port=ports[0], smtp_starttls=False,
        smtp_from="assistent@bureau.example", smtp_to=("adviseurs@bureau.example",) if smtp else (),
        handoff_webhook=f"http://127.0.0.1:{ports[1]}/hook" if webhook else "",
        handoff_secret=SECRET,
    )
    store, clock = HandoffStore(settings.handoff_db), Clock()
    deliverer = Deliverer(store, lambda site: targets_for(settings, site), clock=clock)
    return store, deliverer, clock


def _add(store, clock, question="Wie betaalt het tweede spoor? Mijn BSN is 111222333."):
    return store.add(question, "p.jansen@example.nl", consent=True, site="https://bureau.example",
                     language="nl", audience="werknemer", now=clock())


def test_a_request_reaches_the_advisers_mailbox_and_the_webhook(tmp_path, ports, receivers):
    mailbox = Mailbox(ports[0]).start()
    hook = WebhookReceiver(ports[1], SECRET).start()
    receivers += [mailbox, hook]
    store, deliverer, clock = _setup(tmp_path, ports)
    request_id = _add(store, clock)

    assert deliverer.deliver_due() == 1

    assert len(mailbox.messages) == 1 and mailbox.recipients == [["adviseurs@bureau.example"]]
    mail = mailbox.messages[0]
    assert f"#{request_id}" in mail["Subject"] and mail["Reply-To"] == "p.jansen@example.nl"
    text = mail.get_payload(decode=True).decode()
    assert "Wie betaalt het tweede spoor?" in text and "p.jansen@example.nl" in text
    assert "111222333" not in text and "[bsn]" in text  # the BSN never leaves the server
    assert hook.rejected == 0 and len(hook.received) == 1
    sent = hook.received[0]
    assert sent["id"] == request_id and sent["contact"] == "p.jansen@example.nl"
    assert sent["site"] == "https://bureau.example" and "111222333" not in sent["question"]
    row = store.get(request_id)
    assert row.status == "delivered" and set(row.delivered_to) == {"email", "webhook"}
    assert row.next_attempt_at is None and row.last_error == ""


def test_sent_while_smtp_is_down_it_arrives_exactly_once_after_it_comes_back(tmp_path, ports,
                                                                             receivers):
    store, deliverer, clock = _setup(tmp_path, ports, webhook=False)
    request_id = _add(store, clock)

    assert deliverer.deliver_due() == 0  # nobody listens on the SMTP port
    row = store.get(request_id)
    assert row.status == "failed" and row.attempts == 1 and row.last_error.startswith("smtp:")
    assert row.next_attempt_at == (START + timedelta(seconds=30)).isoformat()
    clock.advance(10)
    assert store.due(clock()) == []  # not before its back-off

    mailbox = Mailbox(ports[0]).start()
    receivers.append(mailbox)
    clock.advance(20)
    assert deliverer.deliver_due() == 1
    for _ in range(3):  # later passes (and an operator's retry) send nothing more
        clock.advance(3600)
        deliverer.deliver_due()
    assert store.retry_now(request_id) is False
    assert len(mailbox.messages) == 1
    assert store.get(request_id).status == "delivered" and store.get(request_id).attempts == 2


def test_a_webhook_receiver_that_is_down_at_first_gets_it_on_a_retry(tmp_path, ports, receivers):
    mailbox = Mailbox(ports[0]).start()
    receivers.append(mailbox)
    store, deliverer, clock = _setup(tmp_path, ports)
    request_id = _add(store, clock)

    deliverer.deliver_due()
    row = store.get(request_id)
    assert row.status == "failed" and row.delivered_to == ("email",)
    assert row.last_error.startswith("webhook:") and SECRET not in row.last_error
    clock.advance(30)
    deliverer.deliver_due()  # still down: the wait grows
    assert store.get(request_id).next_attempt_at == (clock() + timedelta(seconds=120)).isoformat()

    hook = WebhookReceiver(ports[1], SECRET).start()
    receivers.append(hook)
    clock.advance(120)
    assert deliverer.deliver_due() == 1
    assert [r["id"] for r in hook.received] == [request_id] and hook.rejected == 0
    assert len(mailbox.messages) == 1  # the e-mail that went out at first is not sent again
    assert store.get(request_id).status == "delivered"


def test_a_receiver_with_another_secret_refuses_and_the_request_waits(tmp_path, ports, receivers):
    hook = WebhookReceiver(ports[1], "not-the-same-secret-000").start()
    receivers.append(hook)
    store, deliverer, clock = _setup(tmp_path, ports, smtp=False)
    request_id = _add(store, clock)
    deliverer.deliver_due()
    assert hook.rejected == 1 and hook.received == []
    row = store.get(request_id)
    assert row.status == "failed" and row.last_error == "webhook: HTTP 401"


def test_the_signature_covers_the_timestamp_so_a_replay_is_refused():
    body = b'{"id": 1}'
    sig = signature(SECRET, "1790000000", body)
    assert verify(SECRET, "1790000000", body, sig, now=1790000010)
    assert not verify(SECRET, "1790000000", body, sig, now=1790000000 + 3600)  # too old
    assert not verify(SECRET, "1790000001", body, sig, now=1790000010)  # another timestamp
    assert not verify(SECRET, "1790000000", body + b" ", sig, now=1790000010)


def test_back_off_grows_and_is_capped():
    waits = [backoff_seconds(n) for n in range(1, 9)]
    assert waits[:4] == [30, 120, 600, 3600]
    assert waits == sorted(waits) and max(waits) == 6 * 3600 == waits[-1]


def test_handled_requests_are_not_sent(tmp_path, ports, receivers):
    store, deliverer, clock = _setup(tmp_path, ports, webhook=False)
    request_id = _add(store, clock)
    assert store.mark_handled(request_id)
    mailbox = Mailbox(ports[0]).start()
    receivers.append(mailbox)
    deliverer.deliver_due()
    assert mailbox.messages == [] and store.get(request_id).status == "handled"


def test_the_webhook_body_is_the_request_without_bookkeeping(tmp_path, ports):
    store, _, clock = _setup(tmp_path, ports)
    body = json.loads(payload(store.get(_add(store, clock))))
    assert set(body) == {"type", "id", "created_at", "site", "language", "audience", "question",
                         "contact", "consent"}
