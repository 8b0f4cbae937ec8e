"""Pack workflows: request a build, record progress, store the finished PDF, fail a job with its reason."""

import hashlib
import logging
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from packs.builder import STEPS
from packs.models import PackJob
from records.audit import audit_append
from records.models import AuditAction

logger = logging.getLogger(__name__)
_LIVE = (PackJob.Status.QUEUED, PackJob.Status.BUILDING)
# Slack beyond the build's own time limit before a silent "building" job is declared dead.
_STALE_GRACE = timedelta(minutes=2)


def _subject_label(job: PackJob) -> str:
    if job.enrolment_id:
        return f"{job.enrolment.learner} — unit {job.enrolment.unit.key}"
    return f"sample “{job.sample.name}”"


@transaction.atomic
def pack_request(*, user, enrolment=None, sample=None) -> PackJob:
    """Queue a pack build for a learner-unit or a verifier's sample; callers have checked access."""
    from packs.tasks import build_pack_job

    job = PackJob.objects.create(requested_by=user, enrolment=enrolment, sample=sample, steps_total=STEPS + 1)
    result = build_pack_job.enqueue(job.pk)
    PackJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def pack_progress(job: PackJob, step: int, label: str) -> None:
    PackJob.objects.filter(pk=job.pk, status=PackJob.Status.BUILDING).update(step=step, step_label=label)


def pack_start(job: PackJob) -> bool:
    """Mark a queued job as building; False if someone else already took it."""
    return bool(
        PackJob.objects.filter(pk=job.pk, status=PackJob.Status.QUEUED).update(
            status=PackJob.Status.BUILDING, started_at=timezone.now(), step=1, step_label="Gathering records"
        )
    )


@transaction.atomic
def pack_fail(job: PackJob, reason: str) -> None:
    """Fail a live job with a reason a person can act on; it never has a file."""
    updated = PackJob.objects.filter(pk=job.pk, status__in=_LIVE).update(
        status=PackJob.Status.FAILED, error=reason, storage_name="", finished_at=timezone.now()
    )
    if updated:
        audit_append(
            actor=job.requested_by,
            action=AuditAction.PACK_BUILD,
            obj=job,
            summary=f"Pack for {_subject_label(job)} failed: {reason}",
            enrolment=job.enrolment,
            after={"status": "failed", "reason": reason},
        )


def pack_store(job: PackJob, path: Path, manifest: dict) -> None:
    """Move the finished PDF into storage and mark the job ready in one transaction."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    with open(path, "rb") as handle:
        name = default_storage.save(f"packs/{job.public_id}.pdf", File(handle))
    try:
        with transaction.atomic():
            updated = PackJob.objects.filter(pk=job.pk, status=PackJob.Status.BUILDING).update(
                status=PackJob.Status.READY,
                storage_name=name,
                size=path.stat().st_size,
                sha256=digest.hexdigest(),
                integrity_reference=manifest["integrity_reference"],
                pages=manifest["pages"],
                step=job.steps_total,
                step_label="Ready",
                finished_at=timezone.now(),
            )
            if not updated:
                raise RuntimeError("The job was no longer building (it was failed or cancelled meanwhile).")
            audit_append(
                actor=job.requested_by,
                action=AuditAction.PACK_BUILD,
                obj=job,
                summary=f"Pack {manifest['integrity_reference']} built for {_subject_label(job)}",
                enrolment=job.enrolment,
                after=pack_audit_record(manifest, digest.hexdigest()),
            )
    except BaseException:
        default_storage.delete(name)
        raise


def pack_audit_record(manifest: dict, file_sha256: str) -> dict:
    """What the audit log keeps of a built pack, so verify_pack can check a copy against it."""
    return {
        "status": "ready",
        "integrity_reference": manifest["integrity_reference"],
        "content_sha256": manifest["content_sha256"],
        "file_sha256": file_sha256,
        "pages": manifest["pages"],
        "pack_id": manifest["source"]["pack_id"],
    }


def pack_job_refresh(job: PackJob) -> PackJob:
    """Fail a job whose build died: its task finished or failed without finishing it, or it went silent."""
    job.refresh_from_db()
    if job.status not in _LIVE:
        return job
    from packs.tasks import build_pack_job

    task_status = None
    if job.task_id:
        try:
            task_status = build_pack_job.get_result(job.task_id).status
        except Exception:  # backends without stored results (immediate) or a purged result
            task_status = None
    if task_status in ("FAILED", "SUCCESSFUL"):
        job.refresh_from_db()
        if job.status in _LIVE:
            pack_fail(job, "The build stopped before it finished. Request the pack again.")
    elif job.status == PackJob.Status.BUILDING and job.started_at and (
        timezone.now() - job.started_at > timedelta(seconds=settings.ATTEST_PACK_TIME_LIMIT_SECONDS) + _STALE_GRACE
    ):
        pack_fail(job, "The build stopped responding and was abandoned. Request the pack again.")
    job.refresh_from_db()
    return job
