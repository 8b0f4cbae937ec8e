"""Read queries for the catalogue, shaped once per page."""

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from units.models import AssessmentCriterion, LearningOutcome, RangeHeading, Unit


def catalogue_units() -> QuerySet[Unit]:
    return Unit.objects.annotate(
        lo_count=Count("learning_outcomes", distinct=True), criterion_count=Count("criteria", distinct=True)
    )


def unit_with_structure(*, key: str) -> Unit:
    """The unit with LOs → criteria → range, grading criteria, requirements, guidance and NOS, in fixed queries."""
    headings = RangeHeading.objects.prefetch_related("items")
    criteria = AssessmentCriterion.objects.prefetch_related(Prefetch("range_headings", queryset=headings))
    los = LearningOutcome.objects.prefetch_related(
        Prefetch("criteria", queryset=criteria),
        Prefetch("range_headings", queryset=headings.filter(criterion__isnull=True), to_attr="lo_headings"),
    )
    unit = get_object_or_404(
        Unit.objects.prefetch_related(
            Prefetch("learning_outcomes", queryset=los),
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
