"""`migrate` on a database from before the layered apps stops with a message that says to run `make clean`."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from people.checks import database_matches_the_layout


@pytest.mark.django_db
def test_a_database_migrated_by_this_code_passes():
    assert database_matches_the_layout(None, databases=["default"]) == []


@pytest.mark.django_db
def test_a_database_holding_a_migration_this_code_lacks_is_refused_with_how_to_reset_it():
    MigrationRecorder(connection).record_applied("assessment", "0003_audit_unit_sign_off_withdrawn")
    [error] = database_matches_the_layout(None, databases=["default"])
    assert error.id == "people.E001"
    assert "predates Attest's current layout" in error.msg and "assessment.0003_audit_unit_sign_off_withdrawn" in error.msg
    assert "make clean" in error.hint


@pytest.mark.django_db
def test_migrate_itself_stops_with_that_message_instead_of_a_traceback():
    MigrationRecorder(connection).record_applied("portfolios", "0002_from_the_old_layout")
    with pytest.raises(SystemCheckError, match="make clean"):
        call_command("migrate", verbosity=0, skip_checks=False)
