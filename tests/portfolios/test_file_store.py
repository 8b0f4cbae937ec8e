"""Storing an upload: server-made names, hashes, thumbnails, and refusals that leave nothing behind."""

import hashlib
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from portfolios.models import EvidenceItem, StoredFile
from portfolios.services import evidence_create
from portfolios.uploads.sniffing import FileRefused
from portfolios.uploads.storage import file_store
from tests.portfolios import samples


def _store(cast, name, data):
    return file_store(owner=cast["learner"], uploaded_by=cast["learner"], upload=samples.upload(name, data))


def test_it_stores_under_a_server_generated_name_with_the_sha256(cast):
    data = samples.pdf_bytes()
    stored = _store(cast, "../../etc/passwd.pdf", data)
    assert stored.original_name == "passwd.pdf"
    assert stored.storage_name.startswith(f"evidence/{cast['learner'].pk}/")
    assert stored.storage_name.endswith(".pdf") and "passwd" not in stored.storage_name
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert Path(default_storage.path(stored.storage_name)).read_bytes() == data


def test_it_makes_a_thumbnail_for_a_photo(cast):
    stored = _store(cast, "photo.jpg", samples.image_bytes("JPEG", size=(2000, 1000)))
    assert (stored.width, stored.height) == (2000, 1000)
    with default_storage.open(stored.thumbnail_name) as f, Image.open(f) as thumb:
        assert max(thumb.size) <= 480


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.pdf", b"", "This file is empty"),
        ("cut.png", samples.image_bytes("PNG", size=(400, 400))[:200], "damaged or incomplete"),
        ("cut.pdf", samples.pdf_bytes()[:-40], "damaged or incomplete"),
        ("cut.docx", samples.docx_bytes()[:-300], "damaged or incomplete"),
        ("bundle.zip", samples.plain_zip_bytes(), "ZIP archive"),
    ],
)
def test_it_refuses_a_bad_file_with_its_name_and_a_reason(cast, name, data, message):
    with pytest.raises(FileRefused, match=message) as refusal:
        _store(cast, name, data)
    assert refusal.value.reason.startswith(name)


def test_it_refuses_a_file_over_the_size_limit(cast, settings):
    settings.ATTEST_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(FileRefused, match="over the limit of 1000"):
        _store(cast, "big.txt", b"word " * 300)


def test_it_refuses_a_decompression_bomb(cast, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(FileRefused, match="too many pixels"):
        _store(cast, "huge.png", samples.image_bytes("PNG", size=(200, 200)))


def test_a_refused_file_among_good_ones_leaves_no_record_and_no_stored_file(cast, tmp_path):
    good = samples.upload("good.pdf", samples.pdf_bytes())
    bad = samples.upload("bad.pdf", samples.image_bytes("PNG"))
    with pytest.raises(FileRefused):
        evidence_create(learner=cast["learner"], author=cast["learner"], kind="report", title="T", uploads=[good, bad])
    assert not EvidenceItem.objects.exists() and not StoredFile.objects.exists()
    evidence_dir = tmp_path / "evidence"
    assert not evidence_dir.exists() or not any(p.is_file() for p in evidence_dir.rglob("*"))


def test_a_truncated_jpeg_is_refused_even_when_pillow_tolerates_truncation(cast, monkeypatch):
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(FileRefused, match="damaged or incomplete"):
        _store(cast, "cut.jpg", samples.image_bytes("JPEG", size=(300, 300))[:-100])
