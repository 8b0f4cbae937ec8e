"""The audit log: tampering is detected, the admin is read-only for everyone, and the trail page is scoped."""

import pytest
from django.db import connection
from django.urls import reverse

from assessment.models import Outcome
from records.audit import audit_verify
from records.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    decide(enrolment, "1.1", Outcome.NOT_YET_MET, feedback="Add segmentation factors.")
    decide(enrolment, "1.2")
    return enrolment


def test_altering_a_row_in_the_database_is_detected_and_the_entry_named(history):
    assert audit_verify().ok
    target = AuditEntry.objects.filter(summary__contains="1.1").get()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEntry._meta.db_table} SET summary = %s WHERE id = %s", ["1.1: Met", target.pk])
    check = audit_verify()
    assert not check.ok and check.first_broken.pk == target.pk


def test_the_verify_audit_command_fails_on_a_tampered_chain(history):
    import io

    from django.core.management import call_command

    last = AuditEntry.objects.last()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEntry._meta.db_table} SET after = NULL WHERE id = %s", [last.pk])
    errors = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("verify_audit", stderr=errors)
    assert f"#{last.pk}" in errors.getvalue()


@pytest.mark.parametrize("superuser", [False, True])
def test_the_admin_lets_no_one_add_change_or_delete_entries(cast, client, history, superuser):
    user = cast["admin"]
    user.is_superuser = superuser
    user.save()
    client.force_login(user)
    entry = AuditEntry.objects.first()
    assert client.get(reverse("admin:records_auditentry_changelist")).status_code == 200
    assert client.get(reverse("admin:records_auditentry_add")).status_code == 403
    assert client.get(reverse("admin:records_auditentry_delete", args=[entry.pk])).status_code == 403
    client.post(reverse("admin:records_auditentry_change", args=[entry.pk]), {"summary": "changed"})
    assert AuditEntry.objects.get(pk=entry.pk).summary == entry.summary


@pytest.mark.parametrize(
    "role, status",
    [
        ("learner", 403), ("other_learner", 404), ("assessor", 200), ("other_assessor", 404),
        ("iqa", 200), ("verifier", 403), ("verifier_without_access", 404), ("admin", 200),
    ],
)
def test_the_audit_trail_page_permission_table(cast, client_for, history, role, status):
    response = client_for(cast[role]).get(reverse("assessment:audit-trail", args=[history.pk]))
    assert response.status_code == status
    if status == 200:
        assert "1.1: Not yet met (First submission)" in response.content.decode()


def test_the_audit_trail_page_refuses_post(cast, client_for, history):
    assert client_for(cast["assessor"]).post(reverse("assessment:audit-trail", args=[history.pk])).status_code == 405
