"""The files of deploy/ agree with qingji and with docs/operations.md: the service starts `qingji serve` with options
it has, nginx passes to the port it listens on the headers it believes and lets through the uploads it takes,
every setting of the environment file is documented, and the docs show the files as they are."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from qingji.cli.app import app
from qingji.interchange.limits import upload_limits
from qingji.server import logging_config, settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
OPERATIONS = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
MB = 1024 * 1024


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


def serve_options() -> dict[str, str]:
    """The options of the service's `qingji serve`, by name."""
    command = unit("qingji.service")["Service"]["ExecStart"].split()
    assert command[0].endswith("/.venv/bin/qingji") and command[1] == "serve"
    return dict(zip(command[2::2], command[3::2], strict=True))


def test_the_service_starts_qingji_serve_with_options_it_has() -> None:
    serve = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    known = {opt for parameter in serve.params for opt in parameter.opts}
    assert set(serve_options()) <= known
    service = unit("qingji.service")["Service"]
    assert service["User"] == "qingji" and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/qingji/qingji.env"
    home = next(
        line for line in (DEPLOY / "qingji.env").read_text().splitlines() if line.startswith("QINGJI_HOME=")
    )
    assert (
        home
        == f"QINGJI_HOME=/var/lib/{service['StateDirectory']}"
        == f"QINGJI_HOME={service['ReadWritePaths']}"
    )


def test_the_nightly_backup_runs_qingji_backup_as_the_service_s_user() -> None:
    backup = unit("qingji-backup.service")["Service"]
    assert "/opt/qingji/.venv/bin/qingji backup --out " in backup["ExecStart"]
    assert backup["User"] == unit("qingji.service")["Service"]["User"]
    assert backup["EnvironmentFile"] == "/etc/qingji/qingji.env"


def test_nginx_passes_to_the_server_the_headers_it_believes_and_the_uploads_it_takes() -> None:
    nginx = (DEPLOY / "nginx-qingji.conf").read_text(encoding="utf-8")
    options = serve_options()
    assert f"proxy_pass http://{options['--host']}:{options['--port']};" in nginx
    forwarded = set(re.findall(r"proxy_set_header (X-Forwarded-[\w-]+)", nginx))
    assert {header.lower() for header in forwarded} == {"x-forwarded-for", "x-forwarded-proto"}
    assert "$proxy_add_x_forwarded_for" not in nginx  # set, not appended to: the client cannot add its own
    body = re.search(r"client_max_body_size (\d+)m;", nginx)
    assert body is not None and int(body.group(1)) == 2 * upload_limits().max_bytes // MB + 1
    env = (DEPLOY / "qingji.env").read_text(encoding="utf-8")
    assert f"QINGJI_UPLOAD_MAX_MB={upload_limits().max_bytes // MB}" in env
    assert f"QINGJI_TRUSTED_PROXY={options['--host']}" in env


def test_every_setting_of_the_environment_file_is_documented() -> None:
    documented = f"{settings.__doc__}{logging_config.__doc__}"
    names = re.findall(
        r"^#? ?(QINGJI_\w+)=", (DEPLOY / "qingji.env").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert len(names) >= 8
    for name in names:
        assert f"| {name} |" in documented, name


@pytest.mark.parametrize("name", ["nginx-qingji.conf", "qingji.service"])
def test_the_docs_show_the_deploy_files_as_they_are(name: str) -> None:
    assert (DEPLOY / name).read_text(encoding="utf-8") in OPERATIONS
    assert f"deploy/{name}" in OPERATIONS


def test_the_command_wrapper_runs_the_service_s_qingji_with_its_settings() -> None:
    wrapper = (DEPLOY / "qingji").read_text(encoding="utf-8")
    service = unit("qingji.service")["Service"]
    assert service["ExecStart"].split()[0] in wrapper and service["EnvironmentFile"] in wrapper
    assert f"sudo -u {service['User']} " in wrapper
    assert subprocess.run(["sh", "-n", str(DEPLOY / "qingji")]).returncode == 0


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    qingji = str(Path(sys.executable).with_name("qingji"))
    names = ["qingji.service", "qingji-backup.service", "qingji-backup.timer"]
    for name in names:  # the installed qingji in place of /opt/qingji's
        text = (DEPLOY / name).read_text(encoding="utf-8").replace("/opt/qingji/.venv/bin/qingji", qingji)
        (tmp_path / name).write_text(text, encoding="utf-8")
    verified = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in names)],
        capture_output=True,
        text=True,
    )
    assert verified.returncode == 0 and not verified.stderr.strip(), verified.stderr
