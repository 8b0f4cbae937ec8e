"""IQA sampling pages: home, plan, coverage, one sample, and the assessor's and IQA's actions, against every role."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessment import services
from assessment.models import IqaAction, IqaDecision, SampleEntry

pytestmark = pytest.mark.django_db

#                          iqa-home plan coverage entry done accept
EXPECTED = {
    "learner":                 (403, 403, 403, 403, 404, 404),
    "other_learner":           (403, 403, 403, 403, 404, 404),
    "assessor":                (403, 403, 403, 403, 302, 403),
    "other_assessor":          (403, 403, 403, 403, 404, 404),
    "iqa":                     (200, 200, 200, 200, 403, 302),
    "verifier":                (403, 403, 403, 403, 404, 404),
    "verifier_without_access": (403, 403, 403, 403, 404, 404),
    "admin":                   (403, 403, 200, 200, 404, 404),
}


@pytest.fixture
def disagreed(cast):
    enrolment = cast["enrolments"][("learner", "001")]
    entry = services.sample_entry_create(actor=cast["iqa"], enrolment=enrolment, stage="interim", reason="New assessor", risk="high")
    services.iqa_decision_record(actor=cast["iqa"], entry=entry, outcome="disagree", comments="1.3 is thin.",
                                 actions=[("Re-assess 1.3 against the range.", date(2030, 1, 31))])
    return entry


@pytest.mark.parametrize("role", list(EXPECTED))
def test_the_permission_table(cast, client_for, disagreed, role):
    client, action = client_for(cast[role]), IqaAction.objects.get()
    cohort = disagreed.plan.cohort
    statuses = (
        client.get(reverse("assessment:iqa-home")).status_code,
        client.get(reverse("assessment:sampling-plan", args=[cohort.pk])).status_code,
        client.get(reverse("assessment:sampling-coverage", args=[cohort.pk])).status_code,
        client.get(reverse("assessment:sample-entry", args=[disagreed.pk])).status_code,
        client.post(reverse("assessment:iqa-action-done", args=[action.pk]), {"note": "Done"}).status_code,
        client.post(reverse("assessment:iqa-action-accept", args=[action.pk])).status_code,
    )
    assert statuses == EXPECTED[role]


def test_the_action_buttons_refuse_get(cast, client_for, disagreed):
    action = IqaAction.objects.get()
    assert client_for(cast["assessor"]).get(reverse("assessment:iqa-action-done", args=[action.pk])).status_code == 405


def test_an_action_closes_only_when_the_assessor_marks_it_done_and_the_iqa_accepts(cast, disagreed):
    action = IqaAction.objects.get()
    with pytest.raises(ValidationError, match="marked done"):
        services.iqa_action_accept(actor=cast["iqa"], action=action)
    services.iqa_action_mark_done(actor=cast["assessor"], action=action, note="Re-assessed; feedback given.")
    services.iqa_action_accept(actor=cast["iqa"], action=action)
    assert IqaAction.objects.get().status == IqaAction.Status.CLOSED


def test_disagreeing_needs_an_action_and_nothing_is_written_without_one(cast):
    entry = services.sample_entry_create(actor=cast["iqa"], enrolment=cast["enrolments"][("learner", "002")],
                                         stage="summative", reason="Unit not yet sampled", risk="medium")
    with pytest.raises(ValidationError, match="at least one action"):
        services.iqa_decision_record(actor=cast["iqa"], entry=entry, outcome="disagree", comments="", actions=[])
    assert not IqaDecision.objects.exists()


def test_the_iqa_records_a_sample_through_the_plan_page(cast, client_for):
    enrolment = cast["enrolments"][("other_learner", "003")]
    response = client_for(cast["iqa"]).post(
        reverse("assessment:sampling-plan", args=[enrolment.cohort_id]),
        {"enrolment": enrolment.pk, "stage": "interim", "risk": "high", "reason": "Graded unit, new assessor"},
    )
    assert response.status_code == 302
    assert SampleEntry.objects.get().enrolment == enrolment


def test_the_iqa_records_a_decision_with_an_action_through_the_page(cast, client_for):
    entry = services.sample_entry_create(actor=cast["iqa"], enrolment=cast["enrolments"][("learner", "001")],
                                         stage="interim", reason="New assessor", risk="high")
    response = client_for(cast["iqa"]).post(
        reverse("assessment:sample-entry", args=[entry.pk]),
        {"outcome": "disagree", "comments": "Thin.", "action_1": "Re-check 1.3.", "due_1": "2030-02-01"},
    )
    assert response.status_code == 302
    assert IqaAction.objects.get().text == "Re-check 1.3."


def test_a_second_sample_of_the_same_stage_is_refused(cast):
    enrolment = cast["enrolments"][("learner", "001")]
    services.sample_entry_create(actor=cast["iqa"], enrolment=enrolment, stage="interim", reason="A", risk="low")
    with pytest.raises(ValidationError, match="already in the plan"):
        services.sample_entry_create(actor=cast["iqa"], enrolment=enrolment, stage="interim", reason="B", risk="low")
