"""The upload allow-list is decided by content, and a refusal says what to do."""

import io

import pytest

from portfolios.uploads import sniffing
from portfolios.uploads.sniffing import FileRefused
from tests.portfolios import samples


@pytest.mark.parametrize("name", list(samples.ALLOWED_SAMPLES))
def test_it_recognises_every_allowed_type_by_its_content(name):
    make, expected = samples.ALLOWED_SAMPLES[name]
    assert sniffing.sniff(io.BytesIO(make()), name).key == expected


def test_it_rejects_a_file_whose_content_is_not_its_extension():
    with pytest.raises(FileRefused, match=r"named \.pdf but its content is a PNG image"):
        sniffing.sniff(io.BytesIO(samples.image_bytes("PNG")), "report.pdf")


def test_it_rejects_a_zip_archive_and_says_to_upload_the_documents():
    with pytest.raises(FileRefused, match="This file is a ZIP archive; upload the documents themselves"):
        sniffing.sniff(io.BytesIO(samples.plain_zip_bytes()), "work.zip")


def test_it_rejects_a_zip_archive_disguised_as_a_docx():
    with pytest.raises(FileRefused, match="ZIP archive"):
        sniffing.sniff(io.BytesIO(samples.plain_zip_bytes()), "report.docx")


def test_it_rejects_a_rar_archive():
    with pytest.raises(FileRefused, match="RAR archive"):
        sniffing.sniff(io.BytesIO(b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64), "work.rar")


def test_it_rejects_a_damaged_zip_based_document():
    with pytest.raises(FileRefused, match="damaged or incomplete"):
        sniffing.sniff(io.BytesIO(samples.docx_bytes()[:600]), "report.docx")


def test_it_rejects_text_that_is_not_utf8_or_contains_nul_bytes():
    with pytest.raises(FileRefused, match="Upload PDF, DOCX"):
        sniffing.sniff(io.BytesIO(b"caf\xe9 latin-1 text"), "notes.txt")
    with pytest.raises(FileRefused):
        sniffing.sniff(io.BytesIO(b"text\x00with nul"), "notes.txt")


def test_it_rejects_an_executable_named_as_text():
    with pytest.raises(FileRefused):
        sniffing.sniff(io.BytesIO(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64), "notes.txt")


def test_it_rejects_an_extension_not_on_the_allow_list_even_with_allowed_content():
    with pytest.raises(FileRefused, match=r"Files named \.html cannot be uploaded"):
        sniffing.sniff(io.BytesIO(b"<p>hello</p>"), "page.html")


@pytest.mark.parametrize(
    "given, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\report.docx", "report.docx"),
        ("", "upload"),
        ("..", "upload"),
    ],
)
def test_it_strips_a_path_from_a_file_name_to_its_basename(given, expected):
    assert sniffing.safe_basename(given) == expected
