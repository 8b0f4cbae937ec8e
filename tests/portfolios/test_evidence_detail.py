"""The evidence page: who may read it, and what it shows."""

import pytest
from django.urls import reverse

from tests.portfolios import samples

READERS = [
    ("learner", 200),
    ("other_learner", 404),
    ("assessor", 200),
    ("iqa", 200),
    ("other_assessor", 404),
    ("verifier", 200),
    ("verifier_without_access", 404),
    ("admin", 200),
]


@pytest.mark.parametrize("who, status", READERS)
def test_the_evidence_page_is_visible_only_to_people_with_a_right_to_it(cast, client_for, make_evidence, who, status):
    item = make_evidence(map_to=[("001", "1.1")])
    response = client_for(cast[who]).get(reverse("portfolios:evidence-detail", args=[item.pk]))
    assert response.status_code == status


def test_it_refuses_post(cast, client_for, make_evidence):
    item = make_evidence()
    assert client_for(cast["learner"]).post(reverse("portfolios:evidence-detail", args=[item.pk])).status_code == 405


def test_it_renders_markdown_sanitised(cast, client_for):
    from portfolios.services import evidence_create

    item = evidence_create(
        learner=cast["learner"],
        author=cast["learner"],
        kind="report",
        title="MD",
        body="# Heading\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1))",
        body_format="markdown",
    )
    html = client_for(cast["learner"]).get(reverse("portfolios:evidence-detail", args=[item.pk])).content.decode()
    assert "<h1>Heading</h1>" in html and "<strong>bold</strong>" in html
    assert "<script>alert(1)</script>" not in html and "javascript:alert" not in html


def test_it_previews_pdf_image_audio_and_video_in_the_page(cast, client_for, make_evidence):
    item = make_evidence(
        uploads=[
            samples.upload("r.pdf", samples.pdf_bytes()),
            samples.upload("p.png", samples.image_bytes()),
            samples.upload("a.wav", samples.wav_bytes()),
            samples.upload("v.mp4", samples.mp4_bytes()),
        ]
    )
    html = client_for(cast["learner"]).get(reverse("portfolios:evidence-detail", args=[item.pk])).content.decode()
    assert "<iframe" in html and "<img" in html and "<audio" in html and "<video" in html


def test_the_verifier_does_not_see_evidence_outside_their_sample(cast, client_for, make_evidence):
    item = make_evidence(map_to=[("002", "1.1")])
    assert client_for(cast["verifier"]).get(reverse("portfolios:evidence-detail", args=[item.pk])).status_code == 404


def test_a_verifiers_view_is_recorded_in_the_audit_log(cast, client_for, make_evidence):
    from records.models import AuditAction, AuditEntry

    item = make_evidence(map_to=[("001", "1.1")])
    client_for(cast["verifier"]).get(reverse("portfolios:evidence-detail", args=[item.pk]))
    assert AuditEntry.objects.filter(action=AuditAction.VERIFIER_VIEW, actor=cast["verifier"]).count() == 1
