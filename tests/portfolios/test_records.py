"""Records the assessor writes, and the learner's confirmation or dispute."""

import pytest
from django.urls import reverse

from portfolios import services
from portfolios.models import Claim, EvidenceItem, RecordConfirmation
from portfolios.uploads.sniffing import FileRefused
from records.models import AuditAction, AuditEntry, Notification
from tests.portfolios import samples


@pytest.fixture
def enrolment(cast):
    return cast["enrolments"][("learner", "001")]


def _record(cast, enrolment, **extra):
    return services.record_create(
        enrolment=enrolment,
        assessor=cast["assessor"],
        kind="professional_discussion",
        title="Discussion on CRM",
        date=enrolment.enrolled_on,
        duration_minutes=25,
        participants="Assessor; learner",
        body="We discussed CRM.",
        criteria=list(enrolment.unit.criteria.order_by("order")[:2]),
        **extra,
    )


@pytest.mark.parametrize(
    "who, status",
    [("assessor", 200), ("other_assessor", 404), ("learner", 403), ("iqa", 403), ("verifier_without_access", 404)],
)
def test_only_the_learners_assessor_may_record(cast, client_for, enrolment, who, status):
    assert client_for(cast[who]).get(reverse("portfolios:record-create", args=[enrolment.pk])).status_code == status


def test_the_assessor_records_a_discussion_with_audio_and_criteria(cast, client_for, enrolment):
    criteria = list(enrolment.unit.criteria.order_by("order")[:2])
    response = client_for(cast["assessor"]).post(
        reverse("portfolios:record-create", args=[enrolment.pk]),
        {
            "kind": "professional_discussion",
            "title": "PD",
            "date": "2026-11-01",
            "duration_minutes": 30,
            "participants": "D. Okafor (assessor), A. Hussain",
            "body": "Notes",
            "criteria": [c.pk for c in criteria],
            "files": [samples.upload("talk.wav", samples.wav_bytes())],
        },
    )
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    assert item.author == cast["assessor"] and item.learner == cast["learner"] and item.is_assessor_record()
    assert Claim.objects.filter(version__item=item, created_by=cast["assessor"]).count() == 2
    assert Notification.objects.get(kind=Notification.Kind.RECORD).recipient == cast["learner"]


def test_a_record_refuses_a_document_attachment_and_keeps_nothing(cast, enrolment, tmp_path):
    with pytest.raises(FileRefused, match="audio or video recording only"):
        _record(cast, enrolment, uploads=[samples.upload("notes.pdf", samples.pdf_bytes())])
    assert not EvidenceItem.objects.exists()
    assert not any(p.is_file() for p in (tmp_path / "evidence").rglob("*"))


def test_the_learner_confirms_a_record_and_it_is_frozen_and_audited(cast, client_for, enrolment):
    item = _record(cast, enrolment)
    response = client_for(cast["learner"]).post(
        reverse("portfolios:record-confirm", args=[item.pk]), {"outcome": "confirmed"}
    )
    assert response.status_code == 302
    confirmation = RecordConfirmation.objects.get()
    assert confirmation.learner == cast["learner"] and confirmation.declaration_text
    assert item.current_version().is_frozen
    assert AuditEntry.objects.filter(action=AuditAction.RECORD_CONFIRMATION).count() == 1


def test_a_dispute_needs_a_comment(cast, client_for, enrolment):
    item = _record(cast, enrolment)
    client = client_for(cast["learner"])
    client.post(reverse("portfolios:record-confirm", args=[item.pk]), {"outcome": "disputed"})
    assert not RecordConfirmation.objects.exists()
    client.post(
        reverse("portfolios:record-confirm", args=[item.pk]), {"outcome": "disputed", "comment": "I said X, not Y."}
    )
    assert RecordConfirmation.objects.get().outcome == "disputed"


@pytest.mark.parametrize("who", ["other_learner", "assessor", "other_assessor"])
def test_only_the_learner_may_confirm(cast, client_for, enrolment, who):
    item = _record(cast, enrolment)
    assert (
        client_for(cast[who])
        .post(reverse("portfolios:record-confirm", args=[item.pk]), {"outcome": "confirmed"})
        .status_code
        == 404
    )
    assert client_for(cast["learner"]).get(reverse("portfolios:record-confirm", args=[item.pk])).status_code == 405
