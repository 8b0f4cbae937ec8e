"""Writes to portfolios: evidence and its versions, files, claims and assessor records."""

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from people.access import may_assess, may_edit_evidence
from people.models import Enrolment, User
from portfolios.models import Claim, EvidenceItem, EvidenceVersion, RecordConfirmation, StoredFile
from portfolios.uploads.sniffing import FileRefused
from portfolios.uploads.storage import delete_stored, file_store, stored_names
from portfolios.uploads.wordcount import count_words
from records.audit import audit_append
from records.models import AuditAction, Notification
from records.notify import notify
from units.models import AssessmentCriterion, EvidenceKind, RangeItem

RECORD_KINDS = (EvidenceKind.PROFESSIONAL_DISCUSSION, EvidenceKind.OBSERVATION)
TITLE_MAX = EvidenceVersion._meta.get_field("title").max_length
RECORD_CONFIRMATION_TEXT = "I confirm that this record is an accurate account of the discussion or observation."


@contextmanager
def _files_removed_on_failure() -> Iterator[list[str]]:
    """Files are written outside the database; delete them again if the transaction that records them fails."""
    names: list[str] = []
    try:
        yield names
    except BaseException:
        delete_stored(names)
        raise


def _store_all(
    *,
    owner: User,
    uploaded_by: User,
    uploads: Iterable[UploadedFile],
    names: list[str],
    categories: set[str] | None = None,
) -> list[StoredFile]:
    stored = []
    for upload in uploads:
        one = file_store(owner=owner, uploaded_by=uploaded_by, upload=upload)
        names.extend(stored_names(one))
        if categories is not None and one.category not in categories:
            raise FileRefused(
                f"{one.original_name}: attach an audio or video recording only (MP3, M4A, WAV, MP4, MOV or WebM)."
            )
        stored.append(one)
    return stored


def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Give the evidence a title, e.g. “Report on customer retention”."})
    if len(title) > TITLE_MAX:
        raise ValidationError({"title": f"Shorten the title to {TITLE_MAX} characters or fewer (it has {len(title)})."})
    return title


def _editable_version(item: EvidenceItem, user: User) -> EvidenceVersion:
    """The current version if it is still a draft; after a submission, a new version copying files and claims."""
    current = item.current_version()
    if not current.is_frozen:
        return current
    new = EvidenceVersion.objects.create(
        item=item,
        number=current.number + 1,
        title=current.title,
        date=current.date,
        description=current.description,
        body=current.body,
        body_format=current.body_format,
        body_word_count=current.body_word_count,
        duration_minutes=current.duration_minutes,
        participants=current.participants,
        created_by=user,
    )
    new.files.set(current.files.all())
    for claim in current.claims.prefetch_related("range_items"):
        copy = Claim.objects.create(
            version=new, criterion_id=claim.criterion_id, location_note=claim.location_note, created_by=claim.created_by
        )
        copy.range_items.set(claim.range_items.all())
    return new


def evidence_create(
    *,
    learner: User,
    author: User,
    kind: str,
    title: str,
    date: datetime.date | None = None,
    description: str = "",
    body: str = "",
    body_format: str = EvidenceVersion.BodyFormat.PLAIN,
    uploads: Iterable[UploadedFile] = (),
    duration_minutes: int | None = None,
    participants: str = "",
    file_categories: set[str] | None = None,
) -> EvidenceItem:
    """Create an evidence item and its first version, storing any uploaded files; nothing is kept if one is refused."""
    title = _check_title(title)
    with _files_removed_on_failure() as names, transaction.atomic():
        item = EvidenceItem.objects.create(learner=learner, author=author, kind=kind)
        version = EvidenceVersion.objects.create(
            item=item,
            number=1,
            title=title,
            date=date or timezone.localdate(),
            description=description,
            body=body,
            body_format=body_format,
            body_word_count=count_words(body),
            duration_minutes=duration_minutes,
            participants=participants,
            created_by=author,
        )
        version.files.set(
            _store_all(owner=learner, uploaded_by=author, uploads=uploads, names=names, categories=file_categories)
        )
    return item


def evidence_update(
    *,
    item: EvidenceItem,
    user: User,
    title: str,
    date: datetime.date,
    description: str = "",
    body: str = "",
    body_format: str = EvidenceVersion.BodyFormat.PLAIN,
    uploads: Iterable[UploadedFile] = (),
    remove_file_ids: Iterable[int] = (),
    duration_minutes: int | None = None,
    participants: str = "",
) -> EvidenceVersion:
    """Change an item's content; a submitted (frozen) version is left exactly as it was and a new version is made."""
    if not may_edit_evidence(user, item.author_id):
        raise ValidationError("Only the person who wrote this evidence can change it.", code="not_author")
    title = _check_title(title)
    with _files_removed_on_failure() as names, transaction.atomic():
        version = _editable_version(item, user)
        version.title, version.date, version.description = title, date, description
        version.body, version.body_format, version.body_word_count = body, body_format, count_words(body)
        version.duration_minutes, version.participants = duration_minutes, participants
        version.save()
        if remove_file_ids:
            version.files.remove(*version.files.filter(pk__in=list(remove_file_ids)))
        version.files.add(*_store_all(owner=item.learner, uploaded_by=user, uploads=uploads, names=names))
    return version


def evidence_files_add(*, item: EvidenceItem, user: User, uploads: Iterable[UploadedFile]) -> EvidenceVersion:
    """Add files to an item's current version (a new version if the current one was submitted)."""
    if not may_edit_evidence(user, item.author_id):
        raise ValidationError("Only the person who wrote this evidence can change it.", code="not_author")
    with _files_removed_on_failure() as names, transaction.atomic():
        version = _editable_version(item, user)
        version.files.add(*_store_all(owner=item.learner, uploaded_by=user, uploads=uploads, names=names))
    return version


def allowed_range_items(criterion: AssessmentCriterion):
    """Range items of headings that qualify this criterion or its learning outcome."""
    return RangeItem.objects.filter(
        Q(heading__criterion=criterion)
        | Q(heading__learning_outcome_id=criterion.learning_outcome_id, heading__criterion__isnull=True)
    )


@transaction.atomic
def claim_save(
    *,
    item: EvidenceItem,
    user: User,
    criterion: AssessmentCriterion,
    range_item_ids: Iterable[int] = (),
    location_note: str = "",
) -> Claim:
    """Map the item's current version to a criterion of a unit the learner is enrolled on, with range and location."""
    if not may_edit_evidence(user, item.author_id):
        raise ValidationError("Only the person who wrote this evidence can map it.", code="not_author")
    if not Enrolment.objects.filter(learner_id=item.learner_id, unit_id=criterion.unit_id).exists():
        raise ValidationError(
            f"You are not enrolled on unit {criterion.unit.key}; map this evidence to a criterion of one of your own units.",
            code="not_enrolled",
        )
    wanted = {int(pk) for pk in range_item_ids}
    range_items = list(allowed_range_items(criterion).filter(pk__in=wanted))
    if len(range_items) != len(wanted):
        raise ValidationError(f"Choose range items listed under criterion {criterion.code} only.", code="wrong_range_item")
    version = _editable_version(item, user)
    claim, _ = Claim.objects.update_or_create(
        version=version,
        criterion=criterion,
        defaults={"location_note": location_note.strip()[:300]},
        create_defaults={"location_note": location_note.strip()[:300], "created_by": user},
    )
    claim.range_items.set(range_items)
    return claim


@transaction.atomic
def claim_delete(*, claim: Claim, user: User) -> None:
    """Remove a mapping from the current version; a submitted version keeps its claims."""
    item = claim.version.item
    if not may_edit_evidence(user, item.author_id):
        raise ValidationError("Only the person who wrote this evidence can change its mapping.", code="not_author")
    version = _editable_version(item, user)
    version.claims.filter(criterion_id=claim.criterion_id).delete()


def record_create(
    *,
    enrolment: Enrolment,
    assessor: User,
    kind: str,
    title: str,
    date: datetime.date,
    duration_minutes: int | None,
    participants: str,
    body: str,
    body_format: str = EvidenceVersion.BodyFormat.PLAIN,
    uploads: Iterable[UploadedFile] = (),
    criteria: Iterable[AssessmentCriterion] = (),
) -> EvidenceItem:
    """The assessor records a professional discussion or observation, maps it, and asks the learner to confirm it."""
    if not may_assess(assessor, enrolment):
        raise ValidationError("Only the learner's assessor can record a discussion or observation.", code="not_assessor")
    if kind not in RECORD_KINDS:
        raise ValidationError({"kind": "Choose professional discussion or observation."})
    criteria = list(criteria)
    if any(c.unit_id != enrolment.unit_id for c in criteria):
        raise ValidationError({"criteria": f"Choose criteria of unit {enrolment.unit.key} only."})
    with transaction.atomic():
        item = evidence_create(
            learner=enrolment.learner,
            author=assessor,
            kind=kind,
            title=title,
            date=date,
            body=body,
            body_format=body_format,
            uploads=uploads,
            duration_minutes=duration_minutes,
            participants=participants,
            file_categories={StoredFile.Category.AUDIO, StoredFile.Category.VIDEO},
        )
        version = item.versions.get()
        for criterion in criteria:
            Claim.objects.create(version=version, criterion=criterion, created_by=assessor)
        notify(
            recipient=enrolment.learner,
            kind=Notification.Kind.RECORD,
            message=f"{assessor} wrote a record of your {item.get_kind_display().lower()}; please confirm or dispute it.",
            url=reverse("portfolios:evidence-detail", args=[item.pk]),
        )
    return item


@transaction.atomic
def record_confirm(*, item: EvidenceItem, learner: User, outcome: str, comment: str = "") -> RecordConfirmation:
    """The learner countersigns, or disputes with a comment, the current version of a record their assessor wrote."""
    if item.learner_id != learner.pk or not item.is_assessor_record():
        raise ValidationError("Only the learner a record is about can confirm it.", code="not_learner")
    comment = comment.strip()
    if outcome == RecordConfirmation.Outcome.DISPUTED and not comment:
        raise ValidationError({"comment": "Say what is wrong with the record so your assessor can correct it."})
    version = item.current_version()
    confirmation = RecordConfirmation.objects.create(
        version=version,
        learner=learner,
        outcome=outcome,
        comment=comment,
        declaration_text=RECORD_CONFIRMATION_TEXT if outcome == RecordConfirmation.Outcome.CONFIRMED else "",
    )
    if outcome == RecordConfirmation.Outcome.CONFIRMED and not version.is_frozen:
        version.frozen_at = confirmation.at
        version.save(update_fields=["frozen_at"])
    enrolment = Enrolment.objects.filter(learner=learner, unit__criteria__claims__version=version).first()
    audit_append(
        actor=learner,
        action=AuditAction.RECORD_CONFIRMATION,
        obj=confirmation,
        enrolment=enrolment,
        summary=f"{learner} {confirmation.get_outcome_display().lower()} “{version.title}” (v{version.number})",
        after={"outcome": outcome, "comment": comment, "version": version.pk},
    )
    return confirmation
