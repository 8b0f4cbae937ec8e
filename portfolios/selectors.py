"""Read queries for portfolio pages, each shaped once so its query count does not grow with the data."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from portfolios.models import (
    Claim,
    Enrolment,
    EvidenceItem,
    EvidenceVersion,
    RecordConfirmation,
    StoredFile,
    Submission,
    User,
)
from units.models import AssessmentCriterion, EvidenceRequirement, LearningOutcome, RangeHeading, RangeItem

PENDING_STATUSES = [Submission.Status.SUBMITTED, Submission.Status.IN_ASSESSMENT]


def current_versions() -> QuerySet[EvidenceVersion]:
    """Versions that no later version of the same item has replaced."""
    newer = EvidenceVersion.objects.filter(item_id=OuterRef("item_id"), number__gt=OuterRef("number"))
    return EvidenceVersion.objects.exclude(Exists(newer))


def current_claims() -> QuerySet[Claim]:
    newer = EvidenceVersion.objects.filter(item_id=OuterRef("version__item_id"), number__gt=OuterRef("version__number"))
    return Claim.objects.exclude(Exists(newer))


# --- word counts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordCountCheck:
    enrolment_id: int
    version: EvidenceVersion
    requirement: EvidenceRequirement
    words: int
    problem: str | None


def word_count_checks(enrolments: Iterable[Enrolment]) -> dict[int, list[WordCountCheck]]:
    """For each learner-unit, every mapped evidence item of a kind the unit limits, against that limit (4 queries)."""
    enrolments = list(enrolments)
    result: dict[int, list[WordCountCheck]] = {e.pk: [] for e in enrolments}
    requirements: dict[int, list[EvidenceRequirement]] = defaultdict(list)
    for requirement in EvidenceRequirement.objects.filter(unit_id__in={e.unit_id for e in enrolments}).filter(
        Q(min_words__isnull=False) | Q(max_words__isnull=False)
    ):
        requirements[requirement.unit_id].append(requirement)
    if not requirements:
        return result
    kinds = {r.kind for reqs in requirements.values() for r in reqs}
    learner_ids = {e.learner_id for e in enrolments}
    versions = (
        current_versions()
        .filter(
            item__learner_id__in=learner_ids, item__kind__in=kinds, claims__criterion__unit_id__in=requirements.keys()
        )
        .distinct()
        .select_related("item")
        .prefetch_related(Prefetch("files", queryset=StoredFile.objects.only("id", "word_count")))
    )
    mapped_units = defaultdict(set)
    versions = list(versions)
    for version_id, unit_id in Claim.objects.filter(version__in=versions).values_list(
        "version_id", "criterion__unit_id"
    ):
        mapped_units[version_id].add(unit_id)
    by_learner = defaultdict(list)
    for version in versions:
        by_learner[version.item.learner_id].append(version)
    for enrolment in enrolments:
        for requirement in requirements.get(enrolment.unit_id, []):
            for version in by_learner[enrolment.learner_id]:
                if version.item.kind == requirement.kind and enrolment.unit_id in mapped_units[version.pk]:
                    words = version.total_word_count()
                    problem = requirement.check_word_count(words)
                    result[enrolment.pk].append(WordCountCheck(enrolment.pk, version, requirement, words, problem))
    return result


def word_count_problems(enrolments: Iterable[Enrolment]) -> dict[int, list[WordCountCheck]]:
    """Only the checks that fail: under or over a unit's word limits. Shared with the assessor's pages."""
    return {pk: [c for c in checks if c.problem] for pk, checks in word_count_checks(enrolments).items()}


def version_requirements(version: EvidenceVersion) -> list[tuple[EvidenceRequirement, str | None]]:
    """The word limits of units this version is mapped to, each with its problem (or None)."""
    unit_ids = {claim.criterion.unit_id for claim in version.claims.all()}
    words = version.total_word_count()
    return [
        (r, r.check_word_count(words))
        for r in EvidenceRequirement.objects.filter(unit_id__in=unit_ids, kind=version.item.kind).select_related("unit")
    ]


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


def _evidence_with_current(items: QuerySet[EvidenceItem]) -> QuerySet[EvidenceItem]:
    return items.select_related("author").prefetch_related(
        Prefetch(
            "versions",
            queryset=current_versions().prefetch_related("files", "claims__criterion__unit"),
            to_attr="current",
        )
    )


def referred_criteria(enrolment_ids: Iterable[int]):
    """Criteria whose latest decision is not yet met, with the feedback to act on."""
    from assessment.models import CriterionAssessment, Outcome

    return (
        CriterionAssessment.objects.filter(enrolment_id__in=list(enrolment_ids), outcome=Outcome.NOT_YET_MET)
        .select_related("criterion", "latest_decision__decided_by")
        .order_by("enrolment_id", "criterion__order")
    )


def learner_home(*, learner: User, recent: int = 8) -> LearnerHome:
    """Each unit's progress, referrals, waiting submissions and word-count problems, in a fixed number of queries."""
    from assessment.progress import CriterionStatus, enrolment_progress

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
    for submission in Submission.objects.filter(enrolment__in=enrolments, status__in=PENDING_STATUSES):
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
        _evidence_with_current(
            EvidenceItem.objects.filter(learner=learner).exclude(author=learner).exclude(Exists(confirmed))
        )
    )
    recent_items = list(
        _evidence_with_current(EvidenceItem.objects.filter(learner=learner).order_by("-created_at", "-pk"))[:recent]
    )
    return LearnerHome(units=units, records_to_confirm=records, recent_evidence=recent_items)


def evidence_list(*, learner: User) -> list[EvidenceItem]:
    return list(_evidence_with_current(EvidenceItem.objects.filter(learner=learner).order_by("-created_at", "-pk")))


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
    from assessment.progress import CriterionStatus, enrolment_progress

    headings = RangeHeading.objects.prefetch_related("items")
    criteria = AssessmentCriterion.objects.prefetch_related(Prefetch("range_headings", queryset=headings))
    los = list(
        LearningOutcome.objects.filter(unit_id=enrolment.unit_id).prefetch_related(
            Prefetch("criteria", queryset=criteria),
            Prefetch("range_headings", queryset=headings.filter(criterion__isnull=True), to_attr="lo_headings"),
        )
    )
    claims = (
        current_claims()
        .filter(version__item__learner_id=enrolment.learner_id, criterion__unit_id=enrolment.unit_id)
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
        has_pending=any(s.status in PENDING_STATUSES for s in submissions),
        mapped_count=sum(1 for rows in claims_by_criterion.values() if rows),
    )


# --- one evidence item ---------------------------------------------------------------------------


def evidence_detail(*, item: EvidenceItem) -> list[EvidenceVersion]:
    """All versions of an item, newest first, with files, claims, range items and confirmations."""
    return list(
        item.versions.order_by("-number").prefetch_related(
            "files",
            Prefetch(
                "claims", queryset=Claim.objects.select_related("criterion__unit").prefetch_related("range_items")
            ),
            Prefetch("confirmations", queryset=RecordConfirmation.objects.order_by("-at")),
        )
    )


def mappable_criteria(*, learner: User) -> list[tuple[Enrolment, list[AssessmentCriterion]]]:
    """The criteria of the units the learner is enrolled on, grouped by unit, for the mapping form."""
    enrolments = list(Enrolment.objects.filter(learner=learner).select_related("unit"))
    by_unit = defaultdict(list)
    for criterion in AssessmentCriterion.objects.filter(unit__in=[e.unit_id for e in enrolments]).order_by(
        "unit__key", "order"
    ):
        by_unit[criterion.unit_id].append(criterion)
    return [(e, by_unit[e.unit_id]) for e in enrolments]


def learner_word_requirements(*, learner: User) -> list[dict]:
    """Word limits of the learner's units, for the live word count while writing."""
    return [
        {"unit": r.unit.key, "kind": r.kind, "label": r.words_label(), "min": r.min_words, "max": r.max_words}
        for r in EvidenceRequirement.objects.filter(unit__enrolments__learner=learner).select_related("unit")
        if r.min_words or r.max_words
    ]
