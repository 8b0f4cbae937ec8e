"""The unit catalogue: units, learning outcomes, criteria, range and guidance."""

from django.db import models


class GradingScheme(models.TextChoices):
    ACHIEVED = "achieved", "Achieved / not yet achieved"
    PASS_MERIT_DISTINCTION = "pmd", "Pass / Merit / Distinction"


class GradeBand(models.TextChoices):
    PASS = "pass", "Pass"
    MERIT = "merit", "Merit"
    DISTINCTION = "distinction", "Distinction"


class EvidenceKind(models.TextChoices):
    REPORT = "report", "Report"
    PROFESSIONAL_DISCUSSION = "professional_discussion", "Professional discussion"
    OBSERVATION = "observation", "Observation"
    WITNESS_TESTIMONY = "witness_testimony", "Witness testimony"
    PRODUCT = "product", "Product"
    QUESTION_AND_ANSWER = "question_and_answer", "Question and answer"
    REFLECTIVE_ACCOUNT = "reflective_account", "Reflective account"
    RECOGNITION_OF_PRIOR_LEARNING = "rpl", "Recognition of prior learning"
    OTHER = "other", "Other"


class UnitManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)

    def get_by_reference(self, reference: str) -> "Unit":
        """Find a unit by its catalogue key, UAN or awarding-body unit number."""
        ref = reference.strip()
        ref = ref[5:].strip() if ref.lower().startswith("unit ") else ref
        return self.get(models.Q(key__iexact=ref) | models.Q(uan__iexact=ref) | models.Q(unit_number__iexact=ref))


class Unit(models.Model):
    key = models.SlugField(max_length=40, unique=True, help_text="Catalogue key, e.g. 001.")
    awarding_body = models.CharField(max_length=100, blank=True)
    unit_number = models.CharField(max_length=30, blank=True, help_text='Awarding-body number, e.g. "306/696".')
    uan = models.CharField("UAN", max_length=30, blank=True, help_text='Unit accreditation number, e.g. "J/506/2910".')
    title = models.CharField(max_length=200)
    title_inferred = models.BooleanField(default=False, help_text="The seed has no title; this one is derived from the aim.")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    credit_value = models.PositiveSmallIntegerField(null=True, blank=True)
    glh = models.PositiveSmallIntegerField("GLH", null=True, blank=True)
    aim = models.TextField(blank=True)
    assessment_method = models.TextField(blank=True)
    assessment_requirements = models.TextField(blank=True)
    additional_information = models.TextField(blank=True)
    grading_scheme = models.CharField(max_length=10, choices=GradingScheme, default=GradingScheme.ACHIEVED)

    objects = UnitManager()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.reference_label()} {self.title}".strip()

    def natural_key(self):
        return (self.key,)

    def reference_label(self) -> str:
        """The references a person would quote, e.g. "Unit 306/696 (J/506/2910)"."""
        parts = []
        if self.unit_number:
            parts.append(f"Unit {self.unit_number}")
        if self.uan:
            parts.append(f"UAN {self.uan}")
        return " · ".join(parts)

    def is_graded(self) -> bool:
        return self.grading_scheme == GradingScheme.PASS_MERIT_DISTINCTION


class LearningOutcomeManager(models.Manager):
    def get_by_natural_key(self, unit_key, number):
        return self.get(unit__key=unit_key, number=number)


class LearningOutcome(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="learning_outcomes")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(help_text='What "the learner will", e.g. "understand customer retention".')

    objects = LearningOutcomeManager()

    class Meta:
        ordering = ["unit", "number"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="unique_lo_number_per_unit")]

    def __str__(self) -> str:
        return f"LO{self.number} {self.text}"

    def natural_key(self):
        return (self.unit.key, self.number)

    natural_key.dependencies = ["units.unit"]


class CriterionManager(models.Manager):
    def get_by_natural_key(self, unit_key, code):
        return self.get(unit__key=unit_key, code=code)


class AssessmentCriterion(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="criteria")
    learning_outcome = models.ForeignKey(LearningOutcome, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(max_length=10, help_text='e.g. "1.1", or "1M1" for a grading criterion.')
    text = models.TextField(help_text='What "the learner can" do.')
    band = models.CharField(max_length=12, choices=GradeBand, default=GradeBand.PASS)
    order = models.PositiveSmallIntegerField()

    objects = CriterionManager()

    class Meta:
        ordering = ["unit", "order"]
        verbose_name_plural = "assessment criteria"
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="unique_criterion_code_per_unit"),
            models.UniqueConstraint(fields=["unit", "order"], name="unique_criterion_order_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    def natural_key(self):
        return (self.unit.key, self.code)

    natural_key.dependencies = ["units.learningoutcome"]


class RangeKind(models.TextChoices):
    RANGE = "range", "Range"
    GUIDANCE = "guidance", "Additional guidance"


class RangeHeadingManager(models.Manager):
    def get_by_natural_key(self, unit_key, order):
        return self.get(unit__key=unit_key, order=order)


class RangeHeading(models.Model):
    """A headed list that qualifies a criterion or a learning outcome."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="range_headings")
    criterion = models.ForeignKey(
        AssessmentCriterion, null=True, blank=True, on_delete=models.CASCADE, related_name="range_headings"
    )
    learning_outcome = models.ForeignKey(
        LearningOutcome, null=True, blank=True, on_delete=models.CASCADE, related_name="range_headings"
    )
    kind = models.CharField(max_length=10, choices=RangeKind, default=RangeKind.RANGE)
    heading = models.TextField()
    body = models.TextField(blank=True, help_text="Prose under the heading, before any items.")
    order = models.PositiveSmallIntegerField()

    objects = RangeHeadingManager()

    class Meta:
        ordering = ["unit", "order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "order"], name="unique_range_heading_order_per_unit"),
            models.CheckConstraint(
                condition=models.Q(criterion__isnull=False) | models.Q(learning_outcome__isnull=False),
                name="range_heading_qualifies_criterion_or_lo",
            ),
        ]

    def __str__(self) -> str:
        return self.heading

    def natural_key(self):
        return (self.unit.key, self.order)

    natural_key.dependencies = ["units.assessmentcriterion"]


class RangeItemManager(models.Manager):
    def get_by_natural_key(self, unit_key, heading_order, order):
        return self.get(heading__unit__key=unit_key, heading__order=heading_order, order=order)


class RangeItem(models.Model):
    heading = models.ForeignKey(RangeHeading, on_delete=models.CASCADE, related_name="items")
    text = models.TextField()
    order = models.PositiveSmallIntegerField()

    objects = RangeItemManager()

    class Meta:
        ordering = ["heading", "order"]
        constraints = [models.UniqueConstraint(fields=["heading", "order"], name="unique_range_item_order")]

    def __str__(self) -> str:
        return self.text

    def natural_key(self):
        return (*self.heading.natural_key(), self.order)

    natural_key.dependencies = ["units.rangeheading"]


class NosMappingManager(models.Manager):
    def get_by_natural_key(self, unit_key, code):
        return self.get(unit__key=unit_key, code=code)


class NosMapping(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="nos_mappings")
    suite = models.CharField(max_length=200, help_text='e.g. "Customer Service (2013) National Occupational Standards".')
    code = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    objects = NosMappingManager()

    class Meta:
        ordering = ["unit", "order"]
        verbose_name = "NOS mapping"
        constraints = [models.UniqueConstraint(fields=["unit", "code"], name="unique_nos_code_per_unit")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def natural_key(self):
        return (self.unit.key, self.code)

    natural_key.dependencies = ["units.unit"]


class GuidanceManager(models.Manager):
    def get_by_natural_key(self, unit_key, order):
        return self.get(unit__key=unit_key, order=order)


class AssessmentGuidance(models.Model):
    """A unit-level line of assessment guidance."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="guidance")
    heading = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    order = models.PositiveSmallIntegerField()

    objects = GuidanceManager()

    class Meta:
        ordering = ["unit", "order"]
        verbose_name_plural = "assessment guidance"
        constraints = [models.UniqueConstraint(fields=["unit", "order"], name="unique_guidance_order_per_unit")]

    def __str__(self) -> str:
        return self.text[:80]

    def natural_key(self):
        return (self.unit.key, self.order)

    natural_key.dependencies = ["units.unit"]


class EvidenceRequirementManager(models.Manager):
    def get_by_natural_key(self, unit_key, kind):
        return self.get(unit__key=unit_key, kind=kind)


class EvidenceRequirement(models.Model):
    """A structured requirement evidence is checked against, e.g. a report of 3,000–5,000 words."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="evidence_requirements")
    kind = models.CharField(max_length=30, choices=EvidenceKind)
    min_words = models.PositiveIntegerField(null=True, blank=True)
    max_words = models.PositiveIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)

    objects = EvidenceRequirementManager()

    class Meta:
        ordering = ["unit", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind"], name="unique_requirement_kind_per_unit"),
            models.CheckConstraint(
                condition=models.Q(min_words__isnull=True)
                | models.Q(max_words__isnull=True)
                | models.Q(min_words__lte=models.F("max_words")),
                name="requirement_min_words_not_above_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.words_label()}"

    def natural_key(self):
        return (self.unit.key, self.kind)

    natural_key.dependencies = ["units.unit"]

    def words_label(self) -> str:
        if self.min_words and self.max_words:
            return f"{self.min_words:,}–{self.max_words:,} words"
        if self.min_words:
            return f"at least {self.min_words:,} words"
        if self.max_words:
            return f"at most {self.max_words:,} words"
        return ""

    def check_word_count(self, words: int | None) -> str | None:
        """Return a problem with this word count, or None when it meets the requirement."""
        if words is None:
            return None
        if self.min_words and words < self.min_words:
            return f"{words:,} words is under the minimum of {self.min_words:,}."
        if self.max_words and words > self.max_words:
            return f"{words:,} words is over the maximum of {self.max_words:,}."
        return None
