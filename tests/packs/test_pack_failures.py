"""Failures: unreadable evidence is attached with a note; a failed build leaves no file to download."""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from packs import limits
from packs.models import PackJob
from packs.services import pack_job_refresh, pack_request
from tests.packs import factories as f
from tests.packs.helpers import pack_reader, page_texts


def _evidence_with(cast, enrolment, name, data):
    """The learner uploads one file, maps it to the unit's first criterion and submits it."""
    item = f.evidence(cast["learner"], f"Evidence in {name}", files={name: data})
    f.claim(item, enrolment.unit.criteria.order_by("order").first())
    f.submit(enrolment)
    return item.current_version().files.get()


@pytest.mark.parametrize(
    ("name", "make", "damaged"),
    [
        # Passes the upload checks (it opens without a password) but its pages cannot be merged.
        ("protected.pdf", lambda: f.protected_pdf_bytes("Protected plan"), None),
        # Readable when uploaded; the stored copy was damaged afterwards (a disk fault, a bad restore).
        ("scan.pdf", lambda: f.pdf_bytes(2, "Scan"), b"%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage without pages"),
        ("photo.jpg", f.jpeg_bytes, b"\xff\xd8\xff\xe0 truncated jpeg"),
    ],
    ids=["protected-pdf", "damaged-pdf", "damaged-jpeg"],
)
def test_unreadable_evidence_is_attached_as_is_with_a_note(name, make, damaged, cast):
    enrolment = cast["enrolments"][("learner", "001")]
    stored = _evidence_with(cast, enrolment, name, make())
    if damaged is not None:
        Path(default_storage.path(stored.storage_name)).write_bytes(damaged)
    with default_storage.open(stored.storage_name, "rb") as handle:
        in_storage = handle.read()
    job = pack_request(user=cast["assessor"], enrolment=enrolment)
    assert job.status == PackJob.Status.READY, job.error
    reader = pack_reader(job)
    assert any(f"{name} could not be shown in this pack" in text for text in page_texts(reader))
    attached = next(v for k, v in reader.attachments.items() if k.endswith(name))
    assert attached[0] == in_storage


@pytest.fixture
def enrolment(cast):
    return cast["enrolments"][("learner", "001")]


def _assert_failed_without_file(job, cast, client_for, reason):
    job.refresh_from_db()
    assert job.status == PackJob.Status.FAILED and reason in job.error
    assert job.storage_name == ""
    assert not default_storage.exists(f"packs/{job.public_id}.pdf")
    client = client_for(cast["assessor"])
    assert client.get(reverse("packs:job-download", args=[job.public_id])).status_code == 404
    assert reason.encode() in client.get(reverse("packs:job-status", args=[job.public_id])).content


def test_a_job_that_raises_fails_with_its_reason_and_no_file(cast, enrolment, monkeypatch, client_for):
    def explode(*args, **kwargs):
        raise RuntimeError("the layout engine fell over")

    monkeypatch.setattr(limits, "build_pdf", explode)
    job = pack_request(user=cast["assessor"], enrolment=enrolment)
    _assert_failed_without_file(job, cast, client_for, "the layout engine fell over")


def test_a_build_over_the_time_limit_is_stopped(cast, enrolment, monkeypatch, settings, client_for):
    settings.ATTEST_PACK_TIME_LIMIT_SECONDS = 1
    monkeypatch.setattr(limits, "build_pdf", lambda *args: time.sleep(30))
    started = time.monotonic()
    job = pack_request(user=cast["assessor"], enrolment=enrolment)
    assert time.monotonic() - started < 10
    _assert_failed_without_file(job, cast, client_for, "longer than the limit of 1 seconds")


def test_a_build_over_the_memory_limit_is_stopped(cast, enrolment, monkeypatch, client_for):
    def hog(*args):
        return bytearray(16 * 1024 * 1024 * 1024)  # far above the worker's size plus the 1 GB limit

    monkeypatch.setattr(limits, "build_pdf", hog)
    job = pack_request(user=cast["assessor"], enrolment=enrolment)
    _assert_failed_without_file(job, cast, client_for, "ran out of memory")


def test_a_building_job_whose_worker_died_is_shown_as_failed(cast, enrolment, settings):
    job = PackJob.objects.create(
        requested_by=cast["assessor"], enrolment=enrolment, status=PackJob.Status.BUILDING,
        started_at=timezone.now() - timedelta(seconds=settings.ATTEST_PACK_TIME_LIMIT_SECONDS + 600),
    )
    job = pack_job_refresh(job)
    assert job.status == PackJob.Status.FAILED and "stopped responding" in job.error


def test_a_job_whose_task_failed_in_the_database_backend_is_shown_as_failed(cast, enrolment, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    job = pack_request(user=cast["assessor"], enrolment=enrolment)
    assert job.status == PackJob.Status.QUEUED
    PackJob.objects.filter(pk=job.pk).update(status=PackJob.Status.BUILDING, started_at=timezone.now())
    DBTaskResult.objects.filter(id=job.task_id).update(status="FAILED", finished_at=timezone.now())
    job = pack_job_refresh(job)
    assert job.status == PackJob.Status.FAILED and "stopped before it finished" in job.error
