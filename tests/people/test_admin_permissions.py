"""The whole admin permission table, over every kind of user, in one parametrised test."""

import pytest
from django.urls import reverse

from tests.conftest import _user

ROLES = ["learner", "assessor", "iqa", "verifier", "admin", "other_admin", "catalogue", "superuser"]
OUT = (302, 302, 302, 302)  # every role without the admin is sent to the admin's login page

# page → the status each of ROLES gets. "admin" is centre A's administrator (the cast's), whose objects these are.
TABLE = {
    "index": (*OUT, 200, 200, 200, 200),
    "user list": (*OUT, 200, 200, 403, 200),
    "user add": (*OUT, 200, 200, 403, 200),
    "a learner of A": (*OUT, 200, 404, 404, 200),
    "a learner of A's password": (*OUT, 200, 404, 404, 200),
    "cohort list": (*OUT, 200, 200, 403, 200),
    "A's cohort": (*OUT, 200, 404, 404, 200),
    "centre list": (*OUT, 200, 200, 403, 200),
    "centre add": (*OUT, 403, 403, 403, 200),
    "centre A": (*OUT, 200, 404, 404, 200),
    "enrolment list": (*OUT, 200, 200, 403, 200),
    "enrolment add": (*OUT, 200, 200, 403, 200),
    "a learner-unit of A": (*OUT, 200, 404, 404, 200),
    "a learner-unit of A's deletion": (*OUT, 200, 404, 404, 200),
    "a learner-unit of A's history": (*OUT, 200, 404, 404, 200),
    "verifier sample list": (*OUT, 200, 200, 403, 200),
    "A's verifier sample": (*OUT, 200, 404, 404, 200),
    "audit log": (*OUT, 200, 200, 403, 200),
    "unit list": (*OUT, 200, 200, 200, 200),
    "unit add": (*OUT, 403, 403, 200, 200),
    "unit 001": (*OUT, 200, 200, 200, 200),
    "range heading list": (*OUT, 200, 200, 200, 200),
}


def _url(page: str, cast, units) -> str:
    enrolment = cast["enrolments"][("learner", "001")]
    urls = {
        "index": ("admin:index", []),
        "user list": ("admin:people_user_changelist", []),
        "user add": ("admin:people_user_add", []),
        "a learner of A": ("admin:people_user_change", [cast["learner"].pk]),
        "a learner of A's password": ("admin:auth_user_password_change", [cast["learner"].pk]),
        "cohort list": ("admin:people_cohort_changelist", []),
        "A's cohort": ("admin:people_cohort_change", [enrolment.cohort_id]),
        "centre list": ("admin:people_centre_changelist", []),
        "centre add": ("admin:people_centre_add", []),
        "centre A": ("admin:people_centre_change", [enrolment.cohort.centre_id]),
        "enrolment list": ("admin:people_enrolment_changelist", []),
        "enrolment add": ("admin:people_enrolment_add", []),
        "a learner-unit of A": ("admin:people_enrolment_change", [enrolment.pk]),
        "a learner-unit of A's deletion": ("admin:people_enrolment_delete", [enrolment.pk]),
        "a learner-unit of A's history": ("admin:people_enrolment_history", [enrolment.pk]),
        "verifier sample list": ("admin:people_verifiersample_changelist", []),
        "A's verifier sample": ("admin:people_verifiersample_change", [cast["sample"].pk]),
        "audit log": ("admin:records_auditentry_changelist", []),
        "unit list": ("admin:units_unit_changelist", []),
        "unit add": ("admin:units_unit_add", []),
        "unit 001": ("admin:units_unit_change", [units["001"].pk]),
        "range heading list": ("admin:units_rangeheading_changelist", []),
    }
    name, args = urls[page]
    return reverse(name, args=args)


def _person(role: str, cast, other_centre, catalogue_manager):
    from people.models import Role

    match role:
        case "other_admin":
            return other_centre["admin"]
        case "catalogue":
            return catalogue_manager
        case "superuser":
            return _user("root", Role.LEARNER, None, is_superuser=True, is_staff=True)
    return cast[role]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_kind_of_user_gets_the_admin_pages_the_table_gives(role, cast, units, other_centre, catalogue_manager, client_for):
    client = client_for(_person(role, cast, other_centre, catalogue_manager))
    responses = {page: client.get(_url(page, cast, units)) for page in TABLE}
    assert {page: r.status_code for page, r in responses.items()} == {page: row[ROLES.index(role)] for page, row in TABLE.items()}
    assert all("/admin/login/" in r["Location"] for r in responses.values() if r.status_code == 302)


@pytest.mark.django_db
def test_a_catalogue_manager_sees_only_the_catalogue_on_the_admin_index(catalogue_manager, client_for):
    html = client_for(catalogue_manager).get(reverse("admin:index")).content.decode()
    assert "Units" in html
    for other in ("Enrolments", "Users", "Cohorts", "Audit entries", "Verifier samples"):
        assert other not in html


@pytest.mark.django_db
def test_a_catalogue_manager_lands_on_the_admin(catalogue_manager, client_for):
    response = client_for(catalogue_manager).get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")


@pytest.mark.django_db
def test_an_administrator_without_a_centre_is_not_let_into_the_admin(cast, client_for):
    from people.models import Role

    drifter = _user("drifter", Role.ADMIN, None, is_staff=True)
    response = client_for(drifter).get(reverse("admin:people_user_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
