"""Where each criterion stands for each learner-unit, and the unit grade that follows: in constant queries.

Status moves not started → in progress (evidence mapped) → submitted → met | not yet met → (resubmitted →
submitted → …), as DOMAIN.md section 4 sets out.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Max

from assessment.models import CriterionAssessment, Outcome, Submission
from people.models import Enrolment
from portfolios.models import Claim
from units.models import AssessmentCriterion, GradeBand, GradingScheme


class CriterionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "Evidence mapped"
    SUBMITTED = "submitted", "Submitted"
    MET = "met", "Met"
    NOT_YET_MET = "not_yet_met", "Not yet met"


class Grade(models.TextChoices):
    NOT_YET_ACHIEVED = "not_yet_achieved", "Not yet achieved"
    ACHIEVED = "achieved", "Achieved"
    PASS = "pass", "Pass"
    MERIT = "merit", "Merit"
    DISTINCTION = "distinction", "Distinction"


def grade_for(*, grading_scheme: str, bands: dict[int, str], met: set[int]) -> Grade:
    """The unit grade, given each criterion's band (criterion id → band) and the ids of those met."""
    by_band: dict[str, set[int]] = defaultdict(set)
    for criterion_id, band in bands.items():
        by_band[band].add(criterion_id)
    if not by_band[GradeBand.PASS] <= met:
        return Grade.NOT_YET_ACHIEVED
    if grading_scheme != GradingScheme.PASS_MERIT_DISTINCTION:
        return Grade.ACHIEVED if set(bands) <= met else Grade.NOT_YET_ACHIEVED
    if not by_band[GradeBand.MERIT] <= met:
        return Grade.PASS
    if not by_band[GradeBand.DISTINCTION] <= met:
        return Grade.MERIT
    return Grade.DISTINCTION


@dataclass
class EnrolmentProgress:
    enrolment_id: int
    statuses: dict[int, CriterionStatus] = field(default_factory=dict)
    grade: Grade = Grade.NOT_YET_ACHIEVED

    def counts(self) -> Counter:
        return Counter(self.statuses.values())

    @property
    def total(self) -> int:
        return len(self.statuses)

    @property
    def met(self) -> int:
        return self.counts()[CriterionStatus.MET]

    def all_pass_criteria_met(self, bands: dict[int, str]) -> bool:
        return all(self.statuses.get(cid) == CriterionStatus.MET for cid, band in bands.items() if band == GradeBand.PASS)


def unit_criterion_bands(unit_ids: Iterable[int]) -> dict[int, dict[int, str]]:
    """unit id → {criterion id: band}, in one query."""
    bands: dict[int, dict[int, str]] = defaultdict(dict)
    for unit_id, criterion_id, band in AssessmentCriterion.objects.filter(unit_id__in=set(unit_ids)).values_list(
        "unit_id", "id", "band"
    ):
        bands[unit_id][criterion_id] = band
    return bands


def enrolment_progress(enrolments: Iterable[Enrolment]) -> dict[int, EnrolmentProgress]:
    """Each enrolment's criterion statuses and grade, in four queries whatever the number of enrolments."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    enrolment_ids = [e.pk for e in enrolments]
    bands = unit_criterion_bands(e.unit_id for e in enrolments)

    decided = {
        (row["enrolment_id"], row["criterion_id"]): (row["outcome"], row["latest_decision__decided_at"])
        for row in CriterionAssessment.objects.filter(enrolment_id__in=enrolment_ids)
        .exclude(outcome="")
        .values("enrolment_id", "criterion_id", "outcome", "latest_decision__decided_at")
    }
    submitted = {
        (row["submissions__enrolment_id"], row["criterion_id"]): row["last_submitted"]
        for row in Claim.objects.filter(
            submissions__enrolment_id__in=enrolment_ids, submissions__status__in=Submission.LIVE_STATUSES
        )
        .values("submissions__enrolment_id", "criterion_id")
        .annotate(last_submitted=Max("submissions__submitted_at"))
    }
    learner_ids = {e.learner_id for e in enrolments}
    mapped = set(
        Claim.objects.filter(version__item__learner_id__in=learner_ids, criterion__unit_id__in=bands.keys())
        .values_list("version__item__learner_id", "criterion_id")
        .distinct()
    )

    progress = {}
    for enrolment in enrolments:
        item = EnrolmentProgress(enrolment.pk)
        for criterion_id in bands[enrolment.unit_id]:
            key = (enrolment.pk, criterion_id)
            item.statuses[criterion_id] = _status(
                decided.get(key), submitted.get(key), (enrolment.learner_id, criterion_id) in mapped
            )
        met = {cid for cid, status in item.statuses.items() if status == CriterionStatus.MET}
        item.grade = grade_for(grading_scheme=enrolment.unit.grading_scheme, bands=bands[enrolment.unit_id], met=met)
        progress[enrolment.pk] = item
    return progress


def _status(decision, last_submitted, is_mapped: bool) -> CriterionStatus:
    if decision is not None:
        outcome, decided_at = decision
        resubmitted = last_submitted is not None and decided_at is not None and last_submitted > decided_at
        if outcome == Outcome.MET:
            return CriterionStatus.MET
        if outcome == Outcome.NOT_YET_MET and not resubmitted:
            return CriterionStatus.NOT_YET_MET
    if last_submitted is not None:
        return CriterionStatus.SUBMITTED
    return CriterionStatus.IN_PROGRESS if is_mapped else CriterionStatus.NOT_STARTED


def criterion_statuses(enrolments: Iterable[Enrolment]) -> dict[int, dict[int, CriterionStatus]]:
    return {pk: item.statuses for pk, item in enrolment_progress(enrolments).items()}


def enrolment_grades(enrolments: Iterable[Enrolment]) -> dict[int, Grade]:
    return {pk: item.grade for pk, item in enrolment_progress(enrolments).items()}
