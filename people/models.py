"""People and organisation: users with a role, centres, cohorts, enrolments and verifiers' access grants."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    LEARNER = "learner", "Learner"
    ASSESSOR = "assessor", "Assessor"
    IQA = "iqa", "Internal quality assurer"
    VERIFIER = "verifier", "External verifier"
    ADMIN = "admin", "Centre administrator"
    CATALOGUE = "catalogue", "Catalogue manager"


class Centre(models.Model):
    name = models.CharField(max_length=200)
    centre_number = models.CharField(max_length=30, blank=True, help_text="The awarding body's centre number.")
    sampling_percentage = models.PositiveSmallIntegerField(
        default=25, help_text="The share of learner-units the IQA must sample, in per cent."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sampling_percentage__lte=100), name="centre_sampling_percentage_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    display_name = models.CharField(max_length=150, help_text="The name shown on records and signatures.")
    role = models.CharField(max_length=10, choices=Role, default=Role.LEARNER)
    centre = models.ForeignKey(Centre, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    organisation = models.CharField(
        max_length=200, blank=True, help_text="For external verifiers: the awarding body they represent."
    )

    class Meta:
        ordering = ["display_name", "username"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="catalogue") | models.Q(centre__isnull=True),
                name="catalogue_manager_has_no_centre",
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    def clean(self) -> None:
        super().clean()
        if self.role == Role.CATALOGUE and self.centre_id is not None:
            raise ValidationError({"centre": "A catalogue manager serves every centre; leave the centre empty."})
        if self.role == Role.ADMIN and self.centre_id is None:
            raise ValidationError({"centre": "Choose the centre this administrator manages."})
        if self.pk is not None and self.enrolments_in_other_centres().exists():
            raise ValidationError(
                {"centre": "This person is on learner-units of another centre; move or end those learner-units first."}
            )

    def enrolments_in_other_centres(self) -> "models.QuerySet[Enrolment]":
        """Learner-units this person is on, as learner, assessor or IQA, whose cohort is not in their centre."""
        mine = models.Q(learner=self) | models.Q(assessor=self) | models.Q(iqa=self)
        return Enrolment.objects.filter(mine).exclude(cohort__centre_id=self.centre_id)

    def save(self, *args, **kwargs):
        if not self.display_name:
            self.display_name = self.get_full_name() or self.username
        super().save(*args, **kwargs)

    @property
    def is_learner(self) -> bool:
        return self.role == Role.LEARNER

    @property
    def is_assessor(self) -> bool:
        return self.role == Role.ASSESSOR

    @property
    def is_iqa(self) -> bool:
        return self.role == Role.IQA

    @property
    def is_verifier(self) -> bool:
        return self.role == Role.VERIFIER

    @property
    def is_centre_admin(self) -> bool:
        return self.role == Role.ADMIN


class Cohort(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(max_length=200)
    starts_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["centre", "name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="unique_cohort_name_per_centre")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.pk is None:
            return
        others = self.enrolments.exclude(
            learner__centre_id=self.centre_id, assessor__centre_id=self.centre_id, iqa__centre_id=self.centre_id
        )
        if others.exists():
            raise ValidationError({"centre": "This cohort's learner-units belong to another centre; a cohort stays in its centre."})


class Enrolment(models.Model):
    """A learner on a unit: the learner-unit that assessment, sampling and packs are about."""

    learner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="enrolments")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="enrolments")
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrolments")
    assessor = models.ForeignKey(User, on_delete=models.PROTECT, related_name="assessed_enrolments")
    iqa = models.ForeignKey(User, on_delete=models.PROTECT, related_name="quality_assured_enrolments", verbose_name="IQA")
    enrolled_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["learner__display_name", "unit__key"]
        constraints = [models.UniqueConstraint(fields=["learner", "unit"], name="unique_enrolment_per_learner_unit")]

    def __str__(self) -> str:
        return f"{self.learner} — {self.unit.key} {self.unit.title}"

    def clean(self) -> None:
        """The learner, assessor and IQA have the right roles and belong to the cohort's centre."""
        centre = self.cohort.centre if self.cohort_id else None
        errors = {}
        for field, role in (("learner", Role.LEARNER), ("assessor", Role.ASSESSOR), ("iqa", Role.IQA)):
            person = getattr(self, field) if getattr(self, f"{field}_id") else None
            if person is None:
                continue
            if person.role != role:
                errors[field] = f"Choose a user whose role is {role.label.lower()}."
            elif centre is not None and person.centre_id != centre.pk:
                errors[field] = f"Choose someone from {centre}, the cohort's centre: learner-units never cross centres."
        if errors:
            raise ValidationError(errors)


class VerifierSampleQuerySet(models.QuerySet):
    """The one rule for a live grant: not revoked and not yet expired."""

    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class VerifierSample(models.Model):
    """A centre administrator's grant to an external verifier: read-only access to some learner-units until a time."""

    verifier = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verifier_samples")
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="verifier_samples")
    name = models.CharField(max_length=200)
    enrolments = models.ManyToManyField(Enrolment, related_name="verifier_samples")
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
