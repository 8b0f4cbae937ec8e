from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"
    verbose_name = "People and centres"

    def ready(self) -> None:
        from people import checks  # noqa: F401 — registers the database layout check
