"""The attacks of the security review on the admin, as centre A's administrator against centre B: all refused."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

B_NAMES = ("Other College", "Other cohort", "Other Centre Learner", "Other Centre Assessor", "Other Centre Iqa", "Other Centre Admin")


def _new_user(**fields) -> dict:
    return {"username": "newcomer", "display_name": "New Comer", "password1": PASSWORD, "password2": PASSWORD, **fields}


@pytest.mark.django_db
def test_an_administrator_cannot_create_an_administrator_in_another_centre(cast, other_centre, client_for):
    from people.models import User

    response = client_for(cast["admin"]).post(
        reverse("admin:people_user_add"), _new_user(role="admin", centre=other_centre["centre"].pk)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()


@pytest.mark.django_db
def test_an_administrator_cannot_appoint_a_catalogue_manager(cast, client_for):
    from people.models import User

    response = client_for(cast["admin"]).post(reverse("admin:people_user_add"), _new_user(role="catalogue", centre=cast["admin"].centre_id))
    assert response.status_code == 200
    assert not User.objects.filter(username="newcomer").exists()


@pytest.mark.django_db
def test_an_administrator_appoints_another_administrator_of_their_own_centre(cast, client_for):
    from people.models import Role, User

    response = client_for(cast["admin"]).post(reverse("admin:people_user_add"), _new_user(role="admin", centre=cast["admin"].centre_id))
    assert response.status_code == 302
    assert User.objects.get(username="newcomer").centre_id == cast["admin"].centre_id
    assert User.objects.get(username="newcomer").role == Role.ADMIN


@pytest.mark.django_db
def test_an_administrator_cannot_move_their_learner_to_another_centre(cast, other_centre, client_for):
    learner = cast["learner"]
    response = client_for(cast["admin"]).post(
        reverse("admin:people_user_change", args=[learner.pk]),
        {"username": learner.username, "display_name": "Moved", "role": "learner", "centre": other_centre["centre"].pk, "is_active": "on"},
    )
    assert response.status_code == 200
    learner.refresh_from_db()
    assert (learner.centre_id, learner.display_name) == (cast["admin"].centre_id, "Learner")


@pytest.mark.django_db
def test_a_cohort_is_created_in_the_administrators_centre_only(cast, other_centre, client_for):
    from people.models import Cohort

    client = client_for(cast["admin"])
    refused = client.post(reverse("admin:people_cohort_add"), {"name": "Sneaky", "centre": other_centre["centre"].pk, "starts_on": "2026-09-01"})
    assert refused.status_code == 200 and not Cohort.objects.filter(name="Sneaky").exists()
    added = client.post(reverse("admin:people_cohort_add"), {"name": "Evening", "centre": cast["admin"].centre_id, "starts_on": "2026-09-01"})
    assert added.status_code == 302 and Cohort.objects.get(name="Evening").centre_id == cast["admin"].centre_id


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", ["admin:people_user_add", "admin:people_cohort_add", "admin:people_enrolment_add", "admin:people_enrolment_changelist", "admin:people_user_changelist", "admin:people_cohort_changelist", "admin:people_verifiersample_changelist"]
)
def test_forms_lists_and_filters_never_name_another_centre(page, cast, other_centre, client_for):
    html = client_for(cast["admin"]).get(reverse(page)).content.decode()
    assert not [name for name in B_NAMES if name in html]


@pytest.mark.django_db
def test_the_enrolment_change_form_offers_only_the_centres_people_and_cohorts(cast, other_centre, client_for):
    enrolment = cast["enrolments"][("learner", "001")]
    html = client_for(cast["admin"]).get(reverse("admin:people_enrolment_change", args=[enrolment.pk])).content.decode()
    assert "Test cohort" in html
    assert not [name for name in B_NAMES if name in html]


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["learner", "assessor", "iqa"])
def test_the_people_search_behind_the_enrolment_form_finds_no_one_in_another_centre(field, cast, other_centre, client_for):
    response = client_for(cast["admin"]).get(
        reverse("admin:autocomplete"), {"app_label": "people", "model_name": "enrolment", "field_name": field, "term": "other"}
    )
    assert response.status_code == 200
    found = sorted(r["text"] for r in response.json()["results"])
    assert found == ["Other Assessor", "Other Learner"]  # centre A's people only; B's "Other Centre …" never


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("admin:people_user_change", "learner"),
        ("admin:auth_user_password_change", "learner"),
        ("admin:people_user_delete", "admin"),
        ("admin:people_cohort_change", "cohort"),
        ("admin:people_centre_change", "centre"),
        ("admin:people_enrolment_change", "enrolment"),
        ("admin:people_enrolment_delete", "enrolment"),
        ("admin:people_enrolment_history", "enrolment"),
    ],
)
def test_another_centres_objects_are_not_found_for_reading_or_changing(name, key, cast, other_centre, client_for):
    from people.models import Enrolment, User

    obj = other_centre[key]
    url = reverse(name, args=[obj.pk])
    client = client_for(cast["admin"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"display_name": "Taken", "post": "yes", "password1": "x-Long-pass-1", "password2": "x-Long-pass-1"}).status_code == 404
    assert User.objects.filter(pk=other_centre["admin"].pk).exists()
    assert Enrolment.objects.filter(pk=other_centre["enrolment"].pk).exists()
    assert not User.objects.filter(display_name="Taken").exists()


@pytest.mark.django_db
def test_a_superuser_is_out_of_a_centre_administrators_reach(cast, client_for):
    from people.models import Role
    from tests.conftest import _user

    root = _user("root", Role.LEARNER, cast["admin"].centre, is_superuser=True, is_staff=True)
    client = client_for(cast["admin"])
    assert client.get(reverse("admin:people_user_change", args=[root.pk])).status_code == 404
    assert "root" not in client.get(reverse("admin:people_user_changelist")).content.decode()


@pytest.mark.django_db
def test_the_bulk_delete_action_cannot_reach_another_centre(cast, other_centre, client_for):
    from people.models import Cohort

    spare = Cohort.objects.create(centre=other_centre["centre"], name="Spare")
    client_for(cast["admin"]).post(
        reverse("admin:people_cohort_changelist"), {"action": "delete_selected", "_selected_action": [spare.pk], "post": "yes"}
    )
    assert Cohort.objects.filter(pk=spare.pk).exists()


@pytest.mark.django_db
def test_an_add_form_prefilled_from_the_address_does_not_show_another_centres_people(cast, other_centre, client_for):
    query = {"learner": other_centre["learner"].pk, "assessor": other_centre["assessor"].pk, "cohort": other_centre["cohort"].pk}
    html = client_for(cast["admin"]).get(reverse("admin:people_enrolment_add"), query).content.decode()
    assert not [name for name in B_NAMES if name in html]
