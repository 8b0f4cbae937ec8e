"""Read queries for the learner's pages: each unit's progress, referrals and the per-criterion unit page."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from assessment.models import CriterionAssessment, Outcome, Submission
from assessment.progress import CriterionStatus, enrolment_progress
from people.models import Enrolment, User
from portfolios.models import Claim, EvidenceItem, RecordConfirmation
from portfolios.selectors import (
    WordCountCheck,
    current_claims,
    evidence_with_current,
    word_count_checks,
    word_count_problems,
)
from units.models import AssessmentCriterion, LearningOutcome, RangeItem
from units.selectors import outcomes_with_structure

# --- learner home -------------------------------------------------------------------------------


@dataclass
class UnitSummary:
    enrolment: Enrolment
    counts: dict[str, int]
    total: int
    grade_label: str
    referred: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    word_problems: list = field(default_factory=list)


@dataclass
class LearnerHome:
    units: list[UnitSummary]
    records_to_confirm: list[EvidenceItem]
    recent_evidence: list[EvidenceItem]


def referred_criteria(enrolment_ids: Iterable[int]):
    """Criteria whose latest decision is not yet met, with the feedback to act on."""
    return (
        CriterionAssessment.objects.filter(enrolment_id__in=list(enrolment_ids), outcome=Outcome.NOT_YET_MET)
        .select_related("criterion", "latest_decision__decided_by")
        .order_by("enrolment_id", "criterion__order")
    )


def learner_home(*, learner: User, recent: int = 8) -> LearnerHome:
    """Each unit's progress, referrals, waiting submissions and word-count problems, in a fixed number of queries."""
    enrolments = list(Enrolment.objects.filter(learner=learner).select_related("unit", "assessor"))
    progress = enrolment_progress(enrolments)
    problems = word_count_problems(enrolments)
    referred = defaultdict(list)
    for row in referred_criteria(e.pk for e in enrolments):
        # Once resubmitted, the criterion is waiting again rather than referred.
        if (
            progress.get(row.enrolment_id)
            and progress[row.enrolment_id].statuses.get(row.criterion_id) == CriterionStatus.NOT_YET_MET
        ):
            referred[row.enrolment_id].append(row)
    waiting = defaultdict(list)
    for submission in Submission.objects.pending().filter(enrolment__in=enrolments):
        waiting[submission.enrolment_id].append(submission)
    units = []
    for enrolment in enrolments:
        p = progress.get(enrolment.pk)
        counts = {status.value: 0 for status in CriterionStatus}
        for status in p.statuses.values() if p else []:
            counts[status] += 1
        units.append(
            UnitSummary(
                enrolment=enrolment,
                counts=counts,
                total=p.total if p else 0,
                grade_label=p.grade.label if p else "",
                referred=referred[enrolment.pk],
                waiting=waiting[enrolment.pk],
                word_problems=problems[enrolment.pk],
            )
        )
    confirmed = RecordConfirmation.objects.filter(version__item_id=OuterRef("pk"))
    records = list(
        evidence_with_current(
            EvidenceItem.objects.filter(learner=learner).exclude(author=learner).exclude(Exists(confirmed))
        )
    )
    recent_items = list(
        evidence_with_current(EvidenceItem.objects.filter(learner=learner).order_by("-created_at", "-pk"))[:recent]
    )
    return LearnerHome(units=units, records_to_confirm=records, recent_evidence=recent_items)


# --- the learner's unit page ---------------------------------------------------------------------


@dataclass
class CriterionRow:
    criterion: AssessmentCriterion
    status: str
    status_label: str
    claims: list[Claim]
    range_items: list[tuple[RangeItem, bool]]  # (item, covered)
    referred_feedback: str = ""

    @property
    def uncovered(self) -> list[RangeItem]:
        return [item for item, covered in self.range_items if not covered]


@dataclass
class UnitPage:
    enrolment: Enrolment
    learning_outcomes: list[tuple[LearningOutcome, list[CriterionRow]]]
    submissions: list[Submission]
    word_checks: list[WordCountCheck]
    grade_label: str
    has_pending: bool
    mapped_count: int


def unit_page(*, enrolment: Enrolment) -> UnitPage:
    """Per criterion: evidence mapped, range covered and not, status and referral feedback; fixed queries."""
    los = list(outcomes_with_structure().filter(unit_id=enrolment.unit_id))
    claims = (
        current_claims(enrolment=enrolment)
        .select_related("version__item")
        .prefetch_related("range_items")
    )
    claims_by_criterion = defaultdict(list)
    for claim in claims:
        claims_by_criterion[claim.criterion_id].append(claim)
    progress = enrolment_progress([enrolment]).get(enrolment.pk)
    feedback = {
        row.criterion_id: row.latest_decision.feedback
        for row in referred_criteria([enrolment.pk])
        if row.latest_decision
    }
    result = []
    for lo in los:
        rows = []
        for criterion in lo.criteria.all():
            covered = {item.pk for claim in claims_by_criterion[criterion.pk] for item in claim.range_items.all()}
            items = [i for h in list(criterion.range_headings.all()) + list(lo.lo_headings) for i in h.items.all()]
            status = (
                progress.statuses.get(criterion.pk, CriterionStatus.NOT_STARTED)
                if progress
                else CriterionStatus.NOT_STARTED
            )
            rows.append(
                CriterionRow(
                    criterion=criterion,
                    status=status,
                    status_label=CriterionStatus(status).label,
                    claims=claims_by_criterion[criterion.pk],
                    range_items=[(i, i.pk in covered) for i in items],
                    referred_feedback=feedback.get(criterion.pk, ""),
                )
            )
        result.append((lo, rows))
    submissions = list(Submission.objects.filter(enrolment=enrolment).order_by("-submitted_at", "-pk"))
    return UnitPage(
        enrolment=enrolment,
        learning_outcomes=result,
        submissions=submissions,
        word_checks=word_count_checks([enrolment])[enrolment.pk],
        grade_label=progress.grade.label if progress else "",
        has_pending=any(s.is_pending() for s in submissions),
        mapped_count=sum(1 for rows in claims_by_criterion.values() if rows),
    )


