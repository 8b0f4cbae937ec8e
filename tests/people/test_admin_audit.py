"""Every admin change is on the audit log: who, what, before and after, in the same transaction as the change."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


def _enrolment_form(enrolment, **changes) -> dict:
    fields = {"learner": enrolment.learner_id, "unit": enrolment.unit_id, "cohort": enrolment.cohort_id,
              "assessor": enrolment.assessor_id, "iqa": enrolment.iqa_id, "enrolled_on": enrolment.enrolled_on.isoformat()}
    return {**fields, **changes}


def _user_form(user, **changes) -> dict:
    fields = {"username": user.username, "display_name": user.display_name, "role": user.role, "centre": user.centre_id, "is_active": "on"}
    return {**fields, **changes}


def _last_entry():
    from records.models import AuditEntry

    return AuditEntry.objects.order_by("-pk").first()


@pytest.mark.django_db
def test_reassigning_a_learner_units_assessor_is_recorded_with_before_and_after(cast, client_for):
    from records.audit import audit_verify
    from records.models import AuditAction

    enrolment = cast["enrolments"][("learner", "001")]
    url = reverse("admin:people_enrolment_change", args=[enrolment.pk])
    response = client_for(cast["admin"]).post(url, _enrolment_form(enrolment, assessor=cast["other_assessor"].pk))
    assert response.status_code == 302
    entry = _last_entry()
    assert (entry.action, entry.actor, entry.enrolment_id) == (AuditAction.ADMIN_CHANGE, cast["admin"], enrolment.pk)
    assert (entry.before, entry.after) == ({"assessor": cast["assessor"].pk}, {"assessor": cast["other_assessor"].pk})
    assert "assessor: Assessor → Other Assessor" in entry.summary
    assert audit_verify().ok


@pytest.mark.django_db
def test_promoting_a_user_to_centre_administrator_is_recorded(cast, client_for):
    from records.models import AuditAction

    assessor = cast["other_assessor"]
    response = client_for(cast["admin"]).post(reverse("admin:people_user_change", args=[assessor.pk]), _user_form(assessor, role="admin"))
    assert response.status_code == 302
    entry = _last_entry()
    assert (entry.action, entry.object_type, entry.object_id) == (AuditAction.ADMIN_CHANGE, "people.user", str(assessor.pk))
    assert (entry.before, entry.after) == ({"role": "assessor"}, {"role": "admin"})
    assert "role: Assessor → Centre administrator" in entry.summary


@pytest.mark.django_db
def test_adding_a_user_records_them_without_their_password(cast, client_for):
    from records.models import AuditAction

    data = {"username": "newcomer", "display_name": "New Comer", "role": "learner", "centre": cast["admin"].centre_id,
            "password1": PASSWORD, "password2": PASSWORD}
    assert client_for(cast["admin"]).post(reverse("admin:people_user_add"), data).status_code == 302
    entry = _last_entry()
    assert (entry.action, entry.before) == (AuditAction.ADMIN_ADD, None)
    assert (entry.after["username"], entry.after["role"], entry.after["centre"]) == ("newcomer", "learner", cast["admin"].centre_id)
    assert "password" not in entry.after


@pytest.mark.django_db
def test_setting_a_password_is_recorded_without_the_password(cast, client_for):
    learner = cast["learner"]
    url = reverse("admin:auth_user_password_change", args=[learner.pk])
    response = client_for(cast["admin"]).post(url, {"password1": "A-new-pass-4567", "password2": "A-new-pass-4567"})
    assert response.status_code == 302
    entry = _last_entry()
    assert entry.object_id == str(learner.pk)
    assert entry.after == {"password": "(changed, not recorded)"}
    learner.refresh_from_db()
    assert learner.password not in str(entry.before) + str(entry.after) + entry.summary


@pytest.mark.django_db
def test_deleting_a_cohort_is_recorded_with_what_it_was(cast, client_for):
    from people.models import Cohort
    from records.models import AuditAction

    spare = Cohort.objects.create(centre=cast["admin"].centre, name="Spare")
    response = client_for(cast["admin"]).post(reverse("admin:people_cohort_delete", args=[spare.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Cohort.objects.filter(pk=spare.pk).exists()
    entry = _last_entry()
    assert (entry.action, entry.before["name"], entry.after) == (AuditAction.ADMIN_DELETE, "Spare", None)


@pytest.mark.django_db
def test_a_save_that_changes_nothing_and_a_refused_save_write_no_entry(cast, other_centre, client_for):
    from records.models import AuditEntry

    enrolment = cast["enrolments"][("learner", "001")]
    url = reverse("admin:people_enrolment_change", args=[enrolment.pk])
    client = client_for(cast["admin"])
    before = AuditEntry.objects.count()
    assert client.post(url, _enrolment_form(enrolment)).status_code == 302
    assert client.post(url, _enrolment_form(enrolment, assessor=other_centre["assessor"].pk)).status_code == 200
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_the_change_and_its_entry_are_one_transaction(cast, client_for, monkeypatch):
    from records import admin_site

    def broken_log(**kwargs):
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(admin_site, "audit_append", broken_log)
    enrolment = cast["enrolments"][("learner", "001")]
    url = reverse("admin:people_enrolment_change", args=[enrolment.pk])
    with pytest.raises(RuntimeError):
        client_for(cast["admin"]).post(url, _enrolment_form(enrolment, assessor=cast["other_assessor"].pk))
    enrolment.refresh_from_db()
    assert enrolment.assessor == cast["assessor"]
