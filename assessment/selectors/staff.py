"""Reads for assessment pages, each shaped once into a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, QuerySet
from django.utils import timezone

from assessment.models import (
    CriterionAssessment,
    CriterionDecision,
    IqaAction,
    Outcome,
    SampleEntry,
    Submission,
    UnitSignOff,
)
from assessment.progress import CriterionStatus, Grade, enrolment_progress
from people.access import enrolments_visible_to
from people.models import Enrolment, User
from portfolios.models import Claim
from records.models import AuditEntry
from units.models import AssessmentCriterion, GradeBand, Unit
from units.selectors import criteria_with_range

# Caseload -------------------------------------------------------------------------------------------------------


@dataclass
class Caseload:
    rows: list[dict]
    awaiting: list[Submission]
    referred: list[dict]
    actions: list[IqaAction]


def caseload_for(*, assessor: User) -> Caseload:
    """The assessor's learner-units with progress and grade, work waiting, referrals and IQA actions."""
    enrolments = list(
        enrolments_visible_to(assessor).select_related("learner", "unit", "sign_off").order_by("learner__display_name", "unit__key")
    )
    progress = enrolment_progress(enrolments)
    rows = [
        {
            "enrolment": e,
            "met": progress[e.pk].met,
            "total": progress[e.pk].total,
            "counts": progress[e.pk].counts(),
            "grade": Grade(progress[e.pk].grade),
            "sign_off": getattr(e, "sign_off", None),
        }
        for e in enrolments
    ]
    now = timezone.now()
    awaiting = list(
        Submission.objects.pending().filter(enrolment__in=[e.pk for e in enrolments])
        .select_related("enrolment__learner", "enrolment__unit")
        .order_by("submitted_at", "pk")
    )
    for submission in awaiting:
        submission.waited = now - submission.submitted_at
    referred = [
        row
        for row in CriterionAssessment.objects.filter(enrolment__in=[e.pk for e in enrolments], outcome=Outcome.NOT_YET_MET)
        .values(
            "enrolment_id",
            "criterion_id",
            "criterion__code",
            "enrolment__learner__display_name",
            "enrolment__unit__key",
            "latest_decision__decided_at",
            "latest_decision__feedback",
        )
        .order_by("latest_decision__decided_at")
        if progress[row["enrolment_id"]].statuses.get(row["criterion_id"]) == CriterionStatus.NOT_YET_MET
    ]
    actions = list(
        IqaAction.objects.filter(assessor=assessor, status__in=[IqaAction.Status.OPEN, IqaAction.Status.DONE])
        .select_related("decision__decided_by", "decision__entry__enrolment__learner", "decision__entry__enrolment__unit")
        .order_by("due_on", "pk")
    )
    return Caseload(rows=rows, awaiting=awaiting, referred=referred, actions=actions)


# One learner-unit -----------------------------------------------------------------------------------------------


@dataclass
class CriterionBlock:
    criterion: AssessmentCriterion
    status: CriterionStatus
    state: CriterionAssessment | None
    claims: list[Claim] = field(default_factory=list)
    decisions: list[CriterionDecision] = field(default_factory=list)

    @property
    def revision(self) -> int:
        return self.state.revision if self.state else 0

    @property
    def locked(self) -> bool:
        return bool(self.state and self.state.locked)

    @property
    def signed_decision(self) -> CriterionDecision | None:
        latest = self.state.latest_decision if self.state else None
        return latest if latest and latest.signed_at else None

    def covered_range_item_ids(self) -> set[int]:
        return {item.pk for claim in self.claims for item in claim.range_items.all()}


@dataclass
class EnrolmentAssessment:
    enrolment: Enrolment
    blocks: list[CriterionBlock]
    grade: Grade
    all_pass_met: bool
    sign_off: UnitSignOff | None
    submissions: list[Submission]


def enrolment_assessment(*, enrolment: Enrolment) -> EnrolmentAssessment:
    """Per criterion: its range, the submitted evidence and where to look, the state and every earlier decision."""
    criteria = list(
        criteria_with_range().filter(unit_id=enrolment.unit_id).select_related("learning_outcome").order_by("order")
    )
    states = {
        s.criterion_id: s
        for s in CriterionAssessment.objects.filter(enrolment=enrolment).select_related(
            "latest_decision__signed_by"
        )
    }
    decisions = defaultdict(list)
    for decision in (
        CriterionDecision.objects.filter(enrolment=enrolment)
        .select_related("decided_by", "signed_by")
        .prefetch_related("unlocks__unlocked_by")
        .order_by("decided_at", "pk")
    ):
        decisions[decision.criterion_id].append(decision)
    claims = defaultdict(list)
    for claim in (
        Claim.objects.filter(
            submissions__enrolment=enrolment, submissions__status__in=Submission.LIVE_STATUSES
        )
        .annotate(attempt=Max("submissions__attempt"))
        .select_related("version__item")
        .prefetch_related("range_items", "version__files")
        .order_by("criterion_id", "-attempt", "pk")
    ):
        claims[claim.criterion_id].append(claim)
    progress = enrolment_progress([enrolment])[enrolment.pk]
    blocks = [
        CriterionBlock(c, progress.statuses[c.pk], states.get(c.pk), claims[c.pk], decisions[c.pk]) for c in criteria
    ]
    bands = {c.pk: c.band for c in criteria}
    return EnrolmentAssessment(
        enrolment=enrolment,
        blocks=blocks,
        grade=Grade(progress.grade),
        all_pass_met=progress.all_pass_criteria_met(bands),
        sign_off=UnitSignOff.objects.filter(enrolment=enrolment).select_related("assessor").first(),
        submissions=list(enrolment.submissions.order_by("attempt", "pk")),
    )


# Tracking grid --------------------------------------------------------------------------------------------------


@dataclass
class Grid:
    unit: Unit
    criteria: list[dict]
    rows: list[dict]


def tracking_grid(*, viewer: User, unit: Unit, assessor_id: int | None = None, status: str = "") -> Grid:
    """Cohort × criteria statuses for one unit, from value rows: the same queries for 3 learners or 3,000."""
    enrolments = enrolments_visible_to(viewer).filter(unit=unit).select_related("learner", "assessor", "unit", "cohort")
    if assessor_id:
        enrolments = enrolments.filter(assessor_id=assessor_id)
    enrolments = list(enrolments.order_by("learner__display_name", "pk"))
    criteria = list(AssessmentCriterion.objects.filter(unit=unit).order_by("order").values("id", "code", "band"))
    progress = enrolment_progress(enrolments)
    rows = []
    for e in enrolments:
        item = progress[e.pk]
        cells = [item.statuses[c["id"]] for c in criteria]
        if status and status not in cells:
            continue
        rows.append({"enrolment": e, "cells": cells, "grade": Grade(item.grade), "met": item.met, "total": item.total})
    return Grid(unit=unit, criteria=criteria, rows=rows)


def grid_assessors(*, viewer: User, unit: Unit) -> QuerySet[User]:
    return User.objects.filter(assessed_enrolments__in=enrolments_visible_to(viewer).filter(unit=unit)).distinct()


# Audit trail ----------------------------------------------------------------------------------------------------


def audit_trail(*, enrolment: Enrolment) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(enrolment=enrolment).select_related("actor").order_by("pk")


# IQA ------------------------------------------------------------------------------------------------------------


def iqa_sample_entries(*, iqa: User) -> QuerySet[SampleEntry]:
    return (
        SampleEntry.objects.filter(enrolment__in=enrolments_visible_to(iqa))
        .select_related("enrolment__learner", "enrolment__unit", "enrolment__assessor", "plan__cohort", "decision")
        .order_by("-planned_at", "-pk")
    )


def band_label(band: str) -> str:
    return GradeBand(band).label
