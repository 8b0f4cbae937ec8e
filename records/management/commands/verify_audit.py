"""Check the audit log's hash chain."""

from django.core.management.base import BaseCommand

from records.audit import audit_verify


class Command(BaseCommand):
    help = "Verify the audit log's hash chain. Prints OK and the entry count, or the first broken entry; exits 1 if broken."

    def handle(self, *args, **options):
        check = audit_verify()
        if check.ok:
            self.stdout.write(f"OK: {check.count} entries, chain intact.")
            return
        entry = check.first_broken
        self.stderr.write(
            f"BROKEN at entry #{entry.pk} ({entry.at:%Y-%m-%d %H:%M:%S} {entry.action}: {entry.summary}): {check.problem}."
        )
        raise SystemExit(1)
