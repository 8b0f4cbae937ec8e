"""Fetch assessment and quality-assurance objects through the access policy in `people.access`."""

from django.http import Http404

from assessment.models import IqaAction, SampleEntry, Submission
from people.access import enrolments_visible_to
from people.models import User


def get_sample_entry_for_user(user: User, pk: int) -> SampleEntry:
    try:
        return (
            SampleEntry.objects.filter(enrolment__in=enrolments_visible_to(user))
            .select_related("enrolment__learner", "enrolment__unit", "enrolment__assessor", "enrolment__cohort", "plan")
            .get(pk=pk)
        )
    except SampleEntry.DoesNotExist:
        raise Http404("No such sample.")


def get_iqa_action_for_user(user: User, pk: int) -> IqaAction:
    """The action's assessor, or the IQA of its learner-unit."""
    actions = IqaAction.objects.select_related("decision__entry__enrolment__unit", "decision__entry__enrolment__learner")
    action = actions.filter(pk=pk).first()
    if action is None or user.pk not in (action.assessor_id, action.decision.entry.enrolment.iqa_id):
        raise Http404("No such action.")
    return action


def get_own_submission_for_learner(user: User, pk: int) -> Submission:
    try:
        return Submission.objects.select_related("enrolment__unit").get(pk=pk, enrolment__learner=user)
    except Submission.DoesNotExist:
        raise Http404("No such submission.")
