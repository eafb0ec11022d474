"""`qingji forecast`: the cases about to cross 6, 10, 12 and 18 months or reach their expiry in the next 30, 60 and
90 days, per court, and the backlog projected month by month with its interval (docs/forecast.md); with
``--backtest-from`` the projection measured on the past."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from qingji.cli.ledger_input import (
    AsOfOption,
    CasesArgument,
    EventsOption,
    HolidaysOption,
    JsonOption,
    as_of_day,
    ledger_input,
)
from qingji.cli.options import parse_day
from qingji.cli.site_inputs import settings_in_force
from qingji.cli.summary_view import print_problems
from qingji.forecast.ageing import EXPIRY, Ageing
from qingji.forecast.backtest import Backtest, backtest
from qingji.forecast.projection import HISTORY_MONTHS, MONTHS, Projection
from qingji.forecast.summary import Forecast
from qingji.forecast.summary import forecast as make_forecast

EXIT_ROWS_REJECTED = 2


def forecast(
    cases: CasesArgument = None,
    events: EventsOption = None,
    as_of: AsOfOption = None,
    months: Annotated[int, typer.Option("--months", min=1, max=36, help="month ends projected")] = MONTHS,
    history: Annotated[
        int,
        typer.Option("--history", min=1, max=60, help="months of filings and closings the rates come from"),
    ] = HISTORY_MONTHS,
    backtest_from: Annotated[
        str | None,
        typer.Option(
            "--backtest-from", help="also run the projection as known on this date, against what happened"
        ),
    ] = None,
    as_json: JsonOption = False,
    holidays: HolidaysOption = None,
) -> None:
    """Forecast (预测): the cases about to age into the backlog, by name, per court, division and judge, and the
    pending cases older than 6, 12 and 18 months projected at each month end, with an 80% interval (边清边积).

    Exit code 0 when every row was read, 2 when some rows could not be read (the forecast covers the rest),
    1 when nothing could be done.
    """
    on = as_of_day(as_of)
    start = parse_day(backtest_from, "--backtest-from") if backtest_from else None
    if start is not None and start >= on:
        raise typer.BadParameter(
            f"{start} 不早于 {on} / the backtest starts before the as-of date", param_hint="--backtest-from"
        )
    site = settings_in_force()
    read = ledger_input(cases, events, on, holidays, site.conventions)
    problems, case_frame, event_frame, calendar = read.problems, read.cases, read.events, read.calendar
    result = make_forecast(
        read.ledger, on, months=months, history_months=history, conventions=site.conventions
    )
    if start is not None:
        try:
            tested = backtest(case_frame, event_frame, start, months, calendar, site.conventions,
                              history_months=history, known_until=on)  # fmt: skip
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--backtest-from") from None
        result = Forecast(result.as_of, result.ageing, result.projection, tested)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print_forecast(Console(), result)
    print_problems(Console(stderr=True), problems, None)
    if problems:
        raise typer.Exit(EXIT_ROWS_REJECTED)


def print_forecast(console: Console, result: Forecast) -> None:
    print_ageing(console, result.ageing)
    print_projection(console, result.projection)
    if result.backtest is not None:
        print_backtest(console, result.backtest)


def _table(title: str) -> Table:
    return Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1))


def print_ageing(console: Console, ageing: Ageing) -> None:
    """Per court: the cases crossing each number of months and reaching their expiry within 30/60/90 days."""
    windows = "/".join(str(days) for days in ageing.windows)
    table = _table(f"即将跨越 about to age（{ageing.as_of} 后 after: {windows} 日 days）")
    table.add_column("法院", no_wrap=True)
    table.add_column("未结", justify="right")
    keys = [str(months) for months in ageing.months] + [EXPIRY]
    for key in keys:
        table.add_column("到期" if key == EXPIRY else f"满{key}月", justify="right", no_wrap=True)
    for group in ageing.of_level("court"):
        table.add_row(group.court_code or "—", str(group.pending),
                      *("/".join(str(n) for n in group.counts[key].values()) for key in keys))  # fmt: skip
    total = sum(group.pending for group in ageing.of_level("court"))
    table.add_row(
        "合计", str(total), *("/".join(str(n) for n in ageing.totals[key].values()) for key in keys)
    )
    console.print(table)
    console.print(
        f"[dim]未结 pending; 满N月 crossing N months (gross, from filing); 到期 expiry reached; each cell "
        f"{windows} days; 合计 total. The cases by name, per division and judge: --json (ageing.groups)[/dim]"
    )


def print_projection(console: Console, projection: Projection) -> None:
    """The pending cases older than each band at each month end, with the interval, then inflow against
    clearance over the months."""
    level = f"{projection.level:.0%}"
    table = _table(f"积案预测 backlog projected（{level} 区间 interval）")
    table.add_column("月末", no_wrap=True)
    for band in projection.bands:
        table.add_column(f"超{band}月", justify="right", no_wrap=True)
    overall = projection.overall
    table.add_row(f"{projection.as_of}*", *(str(overall.now[band]) for band in projection.bands))
    for month in overall.months:
        table.add_row(
            str(month.month_end), *(f"{b.value:.0f} ({b.low:.0f}–{b.high:.0f})" for b in month.bands)
        )
    console.print(table)
    flows = "; ".join(
        f"超{band}月 >{band}m: 流入 inflow {sum(m.band(band).inflow for m in overall.months):.0f}, "
        f"结案 cleared {sum(m.band(band).cleared for m in overall.months):.0f}"
        for band in projection.bands
    )
    console.print(f"[dim]* 现在 now; 超N月 pending older than N months; rates of {projection.history_from} – "
        f"{projection.as_of}. Over the months: {flows}. Per court: "
                  f"--json (projection.by_court)[/dim]")  # fmt: skip


def print_backtest(console: Console, tested: Backtest) -> None:
    table = _table(f"回测 backtest from {tested.start}（data until {tested.known_until}）")
    for header in ("月末", "档", "预测 projected", "实际 actual", "误差 error"):
        table.add_column(header, justify="right", no_wrap=True)
    for row in tested.rows:
        mark = "" if row.inside else " ×"
        table.add_row(str(row.month_end), f"超{row.band}月", f"{row.projected:.0f} ({row.low:.0f}–{row.high:.0f})",
                      str(row.actual), f"{round(row.error):+d}{mark}")  # fmt: skip
    console.print(table)
    mape = "—" if tested.mape is None else f"{tested.mape:.1f}%"
    inside = "—" if tested.share_inside is None else f"{tested.share_inside:.0%}"
    console.print(f"平均绝对百分比误差 MAPE {mape}; 落在区间内 inside the {tested.level:.0%} interval: {inside} "
                  f"(× outside)")  # fmt: skip
