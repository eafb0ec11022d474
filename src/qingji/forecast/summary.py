"""The forecast on a date, as `qingji forecast` prints it and the forecast page shows it: the cases about to age
(qingji.forecast.ageing) and the backlog projected (qingji.forecast.projection), with the projection measured on
the past when asked (qingji.forecast.backtest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.forecast.ageing import Ageing, ageing
from qingji.forecast.backtest import Backtest
from qingji.forecast.projection import HISTORY_MONTHS, MONTHS, Projection, project


@dataclass(frozen=True)
class Forecast:
    as_of: date
    ageing: Ageing
    projection: Projection
    backtest: Backtest | None = None

    def as_json(self) -> dict[str, object]:
        """The keys relied on from outside: as_of, ageing, projection, and backtest when it was run."""
        document: dict[str, object] = {
            "as_of": self.as_of.isoformat(),
            "ageing": self.ageing.as_json(),
            "projection": self.projection.as_json(),
        }
        if self.backtest is not None:
            document["backtest"] = self.backtest.as_json()
        return document


def forecast(
    ledger: pl.DataFrame,
    as_of: date,
    *,
    months: int = MONTHS,
    history_months: int = HISTORY_MONTHS,
    conventions: Conventions = DEFAULT_CONVENTIONS,
) -> Forecast:
    """The forecast of ``ledger`` (qingji.engine.ledger.compute_ledger on ``as_of``, every case filed by then:
    the pending ones are projected, the closed ones are the history of the rates)."""
    return Forecast(
        as_of=as_of,
        ageing=ageing(ledger, as_of, conventions=conventions),
        projection=project(ledger, as_of, months=months, history_months=history_months),
    )
