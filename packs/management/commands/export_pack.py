"""Build a verification pack synchronously, for a learner-unit or a verifier's sample."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from packs.limits import PackBuildError
from packs.services import pack_build
from people.models import Enrolment, User, VerifierSample
from units.models import Unit


class Command(BaseCommand):
    help = "Build a verification pack now: --learner USERNAME --unit REFERENCE, or --sample ID; write it to --output."

    def add_arguments(self, parser):
        parser.add_argument("--learner", help="The learner's username.")
        parser.add_argument("--unit", help="Any unit reference: catalogue key (001), UAN (J/506/2910) or unit number (306/696).")
        parser.add_argument("--sample", type=int, help="A verifier sample's id, instead of --learner and --unit.")
        parser.add_argument("--output", required=True, help="Where to write the PDF, e.g. pack.pdf.")

    def handle(self, *args, learner, unit, sample, output, **options):
        enrolment, verifier_sample = self._subject(learner, unit, sample)
        output = Path(output)
        if not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist; create it or choose another --output.")
        try:
            manifest = pack_build(
                enrolment=enrolment,
                sample=verifier_sample,
                output=output,
                progress=lambda step, label: self.stdout.write(f"  step {step}: {label}"),
            )
        except PackBuildError as error:
            raise CommandError(f"The pack could not be built: {error}")
        self.stdout.write(f"Wrote {output} ({manifest['pages']} pages), integrity reference {manifest['integrity_reference']}.")

    def _subject(self, learner, unit, sample):
        if sample is not None:
            if learner or unit:
                raise CommandError("Give either --sample, or --learner with --unit, not both.")
            try:
                return None, VerifierSample.objects.get(pk=sample)
            except VerifierSample.DoesNotExist:
                raise CommandError(f"No verifier sample has id {sample}; list them in the admin under Verifier samples.")
        if not learner or not unit:
            raise CommandError("Give --learner USERNAME and --unit REFERENCE (or --sample ID).")
        try:
            user = User.objects.get(username=learner)
        except User.DoesNotExist:
            raise CommandError(f"No user is called {learner!r}; check the username (not the display name).")
        try:
            found = Unit.objects.get_by_reference(unit)
        except Unit.DoesNotExist:
            raise CommandError(f"No unit has the reference {unit!r}; use a catalogue key (001), a UAN or a unit number.")
        except Unit.MultipleObjectsReturned:
            raise CommandError(f"More than one unit matches {unit!r}; use the catalogue key instead.")
        try:
            return Enrolment.objects.get(learner=user, unit=found), None
        except Enrolment.DoesNotExist:
            raise CommandError(f"{user.username} is not enrolled on unit {found.key} ({found.title}).")
