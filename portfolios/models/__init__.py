from portfolios.models.evidence import Claim, EvidenceItem, EvidenceVersion, RecordConfirmation, StoredFile
from portfolios.models.people import Centre, Cohort, Enrolment, Role, User
from portfolios.models.submissions import Submission

__all__ = [
    "Centre",
    "Claim",
    "Cohort",
    "Enrolment",
    "EvidenceItem",
    "EvidenceVersion",
    "RecordConfirmation",
    "Role",
    "StoredFile",
    "Submission",
    "User",
]
