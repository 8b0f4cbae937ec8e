"""The decision service: Met is signed and locked, Not yet met needs feedback, stale forms conflict."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assessment import services
from assessment.models import CriterionAssessment, CriterionDecision, Outcome, Submission
from records.models import AuditEntry, Notification
from units.models import AssessmentCriterion

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(cast, submit):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment)
    return enrolment


def _criterion(enrolment, code="1.3"):
    return AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code=code)


def _decide(enrolment, **overrides):
    arguments = dict(actor=enrolment.assessor, enrolment=enrolment, criterion=_criterion(enrolment), outcome=Outcome.MET,
                     feedback="", seen_revision=0, declaration_confirmed=True)
    return services.criterion_decide(**(arguments | overrides))


def test_met_is_signed_with_the_declaration_and_locks_the_criterion_and_its_evidence(enrolment):
    decision = _decide(enrolment)
    assert decision.signed_by == enrolment.assessor and decision.signed_at and "1.3 is met" in decision.declaration_text
    state = CriterionAssessment.objects.get(enrolment=enrolment, criterion=decision.criterion)
    assert state.locked and state.revision == 1 and state.latest_decision == decision
    assert decision.evidence_versions.count() == 1 and decision.evidence_versions.get().is_frozen
    assert decision.attempt_label() == "First submission"


def test_not_yet_met_without_feedback_is_refused_and_nothing_is_written(enrolment):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="Write feedback for 1.3"):
        _decide(enrolment, outcome=Outcome.NOT_YET_MET, feedback="  ")
    assert not CriterionDecision.objects.exists()
    assert not CriterionAssessment.objects.filter(revision__gt=0).exists()
    assert AuditEntry.objects.count() == before


def test_met_without_the_declaration_is_refused(enrolment):
    with pytest.raises(ValidationError, match="Tick the declaration"):
        _decide(enrolment, declaration_confirmed=False)
    assert not CriterionDecision.objects.exists()


def test_feedback_alone_leaves_the_criterion_undecided(enrolment):
    _decide(enrolment, outcome=Outcome.FEEDBACK, feedback="Good start; add an example.")
    state = CriterionAssessment.objects.get(enrolment=enrolment, criterion=_criterion(enrolment))
    assert state.outcome == "" and state.latest_decision is None and not state.locked and state.revision == 1


def test_a_form_showing_an_old_revision_gets_the_conflict_message_and_writes_nothing(enrolment):
    _decide(enrolment, outcome=Outcome.NOT_YET_MET, feedback="Add the scope of CRM.")
    with pytest.raises(ValidationError) as conflict:
        _decide(enrolment, seen_revision=0)
    assert conflict.value.code == "conflict"
    assert conflict.value.message == "Someone else decided 1.3 while you were looking at it; reload to see their decision."
    assert CriterionDecision.objects.count() == 1


def test_a_locked_criterion_cannot_be_decided_again(enrolment):
    _decide(enrolment)
    with pytest.raises(ValidationError, match="locked"):
        _decide(enrolment, outcome=Outcome.NOT_YET_MET, feedback="Oops", seen_revision=1)


def test_only_the_enrolments_assessor_may_decide(cast, enrolment):
    with pytest.raises(PermissionDenied):
        _decide(enrolment, actor=cast["other_assessor"])


def test_the_learner_is_notified_of_a_referral_and_the_submission_is_assessed_once_all_are_decided(cast, enrolment, decide):
    decide(enrolment, "1.3", Outcome.NOT_YET_MET, feedback="Explain the scope.")
    assert Notification.objects.filter(recipient=cast["learner"], kind=Notification.Kind.REFERRAL).exists()
    assert enrolment.submissions.get().status == Submission.Status.IN_ASSESSMENT
    for criterion in AssessmentCriterion.objects.filter(unit_id=enrolment.unit_id).exclude(code="1.3"):
        decide(enrolment, criterion.code)
    assert enrolment.submissions.get().status == Submission.Status.ASSESSED


def test_a_resubmission_is_decided_as_resubmission_1(enrolment, submit, decide):
    for criterion in AssessmentCriterion.objects.filter(unit_id=enrolment.unit_id).exclude(code="1.3"):
        decide(enrolment, criterion.code)
    decide(enrolment, "1.3", Outcome.NOT_YET_MET, feedback="Explain the scope.")
    submit(enrolment, codes={"1.3"})
    decision = decide(enrolment, "1.3")
    assert decision.attempt == 2 and decision.attempt_label() == "Resubmission 1"
