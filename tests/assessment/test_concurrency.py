"""Two assessors deciding the same criterion at once: one decision is kept, the other is told to reload."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from assessment import services
from assessment.models import CriterionAssessment, CriterionDecision, Outcome
from units.models import AssessmentCriterion

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: set DATABASE_URL=postgres://… to run the concurrency tests.")


def _decide(enrolment, criterion, outcome, feedback=""):
    return services.criterion_decide(
        actor=enrolment.assessor, enrolment=enrolment, criterion=criterion, outcome=outcome, feedback=feedback,
        seen_revision=0, declaration_confirmed=True,
    )


def _in_thread(target, results, key):
    def run():
        try:
            results[key] = target()
        except Exception as error:  # the outcome under test is the exception itself
            results[key] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_the_second_of_two_overlapping_decisions_gets_the_conflict_message(cast, submit):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code="1.3")
    first_written, results = threading.Event(), {}

    def first():
        with transaction.atomic():
            decision = _decide(enrolment, criterion, Outcome.MET)
            first_written.set()
            time.sleep(0.5)  # hold the row while the second assessor's save arrives
        return decision

    def second():
        first_written.wait(5)
        return _decide(enrolment, criterion, Outcome.NOT_YET_MET, feedback="Scope is missing.")

    threads = [_in_thread(first, results, "first"), _in_thread(second, results, "second")]
    for thread in threads:
        thread.join(10)
    assert isinstance(results["first"], CriterionDecision)
    assert isinstance(results["second"], ValidationError) and results["second"].code == "conflict"
    assert results["second"].message == "Someone else decided 1.3 while you were looking at it; reload to see their decision."
    assert CriterionDecision.objects.filter(criterion=criterion).count() == 1
    state = CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion)
    assert (state.outcome, state.revision) == (Outcome.MET, 1)


def test_of_two_assessors_starting_together_exactly_one_wins(cast, submit):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code="1.4")
    barrier, results = threading.Barrier(2), {}

    def contender(outcome, feedback):
        def run():
            barrier.wait(5)
            return _decide(enrolment, criterion, outcome, feedback)

        return run

    threads = [
        _in_thread(contender(Outcome.MET, ""), results, "a"),
        _in_thread(contender(Outcome.NOT_YET_MET, "Features are not explained."), results, "b"),
    ]
    for thread in threads:
        thread.join(10)
    outcomes = sorted(getattr(r, "code", None) or type(r).__name__ for r in results.values())
    assert outcomes == ["CriterionDecision", "conflict"]
    assert CriterionDecision.objects.filter(criterion=criterion).count() == 1
    assert CriterionAssessment.objects.get(enrolment=enrolment, criterion=criterion).revision == 1
