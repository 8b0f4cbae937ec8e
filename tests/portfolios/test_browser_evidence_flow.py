"""In a real browser: upload a DOCX and a photo, map them with range items, check words, submit."""

import re

import pytest

from tests.conftest import PASSWORD
from tests.portfolios import samples


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_learner_uploads_maps_and_submits_evidence_in_the_browser(cast, live_server, page, tmp_path):
    from assessment.models import Submission
    from portfolios.models import StoredFile

    report = tmp_path / "retention-report.docx"
    report.write_bytes(samples.docx_bytes(3500))
    photo = tmp_path / "till-display.jpg"
    photo.write_bytes(samples.image_bytes("JPEG", size=(800, 600)))

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill("learner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/portfolio/")

    page.goto(f"{live_server.url}/portfolio/evidence/new/")
    page.get_by_label("Kind").select_option("report")
    page.get_by_label("Title").fill("Customer retention report")
    page.get_by_label("Date").fill("2026-11-02")
    page.get_by_label("Text written here").fill("A short introduction to the report.")
    page.wait_for_function("document.querySelector('[data-word-count-output]').textContent.includes('6 words')")
    assert "3,000–5,000 words" in page.locator("[data-word-count-output]").inner_text()
    page.get_by_label("Files", exact=True).set_input_files([str(report), str(photo)])
    assert page.locator("[data-upload-list] progress").count() == 2
    page.get_by_role("button", name="Save evidence").click()
    page.wait_for_url(re.compile(r"/portfolio/evidence/\d+/$"))
    assert StoredFile.objects.count() == 2
    page.get_by_text("3,506 words in total").wait_for()
    assert page.locator("img.evidence-thumb").count() == 1

    page.get_by_role("link", name="Map to criteria").click()
    page.get_by_label("Criterion", exact=True).select_option(
        label=page.locator("option", has_text="001 1.3").inner_text()
    )
    page.get_by_role("button", name="Show its range").click()
    checkboxes = page.locator("input[name=range_items]")
    checkboxes.nth(0).check()
    checkboxes.nth(1).check()
    page.get_by_label("Where to look").fill("Section 2, pages 3–5")
    page.get_by_role("button", name="Save mapping").click()
    page.get_by_text("Mapped to 001 1.3.").wait_for()
    page.get_by_text("Within unit 001’s 3,000–5,000 words.").wait_for()

    enrolment = cast["enrolments"][("learner", "001")]
    page.goto(f"{live_server.url}/portfolio/units/{enrolment.pk}/")
    page.get_by_text("3,506 words against 3,000–5,000 words").wait_for()
    page.get_by_role("link", name="Submit for assessment").click()
    page.get_by_label("I declare that the evidence I am submitting is my own work").check()
    page.get_by_role("button", name="Submit with this declaration").click()
    page.get_by_text("Submitted for assessment (first submission)").wait_for()
    submission = Submission.objects.get()
    assert submission.claims.count() == 1 and submission.ip_address == "127.0.0.1"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_refused_upload_shows_the_reason_in_the_page_and_stores_nothing(cast, live_server, page, tmp_path):
    from portfolios.models import EvidenceItem

    bundle = tmp_path / "portfolio.zip"
    bundle.write_bytes(samples.plain_zip_bytes())
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill("learner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/portfolio/evidence/new/")
    page.get_by_label("Title").fill("Everything")
    page.get_by_label("Date").fill("2026-11-02")
    page.get_by_label("Files", exact=True).set_input_files([str(bundle)])
    page.get_by_role("button", name="Save evidence").click()
    page.locator("[data-upload-errors]").get_by_text(
        "This file is a ZIP archive; upload the documents themselves"
    ).wait_for()
    assert not EvidenceItem.objects.exists()
