"""Submitting a learner-unit with a declaration, attempt numbers, and withdrawal until judging starts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessment import services as assessment_services
from assessment.models import CriterionDecision, Submission
from records.models import AuditAction, AuditEntry, Notification


@pytest.fixture
def enrolment(cast):
    return cast["enrolments"][("learner", "001")]


def _submit(client, enrolment, **data):
    return client.post(reverse("learner:submit", args=[enrolment.pk]), data, REMOTE_ADDR="10.1.2.3")


@pytest.mark.parametrize(
    "who, status", [("learner", 200), ("other_learner", 404), ("assessor", 404), ("iqa", 404), ("verifier", 404)]
)
def test_only_the_learner_may_open_the_submission_page(cast, client_for, enrolment, who, status):
    assert client_for(cast[who]).get(reverse("learner:submit", args=[enrolment.pk])).status_code == status


def test_it_refuses_put(cast, client_for, enrolment):
    assert (
        client_for(cast["learner"]).put(reverse("learner:submit", args=[enrolment.pk])).status_code == 405
    )


def test_a_learner_submits_with_the_declaration_and_it_is_recorded(cast, client_for, make_evidence, enrolment):
    make_evidence(map_to=[("001", "1.1"), ("001", "1.2"), ("002", "1.1")])
    response = _submit(client_for(cast["learner"]), enrolment, declaration="on")
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.attempt, submission.status, submission.ip_address) == (1, "submitted", "10.1.2.3")
    assert submission.declaration_text == assessment_services.DECLARATION_TEXT and submission.submitted_by == cast["learner"]
    assert sorted(c.criterion.code for c in submission.claims.all()) == ["1.1", "1.2"]
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {AuditAction.DECLARATION, AuditAction.SUBMISSION}
    assert Notification.objects.get().recipient == cast["assessor"]


def test_submitting_without_the_declaration_is_refused(cast, client_for, make_evidence, enrolment):
    make_evidence(map_to=[("001", "1.1")])
    response = _submit(client_for(cast["learner"]), enrolment)
    assert response.status_code == 400 and b"Tick the declaration" in response.content
    assert not Submission.objects.exists()


def test_submitting_with_nothing_mapped_says_what_to_do(cast, client_for, enrolment):
    response = _submit(client_for(cast["learner"]), enrolment, declaration="on")
    assert b"Map evidence to at least one criterion" in response.content and not Submission.objects.exists()


def test_a_second_submission_waits_for_the_first(cast, make_evidence, enrolment):
    make_evidence(map_to=[("001", "1.1")])
    assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    with pytest.raises(ValidationError, match="already has a submission waiting"):
        assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])


def test_a_withdrawn_submission_does_not_count_as_an_attempt(cast, make_evidence, enrolment):
    make_evidence(map_to=[("001", "1.1")])
    first = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    assessment_services.submission_withdraw(submission=first, user=cast["learner"])
    again = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    assert again.attempt == 1 and AuditEntry.objects.filter(action=AuditAction.WITHDRAWAL).count() == 1


def test_a_resubmission_after_a_decision_is_attempt_two(cast, make_evidence, enrolment):
    make_evidence(map_to=[("001", "1.1")])
    first = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    Submission.objects.filter(pk=first.pk).update(status=Submission.Status.ASSESSED)
    second = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    assert second.attempt == 2 and second.attempt_label() == "Resubmission 1"


def test_withdrawal_is_refused_once_the_assessor_has_started(cast, client_for, make_evidence, enrolment):
    make_evidence(map_to=[("001", "1.1")])
    submission = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    CriterionDecision.objects.create(
        enrolment=enrolment,
        criterion=enrolment.unit.criteria.first(),
        submission=submission,
        attempt=1,
        outcome="feedback",
        decided_by=cast["assessor"],
    )
    response = client_for(cast["learner"]).post(
        reverse("learner:withdraw", args=[submission.pk]), follow=True
    )
    assert b"can no longer be withdrawn" in response.content
    submission.refresh_from_db()
    assert submission.status == "submitted"


@pytest.mark.parametrize("who", ["other_learner", "assessor"])
def test_only_the_learner_may_withdraw(cast, client_for, make_evidence, enrolment, who):
    make_evidence(map_to=[("001", "1.1")])
    submission = assessment_services.submission_create(enrolment=enrolment, user=cast["learner"])
    url = reverse("learner:withdraw", args=[submission.pk])
    assert client_for(cast[who]).post(url).status_code == 404
    assert client_for(cast["learner"]).get(url).status_code == 405
