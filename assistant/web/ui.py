"""The Gradio UI: a chat tab and a "Termijnen berekenen" tab, Dutch with an English switch."""
from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.web import ui_chat, ui_planner
from assistant.web.context import WebContext
from assistant.web.ui_texts import EXAMPLES, t

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
:is(#question, #first-sick-day, #eje, #verlenging, #episodes, #loonsanctie, #feedback-comment)
    :is(input, textarea):focus-visible { outline: 3px solid #1f2937 !important;
    outline-offset: 2px; }
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
#planner-summary:focus { outline: 3px solid #1f2937; outline-offset: 2px; }
#header-row { flex-wrap: wrap; }
#extension .label-wrap { min-height: 32px; }
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
    return [{"text": q} for q in EXAMPLES["en" if language == "en" else "nl"]]


def _audience_choices(language: str) -> list[tuple[str, str]]:
    return [(t("werkgever", language), "werkgever"), (t("werknemer", language), "werknemer")]


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


def build_ui(ctx: WebContext) -> gr.Blocks:
    """The whole UI; answers come from `ctx.holder`, limits from `ctx`."""
    with gr.Blocks(title="Spoor 2 Assistent", analytics_enabled=False,
                   delete_cache=(3600, 3600)) as ui:
        lang = gr.State("nl", delete_callback=_forget)
        turns = gr.State([], delete_callback=_forget)
        feedback_row = gr.State(None, delete_callback=_forget)
        with gr.Row(equal_height=True, elem_id="header-row"):
            title = gr.Markdown(t("title", "nl"), elem_id="title")
            language = gr.Radio([("Nederlands", "nl"), ("English", "en")], value="nl",
                                label=t("language", "nl"), elem_id="language", scale=0,
                                min_width=220)
        privacy = gr.Markdown(t("privacy", "nl"), elem_id="privacy-note")
        with gr.Tabs():
            with gr.Tab(t("tab_chat", "nl"), id="chat", elem_id="tab-chat") as tab_chat:
                audience = gr.Radio(_audience_choices("nl"), value=None, label=t("audience", "nl"),
                                    elem_id="audience")
                chatbot = gr.Chatbot(
                    label=t("chat_label", "nl"), show_label=False, elem_id="chatbot", height=460,
                    autoscroll=False,
                    sanitize_html=True, render_markdown=True, allow_tags=False,
                    feedback_options=("Like", "Dislike"), examples=_examples("nl"),
                    buttons=["copy"], latex_delimiters=[],
                )
                with gr.Row():
                    box = gr.Textbox(label=t("question_label", "nl"),
                                     placeholder=t("placeholder", "nl"), show_label=False,
                                     elem_id="question", scale=5, lines=1, max_lines=6)
                    send = gr.Button(t("send", "nl"), variant="primary", elem_id="send", scale=1)
                with gr.Column(visible=False, elem_id="feedback-box") as feedback_box:
                    comment = gr.Textbox(label=t("comment", "nl"), lines=2, max_length=1000,
                                         elem_id="feedback-comment")
                    send_comment = gr.Button(t("send_comment", "nl"), elem_id="feedback-send")
                reset = gr.Button(t("reset", "nl"), elem_id="reset", variant="secondary")
            with gr.Tab(t("tab_planner", "nl"), id="planner", elem_id="tab-planner") as tab_plan:
                intro = gr.Markdown(t("planner_intro", "nl"))
                with gr.Row():
                    first_day = _date_box("first_sick_day", "first-sick-day")
                    eje = _date_box("eje", "eje")
                episodes = gr.Textbox(label=t("episodes", "nl"), lines=2,
                                      placeholder=t("episodes_ph", "nl"), elem_id="episodes")
                with gr.Accordion(t("extension", "nl"), open=False,
                                  elem_id="extension") as extension:
                    verlenging = _date_box("verlenging_tot", "verlenging")
                    loonsanctie = gr.Number(label=t("loonsanctie", "nl"), minimum=0, maximum=52,
                                            precision=0, elem_id="loonsanctie")
                calc = gr.Button(t("calculate", "nl"), variant="primary", elem_id="calculate")
                summary = gr.Markdown(elem_id="planner-summary")
                picture = gr.HTML(elem_id="timeline-svg")
                table = gr.HTML(elem_id="timeline-table")
                with gr.Row():
                    ics = gr.DownloadButton(t("download_ics", "nl"), visible=False,
                                            elem_id="download-ics")
                    csv = gr.DownloadButton(t("download_csv", "nl"), visible=False,
                                            elem_id="download-csv")
        api_link = gr.Markdown(t("api_link", "nl"), elem_id="api-link")

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

        def calculate(first: Any, extra: str, eje_day: Any, until: Any, weeks: Any,
                      current: str, request: gr.Request):
            return ui_planner.calculate(ctx, first, extra, eje_day, until, weeks, current,
                                        ui_chat.client_ip(ctx, request))

        chat_in = [box, turns, audience, lang]
        chat_out = [chatbot, turns, box]
        box.submit(respond, chat_in, chat_out)
        send.click(respond, chat_in, chat_out)
        chatbot.example_select(_pick_example, None, box).then(respond, chat_in, chat_out)
        chatbot.like(like, [turns, lang], [comment, feedback_box, feedback_row])
        send_comment.click(send_feedback_comment, [comment, feedback_row, lang],
                           [comment, feedback_box])
        reset.click(lambda: ([], [], "", gr.update(visible=False), None), None,
                    [chatbot, turns, box, feedback_box, feedback_row])
        chatbot.clear(lambda: ([], gr.update(visible=False), None), None,
                      [turns, feedback_box, feedback_row])
        calc.click(calculate,
                   [first_day, episodes, eje, verlenging, loonsanctie, lang],
                   [summary, table, picture, ics, csv])

        relabel: list[Any] = [title, privacy, language, tab_chat, tab_plan, audience, chatbot, box,
                              send, comment, send_comment, reset, intro, first_day, eje, episodes,
                              extension, verlenging, loonsanctie, calc, ics, csv, api_link]
        planner_in = [first_day, episodes, eje, verlenging, loonsanctie, lang]
        planner_out = [summary, table, picture, ics, csv]

        def switch(new: str, current_turns: list[Any], who: str | None) -> list[Any]:
            updates = _relabel(new)
            updates[relabel.index(audience)]["value"] = who
            return [new, *updates, ui_chat.to_messages(current_turns or [], new)]

        def recalculate(shown: str, first: Any, extra: str, eje_day: Any, until: Any, weeks: Any,
                        current: str, request: gr.Request):
            """Results already on screen are computed again in the new language."""
            if not shown:
                return tuple(gr.skip() for _ in planner_out)
            return calculate(first, extra, eje_day, until, weeks, current, request)

        language.change(switch, [language, turns, audience], [lang, *relabel, chatbot]).then(
            recalculate, [summary, *planner_in], planner_out)
    return ui


def _relabel(x: str) -> list[Any]:
    return [
        gr.update(value=t("title", x)), gr.update(value=t("privacy", x)),
        gr.update(label=t("language", x)), gr.update(label=t("tab_chat", x)),
        gr.update(label=t("tab_planner", x)),
        gr.update(choices=_audience_choices(x), label=t("audience", x)),
        gr.update(label=t("chat_label", x), examples=_examples(x)),
        gr.update(label=t("question_label", x), placeholder=t("placeholder", x)),
        gr.update(value=t("send", x)),
        gr.update(label=t("comment", x)), gr.update(value=t("send_comment", x)),
        gr.update(value=t("reset", x)), gr.update(value=t("planner_intro", x)),
        gr.update(label=t("first_sick_day", x), placeholder=t("date_ph", x)),
        gr.update(label=t("eje", x), placeholder=t("date_ph", x)),
        gr.update(label=t("episodes", x), placeholder=t("episodes_ph", x)),
        gr.update(label=t("extension", x)),
        gr.update(label=t("verlenging_tot", x), placeholder=t("date_ph", x)),
        gr.update(label=t("loonsanctie", x)), gr.update(value=t("calculate", x)),
        gr.update(label=t("download_ics", x)), gr.update(label=t("download_csv", x)),
        gr.update(value=t("api_link", x)),
    ]


def _date_box(key: str, elem_id: str) -> gr.Textbox:
    """A one-line date field named by its label (Gradio's DateTime has an unnamed button)."""
    return gr.Textbox(label=t(key, "nl"), placeholder=t("date_ph", "nl"), lines=1, max_lines=1,
                      elem_id=elem_id)


def _pick_example(data: gr.SelectData) -> str:
    value = data.value
    return value.get("text", "") if isinstance(value, dict) else str(value)
