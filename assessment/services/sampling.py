"""IQA sampling: planning a sample, recording a decision on it, and the actions it sets for the assessor."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assessment.models import IqaAction, IqaDecision, SampleEntry, SamplingPlan
from people.access import may_quality_assure
from people.models import Enrolment, User
from records.audit import audit_append
from records.models import AuditAction, Notification
from records.notify import notify

IQA_DECLARATION = "I have sampled this learner-unit and record my decision on the assessor's judgements."


@transaction.atomic
def sample_entry_create(*, actor: User, enrolment: Enrolment, stage: str, reason: str, risk: str) -> SampleEntry:
    """Add a learner-unit to its cohort's sampling plan, creating the plan on first use."""
    if not may_quality_assure(actor, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA can sample it.")
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why you are sampling this learner-unit: the risk it addresses.", code="reason_missing")
    plan, _ = SamplingPlan.objects.get_or_create(cohort=enrolment.cohort, defaults={"iqa": actor})
    if plan.entries.filter(enrolment=enrolment, stage=stage).exists():
        raise ValidationError(f"This learner-unit is already in the plan as {SampleEntry.Stage(stage).label.lower()}.", code="duplicate")
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
        raise ValidationError("A decision is already recorded for this sample.", code="duplicate")
    actions = [(text.strip(), due) for text, due in actions if text.strip()]
    if outcome == IqaDecision.Outcome.DISAGREE and not actions:
        raise ValidationError("When you disagree, set at least one action for the assessor, with a due date.", code="actions_missing")
    if outcome == IqaDecision.Outcome.AGREE and actions:
        raise ValidationError("Actions go with a Disagree decision; choose Disagree or remove the actions.", code="actions_with_agree")
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
        raise ValidationError("This action is not open.", code="wrong_status")
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
        raise ValidationError("Only an action the assessor has marked done can be accepted.", code="wrong_status")
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
