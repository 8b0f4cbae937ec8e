"""External verifiers' access: a centre administrator grants and revokes a sample; expiries are recorded once."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from people.access import may_administer
from people.models import Enrolment, Role, User, VerifierSample
from records.audit import audit_append
from records.models import AuditAction, Notification
from records.notify import notify


@transaction.atomic
def verifier_sample_grant(
    *, actor: User, verifier: User, name: str, enrolments: list[Enrolment], expires_at: datetime
) -> VerifierSample:
    """A centre administrator grants a verifier read-only access to learner-units until a date."""
    if not may_administer(actor, actor.centre_id):
        raise PermissionDenied("Only a centre administrator can grant verifier access.")
    if verifier.role != Role.VERIFIER:
        raise ValidationError("Choose a user whose role is external verifier.", code="wrong_role")
    if not enrolments:
        raise ValidationError("Choose at least one learner-unit for the sample.", code="sample_empty")
    if any(not may_administer(actor, e.cohort.centre_id) for e in enrolments):
        raise ValidationError("Every learner-unit must belong to your centre.", code="other_centre")
    if expires_at <= timezone.now():
        raise ValidationError("Choose an expiry date in the future.", code="expiry_past")
    sample = VerifierSample.objects.create(
        verifier=verifier, centre_id=actor.centre_id, name=name.strip(), expires_at=expires_at, granted_by=actor
    )
    sample.enrolments.set(enrolments)
    audit_append(
        actor=actor,
        action=AuditAction.ACCESS_GRANT,
        obj=sample,
        summary=f"{verifier} granted access to “{sample.name}” ({len(enrolments)} learner-units) until {expires_at:%d %b %Y}",
        after={"verifier": verifier.pk, "enrolments": sorted(e.pk for e in enrolments), "expires_at": expires_at},
    )
    notify(
        recipient=verifier,
        kind=Notification.Kind.ACCESS_GRANTED,
        message=f"You have access to the sample “{sample.name}” until {expires_at:%d %b %Y}.",
        url=reverse("assessment:verifier-home"),
    )
    return sample


@transaction.atomic
def verifier_sample_revoke(*, actor: User, sample: VerifierSample) -> VerifierSample:
    if not may_administer(actor, sample.centre_id):
        raise PermissionDenied("Only a centre administrator of this centre can revoke access.")
    if sample.revoked_at:
        raise ValidationError("This access is already revoked.", code="duplicate")
    sample.revoked_by, sample.revoked_at = actor, timezone.now()
    sample.save(update_fields=["revoked_by", "revoked_at"])
    audit_append(
        actor=actor,
        action=AuditAction.ACCESS_REVOKE,
        obj=sample,
        summary=f"Access to “{sample.name}” revoked for {sample.verifier}",
        before={"revoked_at": None},
        after={"revoked_at": sample.revoked_at},
    )
    return sample


def verifier_access_record_expiry(*, verifier: User | None = None, now: datetime | None = None) -> int:
    """Record, once each, the expiry of samples whose date has passed; return how many were recorded."""
    now = now or timezone.now()
    due = VerifierSample.objects.filter(expires_at__lte=now, revoked_at__isnull=True, expiry_recorded_at__isnull=True)
    if verifier is not None:
        due = due.filter(verifier=verifier)
    recorded = 0
    for sample in due.select_related("verifier"):
        with transaction.atomic():
            # The conditional update makes concurrent observers record each expiry exactly once.
            if VerifierSample.objects.filter(pk=sample.pk, expiry_recorded_at__isnull=True).update(expiry_recorded_at=now):
                audit_append(
                    actor=None,
                    action=AuditAction.ACCESS_EXPIRE,
                    obj=sample,
                    summary=f"Access to “{sample.name}” expired for {sample.verifier} on {sample.expires_at:%d %b %Y %H:%M}",
                    after={"expires_at": sample.expires_at, "recorded_at": now},
                )
                recorded += 1
    return recorded
