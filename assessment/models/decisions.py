"""Assessment decisions on criteria, their sign-off and locks, and unit sign-off."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from assessment.models.submissions import attempt_label


class Outcome(models.TextChoices):
    MET = "met", "Met"
    NOT_YET_MET = "not_yet_met", "Not yet met"
    FEEDBACK = "feedback", "Feedback (no decision yet)"


class CriterionAssessment(models.Model):
    """The current state of one criterion for one learner-unit; `revision` guards against lost updates."""

    enrolment = models.ForeignKey("people.Enrolment", on_delete=models.PROTECT, related_name="criterion_assessments")
    criterion = models.ForeignKey("units.AssessmentCriterion", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=12, choices=Outcome, blank=True)
    latest_decision = models.ForeignKey(
        "assessment.CriterionDecision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)
    locked = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "criterion"], name="unique_assessment_per_enrolment_criterion")
        ]


class CriterionDecision(models.Model):
    """One act of judgement on a criterion, kept for ever: the history of attempts."""

    enrolment = models.ForeignKey("people.Enrolment", on_delete=models.PROTECT, related_name="decisions")
    criterion = models.ForeignKey("units.AssessmentCriterion", on_delete=models.PROTECT, related_name="+")
    submission = models.ForeignKey("assessment.Submission", on_delete=models.PROTECT, related_name="decisions")
    attempt = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=12, choices=Outcome)
    feedback = models.TextField(blank=True)
    evidence_versions = models.ManyToManyField("portfolios.EvidenceVersion", blank=True, related_name="decisions")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    # Sign-off of a "met" decision.
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(null=True, blank=True)
    declaration_text = models.TextField(blank=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="not_yet_met") | ~models.Q(feedback=""),
                name="not_yet_met_needs_feedback",
            ),
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True) | models.Q(outcome="met"),
                name="only_met_decisions_are_signed",
            ),
        ]

    def attempt_label(self) -> str:
        return attempt_label(self.attempt)


class Unlock(models.Model):
    """An IQA or centre administrator reopening a signed decision, with the reason."""

    decision = models.ForeignKey(CriterionDecision, on_delete=models.PROTECT, related_name="unlocks")
    unlocked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    unlocked_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()

    class Meta:
        constraints = [models.CheckConstraint(condition=~models.Q(reason=""), name="unlock_needs_reason")]


class UnitSignOff(models.Model):
    """The assessor's declaration that a learner-unit is complete, then the learner's confirmation."""

    enrolment = models.OneToOneField("people.Enrolment", on_delete=models.PROTECT, related_name="sign_off")
    grade = models.CharField(max_length=20)
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessor_declaration = models.TextField()
    signed_at = models.DateTimeField(default=timezone.now)
    learner_declaration = models.TextField(blank=True)
    learner_confirmed_at = models.DateTimeField(null=True, blank=True)
