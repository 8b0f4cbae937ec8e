"""The admin site used by centre administrators."""

from django.contrib.admin.apps import AdminConfig


class AttestAdminConfig(AdminConfig):
    default_site = "people.admin_site.CentreAdminSite"
