from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from people.admin_site import CentreAdminPermissions
from people.models import Centre, Cohort, Enrolment, User, VerifierSample


@admin.register(Centre)
class CentreAdmin(CentreAdminPermissions, admin.ModelAdmin):
    centre_field = "pk"
    list_display = ["name", "centre_number", "sampling_percentage"]


@admin.register(Cohort)
class CohortAdmin(CentreAdminPermissions, admin.ModelAdmin):
    centre_field = "centre"
    list_display = ["name", "centre", "starts_on"]
    list_filter = ["centre"]


@admin.register(User)
class UserAdmin(CentreAdminPermissions, BaseUserAdmin):
    centre_field = "centre"
    list_display = ["username", "display_name", "role", "centre", "is_active"]
    list_filter = ["role", "centre", "is_active"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Person", {"fields": ("display_name", "first_name", "last_name", "email", "role", "centre", "organisation")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "display_name", "role", "centre", "password1", "password2")}),
    )

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ()
        return ("is_staff", "is_superuser", "groups", "user_permissions", "last_login", "date_joined")


@admin.register(Enrolment)
class EnrolmentAdmin(CentreAdminPermissions, admin.ModelAdmin):
    centre_field = "cohort__centre"
    list_display = ["learner", "unit", "cohort", "assessor", "iqa", "enrolled_on"]
    list_filter = ["unit", "cohort", "assessor", "iqa"]
    search_fields = ["learner__display_name", "learner__username"]
    autocomplete_fields = ["learner", "assessor", "iqa"]
    list_select_related = ["learner", "unit", "cohort", "assessor", "iqa"]


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
