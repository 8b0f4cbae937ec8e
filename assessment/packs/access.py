"""Who may request, follow and download verification packs; everyone else gets 404."""

from django.http import Http404

from assessment.models import PackJob, VerifierSample
from portfolios.models import Enrolment, Role, User


def may_use_enrolment_pack(user: User, enrolment: Enrolment) -> bool:
    """The assessor, the IQA, a centre administrator of its centre, or a verifier whose live sample includes it."""
    if not user.is_authenticated or not user.is_active:
        return False
    match user.role:
        case Role.ASSESSOR:
            return enrolment.assessor_id == user.pk
        case Role.IQA:
            return enrolment.iqa_id == user.pk
        case Role.ADMIN:
            return enrolment.cohort.centre_id == user.centre_id
        case Role.VERIFIER:
            return VerifierSample.objects.active().filter(verifier=user, enrolments=enrolment).exists()
    return False


def may_use_sample_pack(user: User, sample: VerifierSample) -> bool:
    """The sample's verifier until it expires, or a centre administrator of its centre."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.VERIFIER:
        return sample.verifier_id == user.pk and sample.is_active()
    return user.role == Role.ADMIN and sample.centre_id == user.centre_id


def may_use_job(user: User, job: PackJob) -> bool:
    if job.enrolment_id:
        return may_use_enrolment_pack(user, job.enrolment)
    return may_use_sample_pack(user, job.sample)


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


def get_sample_for_user(user: User, pk: int) -> VerifierSample:
    sample = VerifierSample.objects.filter(pk=pk).first()
    if sample is None or not may_use_sample_pack(user, sample):
        raise Http404("No such sample.")
    return sample


