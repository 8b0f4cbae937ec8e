"""Writes for assessment and quality assurance: each one transaction, each recorded in the audit log."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone

from assessment.audit import audit_append
from assessment.models import (
    AuditAction,
    CriterionAssessment,
    CriterionDecision,
    IqaAction,
    IqaDecision,
    Notification,
    Outcome,
    SampleEntry,
    SamplingPlan,
    UnitSignOff,
    Unlock,
    VerifierSample,
)
from assessment.notify import notify
from assessment.progress import Grade, enrolment_progress, unit_criterion_bands
from portfolios.access import may_assess, may_quality_assure, may_unlock
from portfolios.models import Enrolment, EvidenceVersion, Role, Submission, User
from units.models import AssessmentCriterion

CRITERION_DECLARATION = (
    "I confirm that the evidence for {code} is valid, authentic, current and sufficient, "
    "that it is the learner's own work, and that criterion {code} is met."
)
UNIT_DECLARATION = (
    "I confirm that {learner} has met the criteria of {unit} at the grade {grade}, "
    "on evidence I have judged valid, authentic, current and sufficient."
)
LEARNER_UNIT_DECLARATION = "I confirm that I have seen my assessor's sign-off of {unit} at the grade {grade}."
IQA_DECLARATION = "I have sampled this learner-unit and record my decision on the assessor's judgements."


class AssessmentError(Exception):
    """A request the rules refuse; the message tells the person what to do instead."""


class DecisionConflict(AssessmentError):
    """Someone else changed the criterion between the form being shown and being sent."""


def _enrolment_url(enrolment: Enrolment) -> str:
    return reverse("assessment:enrolment", args=[enrolment.pk])


def _live_submissions(enrolment: Enrolment) -> QuerySet[Submission]:
    return enrolment.submissions.exclude(status=Submission.Status.WITHDRAWN).order_by("-attempt")


def _submission_refresh_status(submission: Submission) -> None:
    """A submission is assessed once every criterion it claims has a met or not-yet-met decision on it."""
    claimed = set(submission.claims.values_list("criterion_id", flat=True))
    decided = set(
        submission.decisions.filter(outcome__in=[Outcome.MET, Outcome.NOT_YET_MET]).values_list("criterion_id", flat=True)
    )
    status = Submission.Status.ASSESSED if claimed <= decided else Submission.Status.IN_ASSESSMENT
    Submission.objects.filter(pk=submission.pk).exclude(status=Submission.Status.WITHDRAWN).update(status=status)


@transaction.atomic
def criterion_decide(
    *,
    actor: User,
    enrolment: Enrolment,
    criterion: AssessmentCriterion,
    outcome: str,
    feedback: str = "",
    seen_revision: int,
    declaration_confirmed: bool = False,
) -> CriterionDecision:
    """Record Met (signed and locked), Not yet met (with feedback), or feedback alone on one criterion."""
    if not may_assess(actor, enrolment):
        raise PermissionDenied("Only the learner's assessor can decide their criteria.")
    if criterion.unit_id != enrolment.unit_id:
        raise AssessmentError(f"Criterion {criterion.code} is not part of this unit.")
    code, feedback = criterion.code, feedback.strip()
    if outcome not in Outcome.values:
        raise AssessmentError("Choose Met, Not yet met, or Feedback only.")
    if outcome in (Outcome.NOT_YET_MET, Outcome.FEEDBACK) and not feedback:
        raise AssessmentError(f"Write feedback for {code}: say what the learner needs to add or change.")
    if outcome == Outcome.MET and not declaration_confirmed:
        raise AssessmentError(f"Tick the declaration to sign {code} off as met.")

    submission = _live_submissions(enrolment).filter(claims__criterion=criterion).first()
    if submission is None and outcome == Outcome.MET:
        raise AssessmentError(f"No evidence has been submitted for {code}; it can be met once the learner submits some.")
    submission = submission or _live_submissions(enrolment).first()
    if submission is None:
        raise AssessmentError("Nothing has been submitted on this unit yet; give feedback once the learner submits.")

    CriterionAssessment.objects.bulk_create(
        [CriterionAssessment(enrolment=enrolment, criterion=criterion)], ignore_conflicts=True
    )
    before = CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).values(
        "outcome", "revision", "locked"
    )[0]
    decides = outcome != Outcome.FEEDBACK
    changes = {"revision": F("revision") + 1}
    if decides:
        changes |= {"outcome": outcome, "locked": outcome == Outcome.MET}
    # The conditional UPDATE is the lost-update guard: only the first writer from a given revision wins.
    updated = CriterionAssessment.objects.filter(
        enrolment=enrolment, criterion=criterion, revision=seen_revision, locked=False
    ).update(**changes)
    if not updated:
        if CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion, revision=seen_revision).exists():
            raise AssessmentError(f"{code} is signed off and locked; an IQA or centre administrator must unlock it first.")
        raise DecisionConflict(f"Someone else decided {code} while you were looking at it; reload to see their decision.")

    now = timezone.now()
    signed = outcome == Outcome.MET
    decision = CriterionDecision.objects.create(
        enrolment=enrolment,
        criterion=criterion,
        submission=submission,
        attempt=submission.attempt,
        outcome=outcome,
        feedback=feedback,
        decided_by=actor,
        decided_at=now,
        signed_by=actor if signed else None,
        signed_at=now if signed else None,
        declaration_text=CRITERION_DECLARATION.format(code=code) if signed else "",
    )
    versions = EvidenceVersion.objects.filter(claims__criterion=criterion, claims__submissions=submission).distinct()
    decision.evidence_versions.set(versions)
    if signed:
        versions.filter(frozen_at__isnull=True).update(frozen_at=now)
    if decides:
        CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).update(latest_decision=decision)
    _submission_refresh_status(submission)

    label = decision.get_outcome_display() if decides else "Feedback"
    audit_append(
        actor=actor,
        action=AuditAction.SIGN_OFF if signed else AuditAction.DECISION,
        obj=decision,
        summary=f"{code}: {label} ({decision.attempt_label()})",
        enrolment=enrolment,
        before=before,
        after={
            "outcome": outcome,
            "revision": seen_revision + 1,
            "locked": signed,
            "feedback": feedback,
            "evidence_versions": sorted(versions.values_list("pk", flat=True)),
            "declaration": decision.declaration_text,
        },
    )
    kind = Notification.Kind.REFERRAL if outcome == Outcome.NOT_YET_MET else Notification.Kind.DECISION
    notify(
        recipient=enrolment.learner,
        kind=kind,
        message=f"{enrolment.unit.key} {code}: {label}" + (f" — {feedback[:200]}" if feedback else ""),
        url=_enrolment_url(enrolment),
    )
    return decision


@transaction.atomic
def criterion_unlock(*, actor: User, enrolment: Enrolment, criterion: AssessmentCriterion, reason: str) -> Unlock:
    """Reopen a signed-off criterion so the assessor can decide it again; the reason is kept."""
    if not may_unlock(actor, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA or a centre administrator can unlock a decision.")
    reason = reason.strip()
    if not reason:
        raise AssessmentError(f"Give a reason for unlocking {criterion.code}; it is kept in the audit log.")
    state = (
        CriterionAssessment.objects.select_for_update(of=("self",))
        .select_related("latest_decision")
        .filter(enrolment=enrolment, criterion=criterion, locked=True)
        .first()
    )
    if state is None:
        raise AssessmentError(f"{criterion.code} is not locked, so there is nothing to unlock.")
    unlock = Unlock.objects.create(decision=state.latest_decision, unlocked_by=actor, reason=reason)
    CriterionAssessment.objects.filter(pk=state.pk).update(locked=False, revision=F("revision") + 1)
    audit_append(
        actor=actor,
        action=AuditAction.UNLOCK,
        obj=unlock,
        summary=f"{criterion.code} unlocked: {reason}",
        enrolment=enrolment,
        before={"locked": True, "revision": state.revision},
        after={"locked": False, "revision": state.revision + 1, "reason": reason},
    )
    _unit_sign_off_withdraw(actor=actor, enrolment=enrolment, because=f"{criterion.code} was unlocked: {reason}")
    notify(
        recipient=enrolment.assessor,
        kind=Notification.Kind.DECISION,
        message=f"{actor} unlocked {criterion.code} for {enrolment.learner} ({enrolment.unit.key}): {reason[:150]}",
        url=_enrolment_url(enrolment),
    )
    return unlock


def _unit_sign_off_withdraw(*, actor: User, enrolment: Enrolment, because: str) -> None:
    """A unit sign-off rests on every criterion staying signed: reopening one withdraws it, on the record."""
    sign_off = UnitSignOff.objects.filter(enrolment=enrolment).first()
    if sign_off is None:
        return
    before = {
        "grade": sign_off.grade,
        "assessor": sign_off.assessor_id,
        "signed_at": sign_off.signed_at,
        "assessor_declaration": sign_off.assessor_declaration,
        "learner_confirmed_at": sign_off.learner_confirmed_at,
    }
    audit_append(
        actor=actor,
        action=AuditAction.UNIT_SIGN_OFF_WITHDRAWN,
        obj=sign_off,
        summary=f"Unit {enrolment.unit.key} sign-off withdrawn: {because}",
        enrolment=enrolment,
        before=before,
        after=None,
    )
    sign_off.delete()


@transaction.atomic
def unit_sign_off_create(*, actor: User, enrolment: Enrolment, declaration_confirmed: bool) -> UnitSignOff:
    """The assessor signs the unit off at its current grade once every pass criterion is met."""
    if not may_assess(actor, enrolment):
        raise PermissionDenied("Only the learner's assessor can sign the unit off.")
    if not declaration_confirmed:
        raise AssessmentError("Tick the declaration to sign the unit off.")
    if UnitSignOff.objects.filter(enrolment=enrolment).exists():
        raise AssessmentError("This unit is already signed off.")
    progress = enrolment_progress([enrolment])[enrolment.pk]
    if not progress.all_pass_criteria_met(unit_criterion_bands([enrolment.unit_id])[enrolment.unit_id]):
        raise AssessmentError("Every pass criterion must be met before the unit can be signed off.")
    if progress.grade == Grade.NOT_YET_ACHIEVED:
        raise AssessmentError("Every criterion must be met before this ungraded unit can be signed off.")
    grade = Grade(progress.grade)
    sign_off = UnitSignOff.objects.create(
        enrolment=enrolment,
        grade=grade.value,
        assessor=actor,
        assessor_declaration=UNIT_DECLARATION.format(learner=enrolment.learner, unit=enrolment.unit, grade=grade.label),
    )
    audit_append(
        actor=actor,
        action=AuditAction.UNIT_SIGN_OFF,
        obj=sign_off,
        summary=f"Unit {enrolment.unit.key} signed off at {grade.label}",
        enrolment=enrolment,
        after={"grade": grade.value, "declaration": sign_off.assessor_declaration},
    )
    notify(
        recipient=enrolment.learner,
        kind=Notification.Kind.DECISION,
        message=f"Your assessor signed unit {enrolment.unit.key} off at {grade.label}; please confirm it.",
        url=_enrolment_url(enrolment),
    )
    return sign_off


@transaction.atomic
def unit_sign_off_confirm(*, actor: User, enrolment: Enrolment, declaration_confirmed: bool) -> UnitSignOff:
    """The learner confirms the assessor's unit sign-off."""
    if actor.pk != enrolment.learner_id:
        raise PermissionDenied("Only the learner can confirm their unit sign-off.")
    if not declaration_confirmed:
        raise AssessmentError("Tick the declaration to confirm the sign-off.")
    sign_off = UnitSignOff.objects.select_for_update().filter(enrolment=enrolment).first()
    if sign_off is None:
        raise AssessmentError("Your assessor has not signed this unit off yet.")
    if sign_off.learner_confirmed_at:
        raise AssessmentError("You have already confirmed this sign-off.")
    sign_off.learner_declaration = LEARNER_UNIT_DECLARATION.format(
        unit=enrolment.unit, grade=Grade(sign_off.grade).label
    )
    sign_off.learner_confirmed_at = timezone.now()
    sign_off.save(update_fields=["learner_declaration", "learner_confirmed_at"])
    audit_append(
        actor=actor,
        action=AuditAction.UNIT_CONFIRMATION,
        obj=sign_off,
        summary=f"Learner confirmed the sign-off of unit {enrolment.unit.key}",
        enrolment=enrolment,
        after={"declaration": sign_off.learner_declaration},
    )
    return sign_off


@transaction.atomic
def sample_entry_create(*, actor: User, enrolment: Enrolment, stage: str, reason: str, risk: str) -> SampleEntry:
    """Add a learner-unit to its cohort's sampling plan, creating the plan on first use."""
    if not may_quality_assure(actor, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA can sample it.")
    reason = reason.strip()
    if not reason:
        raise AssessmentError("Say why you are sampling this learner-unit: the risk it addresses.")
    plan, _ = SamplingPlan.objects.get_or_create(cohort=enrolment.cohort, defaults={"iqa": actor})
    if plan.entries.filter(enrolment=enrolment, stage=stage).exists():
        raise AssessmentError(f"This learner-unit is already in the plan as {SampleEntry.Stage(stage).label.lower()}.")
    entry = SampleEntry.objects.create(
        plan=plan, enrolment=enrolment, stage=stage, reason=reason, risk=risk, planned_by=actor
    )
    audit_append(
        actor=actor,
        action=AuditAction.IQA_SAMPLE,
        obj=entry,
        summary=f"Sampled ({entry.get_stage_display().lower()}, {entry.get_risk_display().lower()} risk): {reason}",
        enrolment=enrolment,
        after={"stage": stage, "risk": risk, "reason": reason},
    )
    return entry


@transaction.atomic
def iqa_decision_record(
    *, actor: User, entry: SampleEntry, outcome: str, comments: str, actions: list[tuple[str, date]]
) -> IqaDecision:
    """Agree, or disagree with at least one action (text and due date) for the assessor."""
    enrolment = entry.enrolment
    if not may_quality_assure(actor, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA can record a decision on it.")
    if IqaDecision.objects.filter(entry=entry).exists():
        raise AssessmentError("A decision is already recorded for this sample.")
    actions = [(text.strip(), due) for text, due in actions if text.strip()]
    if outcome == IqaDecision.Outcome.DISAGREE and not actions:
        raise AssessmentError("When you disagree, set at least one action for the assessor, with a due date.")
    if outcome == IqaDecision.Outcome.AGREE and actions:
        raise AssessmentError("Actions go with a Disagree decision; choose Disagree or remove the actions.")
    decision = IqaDecision.objects.create(
        entry=entry, outcome=outcome, comments=comments.strip(), decided_by=actor, declaration_text=IQA_DECLARATION
    )
    audit_append(
        actor=actor,
        action=AuditAction.IQA_DECISION,
        obj=decision,
        summary=f"IQA {decision.get_outcome_display().lower()}s with the assessor's decisions",
        enrolment=enrolment,
        after={"outcome": outcome, "comments": decision.comments, "declaration": IQA_DECLARATION},
    )
    for text, due_on in actions:
        action = IqaAction.objects.create(decision=decision, assessor=enrolment.assessor, text=text, due_on=due_on)
        audit_append(
            actor=actor,
            action=AuditAction.IQA_ACTION,
            obj=action,
            summary=f"Action set for {enrolment.assessor}, due {due_on:%d %b %Y}: {text}",
            enrolment=enrolment,
            after={"status": action.status, "text": text, "due_on": due_on},
        )
        notify(
            recipient=enrolment.assessor,
            kind=Notification.Kind.IQA_ACTION,
            message=f"IQA action for {enrolment.learner} ({enrolment.unit.key}), due {due_on:%d %b %Y}: {text[:150]}",
            url=reverse("assessment:caseload"),
        )
    return decision


@transaction.atomic
def iqa_action_mark_done(*, actor: User, action: IqaAction, note: str) -> IqaAction:
    """The assessor says the action is done; it stays open until the IQA accepts."""
    if actor.pk != action.assessor_id:
        raise PermissionDenied("Only the assessor the action is for can mark it done.")
    if action.status != IqaAction.Status.OPEN:
        raise AssessmentError("This action is not open.")
    action.status, action.done_at, action.done_note = IqaAction.Status.DONE, timezone.now(), note.strip()
    action.save(update_fields=["status", "done_at", "done_note"])
    enrolment = action.decision.entry.enrolment
    audit_append(
        actor=actor,
        action=AuditAction.IQA_ACTION,
        obj=action,
        summary=f"Assessor marked an IQA action done: {action.text[:100]}",
        enrolment=enrolment,
        before={"status": IqaAction.Status.OPEN},
        after={"status": action.status, "note": action.done_note},
    )
    notify(
        recipient=action.decision.decided_by,
        kind=Notification.Kind.IQA_ACTION,
        message=f"{actor} marked an action done for {enrolment.learner} ({enrolment.unit.key}); please review it.",
        url=reverse("assessment:sample-entry", args=[action.decision.entry_id]),
    )
    return action


@transaction.atomic
def iqa_action_accept(*, actor: User, action: IqaAction) -> IqaAction:
    """The IQA accepts a done action, which closes it."""
    enrolment = action.decision.entry.enrolment
    if not may_quality_assure(actor, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA can accept an action.")
    if action.status != IqaAction.Status.DONE:
        raise AssessmentError("Only an action the assessor has marked done can be accepted.")
    action.status, action.closed_at = IqaAction.Status.CLOSED, timezone.now()
    action.save(update_fields=["status", "closed_at"])
    audit_append(
        actor=actor,
        action=AuditAction.IQA_ACTION,
        obj=action,
        summary=f"IQA accepted and closed an action: {action.text[:100]}",
        enrolment=enrolment,
        before={"status": IqaAction.Status.DONE},
        after={"status": action.status},
    )
    return action


@transaction.atomic
def verifier_sample_grant(
    *, actor: User, verifier: User, name: str, enrolments: list[Enrolment], expires_at: datetime
) -> VerifierSample:
    """A centre administrator grants a verifier read-only access to learner-units until a date."""
    if not (actor.is_active and actor.role == Role.ADMIN and actor.centre_id):
        raise PermissionDenied("Only a centre administrator can grant verifier access.")
    if verifier.role != Role.VERIFIER:
        raise AssessmentError("Choose a user whose role is external verifier.")
    if not enrolments:
        raise AssessmentError("Choose at least one learner-unit for the sample.")
    if any(e.cohort.centre_id != actor.centre_id for e in enrolments):
        raise AssessmentError("Every learner-unit must belong to your centre.")
    if expires_at <= timezone.now():
        raise AssessmentError("Choose an expiry date in the future.")
    sample = VerifierSample.objects.create(
        verifier=verifier, centre_id=actor.centre_id, name=name.strip(), expires_at=expires_at, granted_by=actor
    )
    sample.enrolments.set(enrolments)
    audit_append(
        actor=actor,
        action=AuditAction.ACCESS_GRANT,
        obj=sample,
        summary=f"{verifier} granted access to “{sample.name}” ({len(enrolments)} learner-units) until {expires_at:%d %b %Y}",
        after={"verifier": verifier.pk, "enrolments": sorted(e.pk for e in enrolments), "expires_at": expires_at},
    )
    notify(
        recipient=verifier,
        kind=Notification.Kind.ACCESS_GRANTED,
        message=f"You have access to the sample “{sample.name}” until {expires_at:%d %b %Y}.",
        url=reverse("assessment:verifier-home"),
    )
    return sample


@transaction.atomic
def verifier_sample_revoke(*, actor: User, sample: VerifierSample) -> VerifierSample:
    if not (actor.is_active and actor.role == Role.ADMIN and actor.centre_id == sample.centre_id):
        raise PermissionDenied("Only a centre administrator of this centre can revoke access.")
    if sample.revoked_at:
        raise AssessmentError("This access is already revoked.")
    sample.revoked_by, sample.revoked_at = actor, timezone.now()
    sample.save(update_fields=["revoked_by", "revoked_at"])
    audit_append(
        actor=actor,
        action=AuditAction.ACCESS_REVOKE,
        obj=sample,
        summary=f"Access to “{sample.name}” revoked for {sample.verifier}",
        before={"revoked_at": None},
        after={"revoked_at": sample.revoked_at},
    )
    return sample


def verifier_access_record_expiry(*, verifier: User | None = None, now: datetime | None = None) -> int:
    """Record, once each, the expiry of samples whose date has passed; return how many were recorded."""
    now = now or timezone.now()
    due = VerifierSample.objects.filter(expires_at__lte=now, revoked_at__isnull=True, expiry_recorded_at__isnull=True)
    if verifier is not None:
        due = due.filter(verifier=verifier)
    recorded = 0
    for sample in due.select_related("verifier"):
        with transaction.atomic():
            # The conditional update makes concurrent observers record each expiry exactly once.
            if VerifierSample.objects.filter(pk=sample.pk, expiry_recorded_at__isnull=True).update(expiry_recorded_at=now):
                audit_append(
                    actor=None,
                    action=AuditAction.ACCESS_EXPIRE,
                    obj=sample,
                    summary=f"Access to “{sample.name}” expired for {sample.verifier} on {sample.expires_at:%d %b %Y %H:%M}",
                    after={"expires_at": sample.expires_at, "recorded_at": now},
                )
                recorded += 1
    return recorded


def verifier_view_record(*, actor: User, obj, summary: str, enrolment: Enrolment | None = None) -> None:
    """Record a page a verifier opened."""
    audit_append(actor=actor, action=AuditAction.VERIFIER_VIEW, obj=obj, summary=summary, enrolment=enrolment)


def notifications_mark_read(*, recipient: User, ids: list[int]) -> int:
    return Notification.objects.filter(recipient=recipient, pk__in=ids, read_at__isnull=True).update(
        read_at=timezone.now()
    )
