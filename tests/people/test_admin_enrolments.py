"""Learner-units never cross centres: refused in the admin's choices and by the model's own validation."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse


def _enrolment_post(learner, assessor, iqa, cohort, unit) -> dict:
    return {"learner": learner.pk, "assessor": assessor.pk, "iqa": iqa.pk, "cohort": cohort.pk, "unit": unit.pk, "enrolled_on": "2026-11-01"}


@pytest.mark.django_db
def test_an_administrator_cannot_enrol_another_centres_learner_with_their_own_staff(cast, other_centre, units, cohort, client_for):
    from people.models import Enrolment

    data = _enrolment_post(other_centre["learner"], cast["assessor"], cast["iqa"], cohort, units["002"])
    response = client_for(cast["admin"]).post(reverse("admin:people_enrolment_add"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Enrolment.objects.filter(learner=other_centre["learner"], unit=units["002"]).exists()


@pytest.mark.django_db
def test_an_administrator_cannot_put_their_learner_in_another_centres_cohort(cast, other_centre, units, client_for):

    data = _enrolment_post(cast["learner"], other_centre["assessor"], other_centre["iqa"], other_centre["cohort"], units["001"])
    enrolment = cast["enrolments"][("learner", "001")]
    response = client_for(cast["admin"]).post(reverse("admin:people_enrolment_change", args=[enrolment.pk]), data)
    assert response.status_code == 200
    enrolment.refresh_from_db()
    assert (enrolment.cohort_id, enrolment.assessor_id) == (cast["enrolments"][("learner", "002")].cohort_id, cast["assessor"].pk)


@pytest.mark.django_db
def test_even_a_superuser_cannot_make_a_learner_unit_that_crosses_centres(cast, other_centre, units, cohort, client_for):
    from people.models import Enrolment, Role
    from tests.conftest import _user

    root = _user("root", Role.LEARNER, None, is_superuser=True, is_staff=True)
    data = _enrolment_post(other_centre["learner"], cast["assessor"], cast["iqa"], cohort, units["002"])
    response = client_for(root).post(reverse("admin:people_enrolment_add"), data)
    assert response.status_code == 200
    assert "the cohort&#x27;s centre" in response.content.decode()
    assert not Enrolment.objects.filter(learner=other_centre["learner"], unit=units["002"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["learner", "assessor", "iqa"])
def test_the_model_refuses_anyone_from_outside_the_cohorts_centre(field, cast, other_centre, units, cohort):
    from people.models import Enrolment

    people = {"learner": cast["learner"], "assessor": cast["assessor"], "iqa": cast["iqa"], field: other_centre[field]}
    enrolment = Enrolment(unit=units["002"], cohort=cohort, **people)
    with pytest.raises(ValidationError) as refused:
        enrolment.full_clean(validate_constraints=False)
    assert list(refused.value.message_dict) == [field]
    assert "Test College, the cohort's centre" in refused.value.message_dict[field][0]


@pytest.mark.django_db
def test_a_person_on_learner_units_cannot_be_moved_to_another_centre(cast, other_centre):
    assessor = cast["assessor"]
    assessor.centre = other_centre["centre"]
    with pytest.raises(ValidationError) as refused:
        assessor.full_clean()
    assert "move or end those learner-units first" in refused.value.message_dict["centre"][0]


@pytest.mark.django_db
def test_a_cohort_with_learner_units_cannot_be_moved_to_another_centre(cast, other_centre, cohort):
    cohort.centre = other_centre["centre"]
    with pytest.raises(ValidationError) as refused:
        cohort.full_clean()
    assert "a cohort stays in its centre" in refused.value.message_dict["centre"][0]


@pytest.mark.django_db
def test_a_catalogue_manager_has_no_centre_and_an_administrator_has_one(centre):
    from django.db import IntegrityError, transaction

    from people.models import Role, User

    for role, centre_given, message in ((Role.CATALOGUE, centre, "leave the centre empty"), (Role.ADMIN, None, "Choose the centre")):
        user = User(username=f"someone-{role}", display_name="Someone", role=role, centre=centre_given)
        with pytest.raises(ValidationError) as refused:
            user.full_clean(exclude=["password"])
        assert message in refused.value.message_dict["centre"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="cm", display_name="CM", role=Role.CATALOGUE, centre=centre)


@pytest.mark.django_db
def test_a_verifier_grant_refuses_another_centres_learner_unit_and_writes_nothing(cast, other_centre):
    from datetime import timedelta

    from django.utils import timezone

    from assessment.services import verifier_sample_grant
    from people.models import VerifierSample
    from records.models import AuditEntry

    samples, entries = VerifierSample.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        verifier_sample_grant(
            actor=cast["admin"], verifier=cast["verifier"], name="Both centres",
            enrolments=[cast["enrolments"][("learner", "001")], other_centre["enrolment"]],
            expires_at=timezone.now() + timedelta(days=3),
        )
    assert refused.value.code == "other_centre"
    assert (VerifierSample.objects.count(), AuditEntry.objects.count()) == (samples, entries)
