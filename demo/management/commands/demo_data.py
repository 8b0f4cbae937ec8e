"""Create the demo data once; running it again keeps what is there."""

from django.core.management.base import BaseCommand, CommandError

from demo.assessment import create_demo_assessment
from demo.evidence import create_demo_evidence
from demo.people import DEMO_CENTRE, create_demo_people
from people.models import Centre
from units.models import Unit


class Command(BaseCommand):
    help = "Create the demo centre, users (password 'attest'), enrolments and portfolio data, unless already present."

    def handle(self, *args, **options):
        if Centre.objects.filter(name=DEMO_CENTRE).exists():
            self.stdout.write("Demo data already present; keeping it.")
            return
        if not Unit.objects.exists():
            raise CommandError("Load the unit catalogue first: python manage.py loaddata fixtures/units/*.json")
        users = create_demo_people()
        # Evidence first, then the assessment, sampling and verifier access that rest on it.
        create_demo_evidence(users)
        create_demo_assessment(users)
        self.stdout.write(self.style.SUCCESS("Demo data created: users learner, learner2, assessor, iqa, verifier, admin (password 'attest')."))

