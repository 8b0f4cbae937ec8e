"""External verifiers' scoped, expiring access to a sample of learner-units."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class VerifierSampleQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class VerifierSample(models.Model):
    verifier = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verifier_samples")
    centre = models.ForeignKey("portfolios.Centre", on_delete=models.PROTECT, related_name="verifier_samples")
    name = models.CharField(max_length=200)
    enrolments = models.ManyToManyField("portfolios.Enrolment", related_name="verifier_samples")
    expires_at = models.DateTimeField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    expiry_recorded_at = models.DateTimeField(null=True, blank=True)

    objects = VerifierSampleQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return self.name

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
