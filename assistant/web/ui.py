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
#timeline-table tr.status-passed td { color: #6b7280; }
"""


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
    """Gradio's default look with system fonts (nothing fetched from other sites)."""
    return gr.themes.Default(font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                             font_mono=["ui-monospace", "monospace"])


def build_ui(ctx: WebContext) -> gr.Blocks:
    """The whole UI; answers come from `ctx.holder`, limits from `ctx`."""
    with gr.Blocks(title="Spoor 2 Assistent", analytics_enabled=False,
                   delete_cache=(3600, 3600)) as ui:
        lang = gr.State("nl", delete_callback=_forget)
        turns = gr.State([], delete_callback=_forget)
        feedback_row = gr.State(None, delete_callback=_forget)
        with gr.Row(equal_height=True):
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
                    label=t("chat_label", "nl"), elem_id="chatbot", height=460,
                    sanitize_html=True, render_markdown=True, allow_tags=False,
                    feedback_options=("Like", "Dislike"), examples=_examples("nl"),
                    buttons=["copy"], latex_delimiters=[],
                )
                with gr.Row():
                    box = gr.Textbox(placeholder=t("placeholder", "nl"), show_label=False,
                                     elem_id="question", scale=5, lines=1, max_lines=6,
                                     autofocus=True)
                    send = gr.Button(t("send", "nl"), variant="primary", elem_id="send", scale=1)
                with gr.Column(visible=False, elem_id="feedback-box") as feedback_box:
                    comment = gr.Textbox(label=t("comment", "nl"), lines=2, max_length=1000,
                                         elem_id="feedback-comment")
                    send_comment = gr.Button(t("send_comment", "nl"), elem_id="feedback-send")
                reset = gr.Button(t("reset", "nl"), elem_id="reset", variant="secondary")
            with gr.Tab(t("tab_planner", "nl"), id="planner", elem_id="tab-planner") as tab_plan:
                intro = gr.Markdown(t("planner_intro", "nl"))
                with gr.Row():
                    first_day = gr.DateTime(label=t("first_sick_day", "nl"), include_time=False,
                                            type="string", elem_id="first-sick-day")
                    eje = gr.DateTime(label=t("eje", "nl"), include_time=False, type="string",
                                      elem_id="eje")
                episodes = gr.Textbox(label=t("episodes", "nl"), lines=2,
                                      placeholder=t("episodes_ph", "nl"), elem_id="episodes")
                with gr.Accordion(t("extension", "nl"), open=False) as extension:
                    verlenging = gr.DateTime(label=t("verlenging_tot", "nl"), include_time=False,
                                             type="string", elem_id="verlenging")
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
                              extension, verlenging, loonsanctie, calc]

        def switch(new: str, current_turns: list[Any], who: str | None) -> list[Any]:
            updates = _relabel(new)
            updates[relabel.index(audience)]["value"] = who
            return [new, *updates, ui_chat.to_messages(current_turns or [], new)]

        language.change(switch, [language, turns, audience], [lang, *relabel, chatbot])
    return ui


def _relabel(x: str) -> list[Any]:
    return [
        gr.update(value=t("title", x)), gr.update(value=t("privacy", x)),
        gr.update(label=t("language", x)), gr.update(label=t("tab_chat", x)),
        gr.update(label=t("tab_planner", x)),
        gr.update(choices=_audience_choices(x), label=t("audience", x)),
        gr.update(label=t("chat_label", x), examples=_examples(x)),
        gr.update(placeholder=t("placeholder", x)), gr.update(value=t("send", x)),
        gr.update(label=t("comment", x)), gr.update(value=t("send_comment", x)),
        gr.update(value=t("reset", x)), gr.update(value=t("planner_intro", x)),
        gr.update(label=t("first_sick_day", x)), gr.update(label=t("eje", x)),
        gr.update(label=t("episodes", x), placeholder=t("episodes_ph", x)),
        gr.update(label=t("extension", x)), gr.update(label=t("verlenging_tot", x)),
        gr.update(label=t("loonsanctie", x)), gr.update(value=t("calculate", x)),
    ]


def _pick_example(data: gr.SelectData) -> str:
    value = data.value
    return value.get("text", "") if isinstance(value, dict) else str(value)
