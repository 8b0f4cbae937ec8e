"""Who may use the Django admin, and the mixin that keeps a centre administrator inside their own centre."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest

from people.access import may_administer, may_manage_catalogue
from people.models import Centre, Cohort, Enrolment, User, VerifierSample

# How each centre-owned model reaches its centre: every admin list, choice, filter and save is limited through these.
CENTRE_LOOKUPS = {Centre: "pk", Cohort: "centre", User: "centre", Enrolment: "cohort__centre", VerifierSample: "centre"}


def is_centre_admin(user) -> bool:
    """A superuser, or a centre administrator who has a centre to administer."""
    return user.is_active and (user.is_superuser or may_administer(user, user.centre_id))


def may_use_admin(user) -> bool:
    """Centre administrators (their centre), catalogue managers (the catalogue) and superusers (everything)."""
    return is_centre_admin(user) or (user.is_active and may_manage_catalogue(user))


class CentreAdminSite(admin.AdminSite):
    site_header = "Attest administration"
    site_title = "Attest administration"
    index_title = "Administration"

    def has_permission(self, request: HttpRequest) -> bool:
        return may_use_admin(request.user)

    def record_admin_change(self, request: HttpRequest, *, obj, before: dict | None, after: dict | None):
        """Write one admin change to the audit log; the project's site (records.admin_site) does this."""
        raise ImproperlyConfigured("Use records.admin_site.AuditedAdminSite so that admin changes are audited.")


class CentreScopedAdmin:
    """A ModelAdmin mixin that keeps a centre administrator inside their own centre, by construction.

    Lists, change pages (another centre's object is a 404), the choices of every relation to a centre-owned model,
    list filters and saves are all limited to the administrator's centre, and a `centre` field is fixed to theirs.
    Superusers see every centre.
    """

    centre_field: str | None = None  # the lookup to the Centre when the model is not in CENTRE_LOOKUPS
    centre_admin_can_add = True
    centre_admin_can_delete = True

    def _centre_lookup(self) -> str:
        return self.centre_field or CENTRE_LOOKUPS[self.model]

    def has_module_permission(self, request):
        return is_centre_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_centre_admin(request.user)

    def has_add_permission(self, request, *args):
        return is_centre_admin(request.user) and (self.centre_admin_can_add or request.user.is_superuser)

    def has_change_permission(self, request, obj=None):
        return is_centre_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_centre_admin(request.user) and (self.centre_admin_can_delete or request.user.is_superuser)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        if not is_centre_admin(request.user):
            return queryset.none()
        return queryset.filter(**{self._centre_lookup(): request.user.centre_id})

    def get_object(self, request, object_id, from_field=None):
        """Another centre's object, like a missing one, is a 404: its existence does not leak."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(f"No such {self.model._meta.verbose_name}.")
        return obj

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(db_field, request, **self._within_centre(db_field, request, kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(db_field, request, **self._within_centre(db_field, request, kwargs))

    def _within_centre(self, db_field, request, kwargs: dict) -> dict:
        """Offer only the administrator's centre's objects; a centre field offers theirs alone, already chosen."""
        lookup = CENTRE_LOOKUPS.get(db_field.related_model)
        if lookup is None or request.user.is_superuser:
            return kwargs
        centre_id = request.user.centre_id
        choices = db_field.related_model._default_manager.filter(**{lookup: centre_id})
        if db_field.related_model is User:
            choices = choices.filter(is_superuser=False)
        if db_field.related_model is Centre:
            return {**kwargs, "queryset": choices, "initial": centre_id, "required": True, "empty_label": None}
        return {**kwargs, "queryset": choices}

    def get_list_filter(self, request):
        """Relation filters name only objects linked from rows this administrator may see."""
        filters = []
        for entry in super().get_list_filter(request):
            if entry == "centre" and not request.user.is_superuser:
                continue  # one centre: nothing to filter
            if isinstance(entry, str) and get_fields_from_path(self.model, entry)[-1].is_relation:
                entry = (entry, RelatedOnlyFieldListFilter)
            filters.append(entry)
        return filters

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser and self._centre_lookup() == "centre":
            obj.centre_id = request.user.centre_id
        super().save_model(request, obj, form, change)
