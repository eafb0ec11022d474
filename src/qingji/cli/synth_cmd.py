"""`qingji synth`: a synthetic court system in the interchange format, or in the data centre's layout; with --anomalies,
the integrity checks' anomalies injected and labelled (docs/synth-anomalies.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.options import parse_day
from qingji.synth import generate, write

LAYOUTS = ("数据中心",)
# qingji.synth.anomalies.MAXIMUM_RATE, not imported here: it would load the engine at every command's start.
MAXIMUM_RATE = 0.05


def synth(
    cases: Annotated[int, typer.Option("--cases", min=1, help="number of cases")] = 30_000,
    seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same files")] = 1,
    out: Annotated[Path, typer.Option("--out", help="directory for cases.csv and events.csv")] = Path(
        "synthetic"
    ),
    until: Annotated[
        str | None, typer.Option(help="export date: nothing happens after it (default today)")
    ] = None,
    events_per_case: Annotated[float, typer.Option(min=0.0, help="events per case on average")] = 0.6,
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            help="版式：案件表按数据中心的版式写出（每类案件一张工作表，DIR/数据中心.xlsx）/ write the cases in "
            "the data centre's layout instead of cases.csv: DIR/数据中心.xlsx, a sheet per kind of case",
        ),
    ] = None,
    anomalies: Annotated[
        float | None,
        typer.Option(
            "--anomalies",
            min=0.0,
            max=MAXIMUM_RATE,
            help="注入异常：每项核查约此比例的案件（如 0.003），标注写入 --labels / inject the anomalies of the "
            "integrity checks into this share of the cases per check (e.g. 0.003), with labels; cases.csv gets "
            "the court system's expiry 审限届满日期",
        ),
    ] = None,
    labels: Annotated[
        Path | None,
        typer.Option(
            "--labels", help="异常标注文件（默认 DIR/labels.csv）/ the labels file (default DIR/labels.csv)"
        ),
    ] = None,
) -> None:
    """Write DIR/cases.csv and DIR/events.csv: the Qingyang intermediate court and its eight basic courts. With
    --layout 数据中心, the cases go to DIR/数据中心.xlsx instead, a sheet per kind of case with the data centre's
    headers and the court system's own expiry (SXJMRQ, ZXQXJMRQ): `qingji import --profile 数据中心` reads it.
    With --anomalies RATE, each integrity check's anomaly is injected into about RATE of the cases (a few judges
    for the judge-level ones) and the labels are written to DIR/labels.csv (docs/synth-anomalies.md)."""
    export = parse_day(until, "--until") if until else date.today()
    if layout is not None and layout not in LAYOUTS:
        raise typer.BadParameter(
            f"版式应为 {'、'.join(LAYOUTS)} / the layout must be one of {', '.join(LAYOUTS)}",
            param_hint="--layout",
        )
    if labels is not None and anomalies is None:
        raise typer.BadParameter(
            "--labels 须与 --anomalies 同用 / --labels needs --anomalies", param_hint="--labels"
        )
    out.mkdir(parents=True, exist_ok=True)
    if layout is None and anomalies is None:
        cases_path, events_path = write(out, cases, seed, export, events_per_case)
        Console().print(f"{cases_path}  {events_path}  （{cases} 件 cases, 截至 {export}）")
        return
    from qingji.cli.site_inputs import command_calendar
    from qingji.synth.layouts import with_cms_expiry, write_data_centre

    calendar = command_calendar(None)
    if layout is None and anomalies is not None:
        from qingji.synth.anomaly_files import write_with_anomalies

        written = write_with_anomalies(
            out, cases, seed, export, calendar, rate=anomalies, events_per_case=events_per_case, labels=labels
        )
        Console().print(
            f"{written.cases}  {written.events}  {written.labels}（{written.labelled} 条标注 labels）  "
            f"（{cases} 件 cases, 截至 {export}）"
        )
        return
    frame, events = generate(cases, seed, export, events_per_case)
    labels_note = ""
    if anomalies is not None:
        from qingji.synth.anomalies import inject

        injected = inject(frame, events, export, calendar, rate=anomalies, seed=seed)
        frame, events = injected.cases, injected.events
        labels_path = labels or out / "labels.csv"
        labels_path.parent.mkdir(parents=True, exist_ok=True)
        injected.labels.write_csv(labels_path)
        labels_note = f"  {labels_path}（{injected.labels.height} 条标注 labels）"
    else:
        frame = with_cms_expiry(frame, events, export, calendar)
    events_path = out / "events.csv"
    events.write_csv(events_path, date_format="%Y-%m-%d")
    (workbook,) = write_data_centre(out, frame, name=layout or "数据中心")
    Console().print(
        f"{workbook}  {events_path}{labels_note}  （{cases} 件 cases, 截至 {export}，版式 layout {layout}）"
    )
