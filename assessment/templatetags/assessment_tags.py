"""Small display helpers for assessment pages: status and grade badges, waits and attempt labels."""

from django import template

from assessment.models import attempt_label
from assessment.progress import CriterionStatus, Grade

register = template.Library()

@register.inclusion_tag("assessment/_status_badge.html")
def status_badge(status: str) -> dict:
    """A criterion's status in words and in the one colour every role sees (static/css/attest.css)."""
    status = CriterionStatus(status)
    return {"label": status.label, "value": status.value}


@register.inclusion_tag("assessment/_grade_badge.html")
def grade_badge(grade: str) -> dict:
    grade = Grade(grade)
    return {"label": grade.label, "achieved": grade != Grade.NOT_YET_ACHIEVED}


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
