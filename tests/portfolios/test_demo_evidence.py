"""The demo evidence is made through the services and looks like a real learner's portfolio."""

from assessment.models import Submission
from demo.evidence import create_demo_evidence
from portfolios.models import EvidenceItem, StoredFile
from portfolios.selectors import word_count_checks


def test_demo_evidence_covers_several_kinds_and_formats_and_is_partly_submitted(cast):
    users = {"learner": cast["learner"], "learner2": cast["other_learner"], "assessor": cast["assessor"]}
    create_demo_evidence(users)
    assert EvidenceItem.objects.filter(learner=cast["learner"]).count() == 5
    assert set(StoredFile.objects.values_list("file_type", flat=True)) == {"docx", "jpeg", "png", "pdf", "wav"}
    assert Submission.objects.filter(enrolment__learner=cast["learner"]).count() == 2
    enrolment = cast["enrolments"][("learner", "001")]
    (check,) = word_count_checks([enrolment])[enrolment.pk]
    assert 3000 <= check.words <= 5000 and check.problem is None
