"""How well a cohort's IQA sample covers assessors, units, methods, decisions and learners (CAMERA)."""

from collections import defaultdict
from dataclasses import dataclass, field

from assessment.models import CriterionDecision, Outcome, SampleEntry, Submission
from people.access import enrolments_visible_to
from people.models import Cohort, User
from portfolios.models import Claim
from units.models import EvidenceKind

_DECISION_LABELS = {Outcome.MET: "Met", Outcome.NOT_YET_MET: "Not yet met"}


@dataclass
class Dimension:
    name: str
    required: bool
    items: list[tuple[str, bool]] = field(default_factory=list)  # (label, sampled)

    @property
    def gaps(self) -> list[str]:
        return [label for label, sampled in self.items if not sampled]

    @property
    def sampled_count(self) -> int:
        return sum(1 for _, sampled in self.items if sampled)


@dataclass
class Suggestion:
    enrolment: dict
    fills: list[str]


@dataclass
class Coverage:
    cohort: Cohort
    total: int
    sampled: int
    required_percentage: int
    dimensions: list[Dimension]
    suggestions: list[Suggestion]

    @property
    def percentage(self) -> float:
        return round(100 * self.sampled / self.total, 1) if self.total else 0.0

    @property
    def problems(self) -> list[str]:
        problems = []
        if self.percentage < self.required_percentage:
            problems.append(
                f"{self.percentage:g}% of learner-units are sampled; the centre requires at least {self.required_percentage}%."
            )
        for dimension in self.dimensions:
            if dimension.required and dimension.gaps:
                problems.append(f"{dimension.name} not yet sampled: {', '.join(dimension.gaps)}.")
        return problems

    @property
    def complies(self) -> bool:
        return not self.problems


def cohort_coverage(*, viewer: User, cohort: Cohort) -> Coverage:
    """The cohort's sample against its whole population, in five queries, with suggestions that fill gaps."""
    enrolments = list(
        enrolments_visible_to(viewer)
        .filter(cohort=cohort)
        .order_by("learner__display_name", "unit__key")
        .values("id", "learner_id", "learner__display_name", "assessor_id", "assessor__display_name", "unit_id", "unit__key", "unit__title")
    )
    ids = [e["id"] for e in enrolments]
    sampled = set(SampleEntry.objects.filter(plan__cohort=cohort, enrolment_id__in=ids).values_list("enrolment_id", flat=True))
    methods = defaultdict(set)
    for enrolment_id, kind in (
        Claim.objects.filter(submissions__enrolment_id__in=ids, submissions__status__in=Submission.LIVE_STATUSES)
        .values_list("submissions__enrolment_id", "version__item__kind")
        .distinct()
    ):
        methods[enrolment_id].add(kind)
    decisions = defaultdict(set)
    for enrolment_id, outcome in (
        CriterionDecision.objects.filter(enrolment_id__in=ids, outcome__in=list(_DECISION_LABELS))
        .values_list("enrolment_id", "outcome")
        .distinct()
    ):
        decisions[enrolment_id].add(outcome)

    facets = {
        "Assessors": lambda e: {e["assessor__display_name"]},
        "Units": lambda e: {e["unit__key"]},
        "Assessment methods": lambda e: {EvidenceKind(k).label for k in methods[e["id"]]},
        "Decisions": lambda e: {_DECISION_LABELS[o] for o in decisions[e["id"]]},
        "Learners": lambda e: {e["learner__display_name"]},
    }
    dimensions = []
    for name, values_of in facets.items():
        every, covered = set(), set()
        for e in enrolments:
            every |= values_of(e)
            if e["id"] in sampled:
                covered |= values_of(e)
        # Learners are covered by percentage over time, not all at once.
        dimensions.append(Dimension(name, required=name != "Learners", items=[(v, v in covered) for v in sorted(every)]))

    gaps = {d.name: set(d.gaps) for d in dimensions}
    suggestions = []
    for e in enrolments:
        if e["id"] in sampled:
            continue
        fills = [f"{name.lower().rstrip('s')} {value}" for name, values_of in facets.items() for value in sorted(values_of(e) & gaps[name])]
        if fills:
            suggestions.append(Suggestion(e, fills))
    suggestions.sort(key=lambda s: -len(s.fills))
    return Coverage(
        cohort=cohort,
        total=len(enrolments),
        sampled=len(sampled),
        required_percentage=cohort.centre.sampling_percentage,
        dimensions=dimensions,
        suggestions=suggestions[:8],
    )
