"""Copying a shipped Word template out for a court to edit (the letter's, the bulletin's, the report's)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import typer
from rich.console import Console


def copy_template(default: Path, out: Path, *, force: bool, placeholders: Iterable[str], name: str) -> None:
    """Copy ``default`` to ``out`` (exit 1 when it exists and not ``force``) and say where the edited copy goes
    ($QINGJI_HOME/templates/``name``) and which placeholders it may hold."""
    if out.exists() and not force:
        Console(stderr=True).print(
            f"[red]{out} 已存在，未覆盖（--force 覆盖） / exists, not overwritten (--force)[/red]"
        )
        raise typer.Exit(1)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(default, out)
    console = Console()
    console.print(f"已写出 written: {out}")
    console.print(
        "占位符 placeholders: " + " ".join(f"{{{{{placeholder}}}}}" for placeholder in placeholders)
    )
    console.print(f"改好后放到 put the edited file at: $QINGJI_HOME/templates/{name}")
