"""The admin site: scoped to each centre administrator's centre, with every change on the audit log."""

from django.contrib.admin.apps import AdminConfig


class AttestAdminConfig(AdminConfig):
    default_site = "records.admin_site.AuditedAdminSite"
