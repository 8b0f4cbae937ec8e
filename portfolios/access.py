"""Fetch evidence and files through the access policy in `people.access`; outsiders get 404, readers who may not
change get 403."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from people.access import evidence_filter, may_edit_evidence
from people.models import User
from portfolios.models import EvidenceItem, StoredFile


def evidence_visible_to(user: User) -> QuerySet[EvidenceItem]:
    scope = evidence_filter(user)
    if scope is None:
        return EvidenceItem.objects.none()
    return EvidenceItem.objects.filter(scope).distinct()


def get_evidence_for_user(user: User, pk: int) -> EvidenceItem:
    try:
        return evidence_visible_to(user).select_related("learner", "author").get(pk=pk)
    except EvidenceItem.DoesNotExist:
        raise Http404("No such evidence.")


def get_editable_evidence_for_user(user: User, pk: int) -> EvidenceItem:
    item = get_evidence_for_user(user, pk)
    if not may_edit_evidence(user, item.author_id):
        raise PermissionDenied("Only the person who wrote this evidence can change it.")
    return item


def get_file_for_user(user: User, pk: int) -> StoredFile:
    """A stored file of a version of an evidence item the user may read; else 404."""
    stored = StoredFile.objects.filter(pk=pk, versions__item__in=evidence_visible_to(user)).first()
    if stored is None:
        raise Http404("No such file.")
    return stored
