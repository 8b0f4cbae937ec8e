"""Read queries for assessment pages, each shaped once so its query count does not grow with the data.

`staff` holds the assessor's, IQA's and centre's pages; `learner` the learner's own.
"""

from assessment.selectors.staff import (
    Caseload,
    CriterionBlock,
    EnrolmentAssessment,
    Grid,
    audit_trail,
    band_label,
    caseload_for,
    enrolment_assessment,
    grid_assessors,
    iqa_sample_entries,
    tracking_grid,
)

__all__ = [
    "Caseload",
    "CriterionBlock",
    "EnrolmentAssessment",
    "Grid",
    "audit_trail",
    "band_label",
    "caseload_for",
    "enrolment_assessment",
    "grid_assessors",
    "iqa_sample_entries",
    "tracking_grid",
]
