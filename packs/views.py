"""Request a verification pack, follow its build, download it."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from packs.access import get_pack_job_for_user
from packs.models import PackJob
from packs.services import pack_job_refresh, pack_request
from people.access import get_enrolment_for_user, get_sample_for_user, may_use_enrolment_pack
from records.audit import audit_append
from records.models import AuditAction


@login_required
@require_POST
def request_enrolment_pack(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    if not may_use_enrolment_pack(request.user, enrolment):
        raise Http404("No such learner-unit.")
    job = pack_request(user=request.user, enrolment=enrolment)
    return redirect("packs:job-status", public_id=job.public_id)


@login_required
@require_POST
def request_sample_pack(request: HttpRequest, pk: int) -> HttpResponse:
    sample = get_sample_for_user(request.user, pk)
    job = pack_request(user=request.user, sample=sample)
    return redirect("packs:job-status", public_id=job.public_id)


@login_required
@require_GET
def job_status(request: HttpRequest, public_id) -> HttpResponse:
    job = pack_job_refresh(get_pack_job_for_user(request.user, public_id))
    template = "packs/_job_status.html" if request.GET.get("partial") else "packs/job_status.html"
    return render(request, template, {"job": job, "live": job.status in (PackJob.Status.QUEUED, PackJob.Status.BUILDING)})


@login_required
@require_GET
def job_download(request: HttpRequest, public_id) -> FileResponse:
    job = get_pack_job_for_user(request.user, public_id)
    if job.status != PackJob.Status.READY or not job.storage_name:
        raise Http404("This pack is not ready.")
    handle = default_storage.open(job.storage_name, "rb")
    audit_append(
        actor=request.user,
        action=AuditAction.PACK_DOWNLOAD,
        obj=job,
        summary=f"Pack {job.integrity_reference} downloaded",
        enrolment=job.enrolment,
    )
    return FileResponse(handle, as_attachment=True, filename=_filename(job), content_type="application/pdf")


def _filename(job: PackJob) -> str:
    if job.enrolment_id:
        subject = f"{job.enrolment.learner.username}-unit-{job.enrolment.unit.key}"
    else:
        subject = f"sample-{job.sample_id}-{job.sample.name}"
    return f"verification-pack-{slugify(subject)}-{job.integrity_reference}.pdf"
