"""Unit sign-off: the assessor's declaration at the unit's grade, the learner's confirmation, and its withdrawal."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assessment.models import UnitSignOff
from assessment.progress import Grade, enrolment_progress, unit_criterion_bands
from people.access import may_assess
from people.models import Enrolment, User
from records.audit import audit_append
from records.models import AuditAction, Notification
from records.notify import notify

UNIT_DECLARATION = (
    "I confirm that {learner} has met the criteria of {unit} at the grade {grade}, "
    "on evidence I have judged valid, authentic, current and sufficient."
)


LEARNER_UNIT_DECLARATION = "I confirm that I have seen my assessor's sign-off of {unit} at the grade {grade}."


def unit_sign_off_withdraw(*, actor: User, enrolment: Enrolment, because: str) -> None:
    """A unit sign-off rests on every criterion staying signed: reopening one withdraws it, on the record."""
    sign_off = UnitSignOff.objects.filter(enrolment=enrolment).first()
    if sign_off is None:
        return
    before = {
        "grade": sign_off.grade,
        "assessor": sign_off.assessor_id,
        "signed_at": sign_off.signed_at,
        "assessor_declaration": sign_off.assessor_declaration,
        "learner_confirmed_at": sign_off.learner_confirmed_at,
    }
    audit_append(
        actor=actor,
        action=AuditAction.UNIT_SIGN_OFF_WITHDRAWN,
        obj=sign_off,
        summary=f"Unit {enrolment.unit.key} sign-off withdrawn: {because}",
        enrolment=enrolment,
        before=before,
        after=None,
    )
    sign_off.delete()


@transaction.atomic
def unit_sign_off_create(*, actor: User, enrolment: Enrolment, declaration_confirmed: bool) -> UnitSignOff:
    """The assessor signs the unit off at its current grade once every pass criterion is met."""
    if not may_assess(actor, enrolment):
        raise PermissionDenied("Only the learner's assessor can sign the unit off.")
    if not declaration_confirmed:
        raise ValidationError("Tick the declaration to sign the unit off.", code="declaration_missing")
    if UnitSignOff.objects.filter(enrolment=enrolment).exists():
        raise ValidationError("This unit is already signed off.", code="duplicate")
    progress = enrolment_progress([enrolment])[enrolment.pk]
    if not progress.all_pass_criteria_met(unit_criterion_bands([enrolment.unit_id])[enrolment.unit_id]):
        raise ValidationError("Every pass criterion must be met before the unit can be signed off.", code="criteria_not_met")
    if progress.grade == Grade.NOT_YET_ACHIEVED:
        raise ValidationError("Every criterion must be met before this ungraded unit can be signed off.", code="criteria_not_met")
    grade = Grade(progress.grade)
    sign_off = UnitSignOff.objects.create(
        enrolment=enrolment,
        grade=grade.value,
        assessor=actor,
        assessor_declaration=UNIT_DECLARATION.format(learner=enrolment.learner, unit=enrolment.unit, grade=grade.label),
    )
    audit_append(
        actor=actor,
        action=AuditAction.UNIT_SIGN_OFF,
        obj=sign_off,
        summary=f"Unit {enrolment.unit.key} signed off at {grade.label}",
        enrolment=enrolment,
        after={"grade": grade.value, "declaration": sign_off.assessor_declaration},
    )
    notify(
        recipient=enrolment.learner,
        kind=Notification.Kind.DECISION,
        message=f"Your assessor signed unit {enrolment.unit.key} off at {grade.label}; please confirm it.",
        url=reverse("assessment:enrolment", args=[enrolment.pk]),
    )
    return sign_off


@transaction.atomic
def unit_sign_off_confirm(*, actor: User, enrolment: Enrolment, declaration_confirmed: bool) -> UnitSignOff:
    """The learner confirms the assessor's unit sign-off."""
    if actor.pk != enrolment.learner_id:
        raise PermissionDenied("Only the learner can confirm their unit sign-off.")
    if not declaration_confirmed:
        raise ValidationError("Tick the declaration to confirm the sign-off.", code="declaration_missing")
    sign_off = UnitSignOff.objects.select_for_update().filter(enrolment=enrolment).first()
    if sign_off is None:
        raise ValidationError("Your assessor has not signed this unit off yet.", code="not_signed_off")
    if sign_off.learner_confirmed_at:
        raise ValidationError("You have already confirmed this sign-off.", code="duplicate")
    sign_off.learner_declaration = LEARNER_UNIT_DECLARATION.format(
        unit=enrolment.unit, grade=Grade(sign_off.grade).label
    )
    sign_off.learner_confirmed_at = timezone.now()
    sign_off.save(update_fields=["learner_declaration", "learner_confirmed_at"])
    audit_append(
        actor=actor,
        action=AuditAction.UNIT_CONFIRMATION,
        obj=sign_off,
        summary=f"Learner confirmed the sign-off of unit {enrolment.unit.key}",
        enrolment=enrolment,
        after={"declaration": sign_off.learner_declaration},
    )
    return sign_off
