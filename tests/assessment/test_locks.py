"""Unlocking a signed-off criterion: only its IQA or a centre administrator, always with a reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assessment import services
from assessment.models import CriterionAssessment, Outcome, Unlock
from records.models import AuditAction, AuditEntry
from units.models import AssessmentCriterion

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    decide(enrolment, "1.3")
    return enrolment, AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code="1.3")


@pytest.mark.parametrize("role", ["iqa", "admin"])
def test_the_iqa_or_a_centre_admin_unlocks_with_a_reason_and_it_is_audited(cast, locked, role):
    enrolment, criterion = locked
    unlock = services.criterion_unlock(actor=cast[role], enrolment=enrolment, criterion=criterion, reason="Evidence is a copy.")
    state = CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion)
    assert not state.locked and unlock.decision == state.latest_decision
    assert AuditEntry.objects.filter(action=AuditAction.UNLOCK, summary__contains="Evidence is a copy.").exists()


@pytest.mark.parametrize("role", ["learner", "assessor", "other_assessor", "verifier"])
def test_no_one_else_can_unlock(cast, locked, role):
    enrolment, criterion = locked
    with pytest.raises(PermissionDenied):
        services.criterion_unlock(actor=cast[role], enrolment=enrolment, criterion=criterion, reason="Because.")
    assert CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion).locked


def test_a_reason_is_required_and_nothing_is_written_without_one(cast, locked):
    enrolment, criterion = locked
    with pytest.raises(ValidationError, match="Give a reason"):
        services.criterion_unlock(actor=cast["iqa"], enrolment=enrolment, criterion=criterion, reason="   ")
    assert not Unlock.objects.exists()
    assert CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion).locked


def test_the_unlock_form_without_a_reason_says_so(cast, client_for, locked):
    from django.urls import reverse

    enrolment, criterion = locked
    response = client_for(cast["iqa"]).post(reverse("assessment:criterion-unlock", args=[enrolment.pk, criterion.pk]), {})
    assert response.status_code == 400 and "Give a reason for unlocking 1.3" in response.content.decode()


def test_after_unlocking_the_assessor_can_decide_again(cast, locked, decide):
    enrolment, criterion = locked
    services.criterion_unlock(actor=cast["iqa"], enrolment=enrolment, criterion=criterion, reason="Re-judge.")
    decide(enrolment, "1.3", Outcome.NOT_YET_MET, feedback="On reflection, the scope is missing.")
    assert CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion).outcome == Outcome.NOT_YET_MET


def test_an_unlocked_criterion_cannot_be_unlocked_again(cast, locked):
    enrolment, criterion = locked
    services.criterion_unlock(actor=cast["iqa"], enrolment=enrolment, criterion=criterion, reason="Re-judge.")
    with pytest.raises(ValidationError, match="not locked"):
        services.criterion_unlock(actor=cast["iqa"], enrolment=enrolment, criterion=criterion, reason="Again.")


def test_unlocking_a_criterion_of_a_signed_off_unit_withdraws_the_sign_off_on_the_record(cast, submit, decide):
    from assessment.models import UnitSignOff

    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    for criterion in enrolment.unit.criteria.all():
        decide(enrolment, criterion.code)
    services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=True)
    criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code="2.4")

    services.criterion_unlock(actor=cast["iqa"], enrolment=enrolment, criterion=criterion, reason="Attract is not covered.")

    assert not UnitSignOff.objects.filter(enrolment=enrolment).exists()
    entry = AuditEntry.objects.get(action=AuditAction.UNIT_SIGN_OFF_WITHDRAWN)
    assert entry.before["grade"] == "achieved" and entry.after is None
    assert "2.4 was unlocked: Attract is not covered." in entry.summary


def test_unlocking_without_a_unit_sign_off_withdraws_nothing(cast, locked):
    enrolment, criterion = locked
    services.criterion_unlock(actor=cast["iqa"], enrolment=enrolment, criterion=criterion, reason="Recheck.")
    assert not AuditEntry.objects.filter(action=AuditAction.UNIT_SIGN_OFF_WITHDRAWN).exists()
