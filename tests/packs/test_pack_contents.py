"""A learner-unit's pack, read back with pypdf: sections, criteria, references, pages, attachments."""

import hashlib
import re

import pytest
from django.core.files.storage import default_storage

from packs.models import PackJob
from packs.services import pack_request
from records.models import AuditAction, AuditEntry
from tests.packs.helpers import pack_reader, page_texts


@pytest.fixture
def built(portfolio, cast):
    job = pack_request(user=cast["assessor"], enrolment=portfolio["enrolment"])
    assert job.status == PackJob.Status.READY, job.error
    reader = pack_reader(job)
    return job, reader, page_texts(reader)


def test_every_criterion_of_the_unit_is_in_the_tracking_grid(built, portfolio):
    _, _, texts = built
    everything = "\n".join(texts)
    for code in portfolio["criteria"]:
        assert re.search(rf"(^|\s){re.escape(code)}\s", everything), code


def test_each_evidence_reference_names_the_page_where_that_evidence_starts(built):
    _, _, texts = built
    grid = next(t for t in texts if "Tracking grid" in t and "Evidence (page)" in t)
    cited = dict(re.findall(r"(E\d\d) p\. (\d+)", grid))
    assert set(cited) == {"E01", "E02", "E03", "E04", "E05"}
    for ref, page in cited.items():
        assert f"{ref} · " in texts[int(page) - 1], f"{ref} should start on page {page}"
        assert f"{ref} · " not in texts[int(page) - 2]


def test_the_cover_shows_the_grade_and_the_integrity_reference_on_every_page(built):
    job, reader, texts = built
    assert "Achieved" in texts[0] and "Unit 306/696" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert job.integrity_reference in text


def test_declarations_of_learner_assessor_and_iqa_are_present(built):
    _, _, texts = built
    declarations = next(t for t in texts if t.lstrip().startswith("Declarations"))
    assert "I declare that this evidence is my own work." in declarations
    assert "192.0.2.10" in declarations
    everything = "\n".join(texts)
    assert "I confirm the learner has met every criterion of this unit." in everything
    assert "I have sampled this assessment in line with the IQA strategy." in everything


def test_merged_pdf_evidence_pages_carry_their_own_text_and_the_footer(built):
    _, _, texts = built
    merged = [t for t in texts if "of the evidence document Signed plan" in t]
    assert len(merged) == 3
    assert all("Page " in t and " of " in t for t in merged)


def test_attached_files_come_back_byte_identical(built, portfolio):
    _, reader, _ = built
    attachments = reader.attachments
    for key in ("docx", "audio"):
        stored = portfolio["files"][key]
        name = next(n for n in attachments if n.endswith(stored.original_name))
        data = attachments[name][0]
        assert hashlib.sha256(data).hexdigest() == stored.sha256
        with default_storage.open(stored.storage_name, "rb") as handle:
            assert data == handle.read()


def test_learners_text_is_sanitised_not_executed(built):
    _, _, texts = built
    everything = "\n".join(texts)
    assert "loyalty scheme" in everything
    assert "alert(" not in everything and "<script>" not in everything


def test_the_build_is_in_the_audit_log_with_its_integrity_record(built, portfolio):
    job, _, _ = built
    entry = AuditEntry.objects.filter(action=AuditAction.PACK_BUILD, enrolment=portfolio["enrolment"]).last()
    assert entry.after["integrity_reference"] == job.integrity_reference
    assert entry.after["file_sha256"] == job.sha256
