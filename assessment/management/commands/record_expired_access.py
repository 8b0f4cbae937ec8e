"""Record in the audit log every verifier sample whose access has expired since it was last checked."""

from django.core.management.base import BaseCommand

from assessment.services import verifier_access_record_expiry


class Command(BaseCommand):
    help = "Append an ACCESS_EXPIRE audit entry for each verifier sample that has expired and is not yet recorded."

    def handle(self, *args, **options):
        recorded = verifier_access_record_expiry()
        self.stdout.write(f"Recorded {recorded} expired verifier access grant{'s' if recorded != 1 else ''}.")
