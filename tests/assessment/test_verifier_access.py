"""External verifiers: granted, revoked and expiring access, each recorded; read-only views of the sample only."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from assessment import services
from people.models import VerifierSample
from records.models import AuditAction, AuditEntry, Notification

pytestmark = pytest.mark.django_db

#                          admin-home grant revoke verifier-home
EXPECTED = {
    "learner":                 (403, 403, 404, 403),
    "other_learner":           (403, 403, 404, 403),
    "assessor":                (403, 403, 404, 403),
    "other_assessor":          (403, 403, 404, 403),
    "iqa":                     (403, 403, 404, 403),
    "verifier":                (403, 403, 404, 200),
    "verifier_without_access": (403, 403, 404, 200),
    "admin":                   (200, 200, 302, 403),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_the_permission_table(cast, client_for, role):
    client = client_for(cast[role])
    statuses = (
        client.get(reverse("assessment:admin-home")).status_code,
        client.get(reverse("assessment:sample-grant")).status_code,
        client.post(reverse("assessment:sample-revoke", args=[cast["sample"].pk])).status_code,
        client.get(reverse("assessment:verifier-home")).status_code,
    )
    assert statuses == EXPECTED[role]


def test_revoke_refuses_get(cast, client_for):
    assert client_for(cast["admin"]).get(reverse("assessment:sample-revoke", args=[cast["sample"].pk])).status_code == 405


def test_the_admin_grants_access_through_the_page_and_it_is_recorded_and_notified(cast, client_for):
    enrolment = cast["enrolments"][("other_learner", "002")]
    expires = timezone.localdate() + timedelta(days=10)
    response = client_for(cast["admin"]).post(
        reverse("assessment:sample-grant"),
        {"verifier": cast["verifier_without_access"].pk, "name": "Visit", "enrolments": [enrolment.pk], "expires_on": expires.isoformat()},
    )
    assert response.status_code == 302
    sample = VerifierSample.objects.get(name="Visit")
    assert list(sample.enrolments.all()) == [enrolment]
    assert AuditEntry.objects.filter(action=AuditAction.ACCESS_GRANT, object_id=str(sample.pk)).exists()
    assert Notification.objects.filter(recipient=cast["verifier_without_access"], kind="access_granted").exists()


def test_the_verifier_sees_only_the_sample_and_each_page_is_recorded(cast, client_for):
    client = client_for(cast["verifier"])
    page = client.get(reverse("assessment:verifier-home")).content.decode()
    assert page.count(reverse("assessment:enrolment", args=[cast["enrolments"][("learner", "001")].pk])) == 1
    other = cast["enrolments"][("learner", "002")]
    assert client.get(reverse("assessment:enrolment", args=[other.pk])).status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.VERIFIER_VIEW, actor=cast["verifier"]).count() == 1


def test_once_access_expires_the_verifier_sees_nothing_and_the_expiry_is_recorded_once(cast, client_for):
    sample = cast["sample"]
    VerifierSample.objects.filter(pk=sample.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client = client_for(cast["verifier"])
    enrolment = cast["enrolments"][("learner", "001")]
    assert client.get(reverse("assessment:enrolment", args=[enrolment.pk])).status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.ACCESS_EXPIRE).count() == 1
    client.get(reverse("assessment:verifier-home"))
    client.get(reverse("assessment:verifier-home"))
    assert AuditEntry.objects.filter(action=AuditAction.ACCESS_EXPIRE, object_id=str(sample.pk)).count() == 1
    sample.refresh_from_db()
    assert sample.expiry_recorded_at is not None


def test_the_command_records_expiries_not_yet_observed(cast):
    VerifierSample.objects.filter(pk=cast["sample"].pk).update(expires_at=timezone.now() - timedelta(days=1))
    call_command("record_expired_access")
    call_command("record_expired_access")
    assert AuditEntry.objects.filter(action=AuditAction.ACCESS_EXPIRE).count() == 1


def test_revoking_ends_access_at_once_and_is_recorded(cast, client_for):
    services.verifier_sample_revoke(actor=cast["admin"], sample=cast["sample"])
    enrolment = cast["enrolments"][("learner", "001")]
    assert client_for(cast["verifier"]).get(reverse("assessment:enrolment", args=[enrolment.pk])).status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.ACCESS_REVOKE).count() == 1
    with pytest.raises(ValidationError, match="already revoked"):
        services.verifier_sample_revoke(actor=cast["admin"], sample=cast["sample"])


def test_a_grant_in_the_past_is_refused_and_nothing_is_written(cast):
    with pytest.raises(ValidationError, match="future"):
        services.verifier_sample_grant(
            actor=cast["admin"], verifier=cast["verifier"], name="Late", enrolments=[cast["enrolments"][("learner", "001")]],
            expires_at=timezone.now() - timedelta(days=1),
        )
    assert not VerifierSample.objects.filter(name="Late").exists()
