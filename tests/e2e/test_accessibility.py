"""axe-core finds no serious or critical accessibility problem on any main page, for any role."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(cast, settings):
    """The demo evidence and assessment on top of the standard cast, so that every page shows a realistic state."""
    from assessment.models import SampleEntry
    from demo.assessment import create_demo_assessment
    from demo.evidence import create_demo_evidence
    from portfolios.models import EvidenceItem

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    users = {
        "learner": cast["learner"],
        "learner2": cast["other_learner"],
        "assessor": cast["assessor"],
        "iqa": cast["iqa"],
        "verifier": cast["verifier"],
        "admin": cast["admin"],
    }
    create_demo_evidence(users)
    create_demo_assessment(users)
    enrolments = cast["enrolments"]
    report = EvidenceItem.objects.filter(learner=cast["learner"], kind="report").first()
    criterion_13 = enrolments[("learner", "001")].unit.criteria.get(code="1.3")
    return {
        **cast,
        "e001": enrolments[("learner", "001")],
        "e002": enrolments[("learner", "002")],
        "e003": enrolments[("learner", "003")],
        "report": report,
        "criterion_13": criterion_13,
        "entry": SampleEntry.objects.first(),
    }


def _pages(demo) -> dict[str, list[str]]:
    """Every main page, by the user who opens it."""
    e001, e002, e003, cohort = demo["e001"], demo["e002"], demo["e003"], demo["e001"].cohort_id
    report = demo["report"].pk
    return {
        "learner": [
            reverse("units:catalogue"),
            reverse("units:unit-detail", args=["001"]),
            reverse("learner:home"),
            reverse("portfolios:evidence-list"),
            reverse("portfolios:evidence-create"),
            reverse("portfolios:evidence-detail", args=[report]),
            reverse("portfolios:evidence-map", args=[report]) + f"?criterion={demo['criterion_13'].pk}",
            reverse("learner:unit", args=[e001.pk]),
            reverse("learner:unit", args=[e003.pk]),
            reverse("learner:submit", args=[e002.pk]),
        ],
        "assessor": [
            reverse("assessment:caseload"),
            reverse("assessment:enrolment", args=[e003.pk]),
            reverse("assessment:enrolment", args=[e001.pk]),
            reverse("assessment:grid") + "?unit=001",
            reverse("assessment:audit-trail", args=[e001.pk]),
            reverse("records:notifications"),
        ],
        "iqa": [
            reverse("assessment:iqa-home"),
            reverse("assessment:sampling-plan", args=[cohort]),
            reverse("assessment:sampling-coverage", args=[cohort]),
            reverse("assessment:sample-entry", args=[demo["entry"].pk]),
        ],
        "verifier": [
            reverse("assessment:verifier-home"),
            reverse("assessment:enrolment", args=[e001.pk]),
        ],
        "admin": [
            reverse("assessment:admin-home"),
            reverse("assessment:sample-grant"),
        ],
    }


def _problems(page, url: str) -> list[str]:
    results = Axe().run(page)
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            lines.append(f"{url}: [{violation['impact']}] {violation['id']} — {violation['help']} — at {targets}")
    return lines


def test_no_main_page_has_a_serious_or_critical_accessibility_violation(demo, live_server, browser):
    problems = []
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}{reverse('login')}")
    problems += _problems(page, "/login/")
    context.close()

    for role, urls in _pages(demo).items():
        context = browser.new_context()
        page = context.new_page()
        log_in(page, live_server.url, demo[role].username, PASSWORD)
        for url in urls:
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, f"{role} got {response.status} for {url}"
            problems += _problems(page, url)
        if role == "learner":  # learners work on phones too: the stacked tables and collapsed navbar get checked
            page.set_viewport_size(PHONE)
            for url in urls:
                page.goto(f"{live_server.url}{url}")
                problems += _problems(page, f"{url} (phone)")
        if role == "verifier":
            page.goto(f"{live_server.url}{reverse('assessment:verifier-home')}")
            page.get_by_role("button", name="Build a new pack").first.click()
            page.get_by_role("link", name="Download the pack (PDF)").wait_for(timeout=60_000)
            problems += _problems(page, page.url.removeprefix(live_server.url))
        context.close()

    assert not problems, "Accessibility violations:\n" + "\n".join(problems)
