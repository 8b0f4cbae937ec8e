"""Fixtures for assessment tests: a cohort large enough for query budgets."""

import pytest


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
