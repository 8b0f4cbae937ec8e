"""Demo people and organisation: one centre, one cohort, the standard cast, all enrolled on every unit."""

from django.db import transaction

from people.models import Centre, Cohort, Enrolment, Role, User
from units.models import Unit

DEMO_PASSWORD = "attest"
DEMO_CENTRE = "Northgate College"

DEMO_USERS = [
    ("admin", "Priya Shah", Role.ADMIN, ""),
    ("assessor", "Daniel Okafor", Role.ASSESSOR, ""),
    ("iqa", "Helen Marsh", Role.IQA, ""),
    ("verifier", "Graham Lowe", Role.VERIFIER, "City & Guilds"),
    ("learner", "Amira Hussain", Role.LEARNER, ""),
    ("learner2", "Tom Bradley", Role.LEARNER, ""),
]


@transaction.atomic
def create_demo_people() -> dict[str, User]:
    """Create the demo centre, cohort and users, and enrol both learners on all units."""
    centre = Centre.objects.create(name=DEMO_CENTRE, centre_number="C4217", sampling_percentage=25)
    cohort = Cohort.objects.create(centre=centre, name="Customer Service L3 — 2026/27")
    users = {}
    for username, name, role, organisation in DEMO_USERS:
        user = User(username=username, display_name=name, role=role, organisation=organisation, email=f"{username}@example.org")
        user.first_name, user.last_name = name.split(" ", 1)
        user.centre = None if role == Role.VERIFIER else centre
        user.is_staff = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        users[username] = user
    for learner in (users["learner"], users["learner2"]):
        for unit in Unit.objects.all():
            Enrolment.objects.create(
                learner=learner, unit=unit, cohort=cohort, assessor=users["assessor"], iqa=users["iqa"]
            )
    return users
