from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from portfolios.admin_access import CentreAdminPermissions
from portfolios.models import Centre, Cohort, Enrolment, User


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
