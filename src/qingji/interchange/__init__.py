"""Reading court exports (cases and events, CSV or Excel) with exact error reports, and writing ledgers.

The interchange format is DESIGN.md §6. Every data row read ends up either in the frame or in the problems, each
problem naming file, row, column and value, in Chinese and English.
"""

from qingji.interchange.cases_reader import CASES_SCHEMA, read_cases
from qingji.interchange.dates import date_column, parse_date
from qingji.interchange.events_reader import EVENTS_SCHEMA, read_events
from qingji.interchange.ledger_writer import ledger_json_rows, write_ledger
from qingji.interchange.problems import Problem, write_problems
from qingji.interchange.results import ReadResult

__all__ = [
    "CASES_SCHEMA",
    "EVENTS_SCHEMA",
    "Problem",
    "ReadResult",
    "date_column",
    "ledger_json_rows",
    "parse_date",
    "read_cases",
    "read_events",
    "write_ledger",
    "write_problems",
]
