"""The catalogue and unit pages: anonymous visitors log in first, every role can read them."""

import pytest
from django.urls import reverse

ROLES = ["learner", "other_learner", "assessor", "iqa", "verifier", "verifier_without_access", "admin"]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, units):
    for url in (reverse("units:catalogue"), reverse("units:unit-detail", args=["001"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_role_can_read_the_catalogue_and_a_unit(role, cast, client_for):
    client = client_for(cast[role])
    catalogue = client.get(reverse("units:catalogue"))
    assert catalogue.status_code == 200
    for title in ("Understand customers and customer retention", "Customer Relationship Management"):
        assert title in catalogue.content.decode()
    unit_page = client.get(reverse("units:unit-detail", args=["001"]))
    assert unit_page.status_code == 200


@pytest.mark.django_db
def test_the_unit_page_shows_facts_criteria_range_requirements_and_nos(cast, client_for):
    html = client_for(cast["learner"]).get(reverse("units:unit-detail", args=["001"])).content.decode()
    for expected in ("J/506/2910", "306/696", "City &amp; Guilds", "1.3",
                     "Purpose of customer relationship management", "Techniques to attract customers",
                     "3,000–5,000 words", "CFACSB14", "CFACSB15"):
        assert expected in html, expected


@pytest.mark.django_db
def test_the_graded_unit_lists_its_grading_criteria_by_band_unambiguously(cast, client_for):
    html = client_for(cast["learner"]).get(reverse("units:unit-detail", args=["003"])).content.decode()
    assert "Grading criteria by band" in html
    for code in ("1M1", "2D1", "3D1", "4M1"):
        assert code in html
    assert "Title inferred" in html


@pytest.mark.django_db
def test_an_unknown_unit_is_404(cast, client_for):
    assert client_for(cast["learner"]).get(reverse("units:unit-detail", args=["999"])).status_code == 404


@pytest.mark.django_db
def test_the_pages_refuse_other_methods(cast, client_for):
    client = client_for(cast["learner"])
    assert client.post(reverse("units:catalogue")).status_code == 405
    assert client.post(reverse("units:unit-detail", args=["001"])).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_the_unit_page_query_count_is_fixed(key, cast, client_for, django_assert_max_num_queries):
    client = client_for(cast["assessor"])
    client.get(reverse("units:unit-detail", args=[key]))  # warm the session
    # session + user + notifications count + unit + LOs + criteria + their headings + items + LO headings
    # + LO heading items (skipped when a unit has none) + requirements + guidance + NOS
    with django_assert_max_num_queries(13):
        assert client.get(reverse("units:unit-detail", args=[key])).status_code == 200
