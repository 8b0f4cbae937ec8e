"""Read queries for the catalogue, shaped once per page."""

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from units.models import AssessmentCriterion, LearningOutcome, RangeHeading, Unit


def catalogue_units() -> QuerySet[Unit]:
    return Unit.objects.annotate(
        lo_count=Count("learning_outcomes", distinct=True), criterion_count=Count("criteria", distinct=True)
    )


def criteria_with_range() -> QuerySet[AssessmentCriterion]:
    """Criteria with their own range headings and each heading's items prefetched."""
    return AssessmentCriterion.objects.prefetch_related(
        Prefetch("range_headings", queryset=RangeHeading.objects.prefetch_related("items"))
    )


def outcomes_with_structure() -> QuerySet[LearningOutcome]:
    """The one shape of a unit's structure: LO → criteria → range headings → items, and each LO's own headings
    (those qualifying the whole outcome) as `lo_headings`; three queries plus one per level, whatever the size."""
    lo_headings = RangeHeading.objects.filter(criterion__isnull=True).prefetch_related("items")
    return LearningOutcome.objects.prefetch_related(
        Prefetch("criteria", queryset=criteria_with_range()),
        Prefetch("range_headings", queryset=lo_headings, to_attr="lo_headings"),
    )


def unit_with_structure(*, key: str) -> Unit:
    """The unit with LOs → criteria → range, grading criteria, requirements, guidance and NOS, in fixed queries."""
    unit = get_object_or_404(
        Unit.objects.prefetch_related(
            Prefetch("learning_outcomes", queryset=outcomes_with_structure()),
            "evidence_requirements",
            "guidance",
            "nos_mappings",
        ),
        key=key,
    )
    return unit


def criteria_by_band(unit: Unit) -> dict[str, list[AssessmentCriterion]]:
    """Group an already-prefetched unit's criteria by grade band."""
    bands: dict[str, list[AssessmentCriterion]] = {}
    for lo in unit.learning_outcomes.all():
        for criterion in lo.criteria.all():
            bands.setdefault(criterion.band, []).append(criterion)
    return bands
