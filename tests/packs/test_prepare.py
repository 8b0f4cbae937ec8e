"""How the pack shows each file follows what the upload stored; documents' text is read only to be shown."""

import pytest

from packs.prepare import document_paragraphs, file_mode
from portfolios.uploads.sniffing import ALLOWED
from tests.packs import factories as f
from tests.portfolios.samples import odt_bytes

MODES = {"pdf": "pdf", "docx": "document", "odt": "document", "jpeg": "image", "png": "image", "heic": "image"}


@pytest.mark.parametrize("file_type", sorted(ALLOWED))
def test_every_allowed_type_has_a_mode_from_its_stored_category(file_type):
    stored = ALLOWED[file_type]
    assert file_mode({"category": stored.category, "file_type": stored.key}) == MODES.get(file_type, "attach")


def test_a_docx_and_an_odt_are_read_as_their_paragraphs(tmp_path):
    docx_path, odt_path = tmp_path / "a.docx", tmp_path / "a.odt"
    docx_path.write_bytes(f.docx_bytes(["First paragraph.", "", "Second paragraph."]))
    odt_path.write_bytes(odt_bytes(words=5))
    assert document_paragraphs(docx_path, "docx") == ["First paragraph.", "Second paragraph."]
    assert document_paragraphs(odt_path, "odt") == ["Customer retention depends on knowing"]
