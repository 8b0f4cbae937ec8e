"""One learner-unit's page: per criterion, evidence mapped, range covered and not, and status."""

import pytest
from django.urls import reverse

from assessment import services as assessment_services
from portfolios import services
from tests.assessment.test_learner_home import _bulk_evidence, _queries
from units.models import RangeItem


def _url(cast, key=("learner", "001")):
    return reverse("learner:unit", args=[cast["enrolments"][key].pk])


@pytest.mark.parametrize(
    "who, status",
    [
        ("learner", 200),
        ("other_learner", 404),
        ("assessor", 200),
        ("iqa", 200),
        ("other_assessor", 404),
        ("verifier", 200),
        ("verifier_without_access", 404),
        ("admin", 200),
    ],
)
def test_the_unit_page_is_visible_only_to_people_with_a_right_to_it(cast, client_for, who, status):
    assert client_for(cast[who]).get(_url(cast)).status_code == status


def test_the_verifier_sees_only_sampled_learner_units(cast, client_for):
    assert client_for(cast["verifier"]).get(_url(cast, ("learner", "002"))).status_code == 404


def test_it_refuses_post(cast, client_for):
    assert client_for(cast["learner"]).post(_url(cast)).status_code == 405


def test_it_shows_evidence_range_covered_and_not_and_status(cast, client_for, make_evidence):
    item = make_evidence(title="CRM report")
    criterion = cast["enrolments"][("learner", "001")].unit.criteria.get(code="1.3")
    ranges = list(RangeItem.objects.filter(heading__criterion=criterion).order_by("heading__order", "order"))
    services.claim_save(
        item=item, user=cast["learner"], criterion=criterion, range_item_ids=[ranges[0].pk], location_note="p. 2"
    )
    html = client_for(cast["learner"]).get(_url(cast)).content.decode()
    assert "CRM report" in html and "p. 2" in html and "Evidence mapped" in html
    assert f"Covered: </span>✓ {ranges[0].text}" in html
    assert f"Not yet covered: </span>○ {ranges[1].text}" in html


def test_it_shows_the_submission_with_a_withdraw_button_for_the_learner_only(cast, client_for, make_evidence):
    make_evidence(map_to=[("001", "1.1")])
    assessment_services.submission_create(enrolment=cast["enrolments"][("learner", "001")], user=cast["learner"])
    assert b"Withdraw" in client_for(cast["learner"]).get(_url(cast)).content
    assert b"Withdraw" not in client_for(cast["assessor"]).get(_url(cast)).content


def test_its_query_count_is_the_same_with_5_items_or_200(cast, client_for, django_assert_max_num_queries):
    criteria = list(cast["enrolments"][("learner", "001")].unit.criteria.all())
    client = client_for(cast["learner"])
    _bulk_evidence(cast["learner"], 5, criteria)
    few = _queries(client, _url(cast))
    _bulk_evidence(cast["learner"], 195, criteria)
    assert _queries(client, _url(cast)) == few
    with django_assert_max_num_queries(21):
        client.get(_url(cast))
