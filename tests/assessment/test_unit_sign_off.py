"""Unit sign-off: the assessor's declaration once every pass criterion is met, then the learner's confirmation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assessment import services
from assessment.models import UnitSignOff
from assessment.progress import Grade
from records.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _meet(enrolment, decide, bands=("pass",)):
    for criterion in enrolment.unit.criteria.filter(band__in=bands):
        decide(enrolment, criterion.code)


def test_it_is_refused_until_every_pass_criterion_is_met_and_nothing_is_written(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    decide(enrolment, "1.1")
    with pytest.raises(ValidationError, match="Every pass criterion"):
        services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=True)
    assert not UnitSignOff.objects.exists()


def test_a_graded_unit_is_signed_off_at_its_grade_then_confirmed_by_the_learner(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "003")]
    submit(enrolment)
    _meet(enrolment, decide, bands=("pass", "merit"))
    sign_off = services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=True)
    assert sign_off.grade == Grade.MERIT and "Merit" in sign_off.assessor_declaration
    services.unit_sign_off_confirm(actor=cast["learner"], enrolment=enrolment, declaration_confirmed=True)
    sign_off.refresh_from_db()
    assert sign_off.learner_confirmed_at and sign_off.learner_declaration
    actions = list(AuditEntry.objects.filter(enrolment=enrolment).values_list("action", flat=True))
    assert actions[-2:] == [AuditAction.UNIT_SIGN_OFF, AuditAction.UNIT_CONFIRMATION]


def test_the_declaration_must_be_ticked(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    _meet(enrolment, decide)
    with pytest.raises(ValidationError, match="Tick the declaration"):
        services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=False)


def test_only_the_learner_confirms(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    _meet(enrolment, decide)
    services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=True)
    with pytest.raises(PermissionDenied):
        services.unit_sign_off_confirm(actor=cast["other_learner"], enrolment=enrolment, declaration_confirmed=True)


def test_the_learner_sees_the_confirm_form_on_the_page(cast, client_for, submit, decide):
    from django.urls import reverse

    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    _meet(enrolment, decide)
    services.unit_sign_off_create(actor=cast["assessor"], enrolment=enrolment, declaration_confirmed=True)
    page = client_for(cast["learner"]).get(reverse("assessment:enrolment", args=[enrolment.pk])).content.decode()
    assert "Confirm sign-off" in page and "Achieved" in page
