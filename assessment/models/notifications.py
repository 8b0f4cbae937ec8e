"""In-app notifications, mirrored by email."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMISSION = "submission", "Submission"
        DECISION = "decision", "Decision"
        REFERRAL = "referral", "Referral"
        IQA_ACTION = "iqa_action", "IQA action"
        ACCESS_GRANTED = "access_granted", "Access granted"
        PACK_READY = "pack_ready", "Pack ready"
        RECORD = "record", "Record to confirm"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]
