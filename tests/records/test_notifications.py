"""Notifications: the page lists and marks read, and the navbar shows the unread count."""

import pytest
from django.urls import reverse

from records.models import Notification
from records.notify import notify

pytestmark = pytest.mark.django_db
URL = reverse("records:notifications")


@pytest.mark.parametrize(
    "role", ["learner", "other_learner", "assessor", "other_assessor", "iqa", "verifier", "verifier_without_access", "admin"]
)
def test_every_role_has_a_notifications_page(cast, client_for, role):
    assert client_for(cast[role]).get(URL).status_code == 200


def test_an_anonymous_visitor_is_sent_to_log_in_and_post_is_refused(cast, client, client_for):
    assert client.get(URL).status_code == 302
    assert client_for(cast["learner"]).post(URL).status_code == 405


def test_the_navbar_shows_the_unread_count_and_opening_the_page_marks_them_read(cast, client_for):
    notify(recipient=cast["learner"], kind=Notification.Kind.DECISION, message="1.1: Met", url="/")
    notify(recipient=cast["learner"], kind=Notification.Kind.REFERRAL, message="1.2: Not yet met")
    client = client_for(cast["learner"])
    home = client.get(reverse("units:catalogue")).content.decode()
    assert "2<span class=\"visually-hidden\"> unread</span>" in home
    page = client.get(URL).content.decode()
    assert "1.1: Met" in page and "New" in page
    assert not Notification.objects.filter(recipient=cast["learner"], read_at__isnull=True).exists()


def test_a_user_sees_only_their_own_notifications(cast, client_for):
    notify(recipient=cast["other_learner"], kind=Notification.Kind.DECISION, message="Someone else's")
    assert "Someone else's" not in client_for(cast["learner"]).get(URL).content.decode()
