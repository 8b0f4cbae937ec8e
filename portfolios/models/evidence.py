"""Evidence: items, their frozen-on-submit versions, stored files and claims against criteria."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from units.models import EvidenceKind


class StoredFile(models.Model):
    """One uploaded file, immutable once stored: a server-generated name and its SHA-256."""

    class Category(models.TextChoices):
        DOCUMENT = "document", "Document"
        IMAGE = "image", "Image"
        AUDIO = "audio", "Audio"
        VIDEO = "video", "Video"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stored_files")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    storage_name = models.CharField(max_length=255, unique=True)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    file_type = models.CharField(max_length=10, help_text='The detected type, e.g. "pdf", "docx", "jpeg".')
    mime_type = models.CharField(max_length=100)
    category = models.CharField(max_length=10, choices=Category)
    word_count = models.PositiveIntegerField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    thumbnail_name = models.CharField(max_length=255, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gt=0), name="stored_file_not_empty"),
        ]

    def __str__(self) -> str:
        return self.original_name


class EvidenceItem(models.Model):
    """A piece of evidence owned by one learner; its content lives in numbered versions."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evidence_items")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_evidence")
    kind = models.CharField(max_length=30, choices=EvidenceKind)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Evidence {self.pk}"

    def is_assessor_record(self) -> bool:
        return self.author_id != self.learner_id

    def current_version(self) -> "EvidenceVersion | None":
        """The latest version: the one a learner edits and maps (uses prefetched versions when present)."""
        if "versions" in getattr(self, "_prefetched_objects_cache", {}):
            versions = list(self.versions.all())
            return max(versions, key=lambda v: v.number) if versions else None
        return self.versions.order_by("-number").first()


class EvidenceVersion(models.Model):
    """The content of an evidence item at one point; frozen once submitted, never edited after."""

    class BodyFormat(models.TextChoices):
        PLAIN = "plain", "Plain text"
        MARKDOWN = "markdown", "Markdown"

    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    date = models.DateField(default=timezone.localdate)
    description = models.TextField(blank=True)
    body = models.TextField(blank=True)
    body_format = models.CharField(max_length=10, choices=BodyFormat, default=BodyFormat.PLAIN)
    body_word_count = models.PositiveIntegerField(default=0)
    files = models.ManyToManyField(StoredFile, blank=True, related_name="versions")
    # Records written by the assessor (professional discussion, observation).
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    participants = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    frozen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="unique_version_number_per_item")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    def total_word_count(self) -> int:
        """Words written in the app plus words in uploaded documents (uses prefetched files when present)."""
        return self.body_word_count + sum(f.word_count or 0 for f in self.files.all())


class RecordConfirmation(models.Model):
    """The learner's countersignature of, or dispute with, a record the assessor wrote."""

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        DISPUTED = "disputed", "Disputed"

    version = models.ForeignKey(EvidenceVersion, on_delete=models.PROTECT, related_name="confirmations")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=10, choices=Outcome)
    comment = models.TextField(blank=True)
    declaration_text = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="disputed") | ~models.Q(comment=""),
                name="dispute_needs_comment",
            )
        ]


class Claim(models.Model):
    """A mapping: this evidence version meets this criterion, covering these range items, found here."""

    version = models.ForeignKey(EvidenceVersion, on_delete=models.PROTECT, related_name="claims")
    criterion = models.ForeignKey("units.AssessmentCriterion", on_delete=models.PROTECT, related_name="claims")
    range_items = models.ManyToManyField("units.RangeItem", blank=True, related_name="claims")
    location_note = models.CharField(max_length=300, blank=True, help_text="A page, a section or a timestamp.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["criterion__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "criterion"], name="unique_claim_per_version_criterion")]

    def __str__(self) -> str:
        return f"{self.version} → {self.criterion.code}"
