"""The assessor's caseload: their learner-units, waiting work oldest first, referrals and IQA actions."""

from datetime import timedelta

import pytest
from django.urls import reverse

from assessment.models import IqaAction, IqaDecision, Outcome, SampleEntry, SamplingPlan
from assessment.progress import Grade

pytestmark = pytest.mark.django_db
URL = reverse("assessment:caseload")


@pytest.mark.parametrize(
    "role, status",
    [
        ("learner", 403), ("other_learner", 403), ("assessor", 200), ("other_assessor", 200),
        ("iqa", 403), ("verifier", 403), ("verifier_without_access", 403), ("admin", 403),
    ],
)
def test_only_assessors_have_a_caseload(cast, client_for, role, status):
    assert client_for(cast[role]).get(URL).status_code == status


def test_an_anonymous_visitor_is_sent_to_log_in(client, cast):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_it_refuses_post(cast, client_for):
    assert client_for(cast["assessor"]).post(URL).status_code == 405


def test_it_lists_only_the_assessors_own_learner_units_with_grade(cast, client_for):
    response = client_for(cast["assessor"]).get(URL)
    rows = response.context["caseload"].rows
    assert len(rows) == 8
    assert {r["grade"] for r in rows} == {Grade.NOT_YET_ACHIEVED}
    assert client_for(cast["other_assessor"]).get(URL).context["caseload"].rows == []


def test_waiting_work_is_oldest_first_with_how_long_it_has_waited(cast, client_for, submit):
    newer = submit(cast["enrolments"][("learner", "001")])
    older = submit(cast["enrolments"][("other_learner", "002")])
    type(older).objects.filter(pk=older.pk).update(submitted_at=newer.submitted_at - timedelta(days=3))
    response = client_for(cast["assessor"]).get(URL)
    assert [s.pk for s in response.context["caseload"].awaiting] == [older.pk, newer.pk]
    assert "3 days" in response.content.decode()


def test_referred_work_shows_until_the_learner_resubmits(cast, client_for, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1"})
    decide(enrolment, "1.1", Outcome.NOT_YET_MET, feedback="Name two more segmentation factors.")
    referred = client_for(cast["assessor"]).get(URL).context["caseload"].referred
    assert [(r["criterion__code"], r["latest_decision__feedback"]) for r in referred] == [("1.1", "Name two more segmentation factors.")]
    submit(enrolment, codes={"1.1"})
    assert client_for(cast["assessor"]).get(URL).context["caseload"].referred == []


def test_open_iqa_actions_appear_on_the_assessors_caseload(cast, client_for):
    enrolment = cast["enrolments"][("learner", "001")]
    plan = SamplingPlan.objects.create(cohort=enrolment.cohort, iqa=cast["iqa"])
    entry = SampleEntry.objects.create(plan=plan, enrolment=enrolment, stage="interim", reason="New assessor", planned_by=cast["iqa"])
    decision = IqaDecision.objects.create(entry=entry, outcome="disagree", decided_by=cast["iqa"])
    IqaAction.objects.create(decision=decision, assessor=cast["assessor"], text="Re-check 1.3 against the range.", due_on="2030-01-31")
    response = client_for(cast["assessor"]).get(URL)
    assert "Re-check 1.3 against the range." in response.content.decode()
    assert "Mark done" in response.content.decode()
