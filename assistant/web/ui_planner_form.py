"""The planner tab's layout: inputs (dates, earlier periods, leave, steps done, wage, reminders) and
outputs, with the relabelling for the language switch. The logic is in `ui_planner`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from assistant.texts import text
from assistant.web.ui_planner import STEP_KEYS

MAX_PERIODS = 5


def date_box(key: str, elem_id: str, *, picker: bool = False, label: str | None = None,
             visible: bool = True) -> gr.Textbox:
    """A one-line date field named by its label; `picker` makes it a native date picker (the
    page script sets type=date: Gradio's DateTime has an unnamed button)."""
    return gr.Textbox(label=label or text(f"ui.{key}", "nl"),
                      placeholder=text("ui.date_ph", "nl"), lines=1,
                      max_lines=1, elem_id=elem_id, visible=visible,
                      elem_classes=["date-picker"] if picker else None)


@dataclass
class PlannerForm:
    """The components of the planner tab."""

    intro: Any = None
    first_day: Any = None
    eje: Any = None
    periods_label: Any = None
    period_rows: list[Any] = field(default_factory=list)
    period_boxes: list[tuple[Any, Any]] = field(default_factory=list)
    period_count: Any = None
    add_period: Any = None
    remove_period: Any = None
    leave_label: Any = None
    leave_start: Any = None
    leave_end: Any = None
    steps_box: Any = None
    steps: dict[str, Any] = field(default_factory=dict)
    extension: Any = None
    verlenging: Any = None
    loonsanctie: Any = None
    costs_box: Any = None
    wage: Any = None
    alarm_days: Any = None
    calc: Any = None
    summary: Any = None
    check: Any = None
    costs: Any = None
    picture: Any = None
    table: Any = None
    ics: Any = None
    csv: Any = None
    pdf: Any = None

    @property
    def inputs(self) -> list[Any]:
        """Every value the calculation reads, in the order of `values_to_kwargs`."""
        flat = [box for pair in self.period_boxes for box in pair]
        return [self.first_day, self.eje, self.verlenging, self.loonsanctie, self.wage,
                self.alarm_days, *[self.steps[k] for k in STEP_KEYS], *flat,
                self.leave_start, self.leave_end]

    @property
    def input_names(self) -> list[str]:
        """Names of `inputs` (the API parameters of the calculate event, in order)."""
        periods = [f"period_{i}_{part}" for i in range(1, MAX_PERIODS + 1)
                   for part in ("start", "end")]
        return ["first_sick_day", "eje", "verlenging_tot", "loonsanctie", "monthly_wage",
                "alarm_days", *[f"step_{k}" for k in STEP_KEYS], *periods, "leave_start",
                "leave_end"]

    @property
    def outputs(self) -> list[Any]:
        """What `ui_planner.calculate` returns, in its order."""
        return [self.summary, self.table, self.picture, self.check, self.costs, self.pdf,
                self.ics, self.csv]

    @property
    def relabel_components(self) -> list[Any]:
        return [self.intro, self.first_day, self.eje, self.periods_label, *self.flat_periods,
                self.add_period, self.remove_period, self.leave_label, self.leave_start,
                self.leave_end, self.steps_box,
                *[self.steps[k] for k in STEP_KEYS], self.extension, self.verlenging,
                self.loonsanctie, self.costs_box, self.wage, self.alarm_days, self.calc,
                self.ics, self.csv, self.pdf]

    @property
    def flat_periods(self) -> list[Any]:
        return [box for pair in self.period_boxes for box in pair]

    def relabel(self, x: str) -> list[Any]:
        """Updates for `relabel_components` in language `x`."""
        periods = []
        for i in range(1, MAX_PERIODS + 1):
            date_ph = text("ui.date_ph", x)
            periods += [gr.update(label=text("ui.period_start", x, n=i), placeholder=date_ph),
                        gr.update(label=text("ui.period_end", x, n=i), placeholder=date_ph)]
        return [
            gr.update(value=text("ui.planner_intro", x)),
            gr.update(label=text("ui.first_sick_day", x), placeholder=text("ui.date_ph", x)),
            gr.update(label=text("ui.eje", x), placeholder=text("ui.date_ph", x)),
            gr.update(value=text("ui.periods", x)), *periods,
            gr.update(value=text("ui.add_period", x)), gr.update(value=text("ui.remove_period", x)),
            gr.update(value=text("ui.leave", x)),
            gr.update(label=text("ui.leave_start", x), placeholder=text("ui.date_ph", x)),
            gr.update(label=text("ui.leave_end", x), placeholder=text("ui.date_ph", x)),
            gr.update(label=text("ui.steps_done", x)),
            *[gr.update(label=text(f"ui.step_{k}", x), placeholder=text("ui.date_ph", x))
              for k in STEP_KEYS],
            gr.update(label=text("ui.extension", x)),
            gr.update(label=text("ui.verlenging_tot", x), placeholder=text("ui.date_ph", x)),
            gr.update(label=text("ui.loonsanctie", x)), gr.update(label=text("ui.costs_box", x)),
            gr.update(label=text("ui.monthly_wage", x)), gr.update(label=text("ui.alarm_days", x)),
            gr.update(value=text("ui.calculate", x)),
            gr.update(label=text("ui.download_ics", x)),
            gr.update(label=text("ui.download_csv", x)),
            gr.update(label=text("ui.download_pdf", x)),
        ]


def values_to_kwargs(values: list[Any]) -> dict[str, Any]:
    """The flat `inputs` values as keyword arguments of `ui_planner.calculate`."""
    first, eje, until, weeks, wage, alarms = values[:6]
    steps = dict(zip(STEP_KEYS, values[6:6 + len(STEP_KEYS)], strict=True))
    flat = values[6 + len(STEP_KEYS):6 + len(STEP_KEYS) + 2 * MAX_PERIODS]
    periods = list(zip(flat[0::2], flat[1::2], strict=True))
    leave_start, leave_end = values[6 + len(STEP_KEYS) + 2 * MAX_PERIODS:]
    return {"first_sick_day": first, "episodes": periods, "eje": eje, "verlenging_tot": until,
            "loonsanctie": weeks, "steps": steps, "monthly_wage": wage, "alarm_days": alarms,
            "leave": [(leave_start, leave_end)]}


def build_planner_form(forget: Any = None) -> PlannerForm:
    """Lay out the planner tab inside the current Gradio Tab; wire the add/remove buttons.

    `forget` is the delete callback of the tab's state (one whose repr shows no address)."""
    f = PlannerForm()
    f.intro = gr.Markdown(text("ui.planner_intro", "nl"))
    with gr.Row():
        f.first_day = date_box("first_sick_day", "first-sick-day")
        f.eje = date_box("eje", "eje")
    _add_periods(f)
    f.period_count = gr.State(0, delete_callback=forget)
    _add_optional_fields(f)
    f.calc = gr.Button(text("ui.calculate", "nl"), variant="primary", elem_id="calculate")
    _add_results(f)
    _wire_periods(f)
    return f


def _add_periods(f: PlannerForm) -> None:
    """Earlier sickness periods: MAX_PERIODS hidden rows of two dates, shown one by one."""
    with gr.Group(elem_id="periods"):
        f.periods_label = gr.Markdown(text("ui.periods", "nl"), elem_id="periods-label")
        for i in range(1, MAX_PERIODS + 1):
            with gr.Row(visible=False, elem_id=f"period-{i}") as row:
                start = date_box("period_start", f"period-{i}-start", picker=True,
                                 label=text("ui.period_start", "nl", n=i))
                end = date_box("period_end", f"period-{i}-end", picker=True,
                               label=text("ui.period_end", "nl", n=i))
            f.period_rows.append(row)
            f.period_boxes.append((start, end))
        with gr.Row():
            f.add_period = gr.Button(text("ui.add_period", "nl"), elem_id="add-period", size="sm")
            f.remove_period = gr.Button(text("ui.remove_period", "nl"), elem_id="remove-period",
                                        size="sm", visible=False)


def _add_optional_fields(f: PlannerForm) -> None:
    """Leave, steps already done, extension, wage (in closed accordions) and the alarm days."""
    with gr.Group(elem_id="leave"):
        f.leave_label = gr.Markdown(text("ui.leave", "nl"), elem_id="leave-label")
        with gr.Row():
            f.leave_start = date_box("leave_start", "leave-start", picker=True)
            f.leave_end = date_box("leave_end", "leave-end", picker=True)
    with gr.Accordion(text("ui.steps_done", "nl"), open=False,
                      elem_id="steps-done") as f.steps_box, \
            gr.Row():
        for key in STEP_KEYS:
            f.steps[key] = date_box(f"step_{key}", f"step-{key.replace('_', '-')}", picker=True)
    with gr.Accordion(text("ui.extension", "nl"), open=False, elem_id="extension") as f.extension:
        f.verlenging = date_box("verlenging_tot", "verlenging")
        f.loonsanctie = gr.Number(label=text("ui.loonsanctie", "nl"), minimum=0, maximum=52,
                                  precision=0, elem_id="loonsanctie")
    with gr.Accordion(text("ui.costs_box", "nl"), open=False, elem_id="costs-box") as f.costs_box:
        f.wage = gr.Number(label=text("ui.monthly_wage", "nl"), minimum=0, maximum=100000,
                           elem_id="monthly-wage")
    f.alarm_days = gr.Textbox(label=text("ui.alarm_days", "nl"), value="14,2", lines=1, max_lines=1,
                              elem_id="alarm-days")


def _add_results(f: PlannerForm) -> None:
    """Where the result shows: summary, check, costs, picture, table and the download buttons."""
    f.summary = gr.Markdown(elem_id="planner-summary")
    f.check = gr.HTML(elem_id="planner-check")
    f.costs = gr.Markdown(elem_id="planner-costs")
    f.picture = gr.HTML(elem_id="timeline-svg")
    f.table = gr.HTML(elem_id="timeline-table")
    with gr.Row():
        f.ics = gr.DownloadButton(text("ui.download_ics", "nl"), visible=False,
                                  elem_id="download-ics")
        f.csv = gr.DownloadButton(text("ui.download_csv", "nl"), visible=False,
                                  elem_id="download-csv")
        f.pdf = gr.DownloadButton(text("ui.download_pdf", "nl"), visible=False,
                                  elem_id="download-pdf")


def _wire_periods(f: PlannerForm) -> None:
    def show(n: int) -> list[Any]:
        rows = [gr.update(visible=i < n) for i in range(MAX_PERIODS)]
        return [n, *rows, gr.update(visible=n < MAX_PERIODS), gr.update(visible=n > 0)]

    outs = [f.period_count, *f.period_rows, f.add_period, f.remove_period]
    f.add_period.click(lambda n: show(min((n or 0) + 1, MAX_PERIODS)), f.period_count, outs)

    def remove(n: int) -> list[Any]:
        n = max((n or 0) - 1, 0)
        # The removed row is cleared, so a hidden period never counts.
        cleared = [gr.update() for _ in range(2 * MAX_PERIODS)]
        # Two dicts: Gradio consumes an update dict, so one object cannot serve two fields.
        cleared[2 * n], cleared[2 * n + 1] = gr.update(value=""), gr.update(value="")
        return [*show(n), *cleared]

    f.remove_period.click(remove, f.period_count, [*outs, *f.flat_periods])
