"""The UI's "Stel uw vraag aan een adviseur": a button under an answer that offers a person, and a
short form (question, e-mail or phone, consent) that stores the request (`HandoffDesk.submit`)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.errors import Spoor2Error
from assistant.handoff import HandoffInputError
from assistant.texts import text
from assistant.web.context import WebContext
from assistant.web.errors import ApiError
from assistant.web.handoff import sent_message
from assistant.web.ui_chat import Turn, client_ip

log = logging.getLogger(__name__)

def last_question(turns: list[Turn]) -> str:
    """The visitor's question to prefill: the last one, or the one before a bare request for a
    person ("kan ik iemand spreken?")."""
    users = [x["content"] for x in turns if x.get("role") == "user"]
    last = next((x for x in reversed(turns) if x.get("role") == "assistant"), {})
    if last.get("kind") == "handoff":
        return users[-2] if len(users) > 1 else ""
    return users[-1] if users else ""


@dataclass
class HandoffForm:
    """The form's components (made inside the chat tab by `build`)."""

    offer: Any
    box: Any
    intro: Any
    question: Any
    contact: Any
    consent: Any
    send: Any
    status: Any

    def wire(self, ctx: WebContext, answered: list[Any], turns: Any, lang: Any, audience: Any,
             language: Any) -> None:
        """Offer the form after an answer with `handoff`; send it; relabel on a language switch."""
        for event in answered:
            event.then(_offered, [turns], [self.offer])
        self.offer.click(_open, [turns], [self.offer, self.box, self.question, self.status])

        def send(question: str, contact: str, consent: bool, current: str, who: str | None,
                 request: gr.Request):
            return _send(ctx, question, contact, consent, current, who, request)

        self.send.click(send, [self.question, self.contact, self.consent, lang, audience],
                        [self.box, self.offer, self.status, self.contact, self.consent])
        language.change(_relabel, [language, audience],
                        [self.offer, self.intro, self.question, self.contact, self.consent,
                         self.send])


def build(language: str = "nl") -> HandoffForm:
    """The offer button and the (hidden) form, in the current layout position."""
    offer = gr.Button(text("handoff.offer", language), visible=False, elem_id="handoff-offer",
                      variant="secondary")
    with gr.Column(visible=False, elem_id="handoff-box") as box:
        intro = gr.Markdown(text("handoff.intro", language), elem_id="handoff-intro")
        question = gr.Textbox(label=text("handoff.question", language), lines=3, max_lines=8,
                              elem_id="handoff-question")
        contact = gr.Textbox(label=text("handoff.contact", language), max_length=254, lines=1,
                             elem_id="handoff-contact")
        consent = gr.Checkbox(label=text("handoff.consent", language), value=False,
                              elem_id="handoff-consent")
        send = gr.Button(text("handoff.send", language), variant="primary", elem_id="handoff-send")
    status = gr.Markdown("", elem_id="handoff-status")
    return HandoffForm(offer, box, intro, question, contact, consent, send, status)


def _offered(turns: list[Turn] | None) -> Any:
    last = next((x for x in reversed(turns or []) if x.get("role") == "assistant"), {})
    return gr.update(visible=bool(last.get("handoff")))


def _open(turns: list[Turn] | None) -> tuple[Any, Any, Any, Any]:
    return (gr.update(visible=False), gr.update(visible=True),
            gr.update(value=last_question(turns or [])), gr.update(value=""))


def _send(ctx: WebContext, question: str, contact: str, consent: bool, language: str,
          audience: str | None, request: gr.Request | None) -> tuple[Any, ...]:
    """Store the request; the outcome is written to #handoff-status (a live region, ui.js)."""
    try:
        ctx.limiter.check(client_ip(ctx, request))
        if not ctx.handoff.available(""):
            return _problem(text("handoff.unavailable", language, audience))
        clean = ctx.check_message(question or "")
        ctx.handoff.submit(clean, contact or "", consent=bool(consent), site="", language=language,
                           audience=audience or "")
    except ApiError as exc:
        return _problem(exc.message(language))
    except HandoffInputError as exc:
        return _problem(exc.user_message(language))
    except Spoor2Error as exc:
        log.error("handoff not stored: %s", type(exc).__name__)
        return _problem(Spoor2Error().user_message(language))
    return (gr.update(visible=False), gr.update(visible=False),
            gr.update(value=sent_message(language, audience)), gr.update(value=""),
            gr.update(value=False))


def _problem(message: str) -> tuple[Any, ...]:
    """The form stays as it is; the status says what to change."""
    return gr.update(), gr.update(), gr.update(value=message), gr.update(), gr.update()


def _relabel(language: str, audience: str | None) -> tuple[Any, ...]:
    return (gr.update(value=text("handoff.offer", language, audience)),
            gr.update(value=text("handoff.intro", language, audience)),
            gr.update(label=text("handoff.question", language, audience)),
            gr.update(label=text("handoff.contact", language, audience)),
            gr.update(label=text("handoff.consent", language, audience)),
            gr.update(value=text("handoff.send", language, audience)))
