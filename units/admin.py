from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect

from people.access import may_manage_catalogue
from people.admin_changes import AuditedAdmin
from people.admin_site import may_use_admin
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

UNIT_IN_USE = (
    "Assessment decisions rest on this unit's wording, so it cannot be edited in place: "
    "publish a new version of the unit instead."
)


def units_open_to_edit():
    """Units no criterion decision rests on yet: the only ones changed in place (a decision keeps its wording)."""
    return Unit.objects.exclude(enrolments__decisions__isnull=False)


def _unit_of(obj) -> Unit | None:
    """The unit a catalogue object belongs to (the page's unit, or a range heading's)."""
    return getattr(obj, "unit", obj)


class CataloguePermissions:
    """The catalogue is shared: centre administrators read it; catalogue managers and superusers change it."""

    def has_module_permission(self, request):
        return may_use_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return may_use_admin(request.user)

    def has_add_permission(self, request, obj=None):
        return self._may_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_change(request, obj)

    def _may_change(self, request, obj) -> bool:
        unit = _unit_of(obj)
        return may_manage_catalogue(request.user) and (unit is None or units_open_to_edit().filter(pk=unit.pk).exists())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A new or changed row never joins a unit that decisions rest on (nor its outcomes, criteria or range)."""
        if db_field.related_model is Unit:
            kwargs["queryset"] = units_open_to_edit()
        elif any(field.name == "unit" for field in db_field.related_model._meta.concrete_fields):
            kwargs["queryset"] = db_field.related_model._default_manager.filter(unit__in=units_open_to_edit())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CatalogueAdmin(AuditedAdmin, CataloguePermissions, admin.ModelAdmin):
    """A catalogue page: every change audited; a unit in use is shown read-only and a change to it refused."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and may_manage_catalogue(request.user) and not self._may_change(request, obj):
            if request.method == "POST":
                messages.error(request, UNIT_IN_USE)
                return HttpResponseRedirect(request.get_full_path())
            messages.warning(request, UNIT_IN_USE)
        return super().change_view(request, object_id, form_url, extra_context)


class LearningOutcomeInline(CataloguePermissions, admin.TabularInline):
    model = LearningOutcome
    extra = 0


class CriterionInline(CataloguePermissions, admin.TabularInline):
    model = AssessmentCriterion
    extra = 0
    fields = ["order", "code", "learning_outcome", "band", "text"]


class RangeHeadingInline(CataloguePermissions, admin.StackedInline):
    model = RangeHeading
    extra = 0
    fields = ["order", "kind", "heading", "body", "criterion", "learning_outcome"]
    show_change_link = True


class EvidenceRequirementInline(CataloguePermissions, admin.TabularInline):
    model = EvidenceRequirement
    extra = 0


class GuidanceInline(CataloguePermissions, admin.TabularInline):
    model = AssessmentGuidance
    extra = 0


class NosMappingInline(CataloguePermissions, admin.TabularInline):
    model = NosMapping
    extra = 0


@admin.register(Unit)
class UnitAdmin(CatalogueAdmin):
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


class RangeItemInline(CataloguePermissions, admin.TabularInline):
    model = RangeItem
    extra = 0


@admin.register(RangeHeading)
class RangeHeadingAdmin(CatalogueAdmin):
    list_display = ["heading", "unit", "criterion", "learning_outcome", "kind"]
    list_filter = ["unit", "kind"]
    inlines = [RangeItemInline]
