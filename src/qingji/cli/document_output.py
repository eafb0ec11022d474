"""What the commands that write a document from a court's template share (`qingji bulletin`, `qingji report
monthly`, `qingji campaign letter`): the output's suffix checked, the template found, the document made or refused
with the template's fault named, and written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer
from rich.console import Console

FORMATS = (".docx", ".pdf")


def output_format(output: Path) -> str:
    """The output's suffix, ``.docx`` or ``.pdf``; any other exits 2."""
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        Console(stderr=True).print(
            f"[red]--output 须为 .docx 或 .pdf 文件 / must end in .docx or .pdf: {output}[/red]"
        )
        raise typer.Exit(2)
    return suffix


def template_file(given: Path | None, in_force: Path) -> Path:
    """The template the command uses: ``--template`` if given, else the one in force; exit 1 when it is missing."""
    chosen = given if given is not None else in_force
    if not chosen.is_file():
        Console(stderr=True).print(f"[red]没有模板文件 / no template file: {chosen}[/red]")
        raise typer.Exit(1)
    return chosen


def made_or_refused(make: Callable[[], bytes], what: str) -> bytes:
    """The document ``make`` makes; exit 2, naming the template's fault, when the template cannot make it
    (``what``: 通报, 报告, 督办函 — said in "no … was made")."""
    from qingji.documents.template import TemplateError

    try:
        return make()
    except TemplateError as error:
        Console(stderr=True).print(f"[red]{error}[/red]\n未生成 / no {what} was made")
        raise typer.Exit(2) from None


def write(output: Path, content: bytes) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(content)
