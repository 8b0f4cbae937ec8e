"""Turn a learner's text into safe HTML: Markdown is rendered, then sanitised; plain text is escaped."""

import markdown
import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
}


def render_body(body: str, body_format: str) -> SafeString:
    if body_format == "markdown":
        html = markdown.markdown(body, extensions=["tables", "sane_lists"])
        return mark_safe(nh3.clean(html, tags=_TAGS, link_rel="noopener noreferrer nofollow"))
    return mark_safe(linebreaks(body, autoescape=True))
