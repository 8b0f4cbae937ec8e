"""The standard cast and shared fixtures for every test."""

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

REPO = Path(__file__).resolve().parent.parent
UNIT_FIXTURES = sorted(str(p) for p in (REPO / "fixtures" / "units").glob("*.json"))
PASSWORD = "attest-test-password"


@pytest.fixture(scope="session", autouse=True)
def _plain_http_for_tests():
    """Tests, and the live server behind browser tests, speak plain HTTP: no HTTPS redirect or secure-only cookies."""
    from django.test.utils import override_settings

    with override_settings(SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False):
        yield


@pytest.fixture(autouse=True)
def _evidence_storage(settings, tmp_path):
    """Each test stores evidence in its own directory, on the real disk."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "evidence"), "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def units(db):
    """The four catalogue units, loaded from the real fixtures."""
    from units.models import Unit

    call_command("loaddata", *UNIT_FIXTURES, verbosity=0)
    return {unit.key: unit for unit in Unit.objects.all()}


def _user(username, role, centre=None, **extra):
    from people.models import User

    user = User(username=username, display_name=username.replace("_", " ").title(), role=role, centre=centre, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def centre(db):
    from people.models import Centre

    return Centre.objects.create(name="Test College", centre_number="T001", sampling_percentage=25)


@pytest.fixture
def cohort(centre):
    from people.models import Cohort

    return Cohort.objects.create(centre=centre, name="Test cohort")


@pytest.fixture
def cast(units, centre, cohort):
    """The standard cast: every role, with a learner and another learner enrolled on every unit."""
    from people.models import Enrolment, Role, VerifierSample

    people = {
        "learner": _user("learner", Role.LEARNER, centre),
        "other_learner": _user("other_learner", Role.LEARNER, centre),
        "assessor": _user("assessor", Role.ASSESSOR, centre),
        "other_assessor": _user("other_assessor", Role.ASSESSOR, centre),
        "iqa": _user("iqa", Role.IQA, centre),
        "verifier": _user("verifier", Role.VERIFIER, None, organisation="City & Guilds"),
        "verifier_without_access": _user("verifier_without_access", Role.VERIFIER, None),
        "admin": _user("centre_admin", Role.ADMIN, centre, is_staff=True),
    }
    enrolments = {}
    for learner_key in ("learner", "other_learner"):
        for key, unit in units.items():
            enrolments[(learner_key, key)] = Enrolment.objects.create(
                learner=people[learner_key], unit=unit, cohort=cohort, assessor=people["assessor"], iqa=people["iqa"]
            )
    sample = VerifierSample.objects.create(
        verifier=people["verifier"],
        centre=centre,
        name="Sample for tests",
        expires_at=timezone.now() + timedelta(days=7),
        granted_by=people["admin"],
    )
    sample.enrolments.add(enrolments[("learner", "001")])
    people["enrolments"] = enrolments
    people["sample"] = sample
    return people


@pytest.fixture
def client_for(client):
    """Log the test client in as a given user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium_executable() -> str | None:
    """Debian's Chromium where it is installed; otherwise None, and Playwright's own browser is tried."""
    for candidate in (os.environ.get("ATTEST_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = _chromium_executable()
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser(browser_type, browser_type_launch_args):
    """Launch Chromium, or skip browser tests with the reason when no Chromium can be found."""
    try:
        browser = browser_type.launch(**browser_type_launch_args)
    except Exception as error:  # playwright raises its own Error when no browser binary exists
        pytest.skip(
            "No Chromium for the browser tests: install Debian's chromium (apt-get install chromium) "
            f"or run `.venv/bin/playwright install chromium`. ({str(error).splitlines()[0]})"
        )
    yield browser
    browser.close()
