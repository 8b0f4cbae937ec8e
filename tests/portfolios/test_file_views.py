"""Stored files are served only through views that check access, with safe headers."""

import pytest
from django.urls import reverse

from tests.portfolios import samples

VIEWS = ["portfolios:evidence-file", "portfolios:evidence-file-preview", "portfolios:evidence-file-thumbnail"]


@pytest.fixture
def photo(make_evidence):
    item = make_evidence(uploads=[samples.upload("photo.jpg", samples.image_bytes("JPEG"))], map_to=[("001", "1.1")])
    return item.current_version().files.get()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    "who, status",
    [
        ("learner", 200),
        ("other_learner", 404),
        ("assessor", 200),
        ("iqa", 200),
        ("other_assessor", 404),
        ("verifier", 200),
        ("verifier_without_access", 404),
    ],
)
def test_files_are_served_only_to_people_who_may_read_the_evidence(cast, client_for, photo, view, who, status):
    assert client_for(cast[who]).get(reverse(view, args=[photo.pk])).status_code == status


def test_a_download_is_an_attachment_with_nosniff(cast, client_for, photo):
    response = client_for(cast["learner"]).get(reverse("portfolios:evidence-file", args=[photo.pk]))
    assert response["Content-Disposition"].startswith('attachment; filename="photo.jpg"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == open(photo_path(photo), "rb").read()


def test_a_preview_of_an_image_is_inline(cast, client_for, photo):
    response = client_for(cast["learner"]).get(reverse("portfolios:evidence-file-preview", args=[photo.pk]))
    assert response["Content-Disposition"].startswith("inline")


def test_a_preview_may_be_framed_by_the_apps_own_pages_but_a_download_may_not(cast, client_for, photo):
    client = client_for(cast["learner"])
    assert client.get(reverse("portfolios:evidence-file-preview", args=[photo.pk]))["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get(reverse("portfolios:evidence-file", args=[photo.pk]))["X-Frame-Options"] == "DENY"


def test_a_preview_of_an_office_document_still_downloads(cast, client_for, make_evidence):
    item = make_evidence(uploads=[samples.upload("r.docx", samples.docx_bytes())])
    stored = item.current_version().files.get()
    response = client_for(cast["learner"]).get(reverse("portfolios:evidence-file-preview", args=[stored.pk]))
    assert response["Content-Disposition"].startswith("attachment")


def test_file_views_refuse_post(cast, client_for, photo):
    assert client_for(cast["learner"]).post(reverse("portfolios:evidence-file", args=[photo.pk])).status_code == 405


def test_a_file_not_attached_to_any_evidence_is_not_served(cast, client_for):
    from portfolios.uploads.storage import file_store

    loose = file_store(
        owner=cast["learner"], uploaded_by=cast["learner"], upload=samples.upload("a.pdf", samples.pdf_bytes())
    )
    assert client_for(cast["learner"]).get(reverse("portfolios:evidence-file", args=[loose.pk])).status_code == 404


def photo_path(stored):
    from django.core.files.storage import default_storage

    return default_storage.path(stored.storage_name)
