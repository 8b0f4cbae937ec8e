"""Demo assessment: unit 001 signed off and confirmed, unit 003 at Merit with a referral, an IQA sample and a verifier sample."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from assessment import services
from assessment.models import CriterionAssessment, IqaDecision, Outcome, SampleEntry, Submission
from people.models import Enrolment, User
from portfolios import services as portfolio_services
from units.models import AssessmentCriterion, EvidenceKind, GradeBand


def _submitted_criteria(submission: Submission) -> set[int]:
    return set(submission.claims.values_list("criterion_id", flat=True))


def _ensure_submitted(enrolment: Enrolment, criteria: list[AssessmentCriterion]) -> Submission:
    """A live submission claiming every given criterion, creating demo evidence for any criterion without a claim."""
    learner = enrolment.learner
    live = Submission.objects.live().filter(enrolment=enrolment).order_by("-attempt").first()
    claimed = _submitted_criteria(live) if live else set()
    missing = [c for c in criteria if c.pk not in claimed]
    if not missing:
        return live
    item = portfolio_services.evidence_create(
        learner=learner,
        author=learner,
        kind=EvidenceKind.REPORT,
        title=f"Report for unit {enrolment.unit.key}: {enrolment.unit.title}",
        body="\n\n".join(f"{c.code}: {c.text} — my account, with examples from my workplace." for c in missing),
    )
    claims = [
        portfolio_services.claim_save(item=item, user=learner, criterion=c, location_note=f"Section {c.code}") for c in missing
    ]
    if live is None or not live.is_pending():
        return services.submission_create(enrolment=enrolment, user=learner)
    # A submission is already waiting: add the demo claims to it, as the learner would have mapped them before submitting.
    live.claims.add(*claims)
    item.versions.update(frozen_at=live.submitted_at)
    return live


def _decide(enrolment: Enrolment, criterion: AssessmentCriterion, outcome: str, feedback: str = "") -> None:
    state = CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).first()
    if state and state.outcome == outcome:
        return
    services.criterion_decide(
        actor=enrolment.assessor,
        enrolment=enrolment,
        criterion=criterion,
        outcome=outcome,
        feedback=feedback,
        seen_revision=state.revision if state else 0,
        declaration_confirmed=outcome == Outcome.MET,
    )


@transaction.atomic
def create_demo_assessment(users: dict[str, User]) -> None:
    """Run after the portfolios demo evidence; adds to what is there and never repeats a step already done."""
    learner, admin, iqa, verifier = users["learner"], users["admin"], users["iqa"], users["verifier"]
    enrolments = {e.unit.key: e for e in Enrolment.objects.filter(learner=learner).select_related("unit", "assessor", "learner", "cohort")}

    unit_001 = enrolments["001"]
    criteria_001 = list(AssessmentCriterion.objects.filter(unit=unit_001.unit).order_by("order"))
    _ensure_submitted(unit_001, criteria_001)
    for criterion in criteria_001:
        _decide(unit_001, criterion, Outcome.MET)
    if not hasattr(unit_001, "sign_off"):
        services.unit_sign_off_create(actor=unit_001.assessor, enrolment=unit_001, declaration_confirmed=True)
        services.unit_sign_off_confirm(actor=learner, enrolment=unit_001, declaration_confirmed=True)

    unit_003 = enrolments["003"]
    criteria_003 = list(AssessmentCriterion.objects.filter(unit=unit_003.unit).order_by("order"))
    passes_and_merits = [c for c in criteria_003 if c.band in (GradeBand.PASS, GradeBand.MERIT)]
    referred = next(c for c in criteria_003 if c.band == GradeBand.DISTINCTION)
    _ensure_submitted(unit_003, [*passes_and_merits, referred])
    for criterion in passes_and_merits:
        _decide(unit_003, criterion, Outcome.MET)
    _decide(
        unit_003,
        referred,
        Outcome.NOT_YET_MET,
        feedback=f"For {referred.code} you describe the plan but do not evaluate it. Add an evaluation of how well it "
        "would work for the organisation, with evidence, and resubmit.",
    )

    if not SampleEntry.objects.filter(enrolment=unit_001).exists():
        entry = services.sample_entry_create(
            actor=iqa, enrolment=unit_001, stage=SampleEntry.Stage.SUMMATIVE, risk=SampleEntry.Risk.MEDIUM,
            reason="First summative sample of this assessor's decisions on unit 001.",
        )
        services.iqa_decision_record(
            actor=iqa, entry=entry, outcome=IqaDecision.Outcome.AGREE,
            comments="Decisions are well supported by the report; feedback is clear.", actions=[],
        )

    if not verifier.verifier_samples.exists():
        services.verifier_sample_grant(
            actor=admin, verifier=verifier, name="December verification visit",
            enrolments=[unit_001, unit_003], expires_at=timezone.now() + timedelta(days=30),
        )
