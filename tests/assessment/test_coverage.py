"""Sampling coverage: assessors, units, methods, decisions and learners against the centre's percentage."""

import pytest

from assessment import services
from assessment.coverage import cohort_coverage
from assessment.models import Outcome

pytestmark = pytest.mark.django_db


def _sample(cast, key):
    services.sample_entry_create(actor=cast["iqa"], enrolment=cast["enrolments"][key], stage="interim", reason="Plan", risk="medium")


def test_an_empty_plan_does_not_comply_and_says_why(cast):
    coverage = cohort_coverage(viewer=cast["iqa"], cohort=cast["enrolments"][("learner", "001")].cohort)
    assert not coverage.complies
    assert coverage.problems[0] == "0% of learner-units are sampled; the centre requires at least 25%."
    assert any(p.startswith("Units not yet sampled: 000, 001, 002, 003") for p in coverage.problems)


def test_a_plan_covering_every_dimension_and_the_percentage_complies(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1", "1.2"})
    decide(enrolment, "1.1")
    decide(enrolment, "1.2", Outcome.NOT_YET_MET, feedback="More.")
    for key in [("learner", "000"), ("learner", "001"), ("other_learner", "002"), ("other_learner", "003")]:
        _sample(cast, key)
    coverage = cohort_coverage(viewer=cast["iqa"], cohort=enrolment.cohort)
    assert coverage.percentage == 50.0
    assert coverage.complies, coverage.problems


def test_a_decision_kind_never_sampled_is_a_gap(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1"})
    decide(enrolment, "1.1", Outcome.NOT_YET_MET, feedback="More.")
    for key in [("learner", "000"), ("other_learner", "001"), ("other_learner", "002"), ("other_learner", "003")]:
        _sample(cast, key)
    coverage = cohort_coverage(viewer=cast["iqa"], cohort=enrolment.cohort)
    assert "Decisions not yet sampled: Not yet met." in coverage.problems


def test_suggestions_fill_gaps_first(cast, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1"})
    decide(enrolment, "1.1", Outcome.NOT_YET_MET, feedback="More.")
    coverage = cohort_coverage(viewer=cast["iqa"], cohort=enrolment.cohort)
    best = coverage.suggestions[0]
    assert best.enrolment["id"] == enrolment.pk
    assert "assessment method Report" in best.fills and "decision Not yet met" in best.fills


def test_the_coverage_page_says_plainly_whether_the_plan_complies(cast, client_for):
    from django.urls import reverse

    cohort = cast["enrolments"][("learner", "001")].cohort
    page = client_for(cast["iqa"]).get(reverse("assessment:sampling-coverage", args=[cohort.pk])).content.decode()
    assert "The plan does not yet comply." in page
