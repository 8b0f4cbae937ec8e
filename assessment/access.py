"""Who may use the assessment and quality-assurance pages; builds on portfolios.access, the one source of visibility."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from assessment.models import IqaAction, SampleEntry, VerifierSample
from portfolios.access import enrolments_visible_to, get_enrolment_for_user, may_assess
from portfolios.models import Cohort, Enrolment, Role, User

__all__ = ["get_enrolment_for_user", "role_required"]


def role_required(*roles: Role) -> Callable:
    """Refuse (403) a signed-in user whose role has no business with the page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role not in roles:
                raise PermissionDenied("This page is not part of your role.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def get_assessable_enrolment_for_user(user: User, pk: int) -> Enrolment:
    """404 for outsiders; 403 for those who may read the learner-unit but not assess it."""
    enrolment = get_enrolment_for_user(user, pk)
    if not may_assess(user, enrolment):
        raise PermissionDenied("Only the learner's assessor can do this.")
    return enrolment


def may_read_audit_trail(user: User, enrolment: Enrolment) -> bool:
    return user.role in (Role.ASSESSOR, Role.IQA, Role.ADMIN) and enrolments_visible_to(user).filter(pk=enrolment.pk).exists()


def get_cohort_for_iqa(user: User, pk: int) -> Cohort:
    """A cohort in which this IQA (or centre administrator) quality-assures at least one learner-unit."""
    cohorts = Cohort.objects.filter(enrolments__in=enrolments_visible_to(user)).select_related("centre").distinct()
    try:
        return cohorts.get(pk=pk)
    except Cohort.DoesNotExist:
        raise Http404("No such cohort.")


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
    if action is None or not (
        action.assessor_id == user.pk or action.decision.entry.enrolment.iqa_id == user.pk
    ):
        raise Http404("No such action.")
    return action


def get_verifier_sample_for_admin(user: User, pk: int) -> VerifierSample:
    if user.role != Role.ADMIN:
        raise Http404("No such sample.")
    try:
        return VerifierSample.objects.select_related("verifier").get(pk=pk, centre_id=user.centre_id)
    except VerifierSample.DoesNotExist:
        raise Http404("No such sample.")
