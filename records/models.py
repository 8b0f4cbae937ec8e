"""The records every app writes: the append-only, hash-chained audit log and in-app notifications."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditAction(models.TextChoices):
    DECLARATION = "declaration", "Declaration"
    SUBMISSION = "submission", "Submission"
    WITHDRAWAL = "withdrawal", "Withdrawal"
    RECORD_CONFIRMATION = "record_confirmation", "Record confirmation"
    DECISION = "decision", "Decision"
    SIGN_OFF = "sign_off", "Criterion sign-off"
    UNLOCK = "unlock", "Unlock"
    UNIT_SIGN_OFF = "unit_sign_off", "Unit sign-off"
    UNIT_CONFIRMATION = "unit_confirmation", "Unit sign-off confirmed"
    UNIT_SIGN_OFF_WITHDRAWN = "unit_sign_off_withdrawn", "Unit sign-off withdrawn"
    IQA_SAMPLE = "iqa_sample", "IQA sample planned"
    IQA_DECISION = "iqa_decision", "IQA decision"
    IQA_ACTION = "iqa_action", "IQA action"
    ACCESS_GRANT = "access_grant", "Verifier access granted"
    ACCESS_REVOKE = "access_revoke", "Verifier access revoked"
    ACCESS_EXPIRE = "access_expire", "Verifier access expired"
    VERIFIER_VIEW = "verifier_view", "Verifier viewed a page"
    PACK_BUILD = "pack_build", "Pack built"
    PACK_DOWNLOAD = "pack_download", "Pack downloaded"
    ADMIN_ADD = "admin_add", "Added in the administration"
    ADMIN_CHANGE = "admin_change", "Changed in the administration"
    ADMIN_DELETE = "admin_delete", "Deleted in the administration"


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries are append-only; they cannot be updated.")

    def delete(self):
        raise PermissionError("Audit entries are append-only; they cannot be deleted.")


class AuditEntry(models.Model):
    """One appended fact; `entry_hash` covers its canonical form and the previous entry's hash."""

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(max_length=200, blank=True, help_text="The actor's name and role when it happened.")
    action = models.CharField(max_length=30, choices=AuditAction)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=50)
    enrolment = models.ForeignKey("people.Enrolment", null=True, blank=True, on_delete=models.PROTECT, related_name="audit_entries")
    summary = models.TextField()
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_action_display()}: {self.summary}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries are append-only; they cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are append-only; they cannot be deleted.")


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
