"""Who may request, follow and download packs: the whole table, per role of the standard cast."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from packs.models import PackJob
from packs.services import pack_request
from records.models import AuditAction, AuditEntry

ALLOWED_FOR_LEARNER_UNIT = {"assessor", "iqa", "admin", "verifier"}
ALLOWED_FOR_SAMPLE = {"admin", "verifier"}
ROLES = ["learner", "other_learner", "assessor", "other_assessor", "iqa", "verifier", "verifier_without_access", "admin"]


@pytest.fixture
def enrolment(cast):
    return cast["enrolments"][("learner", "001")]


@pytest.fixture
def ready_job(cast, enrolment):
    job = pack_request(user=cast["admin"], enrolment=enrolment)
    assert job.status == PackJob.Status.READY, job.error
    return job


@pytest.mark.parametrize("role", ROLES)
def test_requesting_a_learner_unit_pack(role, cast, enrolment, client_for):
    response = client_for(cast[role]).post(reverse("packs:request-enrolment", args=[enrolment.pk]))
    if role in ALLOWED_FOR_LEARNER_UNIT:
        job = PackJob.objects.get(requested_by=cast[role])
        assert response.status_code == 302 and response.url == reverse("packs:job-status", args=[job.public_id])
    else:
        assert response.status_code == 404
        assert not PackJob.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_requesting_a_sample_pack(role, cast, client_for):
    response = client_for(cast[role]).post(reverse("packs:request-sample", args=[cast["sample"].pk]))
    assert response.status_code == (302 if role in ALLOWED_FOR_SAMPLE else 404)


@pytest.mark.parametrize("role", ROLES)
def test_following_and_downloading_a_learner_unit_pack(role, cast, ready_job, client_for):
    client = client_for(cast[role])
    status = client.get(reverse("packs:job-status", args=[ready_job.public_id]))
    download = client.get(reverse("packs:job-download", args=[ready_job.public_id]))
    if role in ALLOWED_FOR_LEARNER_UNIT:
        assert status.status_code == 200 and b'role="status"' in status.content
        assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
        assert b"".join(download.streaming_content).startswith(b"%PDF")
        assert AuditEntry.objects.filter(action=AuditAction.PACK_DOWNLOAD, actor=cast[role]).exists()
    else:
        assert status.status_code == 404 and download.status_code == 404
        assert not AuditEntry.objects.filter(action=AuditAction.PACK_DOWNLOAD).exists()


def test_a_verifier_whose_access_expired_gets_404(cast, ready_job, client_for):
    sample = cast["sample"]
    sample.expires_at = timezone.now() - timedelta(minutes=1)
    sample.save()
    client = client_for(cast["verifier"])
    assert client.get(reverse("packs:job-download", args=[ready_job.public_id])).status_code == 404
    assert client.get(reverse("packs:job-status", args=[ready_job.public_id])).status_code == 404
    assert client.post(reverse("packs:request-sample", args=[sample.pk])).status_code == 404


def test_the_wrong_method_gets_405(cast, enrolment, ready_job, client_for):
    client = client_for(cast["assessor"])
    assert client.get(reverse("packs:request-enrolment", args=[enrolment.pk])).status_code == 405
    assert client.post(reverse("packs:job-download", args=[ready_job.public_id])).status_code == 405


def test_an_anonymous_visitor_is_sent_to_log_in(client, ready_job):
    response = client.get(reverse("packs:job-download", args=[ready_job.public_id]))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_status_page_shows_progress_while_building(cast, enrolment, client_for):
    job = PackJob.objects.create(
        requested_by=cast["iqa"], enrolment=enrolment, status=PackJob.Status.BUILDING, step=3, steps_total=8,
        step_label="Laying out pages", started_at=timezone.now(),
    )
    response = client_for(cast["iqa"]).get(reverse("packs:job-status", args=[job.public_id]))
    assert b"step 3 of 8" in response.content and b"data-poll-url" in response.content


def test_the_pack_panel_offers_a_build_only_to_those_who_may_download(cast, enrolment, ready_job, rf):
    from django.template.loader import render_to_string

    from packs.selectors import pack_panel_context

    for role, shown in (("assessor", True), ("learner", False), ("verifier_without_access", False)):
        request = rf.get("/")
        request.user = cast[role]
        html = render_to_string(
            "packs/_pack_panel.html", pack_panel_context(user=cast[role], enrolment=enrolment), request=request
        )
        assert (reverse("packs:request-enrolment", args=[enrolment.pk]) in html) is shown
        assert (reverse("packs:job-download", args=[ready_job.public_id]) in html) is shown
