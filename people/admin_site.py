"""Who may use the Django admin: superusers, and centre administrators for their own centre."""

from django.contrib import admin
from django.http import HttpRequest

from people.models import Role


def is_centre_admin(user) -> bool:
    return user.is_active and (user.is_superuser or getattr(user, "role", None) == Role.ADMIN)


class CentreAdminSite(admin.AdminSite):
    site_header = "Attest administration"
    site_title = "Attest administration"
    index_title = "Centre administration"

    def has_permission(self, request: HttpRequest) -> bool:
        return is_centre_admin(request.user)


class CentreAdminPermissions:
    """A ModelAdmin mixin giving centre administrators full rights over the model, scoped to their centre."""

    centre_field: str | None = None  # the lookup from this model to its Centre, e.g. "cohort__centre"
    centre_admin_can_delete = True

    def has_module_permission(self, request):
        return is_centre_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_centre_admin(request.user)

    def has_add_permission(self, request, *args):
        return is_centre_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_centre_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return self.centre_admin_can_delete and is_centre_admin(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser or self.centre_field is None:
            return queryset
        return queryset.filter(**{self.centre_field: request.user.centre_id})
