"""The assessment page of one learner-unit, and every action posted from it, against every role."""

import pytest
from django.urls import reverse

from assessment import services
from assessment.models import CriterionAssessment, Outcome, UnitSignOff
from records.models import AuditAction, AuditEntry
from units.models import AssessmentCriterion

pytestmark = pytest.mark.django_db

#            page  decide unlock sign-off confirm
EXPECTED = {
    "learner":                 (200, 403, 403, 403, 302),
    "other_learner":           (404, 404, 404, 404, 404),
    "assessor":                (200, 302, 403, 302, 403),
    "other_assessor":          (404, 404, 404, 404, 404),
    "iqa":                     (200, 403, 302, 403, 403),
    "verifier":                (200, 403, 403, 403, 403),
    "verifier_without_access": (404, 404, 404, 404, 404),
    "admin":                   (200, 403, 302, 403, 403),
}
ACTIONS = ["page", "decide", "unlock", "sign-off", "confirm"]


@pytest.fixture
def signed_unit(cast, submit, decide):
    """Learner's unit 001 with every criterion met, signed and locked, and the unit signed off."""
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    for criterion in AssessmentCriterion.objects.filter(unit_id=enrolment.unit_id):
        decide(enrolment, criterion.code)
    services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=True)
    return enrolment


def _request(client, action, enrolment):
    criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code="1.1")
    if action == "page":
        return client.get(reverse("assessment:enrolment", args=[enrolment.pk]))
    if action == "decide":
        services.criterion_unlock(actor=enrolment.iqa, enrolment=enrolment, criterion=criterion, reason="Reopened for the test")
        revision = CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion).revision
        url = reverse("assessment:criterion-decide", args=[enrolment.pk, criterion.pk])
        prefix = f"c{criterion.pk}"
        return client.post(url, {f"{prefix}-outcome": "feedback", f"{prefix}-feedback": "Well argued.", f"{prefix}-revision": revision})
    if action == "unlock":
        url = reverse("assessment:criterion-unlock", args=[enrolment.pk, criterion.pk])
        return client.post(url, {f"u{criterion.pk}-reason": "The IQA found the evidence was not the learner's own."})
    if action == "sign-off":
        UnitSignOff.objects.filter(enrolment=enrolment).delete()
        return client.post(reverse("assessment:unit-sign-off", args=[enrolment.pk]), {"declaration": "on"})
    return client.post(reverse("assessment:unit-confirm", args=[enrolment.pk]), {"declaration": "on"})


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", list(EXPECTED))
def test_the_permission_table(cast, client_for, signed_unit, role, action):
    response = _request(client_for(cast[role]), action, signed_unit)
    assert response.status_code == EXPECTED[role][ACTIONS.index(action)]


def test_the_page_refuses_post_and_the_actions_refuse_get(cast, client_for, signed_unit):
    client = client_for(cast["assessor"])
    assert client.post(reverse("assessment:enrolment", args=[signed_unit.pk])).status_code == 405
    assert client.get(reverse("assessment:unit-sign-off", args=[signed_unit.pk])).status_code == 405


def test_the_page_shows_evidence_range_location_and_history(cast, client_for, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1"})
    decide(enrolment, "1.1", Outcome.NOT_YET_MET, feedback="Explain why segmentation matters.")
    submit(enrolment, codes={"1.1"})
    page = client_for(cast["assessor"]).get(reverse("assessment:enrolment", args=[enrolment.pk])).content.decode()
    assert "Report for 001" in page and "Where to look: Section 1.1" in page
    assert "First submission: Not yet met" in page and "Explain why segmentation matters." in page
    assert "Resubmission 1" in page


def test_each_page_a_verifier_opens_is_recorded(cast, client_for):
    enrolment = cast["enrolments"][("learner", "001")]
    client_for(cast["verifier"]).get(reverse("assessment:enrolment", args=[enrolment.pk]))
    entry = AuditEntry.objects.get(action=AuditAction.VERIFIER_VIEW)
    assert entry.actor == cast["verifier"] and entry.enrolment == enrolment
