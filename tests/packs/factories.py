"""Build pack test data directly with the models: evidence files, claims, submissions, decisions, IQA."""

import hashlib
import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone


def pdf_bytes(pages: int, label: str) -> bytes:
    from weasyprint import HTML

    body = "".join(
        f'<section style="break-after: page"><h1>{label}</h1><p>Page {n} of the evidence document {label}.</p></section>'
        for n in range(1, pages + 1)
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


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


def stored_file(owner, name: str, data: bytes, file_type: str, mime: str, category: str, **extra):
    from portfolios.models import StoredFile

    storage_name = default_storage.save(f"evidence/{hashlib.sha256(data).hexdigest()[:12]}-{name}", ContentFile(data))
    return StoredFile.objects.create(
        owner=owner,
        uploaded_by=owner,
        storage_name=storage_name,
        original_name=name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        file_type=file_type,
        mime_type=mime,
        category=category,
        **extra,
    )


def evidence(learner, title: str, *, kind="report", body="", body_format="plain", files=(), author=None, when=None):
    from portfolios.models import EvidenceItem, EvidenceVersion

    author = author or learner
    when = when or timezone.now()
    item = EvidenceItem.objects.create(learner=learner, author=author, kind=kind, created_at=when)
    version = EvidenceVersion.objects.create(
        item=item,
        number=1,
        title=title,
        body=body,
        body_format=body_format,
        body_word_count=len(body.split()),
        created_by=author,
        frozen_at=when,
    )
    version.files.set(files)
    return version


def claim(version, criterion, *, range_items=(), where=""):
    from portfolios.models import Claim

    made = Claim.objects.create(version=version, criterion=criterion, location_note=where, created_by=version.created_by)
    made.range_items.set(range_items)
    return made


def submit(enrolment, claims, *, attempt=1, ip="192.0.2.10"):
    from assessment.models import Submission
    from records.audit import audit_append
    from records.models import AuditAction

    submission = Submission.objects.create(
        enrolment=enrolment,
        attempt=attempt,
        declaration_text="I declare that this evidence is my own work.",
        submitted_by=enrolment.learner,
        ip_address=ip,
    )
    submission.claims.set(claims)
    audit_append(
        actor=enrolment.learner, action=AuditAction.SUBMISSION, obj=submission, summary="Submitted for assessment",
        enrolment=enrolment,
    )
    return submission


def decide(enrolment, criterion, submission, outcome="met", *, feedback="", sign=True):
    from assessment.models import CriterionAssessment, CriterionDecision
    from records.audit import audit_append
    from records.models import AuditAction

    now = timezone.now()
    decision = CriterionDecision.objects.create(
        enrolment=enrolment,
        criterion=criterion,
        submission=submission,
        attempt=submission.attempt,
        outcome=outcome,
        feedback=feedback,
        decided_by=enrolment.assessor,
        decided_at=now,
        signed_by=enrolment.assessor if sign and outcome == "met" else None,
        signed_at=now if sign and outcome == "met" else None,
        declaration_text="I confirm this criterion is met by the learner's authentic evidence." if sign else "",
    )
    CriterionAssessment.objects.update_or_create(
        enrolment=enrolment, criterion=criterion, defaults={"outcome": outcome, "latest_decision": decision}
    )
    audit_append(
        actor=enrolment.assessor, action=AuditAction.DECISION, obj=decision,
        summary=f"{criterion.code}: {decision.get_outcome_display()}", enrolment=enrolment,
    )
    return decision


def sign_off_unit(enrolment, grade: str):
    from assessment.models import UnitSignOff

    return UnitSignOff.objects.create(
        enrolment=enrolment,
        grade=grade,
        assessor=enrolment.assessor,
        assessor_declaration="I confirm the learner has met every criterion of this unit.",
        learner_declaration="I confirm the unit sign-off.",
        learner_confirmed_at=timezone.now(),
    )


def iqa_sample(enrolment, *, outcome="disagree"):
    from assessment.models import IqaAction, IqaDecision, SampleEntry, SamplingPlan

    plan, _ = SamplingPlan.objects.get_or_create(cohort=enrolment.cohort, defaults={"iqa": enrolment.iqa})
    entry = SampleEntry.objects.create(
        plan=plan, enrolment=enrolment, stage="summative", reason="New assessor on this unit.", risk="high",
        planned_by=enrolment.iqa,
    )
    decision = IqaDecision.objects.create(
        entry=entry, outcome=outcome, comments="Feedback on 1.2 should reference the range.",
        decided_by=enrolment.iqa, declaration_text="I have sampled this assessment in line with the IQA strategy.",
    )
    if outcome == "disagree":
        IqaAction.objects.create(
            decision=decision, assessor=enrolment.assessor, text="Expand feedback on 1.2.",
            due_on=timezone.localdate() + timedelta(days=14),
        )
    return decision
