"""Fetch pack jobs through the access policy in `people.access`; everyone else gets 404."""

from django.http import Http404

from packs.models import PackJob
from people.access import may_use_enrolment_pack, may_use_sample
from people.models import User


def may_use_job(user: User, job: PackJob) -> bool:
    if job.enrolment_id:
        return may_use_enrolment_pack(user, job.enrolment)
    return may_use_sample(user, job.sample)


def get_pack_job_for_user(user: User, public_id) -> PackJob:
    try:
        job = PackJob.objects.select_related("enrolment__cohort", "enrolment__learner", "enrolment__unit", "sample").get(
            public_id=public_id
        )
    except PackJob.DoesNotExist:
        raise Http404("No such pack.")
    if not may_use_job(user, job):
        raise Http404("No such pack.")
    return job
