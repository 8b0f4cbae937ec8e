"""The assessor's decisions on criteria, and unlocking a signed-off one: each one transaction, each audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from assessment.models import CriterionAssessment, CriterionDecision, Outcome, Submission, Unlock
from assessment.services.sign_off import unit_sign_off_withdraw
from assessment.services.submissions import submission_refresh_status
from people.access import may_assess, may_unlock
from people.models import Enrolment, User
from portfolios.models import EvidenceVersion
from records.audit import audit_append
from records.models import AuditAction, Notification
from records.notify import notify
from units.models import AssessmentCriterion

CRITERION_DECLARATION = (
    "I confirm that the evidence for {code} is valid, authentic, current and sufficient, "
    "that it is the learner's own work, and that criterion {code} is met."
)


def _enrolment_url(enrolment: Enrolment) -> str:
    return reverse("assessment:enrolment", args=[enrolment.pk])


@transaction.atomic
def criterion_decide(
    *,
    actor: User,
    enrolment: Enrolment,
    criterion: AssessmentCriterion,
    outcome: str,
    feedback: str = "",
    seen_revision: int,
    declaration_confirmed: bool = False,
) -> CriterionDecision:
    """Record Met (signed and locked), Not yet met (with feedback), or feedback alone on one criterion."""
    if not may_assess(actor, enrolment):
        raise PermissionDenied("Only the learner's assessor can decide their criteria.")
    if criterion.unit_id != enrolment.unit_id:
        raise ValidationError(f"Criterion {criterion.code} is not part of this unit.", code="wrong_unit")
    code, feedback = criterion.code, feedback.strip()
    if outcome not in Outcome.values:
        raise ValidationError("Choose Met, Not yet met, or Feedback only.", code="invalid_outcome")
    if outcome in (Outcome.NOT_YET_MET, Outcome.FEEDBACK) and not feedback:
        raise ValidationError(f"Write feedback for {code}: say what the learner needs to add or change.", code="feedback_missing")
    if outcome == Outcome.MET and not declaration_confirmed:
        raise ValidationError(f"Tick the declaration to sign {code} off as met.", code="declaration_missing")

    submission = Submission.objects.live().filter(enrolment=enrolment).order_by("-attempt").filter(claims__criterion=criterion).first()
    if submission is None and outcome == Outcome.MET:
        raise ValidationError(f"No evidence has been submitted for {code}; it can be met once the learner submits some.", code="nothing_submitted")
    submission = submission or Submission.objects.live().filter(enrolment=enrolment).order_by("-attempt").first()
    if submission is None:
        raise ValidationError("Nothing has been submitted on this unit yet; give feedback once the learner submits.", code="nothing_submitted")

    CriterionAssessment.objects.bulk_create(
        [CriterionAssessment(enrolment=enrolment, criterion=criterion)], ignore_conflicts=True
    )
    before = CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).values(
        "outcome", "revision", "locked"
    )[0]
    decides = outcome != Outcome.FEEDBACK
    changes = {"revision": F("revision") + 1}
    if decides:
        changes |= {"outcome": outcome, "locked": outcome == Outcome.MET}
    # The conditional UPDATE is the lost-update guard: only the first writer from a given revision wins.
    updated = CriterionAssessment.objects.filter(
        enrolment=enrolment, criterion=criterion, revision=seen_revision, locked=False
    ).update(**changes)
    if not updated:
        if CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion, revision=seen_revision).exists():
            raise ValidationError(f"{code} is signed off and locked; an IQA or centre administrator must unlock it first.", code="locked")
        raise ValidationError(f"Someone else decided {code} while you were looking at it; reload to see their decision.", code="conflict")

    now = timezone.now()
    signed = outcome == Outcome.MET
    decision = CriterionDecision.objects.create(
        enrolment=enrolment,
        criterion=criterion,
        submission=submission,
        attempt=submission.attempt,
        outcome=outcome,
        feedback=feedback,
        decided_by=actor,
        decided_at=now,
        signed_by=actor if signed else None,
        signed_at=now if signed else None,
        declaration_text=CRITERION_DECLARATION.format(code=code) if signed else "",
    )
    versions = EvidenceVersion.objects.filter(claims__criterion=criterion, claims__submissions=submission).distinct()
    decision.evidence_versions.set(versions)
    if signed:
        versions.filter(frozen_at__isnull=True).update(frozen_at=now)
    if decides:
        CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).update(latest_decision=decision)
    submission_refresh_status(submission)

    label = decision.get_outcome_display() if decides else "Feedback"
    audit_append(
        actor=actor,
        action=AuditAction.SIGN_OFF if signed else AuditAction.DECISION,
        obj=decision,
        summary=f"{code}: {label} ({decision.attempt_label()})",
        enrolment=enrolment,
        before=before,
        after={
            "outcome": outcome,
            "revision": seen_revision + 1,
            "locked": signed,
            "feedback": feedback,
            "evidence_versions": sorted(versions.values_list("pk", flat=True)),
            "declaration": decision.declaration_text,
        },
    )
    kind = Notification.Kind.REFERRAL if outcome == Outcome.NOT_YET_MET else Notification.Kind.DECISION
    notify(
        recipient=enrolment.learner,
        kind=kind,
        message=f"{enrolment.unit.key} {code}: {label}" + (f" — {feedback[:200]}" if feedback else ""),
        url=_enrolment_url(enrolment),
    )
    return decision


@transaction.atomic
def criterion_unlock(*, actor: User, enrolment: Enrolment, criterion: AssessmentCriterion, reason: str) -> Unlock:
    """Reopen a signed-off criterion so the assessor can decide it again; the reason is kept."""
    if not may_unlock(actor, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA or a centre administrator can unlock a decision.")
    reason = reason.strip()
    if not reason:
        raise ValidationError(f"Give a reason for unlocking {criterion.code}; it is kept in the audit log.", code="reason_missing")
    state = (
        CriterionAssessment.objects.select_for_update(of=("self",))
        .select_related("latest_decision")
        .filter(enrolment=enrolment, criterion=criterion, locked=True)
        .first()
    )
    if state is None:
        raise ValidationError(f"{criterion.code} is not locked, so there is nothing to unlock.", code="not_locked")
    unlock = Unlock.objects.create(decision=state.latest_decision, unlocked_by=actor, reason=reason)
    CriterionAssessment.objects.filter(pk=state.pk).update(locked=False, revision=F("revision") + 1)
    audit_append(
        actor=actor,
        action=AuditAction.UNLOCK,
        obj=unlock,
        summary=f"{criterion.code} unlocked: {reason}",
        enrolment=enrolment,
        before={"locked": True, "revision": state.revision},
        after={"locked": False, "revision": state.revision + 1, "reason": reason},
    )
    unit_sign_off_withdraw(actor=actor, enrolment=enrolment, because=f"{criterion.code} was unlocked: {reason}")
    notify(
        recipient=enrolment.assessor,
        kind=Notification.Kind.DECISION,
        message=f"{actor} unlocked {criterion.code} for {enrolment.learner} ({enrolment.unit.key}): {reason[:150]}",
        url=_enrolment_url(enrolment),
    )
    return unlock
