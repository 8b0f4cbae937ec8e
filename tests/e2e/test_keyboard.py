"""Upload, mapping, submission and sign-off can be done with the keyboard alone, with the focus always visible."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in
from tests.portfolios import samples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_IS_VISIBLE = """el => {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outline || (style.boxShadow && style.boxShadow !== "none");
}"""


def _tab_to(page, target, *, limit: int = 150) -> None:
    """Press Tab until the target has the focus, then check that the focus can be seen."""
    handle = target.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => el === document.activeElement", handle):
            assert page.evaluate(FOCUS_IS_VISIBLE, handle), f"No visible focus on {target}"
            return
    raise AssertionError(f"{target} cannot be reached with Tab")


def _keyboard_page(browser, base_url, user):
    context = browser.new_context(reduced_motion="reduce")
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, base_url, user.username, PASSWORD)
    return page


def learner_uploads_with_the_keyboard(page, base_url, tmp_path) -> None:
    report = tmp_path / "retention-report.docx"
    report.write_bytes(samples.docx_bytes(3200))
    page.goto(f"{base_url}{reverse('learner:home')}")
    _tab_to(page, page.get_by_role("main").get_by_role("link", name="Add evidence"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/evidence/new/")
    _tab_to(page, page.get_by_label("Kind"))
    page.keyboard.type("Report")
    _tab_to(page, page.get_by_label("Title"))
    page.keyboard.type("Retention report, typed")
    _tab_to(page, page.get_by_label("Files", exact=True))
    page.locator(":focus").set_input_files(str(report))  # the OS file dialog is outside the page
    _tab_to(page, page.get_by_role("button", name="Save evidence"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/portfolio/evidence/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Retention report, typed")


def learner_maps_with_the_keyboard(page) -> None:
    _tab_to(page, page.get_by_role("link", name="Map to criteria"))
    page.keyboard.press("Enter")
    _tab_to(page, page.get_by_label("Criterion", exact=True))
    page.keyboard.type("001 1.3")  # a closed select picks the option whose text starts with what is typed
    expect(page.get_by_label("Criterion", exact=True)).to_have_value(re.compile(r"\d+"))
    _tab_to(page, page.get_by_role("button", name="Show its range"))
    page.keyboard.press("Enter")
    first_range_item = page.locator("input[name=range_items]").first
    _tab_to(page, first_range_item)
    page.keyboard.press("Space")
    expect(first_range_item).to_be_checked()
    _tab_to(page, page.get_by_label("Where to look"))
    page.keyboard.type("Section 2")
    _tab_to(page, page.get_by_role("button", name="Save mapping"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Mapped to 001 1.3.")).to_be_visible()


def learner_submits_with_the_keyboard(page, base_url, enrolment) -> None:
    page.goto(f"{base_url}{reverse('learner:unit', args=[enrolment.pk])}")
    _tab_to(page, page.get_by_role("link", name="Submit for assessment"))
    page.keyboard.press("Enter")
    declaration = page.get_by_label(re.compile("I declare that the evidence"))
    _tab_to(page, declaration)
    page.keyboard.press("Space")
    expect(declaration).to_be_checked()
    _tab_to(page, page.get_by_role("button", name="Submit with this declaration"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Submitted for assessment (first submission)")).to_be_visible()


def assessor_signs_off_with_the_keyboard(page, base_url, enrolment) -> None:
    criterion = enrolment.unit.criteria.get(code="1.1")
    page.goto(f"{base_url}{reverse('assessment:enrolment', args=[enrolment.pk])}")
    card = page.locator(f"#criterion-{criterion.pk}")
    met = card.get_by_label("Met — sign off")
    _tab_to(page, met)
    page.keyboard.press("Space")
    expect(met).to_be_checked()
    declaration = card.get_by_label(re.compile("I confirm that the evidence for 1.1"))
    _tab_to(page, declaration)
    page.keyboard.press("Space")
    _tab_to(page, card.get_by_role("button", name="Record decision on 1.1"))
    page.keyboard.press("Enter")
    expect(page.locator(f"#criterion-{criterion.pk}").get_by_text("Signed off, locked")).to_be_visible()

    unit_declaration = page.get_by_label(re.compile("has met the criteria of"))
    _tab_to(page, unit_declaration)
    page.keyboard.press("Space")
    _tab_to(page, page.get_by_role("button", name="Sign the unit off"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Unit signed off. The learner has been asked to confirm it.")).to_be_visible()


def learner_confirms_with_the_keyboard(page, base_url, enrolment) -> None:
    page.goto(f"{base_url}{reverse('assessment:enrolment', args=[enrolment.pk])}")
    _tab_to(page, page.get_by_label(re.compile("I confirm that I have seen my assessor's sign-off")))
    page.keyboard.press("Space")
    _tab_to(page, page.get_by_role("button", name="Confirm sign-off"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Thank you: you have confirmed the unit sign-off.")).to_be_visible()


def _map_the_other_criteria(learner, enrolment) -> None:
    """The criteria the keyboard does not map are mapped through the service, so that the unit can be signed off."""
    from portfolios import services
    from portfolios.models import EvidenceItem

    item = EvidenceItem.objects.get(learner=learner)
    for criterion in enrolment.unit.criteria.exclude(code="1.3"):
        services.claim_save(item=item, user=learner, criterion=criterion, location_note="Section 1")


def _decide_all_but_one(assessor, enrolment) -> None:
    from assessment import services

    for criterion in enrolment.unit.criteria.exclude(code="1.1"):
        services.criterion_decide(
            actor=assessor, enrolment=enrolment, criterion=criterion, outcome="met", seen_revision=0,
            declaration_confirmed=True,
        )


def test_upload_mapping_submission_and_sign_off_need_only_the_keyboard(cast, live_server, browser, tmp_path):
    enrolment = cast["enrolments"][("learner", "001")]
    learner = _keyboard_page(browser, live_server.url, cast["learner"])
    learner_uploads_with_the_keyboard(learner, live_server.url, tmp_path)
    _map_the_other_criteria(cast["learner"], enrolment)
    learner_maps_with_the_keyboard(learner)
    learner_submits_with_the_keyboard(learner, live_server.url, enrolment)

    _decide_all_but_one(cast["assessor"], enrolment)
    assessor = _keyboard_page(browser, live_server.url, cast["assessor"])
    assessor_signs_off_with_the_keyboard(assessor, live_server.url, enrolment)
    learner_confirms_with_the_keyboard(learner, live_server.url, enrolment)
