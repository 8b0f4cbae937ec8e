"""Writes for assessment and quality assurance: each one transaction, each recorded in the audit log.

Every refusal is a `ValidationError` with a code; `people.http.reported` turns it into a message or form error.
"""

from assessment.services.decisions import CRITERION_DECLARATION, criterion_decide, criterion_unlock
from assessment.services.sampling import (
    IQA_DECLARATION,
    iqa_action_accept,
    iqa_action_mark_done,
    iqa_decision_record,
    sample_entry_create,
)
from assessment.services.sign_off import (
    LEARNER_UNIT_DECLARATION,
    UNIT_DECLARATION,
    unit_sign_off_confirm,
    unit_sign_off_create,
)
from assessment.services.submissions import DECLARATION_TEXT, may_withdraw, submission_create, submission_withdraw
from assessment.services.verification import (
    verifier_access_record_expiry,
    verifier_sample_grant,
    verifier_sample_revoke,
)

__all__ = [
    "CRITERION_DECLARATION",
    "DECLARATION_TEXT",
    "IQA_DECLARATION",
    "LEARNER_UNIT_DECLARATION",
    "UNIT_DECLARATION",
    "criterion_decide",
    "criterion_unlock",
    "iqa_action_accept",
    "iqa_action_mark_done",
    "iqa_decision_record",
    "may_withdraw",
    "sample_entry_create",
    "submission_create",
    "submission_withdraw",
    "unit_sign_off_confirm",
    "unit_sign_off_create",
    "verifier_access_record_expiry",
    "verifier_sample_grant",
    "verifier_sample_revoke",
]
