"""The demo assessment data builds on the demo people and shows every stage."""

import pytest

from assessment.models import IqaDecision, UnitSignOff
from assessment.progress import Grade, enrolment_grades
from demo.assessment import create_demo_assessment
from demo.people import create_demo_people
from people.models import Enrolment, VerifierSample
from records.audit import audit_verify

pytestmark = pytest.mark.django_db


def test_the_demo_signs_off_unit_001_puts_003_at_merit_and_grants_the_verifier_a_sample(units):
    users = create_demo_people()
    create_demo_assessment(users)
    enrolments = {e.unit.key: e for e in Enrolment.objects.filter(learner=users["learner"]).select_related("unit")}
    grades = enrolment_grades(enrolments.values())
    assert grades[enrolments["001"].pk] == Grade.ACHIEVED
    assert grades[enrolments["003"].pk] == Grade.MERIT
    sign_off = UnitSignOff.objects.get(enrolment=enrolments["001"])
    assert sign_off.learner_confirmed_at is not None
    assert enrolments["003"].decisions.filter(outcome="not_yet_met").exclude(feedback="").count() == 1
    assert IqaDecision.objects.filter(entry__enrolment=enrolments["001"]).exists()
    assert VerifierSample.objects.active().filter(verifier=users["verifier"], enrolments=enrolments["001"]).exists()
    assert audit_verify().ok


def test_running_the_demo_twice_adds_nothing(units):
    users = create_demo_people()
    create_demo_assessment(users)
    create_demo_assessment(users)
    assert VerifierSample.objects.count() == 1
    assert UnitSignOff.objects.count() == 1
