"""verify_pack accepts an untouched pack and names what was altered in a tampered one."""

import pytest
from django.core.management import call_command
from pypdf import PdfReader, PdfWriter

from packs.services import pack_request
from portfolios.services import evidence_update
from tests.packs import factories as f
from tests.packs.helpers import pack_bytes


@pytest.fixture
def pack_file(portfolio, cast, tmp_path):
    job = pack_request(user=cast["iqa"], enrolment=portfolio["enrolment"])
    path = tmp_path / "pack.pdf"
    path.write_bytes(pack_bytes(job))
    return path


def _rewrite(source, target, change):
    writer = PdfWriter(clone_from=PdfReader(source))
    change(writer)
    with open(target, "wb") as handle:
        writer.write(handle)


def test_it_accepts_an_untouched_pack(pack_file, capsys):
    call_command("verify_pack", str(pack_file))
    assert capsys.readouterr().out.startswith("OK: ATT-")


def test_it_accepts_a_pack_showing_one_pdf_in_two_versions_of_an_item(cast, tmp_path, capsys):
    """A referred item revised and resubmitted keeps its PDF: both versions are in the pack, each with its own pages."""
    enrolment = cast["enrolments"][("learner", "001")]
    first, second = enrolment.unit.criteria.order_by("order")[:2]
    item = f.evidence(cast["learner"], "Plan", kind="product", files={"plan.pdf": f.pdf_bytes(2, "Plan")})
    f.claim(item, first)
    f.claim(item, second)
    f.submit(enrolment)
    f.decide(enrolment, first, "met")
    f.decide(enrolment, second, "not_yet_met", feedback="Say who agreed the plan.")
    evidence_update(item=item, user=cast["learner"], title="Plan", date=item.current_version().date, body="Agreed by Sam.")
    f.submit(enrolment)
    job = pack_request(user=cast["iqa"], enrolment=enrolment)
    path = tmp_path / "pack.pdf"
    path.write_bytes(pack_bytes(job))
    call_command("verify_pack", str(path))
    assert capsys.readouterr().out.startswith("OK: ATT-")
    assert sum("of the evidence document Plan" in (p.extract_text() or "") for p in PdfReader(path).pages) == 4


def test_it_rejects_a_pack_with_one_altered_attachment_and_names_it(pack_file, tmp_path, capsys):
    tampered = tmp_path / "tampered.pdf"

    def alter(writer):
        attachment = next(a for a in writer.attachment_list if a.name.endswith("reflection.docx"))
        attachment.content = b"PK\x03\x04 not the learner's document"

    _rewrite(pack_file, tampered, alter)
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_pack", str(tampered))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "reflection.docx: its bytes differ" in err


def test_it_rejects_a_pack_whose_merged_evidence_page_was_replaced(pack_file, tmp_path, capsys):
    from packs.merge import EVIDENCE_XOBJECT

    tampered = tmp_path / "tampered.pdf"
    manifest_pages = [p for p, t in enumerate(PdfReader(pack_file).pages) if EVIDENCE_XOBJECT in t["/Resources"].get("/XObject", {})]

    def alter(writer):
        form = writer.pages[manifest_pages[1]]["/Resources"]["/XObject"][EVIDENCE_XOBJECT].get_object()
        form.set_data(b"BT /F1 12 Tf 72 720 Td (forged) Tj ET")

    _rewrite(pack_file, tampered, alter)
    with pytest.raises(SystemExit):
        call_command("verify_pack", str(tampered))
    assert "merged evidence pages" in capsys.readouterr().err


def test_it_explains_when_the_file_is_not_a_pack(tmp_path, db, capsys):
    other = tmp_path / "other.pdf"
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(other)
    with pytest.raises(SystemExit):
        call_command("verify_pack", str(other))
    assert "attest-manifest.json" in capsys.readouterr().err
