"""Verification pack jobs: built in the background, downloadable only once complete."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class PackJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        BUILDING = "building", "Building"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pack_jobs")
    enrolment = models.ForeignKey("people.Enrolment", null=True, blank=True, on_delete=models.PROTECT, related_name="pack_jobs")
    sample = models.ForeignKey("people.VerifierSample", null=True, blank=True, on_delete=models.PROTECT, related_name="pack_jobs")
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    step = models.PositiveSmallIntegerField(default=0)
    steps_total = models.PositiveSmallIntegerField(default=0)
    step_label = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    storage_name = models.CharField(max_length=255, blank=True, help_text="Set only once the finished PDF is in place.")
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    integrity_reference = models.CharField(max_length=40, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrolment__isnull=False) | models.Q(sample__isnull=False),
                name="pack_job_has_subject",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(storage_name=""),
                name="ready_pack_has_file",
            ),
        ]
