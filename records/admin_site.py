"""The project's admin site: the centre-scoped site of `people`, with every admin change on the audit log."""

from django.db import models
from django.http import HttpRequest

from people.admin_site import CentreAdminSite
from people.models import Enrolment
from records.audit import audit_append
from records.models import AuditAction, AuditEntry

_SHOWN_LENGTH = 60


class AuditedAdminSite(CentreAdminSite):
    def record_admin_change(self, request: HttpRequest, *, obj, before: dict | None, after: dict | None) -> AuditEntry | None:
        """Append who added, changed or deleted what; a change keeps only the fields that changed, before and after."""
        if before is None:
            action = AuditAction.ADMIN_ADD
        elif after is None:
            action = AuditAction.ADMIN_DELETE
        else:
            action = AuditAction.ADMIN_CHANGE
            changed = [name for name in after if before.get(name) != after[name]]
            if not changed:
                return None
            before, after = {name: before.get(name) for name in changed}, {name: after[name] for name in changed}
        # A change to a learner-unit joins its own trail; an added or deleted one is found by its id.
        enrolment = obj if isinstance(obj, Enrolment) and action == AuditAction.ADMIN_CHANGE else None
        return audit_append(
            actor=request.user,
            action=action,
            obj=obj,
            summary=_summary(obj, action, before, after),
            enrolment=enrolment,
            before=before,
            after=after,
        )


def _summary(obj: models.Model, action: AuditAction, before: dict | None, after: dict | None) -> str:
    name = f"{obj._meta.verbose_name} “{obj}”"
    if action == AuditAction.ADMIN_ADD:
        return f"Added {name} in the administration"
    if action == AuditAction.ADMIN_DELETE:
        return f"Deleted {name} in the administration"
    changes = "; ".join(
        f"{obj._meta.get_field(field).verbose_name}: {_shown(obj, field, before[field])} → {_shown(obj, field, after[field])}"
        for field in after
    )
    return f"Changed {name} in the administration: {changes}"


def _shown(obj: models.Model, name: str, value) -> str:
    """A value as a person reads it: a related object's name, a choice's label, a long text cut short."""
    field = obj._meta.get_field(name)
    if value is None or value == "" or value == []:
        return "(empty)"
    if field.many_to_many:
        return ", ".join(str(related) for related in field.related_model._base_manager.filter(pk__in=value))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    text = str(dict(field.flatchoices).get(value, value)) if field.choices else str(value)
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"
