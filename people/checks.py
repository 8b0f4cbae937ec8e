"""A database made before the apps were layered (0.1.0's first layout) cannot be migrated; say so, not crash."""

from django.core.checks import Error, Tags, register
from django.db import connections
from django.db.migrations.loader import MigrationLoader

PROJECT_APPS = ("people", "records", "units", "portfolios", "assessment", "packs")


@register(Tags.database)
def database_matches_the_layout(app_configs, databases=None, **kwargs) -> list[Error]:
    """Runs with `migrate` (and `check --database`): applied migrations must be ones this code has."""
    errors = []
    for alias in databases or ():
        loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
        applied = {key for key in loader.applied_migrations if key[0] in PROJECT_APPS}
        unknown = sorted(applied - set(loader.disk_migrations))
        people_missing = applied and ("people", "0001_initial") not in applied
        if unknown or people_missing:
            name = connections[alias].settings_dict["NAME"]
            errors.append(
                Error(
                    f"The database {name} predates Attest's current layout of apps (people and records at the bottom): "
                    f"it holds migrations this code does not have ({', '.join(f'{a}.{m}' for a, m in unknown) or 'no people app'}).",
                    hint="Run `make clean` to reset the local database and stored evidence, then `make run` again "
                    "(the demo data is recreated). There is no upgrade path from 0.1.0's first layout.",
                    id="people.E001",
                )
            )
    return errors
