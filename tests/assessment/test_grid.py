"""The tracking grid: statuses in words, filters, pages, CSV export, and the same queries for any cohort size."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Outcome

pytestmark = pytest.mark.django_db
GRID, CSV = reverse("assessment:grid"), reverse("assessment:grid-csv")


@pytest.mark.parametrize(
    "role, status",
    [
        ("learner", 403), ("other_learner", 403), ("assessor", 200), ("other_assessor", 200),
        ("iqa", 200), ("verifier", 403), ("verifier_without_access", 403), ("admin", 200),
    ],
)
def test_the_permission_table_for_the_grid_and_its_export(cast, client_for, role, status):
    client = client_for(cast[role])
    assert client.get(GRID, {"unit": "001"}).status_code == status
    assert client.get(CSV, {"unit": "001"}).status_code == status


def test_it_refuses_post(cast, client_for):
    assert client_for(cast["admin"]).post(GRID).status_code == 405


def test_each_cell_gives_its_status_in_words_and_the_status_filter_narrows_rows(cast, client_for, submit, decide):
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes={"1.1", "1.2"})
    decide(enrolment, "1.1")
    decide(enrolment, "1.2", Outcome.NOT_YET_MET, feedback="More.")
    client = client_for(cast["assessor"])
    page = client.get(GRID, {"unit": "001"}).content.decode()
    assert ">Met<" in page and ">Not yet met<" in page and ">Not started<" in page
    rows = client.get(GRID, {"unit": "001", "status": "not_yet_met"}).context["page"].object_list
    assert [r["enrolment"] for r in rows] == [enrolment]


def test_the_assessor_filter(cast, client_for):
    other = cast["enrolments"][("other_learner", "001")]
    other.assessor = cast["other_assessor"]
    other.save()
    response = client_for(cast["admin"]).get(GRID, {"unit": "001", "assessor": cast["other_assessor"].pk})
    assert [r["enrolment"] for r in response.context["page"].object_list] == [other]


def test_the_csv_holds_the_whole_grid_with_a_column_per_criterion(cast, client_for, bulk_cohort):
    bulk_cohort(30)
    response = client_for(cast["admin"]).get(CSV, {"unit": "001"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Learner", "Assessor", "Cohort", "1.1"] and rows[0][-2:] == ["Met", "Grade"]
    assert len(rows) == 1 + 32


def test_it_pages_25_learners_at_a_time(cast, client_for, bulk_cohort):
    bulk_cohort(30)
    client = client_for(cast["admin"])
    assert len(client.get(GRID, {"unit": "001"}).context["page"].object_list) == 25
    assert len(client.get(GRID, {"unit": "001", "page": 2}).context["page"].object_list) == 7


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(GRID, {"unit": "001"}).status_code == 200
    return len(queries)


def test_the_query_count_is_the_same_for_3_learners_and_30(cast, client_for, bulk_cohort):
    client = client_for(cast["admin"])
    bulk_cohort(1)
    small = _count_queries(client)
    bulk_cohort(27)
    assert _count_queries(client) == small
    assert small <= 11
