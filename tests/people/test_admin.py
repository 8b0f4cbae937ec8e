"""The Django admin: centre administrators manage their centre; nobody else gets in."""

import pytest
from django.urls import reverse

ADMIN_PAGES = [
    "admin:people_centre_changelist",
    "admin:people_cohort_changelist",
    "admin:people_user_changelist",
    "admin:people_enrolment_changelist",
    "admin:people_enrolment_add",
    "admin:units_unit_changelist",
    "admin:units_rangeheading_changelist",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_a_centre_administrator_can_open_each_admin_page(name, cast, client_for):
    assert client_for(cast["admin"]).get(reverse(name)).status_code == 200


@pytest.mark.django_db
def test_the_unit_admin_edits_los_criteria_and_range_inline(client_for, units, catalogue_manager):
    html = client_for(catalogue_manager).get(reverse("admin:units_unit_change", args=[units["001"].pk])).content.decode()
    for inline in ("Learning outcomes", "Assessment criteria", "Range headings"):
        assert inline in html
    assert 'name="criteria-0-text"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["learner", "assessor", "iqa", "verifier"])
def test_other_roles_are_sent_to_the_admin_login(role, cast, client_for):
    response = client_for(cast[role]).get(reverse("admin:people_enrolment_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_a_centre_administrator_enrols_a_learner_through_the_admin(cast, client_for, units, cohort):
    from people.models import Enrolment, Role, User

    newcomer = User.objects.create(username="newcomer", display_name="New Comer", role=Role.LEARNER, centre=cohort.centre)
    response = client_for(cast["admin"]).post(
        reverse("admin:people_enrolment_add"),
        {
            "learner": newcomer.pk,
            "unit": units["001"].pk,
            "cohort": cohort.pk,
            "assessor": cast["assessor"].pk,
            "iqa": cast["iqa"].pk,
            "enrolled_on": "2026-11-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Enrolment.objects.filter(learner=newcomer, unit=units["001"]).exists()


@pytest.mark.django_db
def test_an_enrolment_with_the_wrong_roles_is_refused_with_a_message(cast, client_for, units, cohort):
    from people.models import Enrolment

    response = client_for(cast["admin"]).post(
        reverse("admin:people_enrolment_add"),
        {
            "learner": cast["assessor"].pk,
            "unit": units["002"].pk,
            "cohort": cohort.pk,
            "assessor": cast["learner"].pk,
            "iqa": cast["iqa"].pk,
            "enrolled_on": "2026-11-01",
        },
    )
    assert response.status_code == 200
    assert "Choose a user whose role is learner." in response.content.decode()
    assert not Enrolment.objects.filter(learner=cast["assessor"]).exists()
