from django.contrib import admin

from people.admin_site import is_centre_admin
from records.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log is only ever appended to by the app."""

    list_display = ["pk", "at", "actor_label", "action", "summary", "enrolment"]
    list_filter = ["action"]
    search_fields = ["summary", "actor_label", "object_id"]
    list_select_related = ["enrolment__learner", "enrolment__unit"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_module_permission(self, request):
        return is_centre_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_centre_admin(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(enrolment__cohort__centre_id=request.user.centre_id)
