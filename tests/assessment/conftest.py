"""Helpers for assessment tests: submit evidence through the portfolios services, decide through ours."""

import pytest

from assessment import services
from assessment import services as assessment_services
from assessment.models import CriterionAssessment, Outcome
from units.models import AssessmentCriterion, EvidenceKind


def criteria_of(enrolment, codes=None) -> list[AssessmentCriterion]:
    criteria = AssessmentCriterion.objects.filter(unit_id=enrolment.unit_id).order_by("order")
    return [c for c in criteria if codes is None or c.code in codes]


@pytest.fixture
def submit():
    """Map a report to the given criteria (all by default) and submit it as the learner."""
    from portfolios import services as portfolio_services

    def _submit(enrolment, codes=None, body="My account of the criteria."):
        learner = enrolment.learner
        item = portfolio_services.evidence_create(
            learner=learner, author=learner, kind=EvidenceKind.REPORT, title=f"Report for {enrolment.unit.key}", body=body
        )
        for criterion in criteria_of(enrolment, codes):
            portfolio_services.claim_save(item=item, user=learner, criterion=criterion, location_note=f"Section {criterion.code}")
        return assessment_services.submission_create(enrolment=enrolment, user=learner)

    return _submit


@pytest.fixture
def decide():
    """Decide a criterion as the enrolment's assessor, from its current revision."""

    def _decide(enrolment, code, outcome=Outcome.MET, feedback=""):
        criterion = AssessmentCriterion.objects.get(unit_id=enrolment.unit_id, code=code)
        state = CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).first()
        return services.criterion_decide(
            actor=enrolment.assessor, enrolment=enrolment, criterion=criterion, outcome=outcome,
            feedback=feedback or ("Add more." if outcome != Outcome.MET else ""),
            seen_revision=state.revision if state else 0, declaration_confirmed=outcome == Outcome.MET,
        )

    return _decide


@pytest.fixture
def bulk_cohort(cast):
    """Add n learners on unit 001 with claims, a submission and decisions, straight through the models."""
    from assessment.models import CriterionAssessment, CriterionDecision, Submission
    from people.models import Enrolment, User
    from portfolios.models import Claim, EvidenceItem, EvidenceVersion

    unit = cast["enrolments"][("learner", "001")].unit
    criteria = list(unit.criteria.order_by("order"))
    made = [0]

    def _make(n):
        for _ in range(n):
            made[0] += 1
            learner = User.objects.create(username=f"bulk{made[0]}", display_name=f"Bulk learner {made[0]:02}", role="learner")
            enrolment = Enrolment.objects.create(learner=learner, unit=unit, cohort=cast["enrolments"][("learner", "001")].cohort,
                                                 assessor=cast["assessor"], iqa=cast["iqa"])
            item = EvidenceItem.objects.create(learner=learner, author=learner, kind="report")
            version = EvidenceVersion.objects.create(item=item, number=1, title="Report", created_by=learner)
            claims = Claim.objects.bulk_create([Claim(version=version, criterion=c, created_by=learner) for c in criteria])
            submission = Submission.objects.create(enrolment=enrolment, attempt=1, declaration_text="Mine.", submitted_by=learner)
            submission.claims.set(claims)
            for criterion in criteria[:3]:
                decision = CriterionDecision.objects.create(enrolment=enrolment, criterion=criterion, submission=submission,
                                                            attempt=1, outcome="met", decided_by=cast["assessor"])
                CriterionAssessment.objects.create(enrolment=enrolment, criterion=criterion, outcome="met", latest_decision=decision)

    return _make
