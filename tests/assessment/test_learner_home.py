"""The learner's home page: progress per unit, referrals, waiting submissions, word-count problems."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment import services as assessment_services
from assessment.models import CriterionAssessment, CriterionDecision
from portfolios.models import Claim, EvidenceItem, EvidenceVersion

URL = reverse("learner:home")


@pytest.mark.parametrize(
    "who, status", [("learner", 200), ("assessor", 404), ("iqa", 404), ("verifier", 404), ("admin", 404)]
)
def test_the_learner_home_is_for_learners(cast, client_for, who, status):
    assert client_for(cast[who]).get(URL).status_code == status


def test_it_refuses_post(cast, client_for):
    assert client_for(cast["learner"]).post(URL).status_code == 405


def test_the_home_url_sends_a_learner_here(cast, client_for):
    assert client_for(cast["learner"]).get("/").url == URL


def test_it_shows_progress_waiting_referrals_and_word_problems(cast, client_for, make_evidence):
    enrolment = cast["enrolments"][("learner", "001")]
    make_evidence(body="word " * 100, map_to=[("001", "1.1"), ("001", "1.2")])
    submission = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    criterion = enrolment.unit.criteria.get(code="1.1")
    decision = CriterionDecision.objects.create(
        enrolment=enrolment,
        criterion=criterion,
        submission=submission,
        attempt=1,
        outcome="not_yet_met",
        feedback="Explain the customer journey in more depth.",
        decided_by=cast["assessor"],
    )
    CriterionAssessment.objects.create(
        enrolment=enrolment, criterion=criterion, outcome="not_yet_met", latest_decision=decision
    )
    html = client_for(cast["learner"]).get(URL).content.decode()
    assert "Explain the customer journey in more depth." in html
    assert "First submission submitted" in html
    assert "100 words is under the minimum of 3,000." in html
    assert "Not yet met</dt><dd>1</dd>" in html.replace("\n", "").replace("  ", "")


def _bulk_evidence(learner, count, criteria):
    """Many items, made in bulk so the test stays fast; the page must not care how many there are."""
    items = EvidenceItem.objects.bulk_create(
        [EvidenceItem(learner=learner, author=learner, kind="report") for _ in range(count)]
    )
    versions = EvidenceVersion.objects.bulk_create(
        [
            EvidenceVersion(item=i, number=1, title=f"Item {n}", body="w " * 10, body_word_count=10, created_by=learner)
            for n, i in enumerate(items)
        ]
    )
    Claim.objects.bulk_create(
        [Claim(version=v, criterion=criteria[n % len(criteria)], created_by=learner) for n, v in enumerate(versions)]
    )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_its_query_count_is_the_same_with_5_items_or_200(cast, client_for, django_assert_max_num_queries):
    learner = cast["learner"]
    criteria = list(cast["enrolments"][("learner", "001")].unit.criteria.all())
    client = client_for(learner)
    _bulk_evidence(learner, 5, criteria)
    few = _queries(client, URL)
    _bulk_evidence(learner, 195, criteria)
    many = _queries(client, URL)
    assert few == many, (few, many)
    with django_assert_max_num_queries(21):
        client.get(URL)
