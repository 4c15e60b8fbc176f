"""The Gradio UI: a chat tab and a "Termijnen berekenen" tab, Dutch with an English switch."""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.texts import text
from assistant.web import ui_chat, ui_handoff, ui_planner, ui_planner_form
from assistant.web.context import WebContext
from assistant.web.ui_texts import privacy_note

CSS = """
.gradio-container { max-width: 980px !important; margin: 0 auto; }
#privacy-note { background: #fff7ed; border-left: 4px solid #ea580c; padding: .4rem .8rem;
                border-radius: 4px; }
#chatbot details.bronnen { margin-top: .6rem; border-top: 1px solid #e5e7eb; padding-top: .3rem; }
#chatbot details.bronnen summary { cursor: pointer; font-weight: 600; }
#timeline-svg svg { width: 100%; height: auto; }
#timeline-table table { width: 100%; border-collapse: collapse; font-size: .9rem; }
#timeline-table th, #timeline-table td { text-align: left; padding: .35rem .5rem;
    border-bottom: 1px solid #e5e7eb; vertical-align: top; }
#timeline-table .dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%;
    margin-right: .35rem; }
#timeline-table tr.status-passed td { color: #4b5563; }
#timeline-table, #timeline-table > * { min-width: 0 !important; max-width: 100%; }
#timeline-table .table-scroll { overflow-x: auto; max-width: calc(100vw - 6rem); }
#timeline-table .table-scroll table { min-width: 40rem; }
/* Accessibility (issue 16): visible focus everywhere, 24 px targets, no sideways scroll. */
.gradio-container :focus-visible { outline: 3px solid #1f2937 !important; outline-offset: 2px;
    box-shadow: 0 0 0 2px #fff !important; }
/* Gradio's text fields say `outline: none !important`; the ids outrank it. */
:is(#question, #first-sick-day, #eje, #verlenging, #loonsanctie, #feedback-comment,
    #monthly-wage, #alarm-days, .date-picker) :is(input, textarea):focus-visible {
    outline: 3px solid #1f2937 !important; outline-offset: 2px; }
.gradio-container input[type=radio]:checked:hover,
.gradio-container input[type=radio]:checked:focus {
    background-color: var(--checkbox-background-color-selected) !important;
    border-color: var(--checkbox-border-color-selected) !important; }
#chatbot button.icon-button, #chatbot .message-buttons button { min-width: 24px;
    min-height: 24px; }
#chatbot details.bronnen li { margin: .35rem 0; }
#chatbot details.bronnen summary { min-height: 24px; }
#question-count { margin: .2rem 0 0; font-size: .9rem; color: #374151; min-height: 1.2em; }
#question-count.over { color: #b91c1c; font-weight: 600; }
#planner-check table { width: 100%; border-collapse: collapse; font-size: .9rem; }
#planner-check caption { text-align: left; font-weight: 700; padding: .3rem 0; }
#planner-check th, #planner-check td { text-align: left; padding: .35rem .5rem;
    border-bottom: 1px solid #e5e7eb; vertical-align: top; }
#planner-check .dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%;
    margin-right: .35rem; }
#planner-check tr.check-overdue strong { color: #b91c1c; }
#planner-check, #planner-check > * { min-width: 0 !important; max-width: 100%; }
#planner-check .table-scroll { overflow-x: auto; max-width: calc(100vw - 6rem); }
#planner-check .table-scroll table { min-width: 44rem; }
.date-picker input[type=date] { width: 100%; min-width: 0; box-sizing: border-box; }
#periods .row { flex-wrap: wrap; }
@media (max-width: 480px) { #periods .row > * { flex: 1 1 100% !important; } }
.spoor2-timeline .milestone text { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
#planner-summary:focus { outline: 3px solid #1f2937; outline-offset: 2px; }
#header-row { flex-wrap: wrap; }
#extension .label-wrap, #steps-done .label-wrap, #costs-box .label-wrap { min-height: 32px; }
#title { flex: 1 1 18rem !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
"""
# The page language, Gradio's own English labels, radio groups, tab arrows, the question counter,
# scrolling to the start of new answers and the announcements live in one script of our own.
UI_SCRIPT_PATH = "/ui.js"


class _Forget:
    """A state's delete callback that does nothing; its repr (sent to browsers in /ui/config)
    shows no memory address, unlike Gradio's default function."""

    def __call__(self, value: Any) -> None:
        return None

    def __repr__(self) -> str:
        return "forget"


_forget = _Forget()


def _examples(language: str) -> list[dict[str, str]]:
    return [{"text": text(f"ui.example{n}", language)} for n in (1, 2, 3)]


def _audience_choices(language: str) -> list[tuple[str, str]]:
    return [(text("ui.werkgever", language), "werkgever"),
            (text("ui.werknemer", language), "werknemer")]


def theme() -> gr.themes.Base:
    """Gradio's default look with system fonts, darker orange so white text reads (4.5:1)."""
    return gr.themes.Default(font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                             font_mono=["ui-monospace", "monospace"]).set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_border_color="*primary_700",
        button_primary_text_color="white",
        color_accent="*primary_700",
        color_accent_soft="*primary_50",
        checkbox_background_color_selected="*primary_700",
        checkbox_border_color_selected="*primary_700",
        block_label_text_color="*neutral_700",
    )


def head(max_chars: int) -> str:
    """The page's own script; it reads the message limit from its tag."""
    return (f'<script src="{UI_SCRIPT_PATH}" data-max-chars="{int(max_chars)}" defer>'
            "</script>")


@dataclass
class _ChatTab:
    """The chat tab's components, for wiring and relabelling."""

    audience: Any
    chatbot: Any
    box: Any
    send: Any
    handoff: Any
    feedback_box: Any
    comment: Any
    send_comment: Any
    reset: Any


def build_ui(ctx: WebContext) -> gr.Blocks:
    """The whole UI; answers come from `ctx.holder`, limits from `ctx`."""
    with gr.Blocks(title="Spoor 2 Assistent", analytics_enabled=False,
                   delete_cache=(3600, 3600)) as ui:
        lang = gr.State("nl", delete_callback=_forget)
        turns = gr.State([], delete_callback=_forget)
        feedback_row = gr.State(None, delete_callback=_forget)
        with gr.Row(equal_height=True, elem_id="header-row"):
            title = gr.Markdown(text("ui.title", "nl"), elem_id="title")
            language = gr.Radio([("Nederlands", "nl"), ("English", "en")], value="nl",
                                label=text("ui.language", "nl"), elem_id="language", scale=0,
                                min_width=220)
        kept = ctx.settings.retention_days if ctx.settings.question_log else None
        privacy = gr.Markdown(privacy_note("nl", kept), elem_id="privacy-note")
        with gr.Tabs():
            with gr.Tab(text("ui.tab_chat", "nl"), id="chat", elem_id="tab-chat") as tab_chat:
                chat = _build_chat_tab()
            with gr.Tab(text("ui.tab_planner", "nl"), id="planner",
                        elem_id="tab-planner") as tab_plan:
                form = ui_planner_form.build_planner_form(_forget)
        api_link = gr.Markdown(text("ui.api_link", "nl"), elem_id="api-link")

        calculate = _planner_calculate(ctx)
        # Many inputs: a named signature keeps the API parameters in order and lets Gradio hand
        # over the request as the last argument.
        _name_parameters(calculate, [*form.input_names, "language"])
        _wire_chat(ctx, chat, turns, lang, feedback_row, language)
        form.calc.click(calculate, [*form.inputs, lang], form.outputs)

        relabel: list[Any] = [title, privacy, language, tab_chat, tab_plan, chat.audience,
                              chat.chatbot, chat.box, chat.send, chat.comment, chat.send_comment,
                              chat.reset, *form.relabel_components, api_link]
        _wire_language(language, lang, turns, chat, form, relabel, kept, calculate)
    return ui


def _build_chat_tab() -> _ChatTab:
    """The chat tab's components, in page order (inside its `gr.Tab`)."""
    audience = gr.Radio(_audience_choices("nl"), value=None, label=text("ui.audience", "nl"),
                        elem_id="audience")
    chatbot = gr.Chatbot(
        label=text("ui.chat_label", "nl"), show_label=False, elem_id="chatbot",
        height=460,
        autoscroll=False,
        sanitize_html=True, render_markdown=True, allow_tags=False,
        feedback_options=("Like", "Dislike"), examples=_examples("nl"),
        buttons=["copy"], latex_delimiters=[],
    )
    with gr.Row():
        box = gr.Textbox(label=text("ui.question_label", "nl"),
                         placeholder=text("ui.placeholder", "nl"), show_label=False,
                         elem_id="question", scale=5, lines=1, max_lines=6)
        send = gr.Button(text("ui.send", "nl"), variant="primary", elem_id="send", scale=1)
    handoff = ui_handoff.build("nl")
    with gr.Column(visible=False, elem_id="feedback-box") as feedback_box:
        comment = gr.Textbox(label=text("ui.comment", "nl"), lines=2, max_length=1000,
                             elem_id="feedback-comment")
        send_comment = gr.Button(text("ui.send_comment", "nl"), elem_id="feedback-send")
    reset = gr.Button(text("ui.reset", "nl"), elem_id="reset", variant="secondary")
    return _ChatTab(audience, chatbot, box, send, handoff, feedback_box, comment, send_comment,
                    reset)


def _planner_calculate(ctx: WebContext) -> Any:
    """The planner's event handler: form values, the language and the request in; results out."""

    def calculate(*values: Any):
        *inputs, current, request = values
        return ui_planner.calculate(ctx, language=current,
                                    client=ui_chat.client_ip(ctx, request),
                                    **ui_planner_form.values_to_kwargs(inputs))

    return calculate


def _wire_chat(ctx: WebContext, chat: _ChatTab, turns: Any, lang: Any, feedback_row: Any,
               language: Any) -> None:
    """Questions, examples, handoff, likes, comments and resets of the chat tab."""

    async def respond(message: str, history: list[Any], who: str | None, current: str,
                      request: gr.Request):
        async for update in ui_chat.respond_gated(ctx, message, history, who, current,
                                                  request):
            yield update

    def like(history: list[Any], current: str, data: gr.LikeData, request: gr.Request):
        return ui_chat.on_like(ctx, history, current, data, request)

    def send_feedback_comment(text: str, row: int | None, current: str,
                              request: gr.Request):
        return ui_chat.on_comment(ctx, text, row, current, request)

    chatbot, box = chat.chatbot, chat.box
    chat_in = [box, turns, chat.audience, lang]
    chat_out = [chatbot, turns, box]
    picked = chatbot.example_select(_pick_example, None, box)
    answered = [box.submit(respond, chat_in, chat_out), chat.send.click(respond, chat_in, chat_out),
                picked.then(respond, chat_in, chat_out)]
    chat.handoff.wire(ctx, answered, turns, lang, chat.audience, language)
    chatbot.like(like, [turns, lang], [chat.comment, chat.feedback_box, feedback_row])
    chat.send_comment.click(send_feedback_comment, [chat.comment, feedback_row, lang],
                            [chat.comment, chat.feedback_box])
    chat.reset.click(lambda: ([], [], "", gr.update(visible=False), None), None,
                     [chatbot, turns, box, chat.feedback_box, feedback_row])
    chatbot.clear(lambda: ([], gr.update(visible=False), None), None,
                  [turns, chat.feedback_box, feedback_row])


def _wire_language(language: Any, lang: Any, turns: Any, chat: _ChatTab,
                   form: ui_planner_form.PlannerForm, relabel: list[Any], kept: int | None,
                   calculate: Any) -> None:
    """The language switch: every label, the conversation and shown planner results again."""
    planner_in = [*form.inputs, lang]
    planner_out = form.outputs

    def switch(new: str, current_turns: list[Any], who: str | None) -> list[Any]:
        updates = _relabel(new, form, kept)
        updates[relabel.index(chat.audience)]["value"] = who
        return [new, *updates, ui_chat.to_messages(current_turns or [], new)]

    def recalculate(shown: str, *values: Any):
        """Results already on screen are computed again in the new language."""
        if not shown:
            return tuple(gr.skip() for _ in planner_out)
        return calculate(*values)

    _name_parameters(recalculate, ["shown", *form.input_names, "language"])

    language.change(switch, [language, turns, chat.audience],
                    [lang, *relabel, chat.chatbot]).then(
        recalculate, [form.summary, *planner_in], planner_out)


def _relabel(x: str, form: ui_planner_form.PlannerForm, kept: int | None) -> list[Any]:
    return [
        gr.update(value=text("ui.title", x)), gr.update(value=privacy_note(x, kept)),
        gr.update(label=text("ui.language", x)), gr.update(label=text("ui.tab_chat", x)),
        gr.update(label=text("ui.tab_planner", x)),
        gr.update(choices=_audience_choices(x), label=text("ui.audience", x)),
        gr.update(label=text("ui.chat_label", x), examples=_examples(x)),
        gr.update(label=text("ui.question_label", x), placeholder=text("ui.placeholder", x)),
        gr.update(value=text("ui.send", x)),
        gr.update(label=text("ui.comment", x)), gr.update(value=text("ui.send_comment", x)),
        gr.update(value=text("ui.reset", x)), *form.relabel(x),
        gr.update(value=text("ui.api_link", x)),
    ]


def _name_parameters(fn: Any, names: list[str]) -> None:
    """Give `fn(*values)` positional parameters `names` and then the Gradio request (Gradio reads
    the signature for the API and the type hints to pass the request)."""
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    fn.__signature__ = inspect.Signature([
        *(inspect.Parameter(n, kind) for n in names),
        inspect.Parameter("request", kind, annotation=gr.Request)])
    fn.__annotations__ = {"request": gr.Request}


def _pick_example(data: gr.SelectData) -> str:
    value = data.value
    return value.get("text", "") if isinstance(value, dict) else str(value)
