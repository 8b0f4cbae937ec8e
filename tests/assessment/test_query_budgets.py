"""Query budgets: the caseload and the assessment page cost the same however much there is on them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Outcome

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_caseload_costs_the_same_for_3_learners_and_30(cast, client_for, bulk_cohort):
    client, url = client_for(cast["assessor"]), reverse("assessment:caseload")
    bulk_cohort(1)
    small = _queries(client, url)
    bulk_cohort(27)
    assert _queries(client, url) == small
    assert small <= 11


def test_the_assessment_page_costs_the_same_with_one_claim_or_many_and_a_long_history(cast, client_for, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    client, url = client_for(cast["assessor"]), reverse("assessment:enrolment", args=[enrolment.pk])
    submit(enrolment, codes={"1.1"})
    decide(enrolment, "1.1", Outcome.NOT_YET_MET, feedback="More.")
    small = _queries(client, url)
    submit(enrolment)
    for criterion in enrolment.unit.criteria.all():
        decide(enrolment, criterion.code)
    assert _queries(client, url) == small
    assert small <= 21  # includes the verification-pack panel: who may request (one query) and its recent jobs


def test_the_assessment_page_stays_within_its_budget(cast, client_for, submit, django_assert_max_num_queries):
    enrolment = cast["enrolments"][("learner", "003")]
    submit(enrolment)
    client = client_for(cast["assessor"])
    with django_assert_max_num_queries(19):
        client.get(reverse("assessment:enrolment", args=[enrolment.pk]))
