"""Mapping evidence to criteria, with range items and a location note."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from people.models import Enrolment
from portfolios import services
from portfolios.models import Claim
from units.models import AssessmentCriterion, RangeItem


def _criterion(unit_key, code):
    return AssessmentCriterion.objects.get(unit__key=unit_key, code=code)


@pytest.mark.parametrize(
    "who, status",
    [
        ("learner", 200),
        ("other_learner", 404),
        ("other_assessor", 404),
        ("assessor", 403),
        ("verifier_without_access", 404),
    ],
)
def test_only_the_author_may_open_the_mapping_page(cast, client_for, make_evidence, who, status):
    item = make_evidence()
    assert client_for(cast[who]).get(reverse("portfolios:evidence-map", args=[item.pk])).status_code == status


def test_the_mapping_page_refuses_delete(cast, client_for, make_evidence):
    item = make_evidence()
    assert client_for(cast["learner"]).delete(reverse("portfolios:evidence-map", args=[item.pk])).status_code == 405


def test_a_learner_maps_evidence_with_range_items_and_a_location(cast, client_for, make_evidence):
    item = make_evidence()
    criterion = _criterion("001", "1.3")
    ranges = list(RangeItem.objects.filter(heading__criterion=criterion)[:2])
    url = reverse("portfolios:evidence-map", args=[item.pk])
    page = client_for(cast["learner"]).get(url, {"criterion": criterion.pk})
    assert ranges[0].text.encode() in page.content
    response = client_for(cast["learner"]).post(
        url, {"criterion": criterion.pk, "range_items": [r.pk for r in ranges], "location_note": "section 2"}
    )
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (
        claim.criterion == criterion
        and claim.location_note == "section 2"
        and set(claim.range_items.all()) == set(ranges)
    )


def test_mapping_to_a_unit_the_learner_is_not_enrolled_on_is_refused(cast, client_for, make_evidence):
    Enrolment.objects.filter(learner=cast["learner"], unit__key="003").delete()
    item = make_evidence()
    response = client_for(cast["learner"]).post(
        reverse("portfolios:evidence-map", args=[item.pk]), {"criterion": _criterion("003", "1.1").pk}
    )
    assert response.status_code == 400 and b"You are not enrolled on unit 003" in response.content
    assert not Claim.objects.exists()


def test_range_items_of_another_criterion_are_refused(cast, make_evidence):
    item = make_evidence()
    other = RangeItem.objects.filter(heading__criterion=_criterion("001", "1.4")).first()
    with pytest.raises(ValidationError, match="range items listed under criterion 1.3"):
        services.claim_save(
            item=item, user=cast["learner"], criterion=_criterion("001", "1.3"), range_item_ids=[other.pk]
        )
    assert not Claim.objects.exists()


def test_one_item_maps_to_criteria_across_units(cast, make_evidence):
    item = make_evidence(map_to=[("000", "1.1"), ("001", "1.1"), ("002", "1.1")])
    assert item.current_version().claims.count() == 3


def test_mapping_again_updates_the_claim_instead_of_duplicating(cast, make_evidence):
    item = make_evidence(map_to=[("001", "1.1")])
    services.claim_save(item=item, user=cast["learner"], criterion=_criterion("001", "1.1"), location_note="p. 3")
    assert Claim.objects.get().location_note == "p. 3"


@pytest.mark.parametrize("who, status", [("other_learner", 404), ("assessor", 403)])
def test_others_cannot_remove_a_mapping(cast, client_for, make_evidence, who, status):
    make_evidence(map_to=[("001", "1.1")])
    claim = Claim.objects.get()
    assert client_for(cast[who]).post(reverse("portfolios:claim-delete", args=[claim.pk])).status_code == status
    assert Claim.objects.filter(pk=claim.pk).exists()
    assert client_for(cast["learner"]).get(reverse("portfolios:claim-delete", args=[claim.pk])).status_code == 405
