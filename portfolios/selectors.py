"""Read queries for portfolio pages, each shaped once so its query count does not grow with the data."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from people.models import Enrolment, User
from portfolios.models import Claim, EvidenceItem, EvidenceVersion, RecordConfirmation, StoredFile
from units.models import AssessmentCriterion, EvidenceRequirement


def current_versions() -> QuerySet[EvidenceVersion]:
    """Versions that no later version of the same item has replaced."""
    newer = EvidenceVersion.objects.filter(item_id=OuterRef("item_id"), number__gt=OuterRef("number"))
    return EvidenceVersion.objects.exclude(Exists(newer))


def current_claims(*, enrolment: Enrolment | None = None) -> QuerySet[Claim]:
    """Claims of current versions only; with an enrolment, those of its learner on its unit."""
    newer = EvidenceVersion.objects.filter(item_id=OuterRef("version__item_id"), number__gt=OuterRef("version__number"))
    claims = Claim.objects.exclude(Exists(newer))
    if enrolment is not None:
        claims = claims.filter(version__item__learner_id=enrolment.learner_id, criterion__unit_id=enrolment.unit_id)
    return claims


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


# --- the learner's evidence ------------------------------------------------------------------


def evidence_with_current(items: QuerySet[EvidenceItem]) -> QuerySet[EvidenceItem]:
    return items.select_related("author").prefetch_related(
        Prefetch(
            "versions",
            queryset=current_versions().prefetch_related("files", "claims__criterion__unit"),
            to_attr="current",
        )
    )


def evidence_list(*, learner: User) -> list[EvidenceItem]:
    return list(evidence_with_current(EvidenceItem.objects.filter(learner=learner).order_by("-created_at", "-pk")))


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
