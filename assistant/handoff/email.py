"""The e-mail target: one message per request to SPOOR2_SMTP_TO (or the site profile's own
recipients), sent with smtplib."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from assistant.config import Settings
from assistant.handoff.store import HandoffRequest


class DeliveryError(Exception):
    """A target did not take the request; the message is short and holds no secrets."""


def compose(request: HandoffRequest, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    """The e-mail an adviser receives (Dutch, with the visitor's own words and contact)."""
    message = EmailMessage()
    message["Subject"] = f"Vraag voor een adviseur (#{request.id})"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Message-ID"] = make_msgid("spoor2-handoff")
    if "@" in request.contact:
        message["Reply-To"] = request.contact
    lines = [
        "Een bezoeker van de Spoor 2 Assistent wil contact met een adviseur.",
        "",
        f"Contact: {request.contact}",
        f"Taal: {request.language}",
        f"Doelgroep: {request.audience or 'onbekend'}",
        f"Website: {request.site or 'de eigen chat'}",
        f"Ontvangen: {request.created_at}",
        f"Nummer: {request.id}",
        "",
        "Vraag (identificerende nummers zijn weggelaten):",
        request.question,
        "",
        "De bezoeker heeft toestemming gegeven om deze gegevens door te sturen.",
        "Markeer de vraag als afgehandeld in de console: /admin/overdrachten",
    ]
    message.set_content("\n".join(lines))
    return message


class SmtpSender:
    """Sends handoff e-mails through the configured SMTP server (STARTTLS when set)."""

    name = "email"

    def __init__(self, settings: Settings, timeout: float = 15.0,
                 recipients: tuple[str, ...] | None = None):
        self.host, self.port = settings.smtp_host, settings.smtp_port
        self.user, self.password = settings.smtp_user, settings.smtp_password
        self.starttls = settings.smtp_starttls
        self.recipients = tuple(settings.smtp_to if recipients is None else recipients)
        self.sender = settings.smtp_from or settings.smtp_user or "spoor2-assistent@localhost"
        self.timeout = timeout

    def send(self, request: HandoffRequest) -> None:
        """Deliver one request.

        Raises:
            DeliveryError: the server could not be reached or refused the message.
        """
        message = compose(request, self.sender, self.recipients)
        try:
            if self.port == 465:  # implicit TLS
                client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                                        context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with client:
                if self.starttls and self.port != 465:
                    client.starttls(context=ssl.create_default_context())
                if self.user:
                    client.login(self.user, self.password.get_secret_value())
                client.send_message(message)
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(f"smtp: server answered {exc.smtp_code}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"smtp: {type(exc).__name__}") from None
