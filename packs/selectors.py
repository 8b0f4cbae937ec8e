"""Reads for the pack pages and the pack panel other pages include."""

from packs.models import PackJob
from people.access import may_use_enrolment_pack, may_use_sample

PANEL_JOBS = 5


def pack_panel_context(*, user, enrolment=None, sample=None) -> dict:
    """Context for templates/packs/_pack_panel.html: whether the user may request, and recent jobs."""
    allowed = may_use_enrolment_pack(user, enrolment) if enrolment is not None else may_use_sample(user, sample)
    jobs = []
    if allowed:
        scope = {"enrolment": enrolment} if enrolment is not None else {"sample": sample, "enrolment__isnull": True}
        jobs = list(PackJob.objects.filter(**scope).select_related("requested_by")[:PANEL_JOBS])
    return {"pack_enrolment": enrolment, "pack_sample": sample, "may_request_pack": allowed, "pack_jobs": jobs}
