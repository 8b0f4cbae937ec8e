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
def other_centre(units, cast):
    """A second centre beside the cast's: its own cohort, administrator, learner, assessor and IQA, one learner-unit."""
    from people.models import Centre, Cohort, Enrolment, Role

    centre = Centre.objects.create(name="Other College", centre_number="O002", sampling_percentage=10)
    cohort = Cohort.objects.create(centre=centre, name="Other cohort")
    people = {
        "centre": centre,
        "cohort": cohort,
        "admin": _user("other_centre_admin", Role.ADMIN, centre, is_staff=True),
        "learner": _user("other_centre_learner", Role.LEARNER, centre),
        "assessor": _user("other_centre_assessor", Role.ASSESSOR, centre),
        "iqa": _user("other_centre_iqa", Role.IQA, centre),
    }
    people["enrolment"] = Enrolment.objects.create(
        learner=people["learner"], unit=units["001"], cohort=cohort, assessor=people["assessor"], iqa=people["iqa"]
    )
    return people


@pytest.fixture
def catalogue_manager(db):
    """The catalogue manager: no centre, and only the unit catalogue in the admin."""
    from people.models import Role

    return _user("catalogue_manager", Role.CATALOGUE, None, is_staff=True)


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


@pytest.fixture
def make_evidence(cast):
    """Create a learner's evidence item through the service, optionally mapped to criteria of a unit."""
    from portfolios import services
    from units.models import AssessmentCriterion

    def _make(learner=None, *, title="My report", body="Some words here", kind="report", uploads=(), map_to=()):
        learner = learner or cast["learner"]
        item = services.evidence_create(
            learner=learner, author=learner, kind=kind, title=title, body=body, uploads=uploads
        )
        for unit_key, code in map_to:
            criterion = AssessmentCriterion.objects.get(unit__key=unit_key, code=code)
            services.claim_save(item=item, user=learner, criterion=criterion)
        return item

    return _make


def criteria_of(enrolment, codes=None):
    """The enrolment's unit's criteria in order, or only those with the given codes."""
    from units.models import AssessmentCriterion

    criteria = AssessmentCriterion.objects.filter(unit_id=enrolment.unit_id).order_by("order")
    return [c for c in criteria if codes is None or c.code in codes]


@pytest.fixture
def submit():
    """Map a report to the given criteria (all by default) and submit it as the learner."""
    from assessment import services as assessment_services
    from portfolios import services as portfolio_services
    from units.models import EvidenceKind

    def _submit(enrolment, codes=None, body="My account of the criteria."):
        learner = enrolment.learner
        item = portfolio_services.evidence_create(
            learner=learner, author=learner, kind=EvidenceKind.REPORT, title=f"Report for {enrolment.unit.key}", body=body
        )
        for criterion in criteria_of(enrolment, codes):
            portfolio_services.claim_save(item=item, user=learner, criterion=criterion, location_note=f"Section {criterion.code}")
        return assessment_services.submission_create(enrolment=enrolment, user=learner)

    return _submit


@pytest.fixture
def decide():
    """Decide a criterion as the enrolment's assessor, from its current revision."""
    from assessment import services
    from assessment.models import CriterionAssessment, Outcome
    from units.models import AssessmentCriterion

    def _decide(enrolment, code, outcome="met", feedback=""):
        criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code=code)
        state = CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).first()
        return services.criterion_decide(
            actor=enrolment.assessor, enrolment=enrolment, criterion=criterion, outcome=outcome,
            feedback=feedback or ("Add more." if outcome != Outcome.MET else ""),
            seen_revision=state.revision if state else 0, declaration_confirmed=outcome == Outcome.MET,
        )

    return _decide
