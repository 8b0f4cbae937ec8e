"""Submissions: the learner sends mapped evidence for assessment with a declaration; the one writer of their status."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assessment.models import CriterionAssessment, Outcome, Submission
from people.models import Enrolment, User
from portfolios.models import EvidenceVersion
from portfolios.selectors import current_claims
from records.audit import audit_append
from records.models import AuditAction, Notification
from records.notify import notify

DECLARATION_TEXT = (
    "I declare that the evidence I am submitting is my own work, that I have acknowledged any sources I used, "
    "and that the records of my assessor's observations and discussions are accurate."
)


@transaction.atomic
def submission_create(
    *, enrolment: Enrolment, user: User, declaration_text: str = DECLARATION_TEXT, ip_address: str | None = None
) -> Submission:
    """Submit the learner's current mapped evidence for one learner-unit with a declaration; freezes those versions."""
    if user.pk != enrolment.learner_id:
        raise ValidationError("Only the learner can submit their own evidence.", code="not_learner")
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()  # serialise submissions per learner-unit
    if Submission.objects.pending().filter(enrolment=enrolment).exists():
        raise ValidationError(
            "This unit already has a submission waiting for assessment; withdraw it or wait for the decision.",
            code="pending",
        )
    met = CriterionAssessment.objects.filter(enrolment=enrolment, outcome=Outcome.MET).values("criterion_id")
    claims = list(current_claims(enrolment=enrolment).exclude(criterion_id__in=met).select_related("version"))
    if not claims:
        raise ValidationError(
            "Map evidence to at least one criterion of this unit that is not yet met, then submit.", code="nothing_mapped"
        )
    attempt = Submission.objects.live().filter(enrolment=enrolment).count() + 1
    now = timezone.now()
    submission = Submission.objects.create(
        enrolment=enrolment,
        attempt=attempt,
        declaration_text=declaration_text,
        submitted_by=user,
        submitted_at=now,
        ip_address=ip_address,
    )
    submission.claims.set(claims)
    version_ids = {claim.version_id for claim in claims}
    EvidenceVersion.objects.filter(pk__in=version_ids, frozen_at__isnull=True).update(frozen_at=now)
    after = {"attempt": attempt, "claims": sorted(c.pk for c in claims), "versions": sorted(version_ids)}
    audit_append(
        actor=user,
        action=AuditAction.DECLARATION,
        obj=submission,
        enrolment=enrolment,
        summary=f"{user} declared the evidence for unit {enrolment.unit.key} authentic",
        after={"declaration_text": declaration_text, "ip_address": ip_address},
    )
    audit_append(
        actor=user,
        action=AuditAction.SUBMISSION,
        obj=submission,
        enrolment=enrolment,
        summary=f"{submission.attempt_label()} for unit {enrolment.unit.key}: {len(claims)} claims",
        after=after,
    )
    notify(
        recipient=enrolment.assessor,
        kind=Notification.Kind.SUBMISSION,
        message=f"{enrolment.learner} submitted evidence for unit {enrolment.unit.key} ({submission.attempt_label().lower()}).",
        url=reverse("assessment:enrolment", args=[enrolment.pk]),
    )
    return submission


def may_withdraw(submission: Submission) -> bool:
    return submission.status == Submission.Status.SUBMITTED and not submission.decisions.exists()


@transaction.atomic
def submission_withdraw(*, submission: Submission, user: User) -> Submission:
    """Withdraw a submission the assessor has not started judging; its versions stay frozen as submitted."""
    submission = Submission.objects.select_for_update().select_related("enrolment__unit").get(pk=submission.pk)
    if user.pk != submission.enrolment.learner_id:
        raise ValidationError("Only the learner who submitted can withdraw a submission.", code="not_learner")
    if not may_withdraw(submission):
        raise ValidationError(
            "Your assessor has started judging this submission, so it can no longer be withdrawn.", code="in_assessment"
        )
    submission.status = Submission.Status.WITHDRAWN
    submission.withdrawn_at = timezone.now()
    submission.save(update_fields=["status", "withdrawn_at"])
    audit_append(
        actor=user,
        action=AuditAction.WITHDRAWAL,
        obj=submission,
        enrolment=submission.enrolment,
        summary=f"{user} withdrew the {submission.attempt_label().lower()} for unit {submission.enrolment.unit.key}",
        before={"status": Submission.Status.SUBMITTED},
        after={"status": Submission.Status.WITHDRAWN},
    )
    return submission


def submission_refresh_status(submission: Submission) -> None:
    """A submission is assessed once every criterion it claims has a met or not-yet-met decision on it."""
    claimed = set(submission.claims.values_list("criterion_id", flat=True))
    decided = set(
        submission.decisions.filter(outcome__in=[Outcome.MET, Outcome.NOT_YET_MET]).values_list("criterion_id", flat=True)
    )
    status = Submission.Status.ASSESSED if claimed <= decided else Submission.Status.IN_ASSESSMENT
    Submission.objects.live().filter(pk=submission.pk).update(status=status)
