"""The whole journey in a real browser: enrolment, evidence, assessment, IQA, verifier access, the pack, expiry."""

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
REPORT_TITLE = "Keeping customers at Harbour Stores"
REFERRED = "2.2"
FEEDBACK = "Explain the benefits of retention to the organisation, not only to customers, with one example."
# Where each criterion of unit 001 is evidenced: the PDF survey covers 3.1 and 3.3, the photo 2.4, the report the rest.
PDF_CRITERIA = {"3.1": "Page 1, the results table", "3.3": "Page 1"}
PHOTO_CRITERIA = {"2.4": "The display by the tills"}


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Packs build inside the request; the live server thread reads this setting when the verifier asks."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def files(tmp_path):
    """The learner's three files, generated: a 3,500-word DOCX report, a JPEG photo and a one-page PDF."""
    import docx
    from PIL import Image, ImageDraw
    from weasyprint import HTML

    sentences = [
        "Harbour Stores keeps customers by knowing what they value and acting on it every day.",
        "Our loyalty card records each visit so that colleagues can thank returning customers by name.",
        "We segment customers by age, location, spending and the channel they prefer to use.",
        "Complaints are logged in the customer relationship management system and followed up within two days.",
    ]
    document = docx.Document()
    document.add_heading(REPORT_TITLE, level=1)
    words = 0
    while words < 3490:
        paragraph = " ".join(sentences)
        document.add_paragraph(paragraph)
        words += len(paragraph.split())
    report = tmp_path / "retention-report.docx"
    document.save(report)

    image = Image.new("RGB", (1024, 768), (31, 58, 95))
    ImageDraw.Draw(image).rectangle((100, 100, 924, 668), outline=(255, 255, 255), width=12)
    photo = tmp_path / "loyalty-display.jpg"
    image.save(photo, "JPEG", quality=80)

    survey = tmp_path / "satisfaction-survey.pdf"
    HTML(string="<h1>Customer satisfaction survey</h1><p>Spring results: 84 per cent satisfied.</p>").write_pdf(survey)
    return {"report": report, "photo": photo, "survey": survey}


# --- steps ---------------------------------------------------------------------------------------------------------


def _new_page(browser, viewport=DESKTOP):
    # Reduced motion turns off Bootstrap's smooth scrolling, which Playwright would otherwise wait out on every click.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    context.set_default_timeout(10_000)
    return context.new_page()


def admin_creates_and_enrols_a_learner(browser, base_url, cast) -> tuple:
    """Step 1: the centre administrator adds the learner and enrols them on unit 001 in the Django admin."""
    from people.models import Enrolment

    page = _new_page(browser)
    log_in(page, base_url, cast["admin"].username, PASSWORD)
    page.goto(f"{base_url}/admin/people/user/add/")
    page.get_by_label("Username").fill("jordan")
    page.get_by_label("Display name").fill("Jordan Ellis")
    page.get_by_label("Role").select_option("learner")
    page.get_by_label("Centre").select_option(label=str(cast["learner"].centre))
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.goto(f"{base_url}/admin/people/enrolment/add/")
    _choose_in_autocomplete(page, "learner", "Jordan Ellis")
    unit_001 = cast["enrolments"][("learner", "001")]
    page.get_by_label("Unit").select_option(str(unit_001.unit_id))
    page.get_by_label("Cohort").select_option(str(unit_001.cohort_id))
    _choose_in_autocomplete(page, "assessor", "Assessor")
    _choose_in_autocomplete(page, "iqa", "Iqa")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    page.context.close()
    enrolment = Enrolment.objects.select_related("learner", "unit").get(learner__username="jordan")
    assert (enrolment.unit.key, enrolment.assessor, enrolment.iqa) == ("001", cast["assessor"], cast["iqa"])
    return enrolment.learner, enrolment


def _select(select, pattern: str) -> None:
    """Choose the option whose text matches the pattern."""
    select.select_option(select.locator("option", has_text=re.compile(pattern)).first.get_attribute("value"))


def _choose_in_autocomplete(page, field: str, name: str) -> None:
    page.locator(f"#id_{field} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(name.split()[0])
    page.get_by_role("option", name=name, exact=True).click()
    expect(page.locator(f"#id_{field} option:checked")).to_have_text(name)


def learner_uploads_maps_and_submits(browser, base_url, learner, enrolment, files, viewport=DESKTOP) -> None:
    """Step 2: the learner uploads a report, a photo and a PDF, maps them, checks the words and submits."""
    from units.models import AssessmentCriterion

    page = _new_page(browser, viewport)
    log_in(page, base_url, learner.username, PASSWORD)
    codes = list(AssessmentCriterion.objects.filter(unit=enrolment.unit).order_by("order").values_list("code", flat=True))
    report_criteria = {c: f"Section {c[0]}" for c in codes if c not in PDF_CRITERIA and c not in PHOTO_CRITERIA}

    _open_from_menu(page, "Add evidence")
    _add_evidence(page, kind="report", title=REPORT_TITLE, path=files["report"])
    page.get_by_text(re.compile(r"3,5\d\d words in total")).wait_for()
    _map_evidence(page, report_criteria)
    _open_from_menu(page, "Add evidence")
    _add_evidence(page, kind="product", title="Photo of the loyalty display", path=files["photo"])
    expect(page.locator("img.evidence-thumb")).to_have_count(1)
    _map_evidence(page, PHOTO_CRITERIA)
    _open_from_menu(page, "Add evidence")
    _add_evidence(page, kind="product", title="Customer satisfaction survey", path=files["survey"])
    _map_evidence(page, PDF_CRITERIA)

    _open_from_menu(page, "My portfolio")
    page.get_by_role("link", name=re.compile(r"^001 · ")).click()
    expect(page.locator("section[aria-labelledby=wc-heading]")).to_contain_text(
        re.compile(r"3,5\d\d words against 3,000–5,000 words — within the limits")
    )
    _submit(page)
    expect(page.get_by_text("Submitted for assessment (first submission)")).to_be_visible()
    page.context.close()


def _open_from_menu(page, name: str) -> None:
    """Use the navigation bar as a person would: on a phone, through the collapsed menu's toggler first."""
    toggler = page.get_by_role("button", name="Toggle navigation")
    if toggler.is_visible():
        toggler.click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def _add_evidence(page, *, kind: str, title: str, path) -> None:
    page.get_by_label("Kind").select_option(kind)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Date").fill(timezone.localdate().isoformat())
    page.get_by_label("Files", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Save evidence").click()
    page.wait_for_url(re.compile(r"/portfolio/evidence/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def _map_evidence(page, where_by_code: dict[str, str]) -> None:
    """From the evidence page, map the item to each criterion with one range item and a location note."""
    for code, where in where_by_code.items():
        page.get_by_role("link", name="Map to criteria").click()
        _select(page.get_by_label("Criterion", exact=True), f"^001 {re.escape(code)} —")
        page.get_by_role("button", name="Show its range").click()
        range_items = page.locator("input[name=range_items]")
        if range_items.count():
            range_items.first.check()
        page.get_by_label("Where to look").fill(where)
        page.get_by_role("button", name="Save mapping").click()
        expect(page.get_by_text(f"Mapped to 001 {code}.")).to_be_visible()


def _submit(page) -> None:
    page.get_by_role("link", name="Submit for assessment").click()
    page.get_by_label(re.compile("I declare that the evidence I am submitting is my own work")).check()
    page.get_by_role("button", name="Submit with this declaration").click()


def assessor_refers_one_criterion_and_signs_off_the_rest(browser, base_url, cast, enrolment):
    """Step 3a: the assessor reviews the work, refers one criterion with feedback and signs the rest off as met."""
    page = _new_page(browser)
    log_in(page, base_url, cast["assessor"].username, PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Caseload").click()
    page.get_by_role("link", name="Jordan Ellis").first.click()
    expect(page.get_by_role("link", name=REPORT_TITLE).first).to_be_visible()
    expect(page.locator("img[alt='loyalty-display.jpg']")).to_be_visible()
    for code in _codes(enrolment):
        if code == REFERRED:
            card = _card(page, enrolment, code)
            card.get_by_label("Not yet met").check()
            card.get_by_label("Feedback to the learner").fill(FEEDBACK)
            card.get_by_role("button", name=f"Record decision on {code}").click()
            expect(_card(page, enrolment, code).locator(".status-badge", has_text="Not yet met")).to_be_visible()
        else:
            _sign_off_criterion(page, enrolment, code)
    return page


def _codes(enrolment) -> list[str]:
    return list(enrolment.unit.criteria.order_by("order").values_list("code", flat=True))


def _card(page, enrolment, code):
    return page.locator(f"#criterion-{enrolment.unit.criteria.get(code=code).pk}")


def _sign_off_criterion(page, enrolment, code) -> None:
    card = _card(page, enrolment, code)
    card.get_by_label("Met — sign off").check()
    card.get_by_label(re.compile(f"I confirm that the evidence for {re.escape(code)}")).check()
    card.get_by_role("button", name=f"Record decision on {code}").click()
    expect(_card(page, enrolment, code).get_by_text("Signed off, locked")).to_be_visible()


def learner_reads_feedback_and_resubmits(browser, base_url, learner):
    """Step 3b: the learner sees the referral and its feedback on their home page, then resubmits the unit."""
    page = _new_page(browser)
    log_in(page, base_url, learner.username, PASSWORD)
    expect(page.get_by_text("Referred — act on this feedback:")).to_be_visible()
    expect(page.get_by_text(FEEDBACK)).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^001 · ")).click()
    _submit(page)
    expect(page.get_by_text("Resubmission 1").first).to_be_visible()
    return page


def assessor_signs_off_the_referred_criterion_and_the_unit(page, enrolment):
    """Step 3c: the assessor signs the resubmitted criterion off, then the whole unit."""
    page.reload()
    _sign_off_criterion(page, enrolment, REFERRED)
    expect(_card(page, enrolment, REFERRED).get_by_text("Resubmission 1: Met")).to_be_visible()
    page.get_by_label(re.compile("I confirm that Jordan Ellis has met the criteria")).check()
    page.get_by_role("button", name="Sign the unit off").click()
    expect(page.get_by_text("Unit signed off. The learner has been asked to confirm it.")).to_be_visible()
    page.context.close()


def learner_confirms_the_sign_off(page, enrolment):
    """Step 3d: the learner confirms the assessor's unit sign-off."""
    page.goto(page.url.split("/portfolio/")[0] + reverse("assessment:enrolment", args=[enrolment.pk]))
    page.get_by_label(re.compile("I confirm that I have seen my assessor's sign-off")).check()
    page.get_by_role("button", name="Confirm sign-off").click()
    expect(page.get_by_text("Thank you: you have confirmed the unit sign-off.")).to_be_visible()
    page.context.close()


def iqa_samples_the_unit_and_agrees(browser, base_url, cast, enrolment):
    """Step 4: the IQA adds the learner-unit to the cohort's sampling plan and records Agree."""
    page = _new_page(browser)
    log_in(page, base_url, cast["iqa"].username, PASSWORD)
    page.get_by_role("link", name="Sampling plan").click()
    _select(page.get_by_role("combobox", name=re.compile("^Learner-unit")), "^Jordan Ellis — unit 001")
    page.get_by_role("combobox", name=re.compile("^Stage")).select_option("summative")
    page.get_by_role("combobox", name=re.compile("^Risk")).select_option("high")
    page.get_by_role("textbox", name=re.compile("^Reason")).fill("New learner; first summative sample of this unit.")
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text("Added to the sampling plan.")).to_be_visible()
    page.get_by_role("link", name="Jordan Ellis, unit 001").click()
    page.get_by_label("Agree", exact=True).check()
    page.get_by_label("Comments").fill("Decisions are supported by the report and the survey; feedback was clear.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("heading", name="IQA decision: Agree")).to_be_visible()
    page.context.close()


def admin_grants_the_verifier_the_sample(browser, base_url, cast, verifier):
    """Step 5: the centre administrator grants the external verifier access to that learner-unit."""
    page = _new_page(browser)
    log_in(page, base_url, cast["admin"].username, PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Centre").click()
    page.get_by_role("link", name="Grant access to a sample").click()
    page.get_by_label("External verifier").select_option(label=str(verifier))
    page.get_by_label("Name of the sample").fill("Autumn visit")
    page.get_by_role("checkbox", name=re.compile("^Jordan Ellis — unit 001")).check()
    page.get_by_role("button", name="Grant access").click()
    expect(page.get_by_text(f"{verifier} now has access to “Autumn visit”.")).to_be_visible()
    page.context.close()


def verifier_reviews_and_downloads_the_pack(browser, base_url, verifier, tmp_path):
    """Step 6: the verifier opens the portfolio read-only, builds the pack, waits for it and downloads it."""
    page = _new_page(browser)
    log_in(page, base_url, verifier.username, PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My sample").click()
    page.get_by_role("link", name="Jordan Ellis").click()
    learner_unit_url = page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jordan Ellis")
    expect(page.locator("form.decision-form")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign the unit off")).to_have_count(0)
    page.get_by_role("button", name="Build a new pack").click()
    page.wait_for_url(re.compile(r"/packs/job/[0-9a-f-]+/$"))
    link = page.get_by_role("status").get_by_role("link", name="Download the pack (PDF)")
    link.wait_for(timeout=60_000)
    download_url = link.get_attribute("href")
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "pack.pdf"
    download_info.value.save_as(target)
    return page, learner_unit_url, download_url, target


def the_pack_holds_the_criteria_and_the_evidence(target, enrolment):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Jordan Ellis" in text and enrolment.unit.title in text
    for code in _codes(enrolment):
        assert code in text
    for header in (f"E01 · {REPORT_TITLE}", "E02 · Photo of the loyalty display", "E03 · Customer satisfaction survey"):
        assert header in text, header
    assert "Our loyalty card records each visit" in text  # the report's own text, rendered from the DOCX
    assert "Spring results: 84 per cent satisfied." in text  # the PDF's page, included
    assert FEEDBACK.split(",")[0] in text  # the referral is part of the assessment record


def after_expiry_the_verifier_is_refused(page, base_url, verifier, learner_unit_url, download_url):
    """Step 7: once the access expires, the same pages answer 404."""
    verifier.verifier_samples.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert page.goto(learner_unit_url).status == 404
    assert page.request.get(f"{base_url}{download_url}").status == 404
    page.goto(f"{base_url}{reverse('assessment:verifier-home')}")
    expect(page.get_by_text("You have no active access.")).to_be_visible()
    page.context.close()


# --- the stories -----------------------------------------------------------------------------------------------------


def test_the_whole_journey_from_enrolment_to_an_expired_verification(cast, live_server, browser, files, tmp_path):
    base = live_server.url
    verifier = cast["verifier_without_access"]
    learner, enrolment = admin_creates_and_enrols_a_learner(browser, base, cast)
    learner_uploads_maps_and_submits(browser, base, learner, enrolment, files)
    assessor = assessor_refers_one_criterion_and_signs_off_the_rest(browser, base, cast, enrolment)
    learner_page = learner_reads_feedback_and_resubmits(browser, base, learner)
    assessor_signs_off_the_referred_criterion_and_the_unit(assessor, enrolment)
    learner_confirms_the_sign_off(learner_page, enrolment)
    iqa_samples_the_unit_and_agrees(browser, base, cast, enrolment)
    admin_grants_the_verifier_the_sample(browser, base, cast, verifier)
    page, learner_unit_url, download_url, pack = verifier_reviews_and_downloads_the_pack(browser, base, verifier, tmp_path)
    the_pack_holds_the_criteria_and_the_evidence(pack, enrolment)
    after_expiry_the_verifier_is_refused(page, base, verifier, learner_unit_url, download_url)


def test_a_new_learner_does_their_part_on_a_phone(cast, live_server, browser, files):
    from assessment.models import Submission

    learner, enrolment = admin_creates_and_enrols_a_learner(browser, live_server.url, cast)
    learner_uploads_maps_and_submits(browser, live_server.url, learner, enrolment, files, viewport=PHONE)
    submission = Submission.objects.get(enrolment=enrolment)
    assert submission.claims.count() == len(_codes(enrolment))

