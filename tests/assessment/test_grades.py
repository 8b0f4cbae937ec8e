"""Unit grades per DOMAIN.md §4: every combination of bands met, for graded unit 003 and ungraded 001."""

import itertools

import pytest

from assessment.models import CriterionAssessment, Outcome
from assessment.progress import Grade, enrolment_grades

pytestmark = pytest.mark.django_db

GRADED = {
    # pass met, merit met, distinction met → grade
    (False, False, False): Grade.NOT_YET_ACHIEVED,
    (False, True, False): Grade.NOT_YET_ACHIEVED,
    (False, False, True): Grade.NOT_YET_ACHIEVED,
    (False, True, True): Grade.NOT_YET_ACHIEVED,
    (True, False, False): Grade.PASS,
    (True, False, True): Grade.PASS,
    (True, True, False): Grade.MERIT,
    (True, True, True): Grade.DISTINCTION,
}


def _meet(enrolment, bands):
    criteria = enrolment.unit.criteria.filter(band__in=bands)
    CriterionAssessment.objects.bulk_create(
        [CriterionAssessment(enrolment=enrolment, criterion=c, outcome=Outcome.MET, locked=True) for c in criteria]
    )


@pytest.mark.parametrize("pass_met, merit_met, distinction_met", list(itertools.product([False, True], repeat=3)))
def test_the_graded_unit_003(cast, pass_met, merit_met, distinction_met):
    enrolment = cast["enrolments"][("learner", "003")]
    bands = [band for band, met in zip(["pass", "merit", "distinction"], [pass_met, merit_met, distinction_met]) if met]
    _meet(enrolment, bands)
    assert enrolment_grades([enrolment])[enrolment.pk] == GRADED[(pass_met, merit_met, distinction_met)]


@pytest.mark.parametrize("met_count, grade", [(0, Grade.NOT_YET_ACHIEVED), ("all but one", Grade.NOT_YET_ACHIEVED), ("all", Grade.ACHIEVED)])
def test_the_ungraded_unit_001(cast, met_count, grade):
    enrolment = cast["enrolments"][("learner", "001")]
    criteria = list(enrolment.unit.criteria.all())
    chosen = {0: [], "all but one": criteria[:-1], "all": criteria}[met_count]
    CriterionAssessment.objects.bulk_create(
        [CriterionAssessment(enrolment=enrolment, criterion=c, outcome=Outcome.MET) for c in chosen]
    )
    assert enrolment_grades([enrolment])[enrolment.pk] == grade


def test_unit_003_has_two_merit_and_two_distinction_criteria(units):
    bands = list(units["003"].criteria.exclude(band="pass").values_list("band", flat=True))
    assert sorted(bands) == ["distinction", "distinction", "merit", "merit"]
