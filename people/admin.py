from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction

from people.admin_changes import AuditedAdmin
from people.admin_site import CentreScopedAdmin
from people.models import Centre, Cohort, Enrolment, Role, User, VerifierSample

# A centre administrator appoints anyone in their own centre, other administrators included; never a catalogue
# manager, whose reach is every centre (only a superuser appoints one).
CENTRE_ADMIN_ROLES = [(value, label) for value, label in Role.choices if value != Role.CATALOGUE]


@admin.register(Centre)
class CentreAdmin(AuditedAdmin, CentreScopedAdmin, admin.ModelAdmin):
    centre_admin_can_add = False
    centre_admin_can_delete = False
    list_display = ["name", "centre_number", "sampling_percentage"]


@admin.register(Cohort)
class CohortAdmin(AuditedAdmin, CentreScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "centre", "starts_on"]
    list_filter = ["centre"]


@admin.register(User)
class UserAdmin(AuditedAdmin, CentreScopedAdmin, BaseUserAdmin):
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

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ()
        return ("is_staff", "is_superuser", "groups", "user_permissions", "last_login", "date_joined")

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            kwargs["choices"] = CENTRE_ADMIN_ROLES
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def user_change_password(self, request, id, form_url=""):
        """Setting a password is on the record too, without the password or its hash."""
        with transaction.atomic():
            user = self.get_object(request, unquote(id))
            response = super().user_change_password(request, id, form_url)
            if User.objects.filter(pk=user.pk).exclude(password=user.password).exists():
                self.admin_site.record_admin_change(
                    request, obj=user, before={"password": "(not recorded)"}, after={"password": "(changed, not recorded)"}
                )
        return response


@admin.register(Enrolment)
class EnrolmentAdmin(AuditedAdmin, CentreScopedAdmin, admin.ModelAdmin):
    list_display = ["learner", "unit", "cohort", "assessor", "iqa", "enrolled_on"]
    list_filter = ["unit", "cohort", "assessor", "iqa"]
    search_fields = ["learner__display_name", "learner__username"]
    autocomplete_fields = ["learner", "assessor", "iqa"]
    list_select_related = ["learner", "unit", "cohort", "assessor", "iqa"]


@admin.register(VerifierSample)
class VerifierSampleAdmin(CentreScopedAdmin, admin.ModelAdmin):
    """Grant and revoke through the app's pages so that each is audited; the admin only reads."""

    list_display = ["name", "verifier", "expires_at", "granted_by", "revoked_at"]
    list_filter = ["verifier"]
    readonly_fields = ["verifier", "centre", "name", "enrolments", "expires_at", "granted_by", "granted_at", "revoked_by", "revoked_at", "expiry_recorded_at"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
