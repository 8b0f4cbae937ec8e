"""Pack test data, made through the portfolios and assessment services, and the task backend run synchronously."""

import pytest

from tests.packs import factories as f
from tests.portfolios.samples import mp3_bytes


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def portfolio(cast):
    """The learner's unit 001, evidenced, assessed and signed off the way the app does it.

    A report, a signed plan (PDF), a photo, a reflective account (DOCX) and the assessor's confirmed record of a
    discussion (MP3) cover every criterion; the first submission has 2.1 not yet met, the resubmission meets it;
    the assessor signs the unit off and the learner confirms; the IQA samples it and disagrees, setting an action.
    """
    enrolment = cast["enrolments"][("learner", "001")]
    learner = cast["learner"]
    criteria = {c.code: c for c in enrolment.unit.criteria.order_by("order")}
    report = f.evidence(
        learner,
        "Customer retention report",
        body="# Retention\n\nOur **loyalty scheme** keeps customers. <script>alert('x')</script>\n\n" + "word " * 40,
        body_format="markdown",
    )
    plan = f.evidence(
        learner, "Signed customer service plan", kind="product", files={"signed-plan.pdf": f.pdf_bytes(3, "Signed plan")}
    )
    photo = f.evidence(learner, "Photo of the loyalty display", kind="product", files={"display.jpg": f.jpeg_bytes()})
    reflection = f.evidence(
        learner,
        "Reflective account",
        kind="reflective_account",
        files={"reflection.docx": f.docx_bytes(["I reflected on complaints.", "Then I improved."])},
    )
    discussion = f.record(
        enrolment,
        "Professional discussion",
        body="Discussed coverage of 2.2.",
        files={"discussion.mp3": mp3_bytes()},
        criteria=[criteria["2.2"]],
    )
    range_13 = [item for heading in criteria["1.3"].range_headings.all() for item in heading.items.all()]
    f.claim(plan, criteria["1.3"], range_items=range_13[:2], where="Page 2")
    f.claim(photo, criteria["1.4"])
    f.claim(reflection, criteria["2.1"])
    by_report = [code for code in criteria if code not in {"1.3", "1.4", "2.1", "2.2"}]
    for section, code in enumerate(by_report, start=1):
        f.claim(report, criteria[code], where=f"Section {section}")
    f.submit(enrolment)
    for code, criterion in criteria.items():
        if code == "2.1":
            f.decide(enrolment, criterion, "not_yet_met", feedback="Say what you would change next time.")
        else:
            f.decide(enrolment, criterion, "met")
    f.submit(enrolment)
    f.decide(enrolment, criteria["2.1"], "met")
    f.sign_off_unit(enrolment)
    f.iqa_sample(enrolment)

    def stored(item):
        return item.current_version().files.get()

    return {
        "enrolment": enrolment,
        "criteria": criteria,
        "files": {"pdf": stored(plan), "image": stored(photo), "docx": stored(reflection), "audio": stored(discussion)},
        "items": [report, plan, photo, reflection, discussion],
    }
