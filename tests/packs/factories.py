"""Pack test data made the way the app makes it: real files uploaded, mapped, submitted, decided and sampled
through the portfolios and assessment services, so the pack shows what those services record."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessment.models import CriterionAssessment
from assessment.services import (
    criterion_decide,
    iqa_decision_record,
    sample_entry_create,
    submission_create,
    unit_sign_off_confirm,
    unit_sign_off_create,
    verifier_sample_grant,
)
from portfolios.services import claim_save, evidence_create, record_confirm, record_create
from units.models import EvidenceKind

# --- real files ---------------------------------------------------------------------------------------


def pdf_bytes(pages: int, label: str) -> bytes:
    """A PDF with `pages` pages, each saying which page of which document it is."""
    from weasyprint import HTML

    body = "".join(
        f'<section style="break-after: page"><h1>{label}</h1><p>Page {n} of the evidence document {label}.</p></section>'
        for n in range(1, pages + 1)
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def protected_pdf_bytes(label: str) -> bytes:
    """A PDF encrypted with an owner password only: it opens, and uploads, but its pages cannot be merged."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(1, label))))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def jpeg_bytes(width: int = 640, height: int = 480, colour=(40, 120, 200)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for x in range(0, width, max(1, width // 12)):
        draw.line([(x, 0), (width - x, height)], fill=(255, 255, 255), width=max(1, width // 200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    """A file as a browser sends it; the upload checks sniff its content, so `data` must be a real file."""
    return SimpleUploadedFile(name, data)


# --- portfolios ---------------------------------------------------------------------------------------


def evidence(learner, title: str, *, kind="report", body="", body_format="plain", files: dict[str, bytes] | None = None):
    """The learner's evidence item with its first version, uploading `files` (name → bytes)."""
    uploads = [upload(name, data) for name, data in (files or {}).items()]
    return evidence_create(
        learner=learner, author=learner, kind=kind, title=title, body=body, body_format=body_format, uploads=uploads
    )


def record(enrolment, title: str, *, body: str, files: dict[str, bytes], criteria):
    """The assessor's record of a professional discussion, mapped to `criteria`, confirmed by the learner."""
    item = record_create(
        enrolment=enrolment,
        assessor=enrolment.assessor,
        kind=EvidenceKind.PROFESSIONAL_DISCUSSION,
        title=title,
        date=timezone.localdate(),
        duration_minutes=15,
        participants=f"{enrolment.learner}, {enrolment.assessor}",
        body=body,
        uploads=[upload(name, data) for name, data in files.items()],
        criteria=criteria,
    )
    record_confirm(item=item, learner=enrolment.learner, outcome="confirmed")
    return item


def claim(item, criterion, *, range_items=(), where=""):
    """Map the item's current version to a criterion, as its author."""
    return claim_save(
        item=item, user=item.author, criterion=criterion, range_item_ids=[r.pk for r in range_items], location_note=where
    )


# --- assessment ---------------------------------------------------------------------------------------


def submit(enrolment, *, ip="192.0.2.10"):
    """The learner submits every mapped criterion of the unit not yet met, with the standard declaration."""
    return submission_create(enrolment=enrolment, user=enrolment.learner, ip_address=ip)


def decide(enrolment, criterion, outcome="met", *, feedback=""):
    """The assessor decides a criterion from its current revision, ticking the declaration."""
    state = CriterionAssessment.objects.filter(enrolment=enrolment, criterion=criterion).first()
    return criterion_decide(
        actor=enrolment.assessor,
        enrolment=enrolment,
        criterion=criterion,
        outcome=outcome,
        feedback=feedback,
        seen_revision=state.revision if state else 0,
        declaration_confirmed=True,
    )


def sign_off_unit(enrolment):
    """The assessor signs the unit off at the grade its decisions give, and the learner confirms it."""
    unit_sign_off_create(actor=enrolment.assessor, enrolment=enrolment, declaration_confirmed=True)
    return unit_sign_off_confirm(actor=enrolment.learner, enrolment=enrolment, declaration_confirmed=True)


def iqa_sample(enrolment, *, outcome="disagree"):
    """The IQA samples the learner-unit and records a decision; disagreeing sets the assessor an action."""
    entry = sample_entry_create(
        actor=enrolment.iqa, enrolment=enrolment, stage="summative", reason="New assessor on this unit.", risk="high"
    )
    actions = [("Expand feedback on 1.2.", timezone.localdate() + timedelta(days=14))] if outcome == "disagree" else []
    return iqa_decision_record(
        actor=enrolment.iqa,
        entry=entry,
        outcome=outcome,
        comments="Feedback on 1.2 should reference the range.",
        actions=actions,
    )


def verifier_sample(admin, verifier, enrolments, *, name="Sample for the pack tests"):
    """A centre administrator grants the verifier a week's access to these learner-units."""
    return verifier_sample_grant(
        actor=admin, verifier=verifier, name=name, enrolments=list(enrolments), expires_at=timezone.now() + timedelta(days=7)
    )
