from django.contrib import admin

from people.admin_site import CentreScopedAdmin
from records.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(CentreScopedAdmin, admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log is only ever appended to by the app."""

    centre_field = "enrolment__cohort__centre"
    list_display = ["pk", "at", "actor_label", "action", "summary", "enrolment"]
    list_filter = ["action"]
    search_fields = ["summary", "actor_label", "object_id"]
    list_select_related = ["enrolment__learner", "enrolment__unit"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
