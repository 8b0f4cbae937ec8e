"""Gather everything one learner-unit's pack shows, in a fixed number of queries, as plain data.

The result holds only strings, numbers and lists, so the build can run in a child process with no
database access.
"""

from django.db.models import Prefetch, Q
from django.utils import timezone

from assessment.models import CriterionAssessment, CriterionDecision, Outcome, SampleEntry, Submission, UnitSignOff
from assessment.progress import Grade, grade_for
from people.models import Enrolment
from portfolios.models import Claim, EvidenceVersion, StoredFile
from records.audit import latest_audit_hash
from records.models import AuditEntry
from units.models import EvidenceRequirement, GradeBand
from units.selectors import outcomes_with_structure


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d %b %Y %H:%M") if value else ""


def _day(value) -> str:
    return value.strftime("%d %b %Y") if value else ""


def _person(user) -> str:
    return str(user) if user else ""


def _grade(unit, outcomes: dict[int, str], criteria) -> str:
    """The unit grade from the current criterion outcomes, by the one rule in assessment.progress."""
    met = {c.pk for c in criteria if outcomes.get(c.pk) == Outcome.MET}
    return grade_for(grading_scheme=unit.grading_scheme, bands={c.pk: c.band for c in criteria}, met=met).label


def _decisions(enrolment) -> dict[int, list[CriterionDecision]]:
    decisions: dict[int, list[CriterionDecision]] = {}
    for decision in CriterionDecision.objects.filter(enrolment=enrolment).select_related("decided_by", "signed_by"):
        decisions.setdefault(decision.criterion_id, []).append(decision)
    return decisions


def _claims(enrolment) -> list[Claim]:
    """Claims of this learner against this unit that went into a live submission, in criterion order."""
    live = Submission.objects.live().filter(enrolment=enrolment)
    versions = EvidenceVersion.objects.select_related("item__author", "item__learner").prefetch_related(
        Prefetch("files", queryset=StoredFile.objects.order_by("uploaded_at", "pk"))
    )
    return list(
        Claim.objects.filter(
            Q(submissions__in=live), criterion__unit_id=enrolment.unit_id, version__item__learner_id=enrolment.learner_id
        )
        .distinct()
        .select_related("criterion")
        .prefetch_related(Prefetch("version", queryset=versions), "range_items")
        .order_by("criterion__order", "version__item__created_at", "version__number", "pk")
    )


def _evidence_entries(claims, requirements, prefix: str) -> tuple[list[dict], dict[int, str]]:
    """Number the claimed versions E01, E02… in the order the tracking grid first cites them."""
    refs: dict[int, str] = {}
    entries = []
    for claim in claims:
        version = claim.version
        if version.pk in refs:
            continue
        ref = f"E{len(refs) + 1:02d}"
        refs[version.pk] = ref
        files = [
            {
                "id": f.pk,
                "name": f.original_name,
                "storage_name": f.storage_name,
                "sha256": f.sha256,
                "size": f.size,
                "file_type": f.file_type,
                "mime_type": f.mime_type,
                "category": f.category,
                "duration_seconds": f.duration_seconds,
                "word_count": f.word_count,
            }
            for f in version.files.all()
        ]
        # Counted once, on saving and on upload; the pack does not count again.
        words = version.total_word_count()
        requirement = requirements.get(version.item.kind)
        entries.append(
            {
                "ref": ref,
                "anchor": f"{prefix}-{ref}",
                "version_id": version.pk,
                "item_id": version.item_id,
                "title": version.title,
                "kind": version.item.get_kind_display(),
                "author": _person(version.item.author),
                "date": _day(version.date),
                "version": version.number,
                "frozen_at": _when(version.frozen_at),
                "description": version.description,
                "body": version.body,
                "body_format": version.body_format,
                "duration_minutes": version.duration_minutes,
                "participants": version.participants,
                "words": words if (version.body or any(f["word_count"] for f in files)) else None,
                "requirement": requirement.words_label() if requirement else "",
                "word_problem": requirement.check_word_count(words) if requirement else None,
                "files": files,
            }
        )
    return entries, refs


def _grid(unit, claims, refs, decisions, assessments, prefix: str) -> tuple[list[dict], list[dict]]:
    """Tracking-grid rows: pass criteria under their LO, then grading criteria by band."""
    claims_by_criterion: dict[int, list[Claim]] = {}
    for claim in claims:
        claims_by_criterion.setdefault(claim.criterion_id, []).append(claim)
    los = outcomes_with_structure().filter(unit=unit)
    pass_rows, grading_rows = [], []
    for lo in los:
        for criterion in lo.criteria.all():
            criterion_claims = claims_by_criterion.get(criterion.pk, [])
            covered = {item.pk for claim in criterion_claims for item in claim.range_items.all()}
            range_items = [
                {"text": item.text, "heading": heading.heading, "covered": item.pk in covered}
                for heading in criterion.range_headings.all()
                for item in heading.items.all()
            ]
            history = decisions.get(criterion.pk, [])
            latest = history[-1] if history else None
            assessment = assessments.get(criterion.pk)
            seen = []
            for claim in criterion_claims:
                ref = refs[claim.version_id]
                if ref not in [s["ref"] for s in seen]:
                    seen.append({"ref": ref, "anchor": f"{prefix}-{ref}", "where": claim.location_note})
            row = {
                "lo": lo.number,
                "lo_text": lo.text,
                "code": criterion.code,
                "text": criterion.text,
                "band": criterion.get_band_display(),
                "anchor": f"{prefix}-ac-{criterion.code}",
                "evidence": seen,
                "range_items": range_items,
                "outcome": (assessment.get_outcome_display() if assessment and assessment.outcome else "")
                or (latest.get_outcome_display() if latest else "Not assessed"),
                "outcome_key": (assessment.outcome if assessment else "") or (latest.outcome if latest else ""),
                "date": _day(timezone.localtime(latest.signed_at or latest.decided_at)) if latest else "",
                "history": [
                    {
                        "outcome": d.get_outcome_display(),
                        "attempt": d.attempt_label(),
                        "feedback": d.feedback,
                        "decided_by": _person(d.decided_by),
                        "decided_at": _when(d.decided_at),
                        "signed_by": _person(d.signed_by),
                        "signed_at": _when(d.signed_at),
                    }
                    for d in history
                ],
            }
            (pass_rows if criterion.band == GradeBand.PASS else grading_rows).append(row)
    band_order = {GradeBand.MERIT.label: 0, GradeBand.DISTINCTION.label: 1}
    grading_rows.sort(key=lambda r: (band_order.get(r["band"], 2), r["lo"]))
    return pass_rows, grading_rows


def _declarations(enrolment, decisions, sign_off, samples) -> list[dict]:
    declarations = []
    for submission in Submission.objects.filter(enrolment=enrolment).select_related("submitted_by"):
        declarations.append(
            {
                "who": _person(submission.submitted_by),
                "role": "Learner",
                "what": f"Declaration of authenticity — {submission.attempt_label()}"
                + (" (withdrawn)" if submission.status == Submission.Status.WITHDRAWN else ""),
                "text": submission.declaration_text,
                "at": _when(submission.submitted_at),
                "ip": submission.ip_address or "",
            }
        )
    for history in decisions.values():
        for decision in history:
            if decision.signed_at:
                declarations.append(
                    {
                        "who": _person(decision.signed_by),
                        "role": "Assessor",
                        "what": f"Criterion sign-off {decision.criterion.code}",
                        "text": decision.declaration_text,
                        "at": _when(decision.signed_at),
                        "ip": "",
                    }
                )
    if sign_off:
        declarations.append(
            {
                "who": _person(sign_off.assessor),
                "role": "Assessor",
                "what": f"Unit sign-off — grade {sign_off.grade}",
                "text": sign_off.assessor_declaration,
                "at": _when(sign_off.signed_at),
                "ip": "",
            }
        )
        if sign_off.learner_confirmed_at:
            declarations.append(
                {
                    "who": _person(enrolment.learner),
                    "role": "Learner",
                    "what": "Confirmation of unit sign-off",
                    "text": sign_off.learner_declaration,
                    "at": _when(sign_off.learner_confirmed_at),
                    "ip": "",
                }
            )
    for entry in samples:
        decision = getattr(entry, "decision", None)
        if decision:
            declarations.append(
                {
                    "who": _person(decision.decided_by),
                    "role": "Internal quality assurer",
                    "what": f"IQA decision ({entry.get_stage_display().lower()} sample): {decision.get_outcome_display()}",
                    "text": decision.declaration_text,
                    "at": _when(decision.decided_at),
                    "ip": "",
                }
            )
    return declarations


def _iqa(samples) -> list[dict]:
    rows = []
    for entry in samples:
        decision = getattr(entry, "decision", None)
        rows.append(
            {
                "stage": entry.get_stage_display(),
                "risk": entry.get_risk_display(),
                "reason": entry.reason,
                "planned_by": _person(entry.planned_by),
                "planned_at": _when(entry.planned_at),
                "outcome": decision.get_outcome_display() if decision else "Awaiting decision",
                "comments": decision.comments if decision else "",
                "decided_by": _person(decision.decided_by) if decision else "",
                "decided_at": _when(decision.decided_at) if decision else "",
                "actions": [
                    {
                        "text": action.text,
                        "assessor": _person(action.assessor),
                        "due_on": _day(action.due_on),
                        "status": action.get_status_display(),
                        "done_note": action.done_note,
                        "closed_at": _when(action.closed_at),
                    }
                    for action in (decision.actions.all() if decision else [])
                ],
            }
        )
    return rows


def enrolment_pack_context(enrolment: Enrolment, *, prefix: str = "lu1") -> dict:
    """Everything the pack for one learner-unit shows, as plain data."""
    enrolment = Enrolment.objects.select_related(
        "learner", "unit", "assessor", "iqa", "cohort__centre"
    ).get(pk=enrolment.pk)
    unit = enrolment.unit
    criteria = list(unit.criteria.all())
    decisions = _decisions(enrolment)
    for history in decisions.values():
        for decision in history:
            decision.criterion = next(c for c in criteria if c.pk == decision.criterion_id)
    assessments = {a.criterion_id: a for a in CriterionAssessment.objects.filter(enrolment=enrolment)}
    outcomes = {pk: a.outcome for pk, a in assessments.items()}
    for pk, history in decisions.items():
        outcomes.setdefault(pk, history[-1].outcome)
    sign_off = UnitSignOff.objects.filter(enrolment=enrolment).select_related("assessor").first()
    samples = list(
        SampleEntry.objects.filter(enrolment=enrolment)
        .select_related("planned_by", "decision__decided_by")
        .prefetch_related("decision__actions__assessor")
    )
    requirements = {r.kind: r for r in EvidenceRequirement.objects.filter(unit=unit)}
    claims = _claims(enrolment)
    evidence, refs = _evidence_entries(claims, requirements, prefix)
    pass_rows, grading_rows = _grid(unit, claims, refs, decisions, assessments, prefix)
    audit = [
        {
            "id": entry.pk,
            "at": _when(entry.at),
            "actor": entry.actor_label or "System",
            "action": entry.get_action_display(),
            "summary": entry.summary,
            "hash": entry.entry_hash,
        }
        for entry in AuditEntry.objects.filter(enrolment=enrolment).order_by("pk")
    ]
    centre = enrolment.cohort.centre
    return {
        "prefix": prefix,
        "enrolment_id": enrolment.pk,
        "centre": f"{centre.name}" + (f" (centre {centre.centre_number})" if centre.centre_number else ""),
        "cohort": enrolment.cohort.name,
        "unit": {
            "key": unit.key,
            "title": unit.title,
            "title_inferred": unit.title_inferred,
            "awarding_body": unit.awarding_body,
            "references": unit.reference_label() or f"Catalogue key {unit.key}",
            "level": unit.level,
            "credits": unit.credit_value,
            "glh": unit.glh,
            "graded": unit.is_graded(),
        },
        "learner": _person(enrolment.learner),
        "learner_username": enrolment.learner.username,
        "assessor": _person(enrolment.assessor),
        "iqa": _person(enrolment.iqa),
        "grade": Grade(sign_off.grade).label if sign_off else _grade(unit, outcomes, criteria),
        "grade_confirmed": bool(sign_off),
        "signed_off_at": _when(sign_off.signed_at) if sign_off else "",
        "learner_confirmed_at": _when(sign_off.learner_confirmed_at) if sign_off else "",
        "declarations": _declarations(enrolment, decisions, sign_off, samples),
        "pass_rows": pass_rows,
        "grading_rows": grading_rows,
        "evidence": evidence,
        "iqa_samples": _iqa(samples),
        "audit": audit,
        "criteria_count": len(criteria),
    }


def pack_data(*, pack_id: str, enrolment: Enrolment | None = None, sample=None) -> dict:
    """The whole pack as plain data: one learner-unit, or every learner-unit of a verifier's sample."""
    now = timezone.now()
    if sample is not None:
        enrolments = list(sample.enrolments.select_related("learner", "unit").order_by("learner__display_name", "unit__key"))
        units = [enrolment_pack_context(e, prefix=f"lu{i}") for i, e in enumerate(enrolments, start=1)]
        title = f"Verification pack — {sample.name}"
        sample_info = {
            "id": sample.pk,
            "name": sample.name,
            "centre": str(sample.centre),
            "verifier": _person(sample.verifier),
            "organisation": sample.verifier.organisation,
            "granted_by": _person(sample.granted_by),
            "granted_at": _when(sample.granted_at),
            "expires_at": _when(sample.expires_at),
        }
    else:
        units = [enrolment_pack_context(enrolment, prefix="lu1")]
        title = f"Verification pack — {units[0]['learner']} — {units[0]['unit']['references']} {units[0]['unit']['title']}"
        sample_info = None
    return {
        "pack_id": pack_id,
        "title": title,
        "generated_at": _when(now),
        "generated_at_iso": now.isoformat(),
        "audit_head": latest_audit_hash(),
        "sample": sample_info,
        "units": units,
    }
