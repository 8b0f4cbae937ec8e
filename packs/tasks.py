"""The background task that builds one pack job."""

import logging
import tempfile
from pathlib import Path

from django_tasks import task

from packs.context import pack_data
from packs.limits import PackBuildError, build_in_child
from packs.models import PackJob
from packs.services import pack_fail, pack_progress, pack_start, pack_store

logger = logging.getLogger(__name__)


@task()
def build_pack_job(job_id: int) -> str:
    """Build the pack for a queued job; any failure leaves the job failed with its reason and no file."""
    job = PackJob.objects.select_related("enrolment__learner", "enrolment__unit", "sample", "requested_by").get(pk=job_id)
    if not pack_start(job):
        return "skipped"
    try:
        data = pack_data(pack_id=str(job.public_id), enrolment=job.enrolment, sample=job.sample)
        with tempfile.TemporaryDirectory(prefix="attest-packjob-") as scratch:
            output = Path(scratch) / "pack.pdf"
            manifest = build_in_child(data, output, lambda step, label: pack_progress(job, step, label))
            pack_progress(job, job.steps_total, "Storing the pack")
            pack_store(job, output, manifest)
    except PackBuildError as error:
        pack_fail(job, str(error))
        return "failed"
    except Exception as error:
        logger.exception("Pack job %s failed", job.pk)
        pack_fail(job, f"The pack could not be built ({type(error).__name__}: {error}).")
        return "failed"
    return "ready"
