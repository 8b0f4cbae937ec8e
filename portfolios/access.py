"""Who may see or change people's portfolios: the one place that answers, for enrolments and evidence.

Outsiders get 404 (Http404), so that an object's existence does not leak; people who may read but
not change get 403 (PermissionDenied).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from portfolios.models import Enrolment, EvidenceItem, Role, User


def enrolments_visible_to(user: User) -> QuerySet[Enrolment]:
    """The learner-units this user may read."""
    enrolments = Enrolment.objects.all()
    if not user.is_authenticated or not user.is_active:
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
            from assessment.models import VerifierSample

            return enrolments.filter(verifier_samples__in=VerifierSample.objects.active().filter(verifier=user)).distinct()
    return enrolments.none()


def get_enrolment_for_user(user: User, pk: int) -> Enrolment:
    try:
        return enrolments_visible_to(user).select_related("learner", "unit", "cohort", "assessor", "iqa").get(pk=pk)
    except Enrolment.DoesNotExist:
        raise Http404("No such learner-unit.")


def learners_visible_to(user: User) -> QuerySet[User]:
    """Learners with at least one enrolment this user may read (or the learner themself)."""
    return User.objects.filter(enrolments__in=enrolments_visible_to(user)).distinct()


def evidence_visible_to(user: User) -> QuerySet[EvidenceItem]:
    """Evidence items this user may read: a learner's own, or those of learners on enrolments they may read.

    A verifier sees only evidence claimed against a criterion of a unit in their sample.
    """
    items = EvidenceItem.objects.all()
    if not user.is_authenticated or not user.is_active:
        return items.none()
    if user.is_superuser:
        return items
    if user.role == Role.LEARNER:
        return items.filter(learner=user)
    enrolments = enrolments_visible_to(user)
    if user.role == Role.VERIFIER:
        pairs = Q()
        for learner_id, unit_id in enrolments.values_list("learner_id", "unit_id"):
            pairs |= Q(learner_id=learner_id, versions__claims__criterion__unit_id=unit_id)
        return items.filter(pairs).distinct() if pairs else items.none()
    return items.filter(learner__in=enrolments.values("learner")).distinct()


def get_evidence_for_user(user: User, pk: int) -> EvidenceItem:
    try:
        return evidence_visible_to(user).select_related("learner", "author").get(pk=pk)
    except EvidenceItem.DoesNotExist:
        raise Http404("No such evidence.")


def may_edit_evidence(user: User, item: EvidenceItem) -> bool:
    """The owning learner edits their own evidence; an assessor edits the records they wrote."""
    return user.is_active and item.author_id == user.pk and user.role in (Role.LEARNER, Role.ASSESSOR)


def get_editable_evidence_for_user(user: User, pk: int) -> EvidenceItem:
    item = get_evidence_for_user(user, pk)
    if not may_edit_evidence(user, item):
        raise PermissionDenied("Only the person who wrote this evidence can change it.")
    return item


def may_assess(user: User, enrolment: Enrolment) -> bool:
    """Only the enrolment's assigned assessor judges and signs off its criteria."""
    return user.is_active and user.role == Role.ASSESSOR and enrolment.assessor_id == user.pk


def may_quality_assure(user: User, enrolment: Enrolment) -> bool:
    return user.is_active and user.role == Role.IQA and enrolment.iqa_id == user.pk


def may_unlock(user: User, enrolment: Enrolment) -> bool:
    """An IQA for the enrolment, or a centre administrator of its centre, may unlock a signed decision."""
    if may_quality_assure(user, enrolment):
        return True
    return user.is_active and user.role == Role.ADMIN and enrolment.cohort.centre_id == user.centre_id


def get_file_for_user(user: User, pk: int):
    """A stored file the user may read: it belongs to a version of an evidence item visible to them; else 404."""
    from portfolios.models import StoredFile

    stored = StoredFile.objects.filter(pk=pk, versions__item__in=evidence_visible_to(user)).first()
    if stored is None:
        raise Http404("No such file.")
    return stored


def get_own_enrolment_for_learner(user: User, pk: int) -> Enrolment:
    """One of the signed-in learner's own learner-units; anyone else gets 404."""
    try:
        return Enrolment.objects.select_related("unit", "assessor", "learner").get(pk=pk, learner=user, learner__is_active=True)
    except Enrolment.DoesNotExist:
        raise Http404("No such learner-unit.")


def get_own_submission_for_learner(user: User, pk: int):
    from portfolios.models import Submission

    try:
        return Submission.objects.select_related("enrolment__unit").get(pk=pk, enrolment__learner=user)
    except Submission.DoesNotExist:
        raise Http404("No such submission.")


def get_assessed_enrolment_for_user(user: User, pk: int) -> Enrolment:
    """A learner-unit the user assesses: visible ones that are not theirs to assess give 403, others 404."""
    enrolment = get_enrolment_for_user(user, pk)
    if not may_assess(user, enrolment):
        raise PermissionDenied("Only the learner's assessor can record discussions and observations.")
    return enrolment
