"""Every add, change and delete made through the admin goes to the audit log, with the state before and after."""

from django.db import models, transaction

SECRET_FIELDS = {"password"}  # never copied into the log, not even hashed


def stored_state(obj: models.Model) -> dict:
    """The object's row as the database holds it now, with its many-to-many links, as plain values."""
    stored = type(obj)._base_manager.get(pk=obj.pk)
    state = {field.name: field.value_from_object(stored) for field in obj._meta.concrete_fields if field.name not in SECRET_FIELDS}
    for field in obj._meta.many_to_many:
        state[field.name] = sorted(getattr(stored, field.name).values_list("pk", flat=True))
    return state


class AuditedAdmin:
    """A ModelAdmin mixin: each save and delete, its inline objects included, is recorded in the admin's transaction.

    The state before is read from the database before the save, the state after once everything is saved; the
    admin site (`record_admin_change`) writes the entry, so a change is never saved without its entry.
    """

    def save_model(self, request, obj, form, change):
        form.audit_before = stored_state(obj) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, [], change)  # the form's many-to-many links
        self._record(request, form.instance, form.audit_before, stored_state(form.instance))
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk is not None]
        changed = [
            (f.instance, stored_state(f.instance)) for f in formset.initial_forms if f.has_changed() and f.instance not in deleted
        ]
        for obj in deleted:
            self._record(request, obj, stored_state(obj), None)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            self._record(request, obj, None, stored_state(obj))
        for obj, before in changed:
            self._record(request, obj, before, stored_state(obj))

    def delete_model(self, request, obj):
        self._record(request, obj, stored_state(obj), None)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self._record(request, obj, stored_state(obj), None)
            super().delete_queryset(request, queryset)

    def _record(self, request, obj, before: dict | None, after: dict | None) -> None:
        self.admin_site.record_admin_change(request, obj=obj, before=before, after=after)
