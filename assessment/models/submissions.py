"""Submissions: claims sent for assessment with a declaration of authenticity."""

from django.conf import settings
from django.db import models
from django.utils import timezone


def attempt_label(attempt: int) -> str:
    """How people name attempt 1, 2, 3…: "First submission", "Resubmission 1", …"""
    return "First submission" if attempt == 1 else f"Resubmission {attempt - 1}"


class SubmissionQuerySet(models.QuerySet):
    """The one home of "which submissions count": every page and service asks these two."""

    def live(self):
        """Every submission that was not withdrawn: waiting, being assessed or assessed."""
        return self.filter(status__in=Submission.LIVE_STATUSES)

    def pending(self):
        """Live submissions still waiting for a decision on some criterion they claim."""
        return self.filter(status__in=Submission.PENDING_STATUSES)


class Submission(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Awaiting assessment"
        IN_ASSESSMENT = "in_assessment", "Being assessed"
        ASSESSED = "assessed", "Assessed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # The one definition of each set; lookups across relations (claims → submissions) use these too.
    LIVE_STATUSES = (Status.SUBMITTED, Status.IN_ASSESSMENT, Status.ASSESSED)
    PENDING_STATUSES = (Status.SUBMITTED, Status.IN_ASSESSMENT)

    enrolment = models.ForeignKey("people.Enrolment", on_delete=models.PROTECT, related_name="submissions")
    attempt = models.PositiveSmallIntegerField(help_text="1 for the first submission, 2 for resubmission 1, …")
    status = models.CharField(max_length=15, choices=Status, default=Status.SUBMITTED)
    claims = models.ManyToManyField("portfolios.Claim", related_name="submissions")
    declaration_text = models.TextField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "attempt"],
                condition=~models.Q(status="withdrawn"),
                name="unique_live_submission_attempt_per_enrolment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} — {self.attempt_label()}"

    def is_pending(self) -> bool:
        return self.status in self.PENDING_STATUSES

    def attempt_label(self) -> str:
        return attempt_label(self.attempt)
