"""Who may see or change a learner-unit, its evidence, a sample or a pack: the one access policy, for every role.

The rules live here and nowhere else. Each higher app's `access.py` only fetches its own objects through these
rules and turns "no" into a 404 (outsiders: the object's existence does not leak) or a 403 (people who may read
but not change it).
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from people.models import Cohort, Enrolment, Role, User, VerifierSample

STAFF_ROLES = (Role.ASSESSOR, Role.IQA, Role.ADMIN)


def _is_active(user: User) -> bool:
    return user.is_authenticated and user.is_active


def enrolments_visible_to(user: User) -> QuerySet[Enrolment]:
    """The learner-units this user may read: the one place each role's reach is decided."""
    enrolments = Enrolment.objects.all()
    if not _is_active(user):
        return enrolments.none()
    if user.is_superuser:
        return enrolments
    match user.role:
        case Role.LEARNER:
            return enrolments.filter(learner=user)
        case Role.ASSESSOR:
            return enrolments.filter(assessor=user)
        case Role.IQA:
            return enrolments.filter(iqa=user)
        case Role.ADMIN:
            return enrolments.filter(cohort__centre_id=user.centre_id)
        case Role.VERIFIER:
            return enrolments.filter(verifier_samples__in=VerifierSample.objects.active().filter(verifier=user)).distinct()
    return enrolments.none()


def may_read_enrolment(user: User, enrolment: Enrolment) -> bool:
    return enrolments_visible_to(user).filter(pk=enrolment.pk).exists()


def learners_visible_to(user: User) -> QuerySet[User]:
    """Learners with at least one learner-unit this user may read."""
    return User.objects.filter(enrolments__in=enrolments_visible_to(user)).distinct()


def evidence_filter(user: User) -> Q | None:
    """Which evidence items this user may read, as a filter on an evidence item; None when none.

    A learner reads their own; staff read the evidence of learners on learner-units they may read; a verifier
    reads only evidence claimed against a criterion of a unit in their live sample.
    """
    if not _is_active(user):
        return None
    if user.is_superuser:
        return Q()
    if user.role == Role.LEARNER:
        return Q(learner=user)
    enrolments = enrolments_visible_to(user)
    if user.role == Role.VERIFIER:
        pairs = [Q(learner_id=learner, versions__claims__criterion__unit_id=unit) for learner, unit in enrolments.values_list("learner_id", "unit_id")]
        return Q.create(pairs, connector=Q.OR) if pairs else None
    return Q(learner__in=enrolments.values("learner"))


def may_edit_evidence(user: User, author_id: int) -> bool:
    """A learner edits the evidence they wrote; an assessor edits the records they wrote."""
    return user.is_active and author_id == user.pk and user.role in (Role.LEARNER, Role.ASSESSOR)


def may_assess(user: User, enrolment: Enrolment) -> bool:
    """Only the learner-unit's assigned assessor judges and signs off its criteria and writes records for it."""
    return user.is_active and user.role == Role.ASSESSOR and enrolment.assessor_id == user.pk


def may_quality_assure(user: User, enrolment: Enrolment) -> bool:
    """Only the learner-unit's IQA samples it and records decisions on it."""
    return user.is_active and user.role == Role.IQA and enrolment.iqa_id == user.pk


def may_administer(user: User, centre_id: int | None) -> bool:
    """A centre administrator acts for their own centre only."""
    return user.is_active and user.role == Role.ADMIN and user.centre_id is not None and user.centre_id == centre_id


def may_manage_catalogue(user: User) -> bool:
    """The unit catalogue is shared by every centre: only a catalogue manager or a superuser changes it."""
    return user.is_active and (user.is_superuser or user.role == Role.CATALOGUE)


def may_unlock(user: User, enrolment: Enrolment) -> bool:
    """The learner-unit's IQA, or an administrator of its centre, may unlock a signed-off decision."""
    return may_quality_assure(user, enrolment) or may_administer(user, enrolment.cohort.centre_id)


def may_read_audit_trail(user: User, enrolment: Enrolment) -> bool:
    return user.role in STAFF_ROLES and may_read_enrolment(user, enrolment)


def may_use_enrolment_pack(user: User, enrolment: Enrolment) -> bool:
    """Staff who may read the learner-unit, or a verifier whose live sample includes it; never the learner."""
    return user.role in (*STAFF_ROLES, Role.VERIFIER) and may_read_enrolment(user, enrolment)


def may_use_sample(user: User, sample: VerifierSample) -> bool:
    """The sample's verifier until it expires or is revoked, or an administrator of its centre."""
    if not _is_active(user):
        return False
    if user.role == Role.VERIFIER:
        return sample.verifier_id == user.pk and sample.is_active()
    return may_administer(user, sample.centre_id)


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


# --- lookups that turn the rules into 404 and 403 -------------------------------------------------


def get_enrolment_for_user(user: User, pk: int) -> Enrolment:
    try:
        return enrolments_visible_to(user).select_related("learner", "unit", "cohort", "assessor", "iqa").get(pk=pk)
    except Enrolment.DoesNotExist:
        raise Http404("No such learner-unit.")


def get_assessable_enrolment_for_user(user: User, pk: int) -> Enrolment:
    """404 for outsiders; 403 for those who may read the learner-unit but not assess it."""
    enrolment = get_enrolment_for_user(user, pk)
    if not may_assess(user, enrolment):
        raise PermissionDenied("Only the learner's assessor can do this.")
    return enrolment


def get_own_enrolment_for_learner(user: User, pk: int) -> Enrolment:
    """One of the signed-in learner's own learner-units; anyone else gets 404."""
    try:
        return Enrolment.objects.select_related("unit", "assessor", "learner").get(pk=pk, learner=user, learner__is_active=True)
    except Enrolment.DoesNotExist:
        raise Http404("No such learner-unit.")


def get_cohort_for_user(user: User, pk: int) -> Cohort:
    """A cohort in which this user may read at least one learner-unit (an IQA's or an administrator's)."""
    cohorts = Cohort.objects.filter(enrolments__in=enrolments_visible_to(user)).select_related("centre").distinct()
    try:
        return cohorts.get(pk=pk)
    except Cohort.DoesNotExist:
        raise Http404("No such cohort.")


def get_sample_for_user(user: User, pk: int) -> VerifierSample:
    sample = VerifierSample.objects.select_related("verifier").filter(pk=pk).first()
    if sample is None or not may_use_sample(user, sample):
        raise Http404("No such sample.")
    return sample


def get_administered_sample_for_user(user: User, pk: int) -> VerifierSample:
    """A verifier sample of the administrator's own centre; 404 for everyone else, verifiers included."""
    sample = get_sample_for_user(user, pk)
    if not may_administer(user, sample.centre_id):
        raise Http404("No such sample.")
    return sample
