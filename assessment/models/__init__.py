from assessment.models.decisions import CriterionAssessment, CriterionDecision, Outcome, UnitSignOff, Unlock
from assessment.models.sampling import IqaAction, IqaDecision, SampleEntry, SamplingPlan
from assessment.models.submissions import Submission, attempt_label

__all__ = [
    "CriterionAssessment",
    "CriterionDecision",
    "IqaAction",
    "IqaDecision",
    "Outcome",
    "SampleEntry",
    "SamplingPlan",
    "Submission",
    "UnitSignOff",
    "Unlock",
    "attempt_label",
]
