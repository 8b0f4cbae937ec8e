"""Adding evidence through the browser form, with or without JavaScript."""

import pytest
from django.urls import reverse

from portfolios.models import EvidenceItem, StoredFile
from tests.portfolios import samples

URL = reverse("portfolios:evidence-create")


def _form(**extra):
    return {
        "kind": "report",
        "title": "Retention report",
        "date": "2026-11-01",
        "body_format": "plain",
        "body": "",
        **extra,
    }


@pytest.mark.parametrize(
    "who, status", [("learner", 200), ("assessor", 404), ("iqa", 404), ("verifier", 404), ("admin", 404)]
)
def test_only_learners_may_open_the_form(cast, client_for, who, status):
    assert client_for(cast[who]).get(URL).status_code == status


def test_it_refuses_put(cast, client_for):
    assert client_for(cast["learner"]).put(URL).status_code == 405


def test_a_learner_adds_evidence_with_several_files(cast, client_for):
    files = [samples.upload("r.docx", samples.docx_bytes(120)), samples.upload("p.jpg", samples.image_bytes("JPEG"))]
    response = client_for(cast["learner"]).post(URL, _form(files=files))
    item = EvidenceItem.objects.get()
    assert response.status_code == 302 and response.url == reverse("portfolios:evidence-detail", args=[item.pk])
    version = item.current_version()
    assert item.learner == cast["learner"] and item.author == cast["learner"]
    assert sorted(f.file_type for f in version.files.all()) == ["docx", "jpeg"]
    assert version.total_word_count() == 120


def test_text_written_in_the_app_is_counted(cast, client_for):
    client_for(cast["learner"]).post(URL, _form(body="One two three, four-five don't.", body_format="markdown"))
    assert EvidenceItem.objects.get().current_version().body_word_count == 5


def test_evidence_needs_text_or_a_file(cast, client_for):
    response = client_for(cast["learner"]).post(URL, _form())
    assert response.status_code == 400 and b"Write some text or choose at least one file" in response.content


def test_a_title_too_long_is_refused_with_the_limit(cast, client_for):
    response = client_for(cast["learner"]).post(URL, _form(title="x" * 201, body="words"))
    assert response.status_code == 400 and b"at most 200 characters" in response.content
    assert not EvidenceItem.objects.exists()


def test_a_bad_file_is_refused_and_nothing_is_stored(cast, client_for):
    files = [samples.upload("ok.pdf", samples.pdf_bytes()), samples.upload("fake.pdf", samples.image_bytes())]
    response = client_for(cast["learner"]).post(URL, _form(files=files))
    assert response.status_code == 400
    assert "fake.pdf: This file is named .pdf but its content is a PNG image" in response.content.decode()
    assert not EvidenceItem.objects.exists() and not StoredFile.objects.exists()


def test_an_xhr_upload_gets_json_back(cast, client_for):
    client = client_for(cast["learner"])
    ok = client.post(
        URL, _form(files=[samples.upload("a.txt", b"hello there")]), headers={"X-Requested-With": "XMLHttpRequest"}
    )
    assert ok.status_code == 200 and ok.json()["redirect"].startswith("/portfolio/evidence/")
    bad = client.post(
        URL,
        _form(files=[samples.upload("a.zip", samples.plain_zip_bytes())]),
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert bad.status_code == 400 and "ZIP archive" in bad.json()["errors"][0]


def test_a_path_in_the_file_name_is_reduced_to_its_basename(cast, client_for):
    client_for(cast["learner"]).post(URL, _form(files=[samples.upload("../../etc/passwd.txt", b"root line")]))
    stored = StoredFile.objects.get()
    assert stored.original_name == "passwd.txt" and ".." not in stored.storage_name
