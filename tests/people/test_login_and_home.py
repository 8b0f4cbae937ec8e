"""Logging in and out, and the role-aware home page."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


@pytest.mark.django_db
def test_a_user_logs_in_with_their_password_and_out_again(client, cast):
    response = client.post(reverse("login"), {"username": "learner", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("units:catalogue")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("units:catalogue")).status_code == 302


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_a_message(client, cast):
    response = client.post(reverse("login"), {"username": "learner", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


@pytest.mark.django_db
def test_the_login_page_labels_its_fields(client):
    html = " ".join(client.get(reverse("login")).content.decode().split())
    assert '<label for="id_username"' in html and '<label for="id_password"' in html


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_from_home_to_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, landing",
    [
        ("learner", "learner:home"),
        ("assessor", "assessment:caseload"),
        ("iqa", "assessment:iqa-home"),
        ("verifier", "assessment:verifier-home"),
        ("admin", "assessment:admin-home"),
    ],
)
def test_home_takes_each_role_to_where_its_work_is(role, landing, cast, client_for):
    response = client_for(cast[role]).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(landing)
