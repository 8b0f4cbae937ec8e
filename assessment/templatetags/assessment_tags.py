"""Small display helpers for assessment pages: status badges and links to the portfolios app's evidence views."""

from django import template
from django.urls import NoReverseMatch, reverse

from assessment.models.submissions import attempt_label
from assessment.progress import CriterionStatus, Grade

register = template.Library()

_STATUS_CLASSES = {
    CriterionStatus.NOT_STARTED: "text-bg-light border",
    CriterionStatus.IN_PROGRESS: "text-bg-secondary",
    CriterionStatus.SUBMITTED: "text-bg-info",
    CriterionStatus.MET: "text-bg-success",
    CriterionStatus.NOT_YET_MET: "text-bg-warning",
}


@register.inclusion_tag("assessment/_status_badge.html")
def status_badge(status: str) -> dict:
    status = CriterionStatus(status)
    return {"label": status.label, "css": _STATUS_CLASSES[status], "value": status.value}


@register.inclusion_tag("assessment/_grade_badge.html")
def grade_badge(grade: str) -> dict:
    grade = Grade(grade)
    return {"label": grade.label, "achieved": grade != Grade.NOT_YET_ACHIEVED}


@register.simple_tag
def evidence_file_url(stored_file) -> str:
    """The portfolios app's file view for a stored file, or "" while it does not exist."""
    try:
        return reverse("portfolios:evidence-file", args=[stored_file.pk])
    except NoReverseMatch:
        return ""


@register.simple_tag
def evidence_preview_url(stored_file) -> str:
    """The inline view of a stored file, for <img>, <iframe>, <audio> and <video>."""
    try:
        return reverse("portfolios:evidence-file-preview", args=[stored_file.pk])
    except NoReverseMatch:
        return ""


@register.simple_tag
def evidence_url(item) -> str:
    try:
        return reverse("portfolios:evidence-detail", args=[item.pk])
    except NoReverseMatch:
        return ""


@register.filter
def waited(delta) -> str:
    """A wait as a person says it: "3 days", "5 hours", "20 minutes"."""
    seconds = int(delta.total_seconds())
    if seconds >= 86400:
        days = seconds // 86400
        return f"{days} day{'s' if days != 1 else ''}"
    if seconds >= 3600:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    minutes = max(seconds // 60, 0)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def grade_label(value: str) -> str:
    return Grade(value).label


@register.filter(name="attempt_label")
def attempt_label_filter(attempt: int) -> str:
    """{{ 2|attempt_label }} → "Resubmission 1"."""
    return attempt_label(attempt)
