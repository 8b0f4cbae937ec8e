"""Pack test data, built directly with the models, and the task backend run synchronously."""

import pytest

from tests.packs import factories as f


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def portfolio(cast):
    """The learner's unit 001, fully evidenced: a report, a PDF, a photo, a DOCX and an audio file; signed off."""
    enrolment = cast["enrolments"][("learner", "001")]
    learner = cast["learner"]
    criteria = {c.code: c for c in enrolment.unit.criteria.all()}
    report = f.evidence(
        learner,
        "Customer retention report",
        body="# Retention\n\nOur **loyalty scheme** keeps customers. <script>alert('x')</script>\n\n" + "word " * 40,
        body_format="markdown",
    )
    scan = f.stored_file(learner, "signed-plan.pdf", f.pdf_bytes(3, "Signed plan"), "pdf", "application/pdf", "document")
    plan = f.evidence(learner, "Signed customer service plan", kind="product", files=[scan])
    photo_file = f.stored_file(learner, "display.jpg", f.jpeg_bytes(), "jpeg", "image/jpeg", "image", width=640, height=480)
    photo = f.evidence(learner, "Photo of the loyalty display", kind="product", files=[photo_file])
    doc_file = f.stored_file(
        learner, "reflection.docx", f.docx_bytes(["I reflected on complaints.", "Then I improved."]), "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document", word_count=7,
    )
    reflection = f.evidence(learner, "Reflective account", kind="reflective_account", files=[doc_file])
    audio_file = f.stored_file(
        learner, "discussion.mp3", b"ID3\x03\x00fake-audio-bytes" * 50, "mp3", "audio/mpeg", "audio",
        duration_seconds=754.0,
    )
    discussion = f.evidence(
        learner, "Professional discussion", kind="professional_discussion", files=[audio_file],
        author=cast["assessor"], body="Discussed coverage of 2.2.",
    )
    range_13 = [item for heading in criteria["1.3"].range_headings.all() for item in heading.items.all()]
    claims = [
        f.claim(report, criteria["1.1"], where="Section 1"),
        f.claim(report, criteria["1.2"], where="Section 2"),
        f.claim(plan, criteria["1.3"], range_items=range_13[:2], where="Page 2"),
        f.claim(photo, criteria["1.4"]),
        f.claim(reflection, criteria["2.1"]),
        f.claim(discussion, criteria["2.2"], where="04:10"),
    ]
    first = f.submit(enrolment, claims)
    f.decide(enrolment, criteria["2.1"], first, "not_yet_met", feedback="Say what you would change next time.", sign=False)
    second = f.submit(enrolment, claims, attempt=2)
    for criterion in criteria.values():
        f.decide(enrolment, criterion, second, "met")
    f.sign_off_unit(enrolment, "achieved")
    f.iqa_sample(enrolment)
    return {
        "enrolment": enrolment,
        "criteria": criteria,
        "files": {"pdf": scan, "image": photo_file, "docx": doc_file, "audio": audio_file},
        "versions": [report, plan, photo, reflection, discussion],
    }
