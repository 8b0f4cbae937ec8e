"""Pack workflows: request a build, build a pack file (in the background task or from export_pack), fail a job."""

import logging
import shutil
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from packs.builder import STEPS, Progress
from packs.context import pack_data
from packs.limits import PackBuildError, build_in_child
from packs.models import PackJob
from people.models import Enrolment, User, VerifierSample
from records.audit import audit_append
from records.digests import sha256_of_file
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


def pack_build(
    *,
    job: PackJob | None = None,
    enrolment: Enrolment | None = None,
    sample: VerifierSample | None = None,
    output: Path | None = None,
    progress: Progress = lambda step, label: None,
) -> dict:
    """Build one pack file, put it in place and record the build in the audit log; return the pack's manifest.

    For a queued `job` (the background task) the pack covers the job's learner-unit or sample, goes into storage,
    and the job is marked ready in the same transaction as the audit entry. Otherwise (export_pack) it covers
    `enrolment` or `sample` and is written to `output`. Raises PackBuildError, with a reason for the person who
    asked, if the build runs out of time or memory or fails; nothing is kept then.
    """
    if (job is None) == (output is None):
        raise ValueError("pack_build needs either a job or an output path.")
    if job is not None:
        enrolment, sample = job.enrolment, job.sample
    data = pack_data(pack_id=str(job.public_id if job else uuid.uuid4()), enrolment=enrolment, sample=sample)
    with tempfile.TemporaryDirectory(prefix="attest-pack-") as scratch:
        built = Path(scratch) / "pack.pdf"
        manifest = build_in_child(data, built, progress)
        with open(built, "rb") as handle:
            file_sha256 = sha256_of_file(handle)
        if job is not None:
            progress(job.steps_total, "Storing the pack")
            _store(job, built, manifest, file_sha256)
        else:
            with transaction.atomic():
                _audit_build(
                    actor=None, obj=enrolment or sample, enrolment=enrolment, how="exported from the command line",
                    manifest=manifest, file_sha256=file_sha256,
                )
                shutil.move(built, output)
    return manifest


def _audit_build(*, actor: User | None, obj, enrolment, how: str, manifest: dict, file_sha256: str) -> None:
    audit_append(
        actor=actor,
        action=AuditAction.PACK_BUILD,
        obj=obj,
        summary=f"Pack {manifest['integrity_reference']} {how}",
        enrolment=enrolment,
        after=pack_audit_record(manifest, file_sha256),
    )


def _store(job: PackJob, path: Path, manifest: dict, file_sha256: str) -> None:
    """Move the finished PDF into storage and mark the job ready in one transaction; no file stays if that fails."""
    with open(path, "rb") as handle:
        name = default_storage.save(f"packs/{job.public_id}.pdf", File(handle))
    try:
        with transaction.atomic():
            updated = PackJob.objects.filter(pk=job.pk, status=PackJob.Status.BUILDING).update(
                status=PackJob.Status.READY,
                storage_name=name,
                size=path.stat().st_size,
                sha256=file_sha256,
                integrity_reference=manifest["integrity_reference"],
                pages=manifest["pages"],
                step=job.steps_total,
                step_label="Ready",
                finished_at=timezone.now(),
            )
            if not updated:
                raise RuntimeError("The job was no longer building (it was failed or cancelled meanwhile).")
            _audit_build(
                actor=job.requested_by, obj=job, enrolment=job.enrolment, how=f"built for {_subject_label(job)}",
                manifest=manifest, file_sha256=file_sha256,
            )
    except BaseException:
        default_storage.delete(name)
        raise


@task()
def build_pack_job(job_id: int) -> str:
    """Build the pack for a queued job; any failure leaves the job failed with its reason and no file."""
    job = PackJob.objects.select_related("enrolment__learner", "enrolment__unit", "sample", "requested_by").get(pk=job_id)
    if not pack_start(job):
        return "skipped"
    try:
        pack_build(job=job, progress=lambda step, label: pack_progress(job, step, label))
    except PackBuildError as error:
        pack_fail(job, str(error))
        return "failed"
    except Exception as error:
        logger.exception("Pack job %s failed", job.pk)
        pack_fail(job, f"The pack could not be built ({type(error).__name__}: {error}).")
        return "failed"
    return "ready"


def pack_job_refresh(job: PackJob) -> PackJob:
    """Fail a job whose build died: its task finished or failed without finishing it, or it went silent."""
    job.refresh_from_db()
    if job.status not in _LIVE:
        return job
    task_status = None
    if job.task_id:
        try:
            task_status = build_pack_job.get_result(job.task_id).status
        except Exception:  # backends without stored results (immediate), a purged result, or another task's id
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
