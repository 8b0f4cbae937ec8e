"""A learner-unit's pack, read back with pypdf: sections, criteria, references, pages, attachments."""

import re

import pytest
from django.core.files.storage import default_storage

from assessment.models import CriterionDecision, IqaDecision, Submission, UnitSignOff
from packs.models import PackJob
from packs.services import pack_request
from records.digests import sha256_hex
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


def _words(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces, as a reader sees it."""
    return " ".join(text.split())


def _section(texts: list[str], heading: str, next_heading: str) -> str:
    """The pages from the one that opens with `heading` up to the one that opens with `next_heading`."""
    start = next(i for i, t in enumerate(texts) if t.lstrip().startswith(heading))
    end = next(i for i, t in enumerate(texts) if i > start and t.lstrip().startswith(next_heading))
    return _words(" ".join(texts[start:end]))


def test_every_declaration_the_services_recorded_is_in_the_declarations(built, portfolio):
    _, _, texts = built
    declarations = _section(texts, "Declarations", "Tracking grid")
    enrolment = portfolio["enrolment"]
    submissions = list(Submission.objects.filter(enrolment=enrolment))
    signed = list(CriterionDecision.objects.filter(enrolment=enrolment, signed_at__isnull=False))
    sign_off = UnitSignOff.objects.get(enrolment=enrolment)
    iqa = IqaDecision.objects.get(entry__enrolment=enrolment)
    assert len(submissions) == 2 and len(signed) == len(portfolio["criteria"])
    recorded = [
        *(s.declaration_text for s in submissions),
        *(d.declaration_text for d in signed),
        sign_off.assessor_declaration,
        sign_off.learner_declaration,
        iqa.declaration_text,
    ]
    for text in recorded:
        assert text and _words(text) in declarations, text
    assert declarations.count("from IP address 192.0.2.10") == 2
    # A referral carries no declaration: only the met decision on 2.1 is signed.
    assert declarations.count("Criterion sign-off 2.1") == 1


def test_word_counts_are_the_ones_stored_on_upload_and_save(built, portfolio):
    _, _, texts = built
    for item in portfolio["items"]:
        version = item.current_version()
        start = next(t for t in texts if f" · {version.title}" in t.split("\n")[0])
        if version.body or any(f.word_count for f in version.files.all()):
            assert f"Word count {version.total_word_count()} words" in _words(start), version.title
        else:
            assert "Word count Not applicable" in _words(start), version.title


@pytest.mark.parametrize(
    ("key", "how"),
    [
        ("pdf", "3 pages, included unchanged after this page"),
        ("image", "image shown below"),
        ("docx", "text shown below; the original is attached"),
        ("audio", "attached to this PDF"),
    ],
)
def test_each_file_is_shown_as_its_stored_category_and_type_allow(built, portfolio, key, how):
    _, _, texts = built
    stored = portfolio["files"][key]
    # The evidence header's file row: name · size · (duration ·) how the pack includes it.
    row = re.compile(rf"File 1 {re.escape(stored.original_name)} · [^·]+ (· [^·]+ )?· {re.escape(how)}")
    assert any(row.search(_words(t)) for t in texts), how


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
        assert sha256_hex(data) == stored.sha256
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
