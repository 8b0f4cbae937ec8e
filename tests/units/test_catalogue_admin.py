"""The unit catalogue is shared: centre administrators read it; a catalogue manager changes it, never a unit in use."""

import pytest
from django.urls import reverse

from tests.conftest import _user


def _change_form_data(response, **changes) -> dict:
    """What the browser would post back from an admin change page: every form and inline as shown, then the changes."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False:
                data[form.add_prefix(name)] = "on" if value is True else value
    return {**data, **changes}


@pytest.fixture
def unit_in_use(cast, submit, decide):
    """Unit 001, with an assessor's decision resting on its criterion 1.1."""
    enrolment = cast["enrolments"][("learner", "001")]
    submit(enrolment, codes=["1.1"])
    decide(enrolment, "1.1")
    return enrolment.unit


@pytest.mark.django_db
def test_a_centre_administrator_reads_a_unit_but_cannot_change_it(cast, units, client_for):
    unit = units["002"]
    url = reverse("admin:units_unit_change", args=[unit.pk])
    client = client_for(cast["admin"])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(url, {"title": "Rewritten by a centre"}).status_code == 403
    unit.refresh_from_db()
    assert unit.title != "Rewritten by a centre"


@pytest.mark.django_db
def test_a_catalogue_manager_changes_an_unused_unit_and_each_change_is_audited(units, catalogue_manager, client_for):
    from records.models import AuditAction, AuditEntry
    from units.models import AssessmentCriterion

    unit = units["002"]
    criterion = AssessmentCriterion.objects.filter(unit=unit).order_by("order").first()
    index = list(AssessmentCriterion.objects.filter(unit=unit).order_by("unit", "order")).index(criterion)
    url = reverse("admin:units_unit_change", args=[unit.pk])
    client = client_for(catalogue_manager)
    data = _change_form_data(client.get(url), title="A clearer title", **{f"criteria-{index}-text": "Explain it better."})
    assert client.post(url, data).status_code == 302
    unit.refresh_from_db()
    criterion.refresh_from_db()
    assert (unit.title, criterion.text) == ("A clearer title", "Explain it better.")
    entries = {e.object_type: e for e in AuditEntry.objects.filter(action=AuditAction.ADMIN_CHANGE, actor=catalogue_manager)}
    assert entries["units.unit"].after == {"title": "A clearer title"}
    assert entries["units.assessmentcriterion"].after == {"text": "Explain it better."}
    assert entries["units.assessmentcriterion"].before["text"] != "Explain it better."


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["catalogue_manager", "superuser"])
def test_a_unit_that_decisions_rest_on_is_never_edited_in_place(who, unit_in_use, catalogue_manager, client_for):
    from people.models import Role
    from records.models import AuditAction, AuditEntry

    person = catalogue_manager if who == "catalogue_manager" else _user("root", Role.LEARNER, None, is_superuser=True, is_staff=True)
    title = unit_in_use.title
    url = reverse("admin:units_unit_change", args=[unit_in_use.pk])
    client = client_for(person)
    page = client.get(url)
    assert "publish a new version of the unit instead" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    response = client.post(url, {"title": "Reworded after the decision"}, follow=True)
    assert "publish a new version of the unit instead" in response.content.decode()
    unit_in_use.refresh_from_db()
    assert unit_in_use.title == title
    assert not AuditEntry.objects.filter(action=AuditAction.ADMIN_CHANGE).exists()
    assert client.post(reverse("admin:units_unit_delete", args=[unit_in_use.pk]), {"post": "yes"}).status_code == 403


@pytest.mark.django_db
def test_no_range_heading_can_be_added_to_a_unit_in_use(unit_in_use, catalogue_manager, client_for):
    from units.models import RangeHeading

    before = RangeHeading.objects.filter(unit=unit_in_use).count()
    data = {"unit": unit_in_use.pk, "order": 99, "kind": "range", "heading": "Sneaked in", "body": "",
            "items-TOTAL_FORMS": 0, "items-INITIAL_FORMS": 0}
    response = client_for(catalogue_manager).post(reverse("admin:units_rangeheading_add"), data)
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert RangeHeading.objects.filter(unit=unit_in_use).count() == before


@pytest.mark.django_db
def test_a_range_heading_of_a_unit_in_use_cannot_be_changed(unit_in_use, catalogue_manager, client_for):
    heading = unit_in_use.range_headings.first()
    url = reverse("admin:units_rangeheading_change", args=[heading.pk])
    client_for(catalogue_manager).post(url, {"heading": "Changed"})
    heading.refresh_from_db()
    assert heading.heading != "Changed"
