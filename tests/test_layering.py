"""The layering holds (docs/architecture.md): the import-linter contracts of pyproject.toml pass on the code as it
is, and fail, naming the import, when a copy of the code is given an import they forbid."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(source: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the project's contracts over the package ``qingji`` found in ``source``."""
    environment = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", str(ROOT / "pyproject.toml")],
        capture_output=True, text=True, env=environment, cwd=source, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package to break."""
    shutil.copytree(
        ROOT / "src" / "qingji", tmp_path / "qingji", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def test_the_code_keeps_every_contract() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert f"Contracts: {len(contracts['contracts'])} kept, 0 broken." in result.stdout


def test_the_copy_keeps_them_until_it_is_changed(copy: Path) -> None:
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract", "named"),
    [
        ("core/deadline.py", "import django", "Core: no Django, no Polars, no I/O", "qingji.core.deadline -> django"),
        ("core/state.py", "import polars", "Core: no Django, no Polars, no I/O", "qingji.core.state -> polars"),
        ("core/calendar.py", "from pathlib import Path", "Core: no Django, no Polars, no I/O", "-> pathlib"),
        ("core/periods.py", "import os", "Core: no Django, no Polars, no I/O", "qingji.core.periods -> os"),
        ("core/explain.py", "import tomllib", "Core: no Django, no Polars, no I/O", "-> tomllib"),
        ("engine/ledger.py", "from django.db import models", "Engine, interchange, synth, documents, integrity and forecast: no Django", "qingji.engine.ledger -> django"),
        ("interchange/headers.py", "import django.conf", "Engine, interchange, synth, documents, integrity and forecast: no Django", "interchange.headers -> django"),
        ("documents/template.py", "import django.conf", "Engine, interchange, synth, documents, integrity and forecast: no Django", "documents.template -> django"),
        ("integrity/checks.py", "import django.db", "Engine, interchange, synth, documents, integrity and forecast: no Django", "integrity.checks -> django"),
        ("forecast/ageing.py", "import django.conf", "Engine, interchange, synth, documents, integrity and forecast: no Django", "forecast.ageing -> django"),
        # the package cycles broken in issue 11, and layers kept apart
        ("courts/selectors.py", "from qingji.cases.models import Case", "Layers: a package imports only the layers below its own", "courts.selectors -> qingji.cases"),
        ("cases/snapshot.py", "import qingji.campaigns.lookback", "Layers: a package imports only the layers below its own", "cases.snapshot -> qingji.campaigns"),
        ("engine/ledger.py", "import qingji.interchange.ledger_layout", "Layers: a package imports only the layers below its own", "engine.ledger -> qingji.interchange"),
        ("interchange/headers.py", "import qingji.engine.facts", "Layers: a package imports only the layers below its own", "interchange.headers -> qingji.engine"),
        ("audit/actions.py", "import qingji.server.setup", "Layers: a package imports only the layers below its own", "audit.actions -> qingji.server"),
        ("campaigns/report.py", "from qingji.web import labels", "Layers: a package imports only the layers below its own", "campaigns.report -> qingji.web"),
        ("web/charts.py", "import qingji.cli.app", "Layers: a package imports only the layers below its own", "web.charts -> qingji.cli"),
        ("core/dates.py", "import qingji.engine.dates", "Layers: a package imports only the layers below its own", "core.dates -> qingji.engine"),
        ("integrity/checks.py", "import qingji.synth.anomalies", "Layers: a package imports only the layers below its own", "integrity.checks -> qingji.synth"),
        ("forecast/summary.py", "import qingji.integrity.checks", "Layers: a package imports only the layers below its own", "forecast.summary -> qingji.integrity"),
        # a cycle between two modules of one package
        ("web/labels.py", "import qingji.web.views", "Acyclic: no import cycle among the modules of a package", ".labels -> .views"),
    ],
)  # fmt: skip
def test_a_forbidden_import_breaks_a_contract(
    copy: Path, module: str, line: str, contract: str, named: str
) -> None:
    path = copy / "qingji" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # added by the test\n", encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{contract} BROKEN" in result.stdout
    assert named in result.stdout.split("Broken contracts", 1)[1]


def test_a_new_package_must_be_given_its_layer(copy: Path) -> None:
    (copy / "qingji" / "reports").mkdir()
    (copy / "qingji" / "reports" / "__init__.py").write_text('"""Somewhere new."""\n', encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode == 1
    assert "not listed as layers" in result.stdout and "qingji.reports" in result.stdout


def test_run_lint_runs_the_contracts() -> None:
    script = (ROOT / "run").read_text(encoding="utf-8")
    lint = script.split("    lint)", 1)[1].split(";;", 1)[0]
    assert ".venv/bin/lint-imports" in lint
