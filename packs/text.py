"""Learners' text for the pack: the portfolios app's sanitised renderer, or escaped plain text; never raw HTML."""

from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

try:
    from portfolios.rendering import render_body as _sanitised_render
except ImportError:  # the portfolios renderer is not there: fall back to escaped text
    _sanitised_render = None


def render_body(body: str, body_format: str) -> SafeString:
    """Safe HTML for an evidence body."""
    if _sanitised_render is not None:
        return _sanitised_render(body, body_format)
    return mark_safe(linebreaks(escape(body)))
