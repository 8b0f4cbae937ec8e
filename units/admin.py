from django.contrib import admin

from people.admin_site import CentreAdminPermissions
from units.models import (
    AssessmentCriterion,
    AssessmentGuidance,
    EvidenceRequirement,
    LearningOutcome,
    NosMapping,
    RangeHeading,
    RangeItem,
    Unit,
)


class LearningOutcomeInline(CentreAdminPermissions, admin.TabularInline):
    model = LearningOutcome
    extra = 0


class CriterionInline(CentreAdminPermissions, admin.TabularInline):
    model = AssessmentCriterion
    extra = 0
    fields = ["order", "code", "learning_outcome", "band", "text"]


class RangeHeadingInline(CentreAdminPermissions, admin.StackedInline):
    model = RangeHeading
    extra = 0
    fields = ["order", "kind", "heading", "body", "criterion", "learning_outcome"]
    show_change_link = True


class EvidenceRequirementInline(CentreAdminPermissions, admin.TabularInline):
    model = EvidenceRequirement
    extra = 0


class GuidanceInline(CentreAdminPermissions, admin.TabularInline):
    model = AssessmentGuidance
    extra = 0


class NosMappingInline(CentreAdminPermissions, admin.TabularInline):
    model = NosMapping
    extra = 0


@admin.register(Unit)
class UnitAdmin(CentreAdminPermissions, admin.ModelAdmin):
    list_display = ["key", "title", "awarding_body", "unit_number", "uan", "grading_scheme"]
    search_fields = ["key", "title", "uan", "unit_number"]
    inlines = [
        LearningOutcomeInline,
        CriterionInline,
        RangeHeadingInline,
        EvidenceRequirementInline,
        GuidanceInline,
        NosMappingInline,
    ]


class RangeItemInline(CentreAdminPermissions, admin.TabularInline):
    model = RangeItem
    extra = 0


@admin.register(RangeHeading)
class RangeHeadingAdmin(CentreAdminPermissions, admin.ModelAdmin):
    list_display = ["heading", "unit", "criterion", "learning_outcome", "kind"]
    list_filter = ["unit", "kind"]
    inlines = [RangeItemInline]
