"""A 200 MB upload streams to disk: the server never holds the file in memory."""

import json
import tracemalloc

import pytest
from django.test.client import ClientHandler

from portfolios.models import StoredFile
from tests.bigfile import write_multipart_wav, wsgi_environ

SIZE = 200 * 1024 * 1024


@pytest.mark.django_db
def test_a_200_mb_upload_is_streamed_to_disk_and_hashed_in_chunks(cast, client, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    client.force_login(cast["learner"])
    cookie = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    body_path = tmp_path / "body.bin"
    fields = {"kind": "other", "title": "Long recording", "date": "2026-11-02", "body_format": "plain"}
    length = write_multipart_wav(body_path, size=SIZE, fields=fields)

    with open(body_path, "rb") as body:
        environ = wsgi_environ(path="/portfolio/evidence/new/", body=body, length=length, cookie=cookie)
        tracemalloc.start()
        try:
            response = ClientHandler(enforce_csrf_checks=False)(environ)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert response.status_code == 200, response.content[:500]
    assert "redirect" in json.loads(response.content)
    stored = StoredFile.objects.get()
    assert stored.size == SIZE and stored.file_type == "wav"
    assert peak < 50 * 1024 * 1024, f"peak traced allocation {peak / 2**20:.1f} MB for a {SIZE / 2**20:.0f} MB file"
