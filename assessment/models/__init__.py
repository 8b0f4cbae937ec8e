from assessment.models.audit import AuditAction, AuditEntry
from assessment.models.decisions import CriterionAssessment, CriterionDecision, Outcome, UnitSignOff, Unlock
from assessment.models.notifications import Notification
from assessment.models.packs import PackJob
from assessment.models.sampling import IqaAction, IqaDecision, SampleEntry, SamplingPlan
from assessment.models.verification import VerifierSample

__all__ = [
    "AuditAction",
    "AuditEntry",
    "CriterionAssessment",
    "CriterionDecision",
    "IqaAction",
    "IqaDecision",
    "Notification",
    "Outcome",
    "PackJob",
    "SampleEntry",
    "SamplingPlan",
    "UnitSignOff",
    "Unlock",
    "VerifierSample",
]
