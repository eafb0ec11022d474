"""Django settings for qingji: documented defaults, overridden by environment variables of the site.

| variable | default | meaning |
|---|---|---|
| QINGJI_DATABASE_URL | sqlite:///<QINGJI_HOME>/qingji.sqlite3 | the database: sqlite:////srv/qingji.sqlite3, postgresql://user:pw@host/db |
| QINGJI_HOME | ./var | where the embedded database and generated files live, and a court's own letter template (templates/督办函.docx) |
| QINGJI_SECRET_KEY | generated once into <QINGJI_HOME>/secret_key | signing key; keep it secret |
| QINGJI_DEBUG | 0 | 1 shows tracebacks (never on a court's server) |
| QINGJI_ALLOWED_HOSTS | 127.0.0.1,localhost | host names the server answers to |
| QINGJI_SECURE_COOKIES | 0 | 1 when served over HTTPS: cookies only over HTTPS, and HSTS sent (a year) |
| QINGJI_SESSION_HOURS | 10 | how long a login lasts: a working day, then the person signs in again |
| QINGJI_IMPORT_CONFIRM_CASES | 20 | an import that would empty a field or reopen a closed case on more cases than this waits for a confirmation (`qingji import --confirm`, the upload page's confirm button); 0: every such import |
| QINGJI_UPLOAD_KEEP_DAYS | 0 | days an uploaded export is kept in <QINGJI_HOME>/uploads for review after its import; 0: deleted at once |
| QINGJI_IMPORT_REPORT_KEEP_DAYS | 7 | days the marked copy of a refused upload stays downloadable (its import record says until when) |
| QINGJI_UPLOAD_MAX_MB | 50 | the largest file the upload pages take (the import page, a campaign's list), in MB; a larger one is dropped as it arrives |
| QINGJI_UPLOAD_MAX_ROWS | 200000 | the most rows a sheet uploaded there may have |
| QINGJI_UPLOAD_MAX_CELLS | 3000000 | the most cells (rows × columns, up to the farthest cell) a sheet uploaded there may have |
| QINGJI_UPLOAD_MAX_UNPACKED_MB | 200 | the most an Excel workbook uploaded there may unpack to, in MB |
| QINGJI_CLI_MAX_MB, _ROWS, _CELLS, _UNPACKED_MB | 2000, 3000000, 60000000, 3000 | the same for the commands (`qingji import`, `ledger`, `stats`, `campaign`) |
| QINGJI_LOG_LEVEL | INFO | what qingji writes to <QINGJI_HOME>/logs/qingji.log (and the server's console): DEBUG, INFO, WARNING, ERROR |
| QINGJI_LOG_MAX_MB | 10 | the size at which the log file is rotated (qingji.log → qingji.log.1), in MB |
| QINGJI_LOG_KEEP | 10 | rotated log files kept (qingji.log.1 … .10); the oldest is deleted |
| QINGJI_TRUSTED_PROXY | (none) | the address of the reverse proxy in front of `qingji serve` (e.g. 127.0.0.1): its X-Forwarded-For and X-Forwarded-Proto are believed (the client's address, HTTPS); from anyone else they are dropped |
| QINGJI_WEB_WRITE_WAIT | 5 | seconds a page's write waits for the database while another write (an import) holds it on SQLite; then the page says "try again in a minute" (HTTP 503); 0: no wait |

Why 20 cases: a correction the court means, a remanded case reopened or a judge who left, touches a handful of
cases and goes through at once; the mistakes seen (a renamed or dropped column) emptied thousands. The uploads
and marked copies hold parties' names: they are removed by the nightly run once their days are over.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

from qingji.interchange.limits import command_limits, upload_limits
from qingji.server.logging_config import logging_settings

HOME = Path(os.environ.get("QINGJI_HOME", "var")).resolve()


def _secret_key() -> str:
    if key := os.environ.get("QINGJI_SECRET_KEY"):
        return key
    path = HOME / "secret_key"
    if not path.exists():
        HOME.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def _database() -> dict[str, object]:
    url = os.environ.get("QINGJI_DATABASE_URL") or f"sqlite:///{HOME / 'qingji.sqlite3'}"
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets pages read while an import writes; IMMEDIATE takes the write lock at the start of a
        # transaction, so two writers wait instead of failing half way.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
        config["CONN_MAX_AGE"] = 0
        Path(str(config["NAME"])).parent.mkdir(parents=True, exist_ok=True)
    return config


def _count(name: str, default: int) -> int:
    """A whole number of at least 0 from the environment variable ``name``."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise ValueError(
            f"{name}={text!r}：应为不小于 0 的整数 / {name}={text!r}: expected a whole number, 0 or more"
        )
    return int(text)


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("QINGJI_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("QINGJI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "qingji.courts",
    "qingji.cases",
    "qingji.audit",
    "qingji.campaigns",
    "qingji.cadence",
    "qingji.site",
    "qingji.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the apps themselves, with no web server in front and no collectstatic step.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "qingji.web.middleware.ContentSecurityPolicyMiddleware",
    # A page's write waits WEB_WRITE_WAIT for the database, then is answered "try again" (qingji.web.busy).
    "qingji.web.busy.WriteWaitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "qingji.server.urls"
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
WSGI_APPLICATION = "qingji.server.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "qingji.web.context.texts",
            ],
        },
    },
]

DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first (DESIGN.md: passwords), the others only to read hashes made before.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Every login path (the login page, the admin site) throttled by one backend (qingji.web.throttle).
AUTHENTICATION_BACKENDS = ["qingji.web.throttle.ThrottledBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]  # applied on every path that sets a password: qingji createuser, do_create_user, the admin site

# Chinese first; English a click away.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Served by WhiteNoise straight from the apps' static folders (versioned paths, nothing fetched at run time).
WHITENOISE_USE_FINDERS = True

# Cookies and headers (served on a court intranet, usually behind HTTPS).
SECURE_COOKIES = os.environ.get("QINGJI_SECURE_COOKIES") == "1"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(float(os.environ.get("QINGJI_SESSION_HOURS", "10")) * 3600)
# HSTS only where the site is served over HTTPS (SecurityMiddleware sends it on secure requests alone).
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if SECURE_COOKIES else 0
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Imports (qingji.cases.import_action): the confirmation of wide blanking, how long uploads and reports stay.
IMPORT_CONFIRM_CASES = _count("QINGJI_IMPORT_CONFIRM_CASES", 20)
UPLOAD_KEEP_DAYS = _count("QINGJI_UPLOAD_KEEP_DAYS", 0)
IMPORT_REPORT_KEEP_DAYS = _count("QINGJI_IMPORT_REPORT_KEEP_DAYS", 7)

# Files read (issue 10, docs/access.md "Files the server reads: limits"): the upload pages' limits, from
# QINGJI_UPLOAD_MAX_MB, _ROWS, _CELLS and _UNPACKED_MB (the commands have their own, QINGJI_CLI_MAX_…); an uploaded
# file is dropped as soon as it passes the size limit, before it is written whole (qingji.web.uploads).
UPLOAD_LIMITS = upload_limits()
command_limits()  # the commands read theirs when they read a file; a wrong value is said at once all the same
FILE_UPLOAD_HANDLERS = [
    "qingji.web.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# During an import (issue 10, docs/database.md "During an import"): how long a page's write waits for the
# database; on SQLite the sessions are files in <QINGJI_HOME>/sessions, so that logging in and out never waits
# for an import's write lock (server-side all the same: deleting a file ends that login). PostgreSQL keeps them
# in the database, where an import locks nothing a login needs, and where several servers may share them.
WEB_WRITE_WAIT = _count("QINGJI_WEB_WRITE_WAIT", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SESSION_ENGINE = "django.contrib.sessions.backends.file"
    SESSION_FILE_PATH = str(HOME / "sessions")
    (HOME / "sessions").mkdir(mode=0o700, parents=True, exist_ok=True)

# The cache (docs/operations.md "Several worker processes"): files in <QINGJI_HOME>/cache, shared by the server's
# worker processes and its nightly job (qingji.server.shared_cache); emptied when `qingji serve` starts.
CACHES = {
    "default": {
        "BACKEND": "qingji.server.shared_cache.SharedFileCache",
        "LOCATION": str(HOME / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

# The log (issue 11, docs/operations.md "Logs"): <QINGJI_HOME>/logs/qingji.log, rotated by size, and the server's
# console; the reverse proxy whose forwarded headers `qingji serve` believes (docs/operations.md "Behind nginx").
LOGGING = logging_settings(HOME)
TRUSTED_PROXY = os.environ.get("QINGJI_TRUSTED_PROXY", "").strip()
