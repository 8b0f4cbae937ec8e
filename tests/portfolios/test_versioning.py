"""Submitting freezes versions; a later edit makes a new version and the old one stays exactly as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assessment import services as assessment_services
from portfolios import services
from portfolios.models import EvidenceVersion
from tests.portfolios import samples
from units.models import RangeItem


@pytest.fixture
def submitted(cast, make_evidence):
    item = make_evidence(
        body="first text", uploads=[samples.upload("a.pdf", samples.pdf_bytes())], map_to=[("001", "1.1")]
    )
    claim = item.current_version().claims.get()
    claim.range_items.set(RangeItem.objects.filter(heading__criterion=claim.criterion)[:2])
    assessment_services.submission_create(enrolment=cast["enrolments"][("learner", "001")], user=cast["learner"])
    return item


def _edit(item, user, **changes):
    current = item.current_version()
    fields = dict(title=current.title, date=current.date, description=current.description, body=current.body)
    return services.evidence_update(item=item, user=user, **{**fields, **changes})


def test_editing_a_draft_changes_it_in_place(cast, make_evidence):
    item = make_evidence(body="draft")
    version = _edit(item, cast["learner"], body="better draft")
    assert version.number == 1 and item.versions.count() == 1 and version.body_word_count == 2


def test_submitting_freezes_the_mapped_versions(submitted):
    assert submitted.current_version().is_frozen


def test_editing_a_frozen_version_makes_a_new_version_copying_files_and_claims(cast, submitted):
    old = submitted.current_version()
    new = _edit(submitted, cast["learner"], body="rewritten text", title="New title")
    old.refresh_from_db()
    assert (new.number, new.is_frozen) == (2, False)
    assert (old.body, old.title, old.is_frozen) == ("first text", "My report", True)
    assert list(new.files.all()) == list(old.files.all())
    old_claim, new_claim = old.claims.get(), new.claims.get()
    assert new_claim.pk != old_claim.pk and new_claim.criterion_id == old_claim.criterion_id
    assert set(new_claim.range_items.all()) == set(old_claim.range_items.all())


def test_adding_files_to_a_frozen_version_makes_a_new_version(cast, submitted):
    new = services.evidence_files_add(
        item=submitted, user=cast["learner"], uploads=[samples.upload("b.txt", b"more words")]
    )
    assert new.number == 2 and new.files.count() == 2
    assert submitted.versions.get(number=1).files.count() == 1


def test_removing_a_mapping_from_a_frozen_version_keeps_the_submitted_claim(cast, submitted):
    claim = submitted.current_version().claims.get()
    services.claim_delete(claim=claim, user=cast["learner"])
    assert submitted.versions.get(number=1).claims.count() == 1
    assert submitted.versions.get(number=2).claims.count() == 0


def test_another_learner_cannot_edit_and_nothing_changes(cast, submitted):
    with pytest.raises(ValidationError):
        _edit(submitted, cast["other_learner"], body="hijack")
    assert EvidenceVersion.objects.filter(item=submitted).count() == 1


def test_the_edit_view_gives_another_learner_404(cast, client_for, submitted):
    from django.urls import reverse

    url = reverse("portfolios:evidence-edit", args=[submitted.pk])
    assert client_for(cast["other_learner"]).get(url).status_code == 404
    assert client_for(cast["other_assessor"]).get(url).status_code == 404
    assert client_for(cast["assessor"]).get(url).status_code == 403
    assert client_for(cast["learner"]).delete(url).status_code == 405


def test_the_edit_view_makes_a_new_version_and_says_so(cast, client_for, submitted):
    from django.urls import reverse

    response = client_for(cast["learner"]).post(
        reverse("portfolios:evidence-edit", args=[submitted.pk]),
        {"title": "Edited", "date": datetime.date(2026, 11, 3).isoformat(), "body_format": "plain", "body": "new"},
        follow=True,
    )
    assert b"your changes are version 2" in response.content
