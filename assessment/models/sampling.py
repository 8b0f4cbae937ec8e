"""IQA sampling: plans per cohort, sampled learner-units, decisions and actions."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SamplingPlan(models.Model):
    cohort = models.OneToOneField("people.Cohort", on_delete=models.PROTECT, related_name="sampling_plan")
    iqa = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sampling_plans")
    created_at = models.DateTimeField(default=timezone.now)


class SampleEntry(models.Model):
    class Stage(models.TextChoices):
        INTERIM = "interim", "Interim"
        SUMMATIVE = "summative", "Summative"

    class Risk(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    plan = models.ForeignKey(SamplingPlan, on_delete=models.PROTECT, related_name="entries")
    enrolment = models.ForeignKey("people.Enrolment", on_delete=models.PROTECT, related_name="sample_entries")
    stage = models.CharField(max_length=10, choices=Stage)
    reason = models.TextField()
    risk = models.CharField(max_length=10, choices=Risk, default=Risk.MEDIUM)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    planned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["planned_at", "pk"]
        verbose_name_plural = "sample entries"
        constraints = [
            models.UniqueConstraint(fields=["plan", "enrolment", "stage"], name="unique_sample_stage_per_enrolment")
        ]


class IqaDecision(models.Model):
    class Outcome(models.TextChoices):
        AGREE = "agree", "Agree"
        DISAGREE = "disagree", "Disagree"

    entry = models.OneToOneField(SampleEntry, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=10, choices=Outcome)
    comments = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    declaration_text = models.TextField(blank=True)


class IqaAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done, awaiting IQA"
        CLOSED = "closed", "Closed"

    decision = models.ForeignKey(IqaDecision, on_delete=models.PROTECT, related_name="actions")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="iqa_actions")
    text = models.TextField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    done_at = models.DateTimeField(null=True, blank=True)
    done_note = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
