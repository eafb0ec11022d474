"""The documentation keeps up with the code: every setting, warning, command and option is described."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer.main

from qingji.cli.app import app
from qingji.core.conventions import Conventions
from qingji.core.vocabulary import Warning

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
RULES = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_every_convention_setting_is_documented() -> None:
    for field in dataclasses.fields(Conventions):
        assert f"`{field.name}`" in RULES, field.name


def test_every_warning_code_is_documented() -> None:
    for warning in Warning:
        assert f"`{warning.value}`" in RULES, warning.value


def test_every_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert commands
    named = [(name, command) for name, command in commands.items()]
    for name, command in list(named):  # the subcommands of a group (qingji campaign create …) too
        named += [(f"{name} {sub}", inner) for sub, inner in getattr(command, "commands", {}).items()]
    for name, command in named:
        assert f"qingji {name}" in README, name
        for parameter in command.params:
            if parameter.param_type_name == "option":
                assert any(opt in README for opt in parameter.opts), (name, parameter.opts)
