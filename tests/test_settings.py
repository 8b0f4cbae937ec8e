"""Settings read the environment strictly: bad values are refused with a message that says what to set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _settings_with(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    """Import the settings in a clean interpreter with exactly this environment."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"}}
    code = f"import config.settings as s; print({expression})"
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**clean, **env}, capture_output=True, text=True)


def test_debug_is_off_unless_set():
    result = _settings_with({"SECRET_KEY": "x" * 50}, "s.DEBUG")
    assert result.stdout.strip() == "False"


def test_a_secret_key_is_required_without_debug():
    result = _settings_with({}, "s.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_development_secret_key_is_allowed_only_with_debug():
    result = _settings_with({"DEBUG": "1"}, "s.SECRET_KEY.startswith('django-insecure')")
    assert result.stdout.strip() == "True"


@pytest.mark.parametrize("value", ["maybe", "2", "enabled"])
def test_a_bad_boolean_is_refused(value):
    result = _settings_with({"DEBUG": value, "SECRET_KEY": "x" * 50}, "s.DEBUG")
    assert result.returncode != 0
    assert f"DEBUG={value!r} is not a boolean" in result.stderr


def test_a_bad_number_is_refused():
    result = _settings_with({"SECRET_KEY": "x" * 50, "ATTEST_MAX_UPLOAD_BYTES": "1GB"}, "s.ATTEST_MAX_UPLOAD_BYTES")
    assert result.returncode != 0
    assert "is not a whole number" in result.stderr


def test_sqlite_is_used_without_database_url():
    result = _settings_with({"SECRET_KEY": "x" * 50}, "s.DATABASES['default']['ENGINE']")
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_any_database_url_works_including_sqlite(tmp_path):
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": f"sqlite:///{tmp_path}/other.sqlite3"}
    result = _settings_with(env, "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']")
    assert "sqlite3" in result.stdout and "other.sqlite3" in result.stdout


def test_a_postgres_database_url_selects_postgresql():
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u:p@db.example:5432/attest"}
    result = _settings_with(env, "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST']")
    assert "postgresql" in result.stdout and "db.example" in result.stdout


def test_a_malformed_database_url_is_refused():
    result = _settings_with({"SECRET_KEY": "x" * 50, "DATABASE_URL": "nonsense://"}, "s.DATABASES")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_check_deploy_is_clean_with_the_documented_production_variables(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}},
        "SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
        "ALLOWED_HOSTS": "attest.example.ac.uk",
        "CSRF_TRUSTED_ORIGINS": "https://attest.example.ac.uk",
        "DATABASE_URL": f"sqlite:///{tmp_path}/deploy.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
