"""Reading built packs back in tests."""

import io

from django.core.files.storage import default_storage
from pypdf import PdfReader


def pack_bytes(job) -> bytes:
    with default_storage.open(job.storage_name, "rb") as handle:
        return handle.read()


def pack_reader(job) -> PdfReader:
    return PdfReader(io.BytesIO(pack_bytes(job)))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]
