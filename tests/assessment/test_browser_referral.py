"""In a real browser: the assessor refers a criterion, the learner resubmits, the assessor signs it off."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from units.models import AssessmentCriterion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url, user):
    page.goto(f"{base_url}/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _criterion(page, enrolment, code):
    criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code=code)
    return page.locator(f"#criterion-{criterion.pk}")


def test_refer_resubmit_and_sign_off(cast, submit, live_server, browser):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1", "1.2"})
    page_url = f"{live_server.url}/assessment/learner-units/{enrolment.pk}/"

    assessor = browser.new_context().new_page()
    _log_in(assessor, live_server.url, cast["assessor"])
    assessor.goto(page_url)
    card = _criterion(assessor, enrolment, "1.1")
    card.get_by_label("Met — sign off").check()
    card.get_by_label(re.compile("I confirm that the evidence for 1.1")).check()
    card.get_by_role("button", name="Record decision on 1.1").click()
    expect(_criterion(assessor, enrolment, "1.1").get_by_text("Signed off, locked")).to_be_visible()
    card = _criterion(assessor, enrolment, "1.2")
    card.get_by_label("Not yet met").check()
    card.get_by_label("Feedback to the learner").fill("Describe how CRM systems support retention, with an example.")
    card.get_by_role("button", name="Record decision on 1.2").click()
    expect(_criterion(assessor, enrolment, "1.2").locator(".status-badge", has_text="Not yet met")).to_be_visible()

    learner = browser.new_context().new_page()
    _log_in(learner, live_server.url, cast["learner"])
    learner.goto(page_url)
    expect(learner.get_by_text("Describe how CRM systems support retention, with an example.")).to_be_visible()
    learner.goto(f"{live_server.url}/portfolio/units/{enrolment.pk}/submit/")
    learner.get_by_label(re.compile("I declare that the evidence")).check()
    learner.get_by_role("button", name="Submit with this declaration").click()
    expect(learner.get_by_text("Resubmission 1").first).to_be_visible()

    assessor.goto(page_url)
    card = _criterion(assessor, enrolment, "1.2")
    expect(card.locator(".status-badge", has_text="Submitted")).to_be_visible()
    card.get_by_label("Met — sign off").check()
    card.get_by_label(re.compile("I confirm that the evidence for 1.2")).check()
    card.get_by_role("button", name="Record decision on 1.2").click()
    card = _criterion(assessor, enrolment, "1.2")
    expect(card.get_by_text("Signed off, locked")).to_be_visible()
    expect(card.get_by_text("Resubmission 1: Met")).to_be_visible()
