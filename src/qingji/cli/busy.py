"""Exit 4 when another import holds the import lock, or the database stayed busy with another write (issue 10);
what `qingji import --wait` and `qingji snapshot --wait` print while they wait their turn."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from qingji.cases.import_lock import Holder

EXIT_BUSY = 4


def waiting_note(err: Console) -> Callable[[Holder | None], None]:
    """Said once, when the command has to wait."""

    def note(holder: Holder | None) -> None:
        from qingji.cases.import_lock import running_text

        err.print(
            f"{running_text(holder)}\n排队等候，轮到时自动开始（Ctrl-C 放弃）/ waiting for it to end, then this one "
            "starts (Ctrl-C gives up)",
            style="yellow",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    return note


def busy_exit(err: Console, error: BaseException, zh: str, en: str) -> None:
    """Exit 4 with a clear message when ``error`` says another import or write held the database; otherwise
    return (the caller raises it again). ``zh`` and ``en`` name what was refused (导入, import)."""
    from qingji.cases.import_lock import ImportRunning
    from qingji.db_wait import database_busy

    if isinstance(error, ImportRunning):
        text = (
            f"{error}\n本次{zh}未开始，数据库未作任何改动；请稍后再试，或加 --wait 排队等候。\n"
            f"This {en} was not started and nothing was written: try again later, or add --wait to wait its turn."
        )
    elif database_busy(error):
        text = (
            f"数据库被另一项写入占用过久，本次{zh}未能完成（未提交的部分均未写入）；请稍后再试。\n"
            f"The database stayed busy with another write for too long: this {en} could not finish (nothing "
            "uncommitted was written). Try again later."
        )
    else:
        return
    err.print(text, style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_BUSY) from error
