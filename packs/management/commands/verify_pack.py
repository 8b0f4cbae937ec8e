"""Check a verification pack against its manifest, the stored evidence and the audit log."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from packs.verify import pack_verify


class Command(BaseCommand):
    help = "Verify a pack PDF: attachments, merged evidence pages, content hash, database and audit log. Exits 1 if anything differs."

    def add_arguments(self, parser):
        parser.add_argument("pack", help="The pack PDF to check.")

    def handle(self, *args, pack, **options):
        path = Path(pack)
        if not path.is_file():
            raise CommandError(f"{path} is not a file; give the path of a downloaded pack PDF.")
        manifest, problems = pack_verify(path)
        if problems:
            for problem in problems:
                self.stderr.write(f"DIFFERS — {problem}")
            raise SystemExit(1)
        files = sum(len(e["files"]) for e in manifest["evidence"])
        self.stdout.write(
            f"OK: {manifest['integrity_reference']}, {manifest['pages']} pages, {files} evidence files, "
            "content, attachments and merged pages match the record."
        )
