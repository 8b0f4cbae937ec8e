from django.contrib import admin

from assessment.models import AuditEntry, VerifierSample
from portfolios.admin_access import CentreAdminPermissions, is_centre_admin


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


@admin.register(VerifierSample)
class VerifierSampleAdmin(CentreAdminPermissions, admin.ModelAdmin):
    """Grant and revoke through the app's pages so that each is audited; the admin only reads."""

    centre_field = "centre"
    centre_admin_can_delete = False
    list_display = ["name", "verifier", "expires_at", "granted_by", "revoked_at"]
    list_filter = ["verifier"]
    readonly_fields = ["verifier", "centre", "name", "enrolments", "expires_at", "granted_by", "granted_at", "revoked_by", "revoked_at", "expiry_recorded_at"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False
