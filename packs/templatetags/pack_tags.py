"""The verification-pack panel that lower apps' pages show, without those apps importing packs."""

from django import template

from packs.selectors import pack_panel_context

register = template.Library()


@register.inclusion_tag("packs/_pack_panel.html", takes_context=True)
def pack_panel(context, enrolment=None, sample=None) -> dict:
    """{% pack_panel enrolment=enrolment %} or {% pack_panel sample=sample %}: request a pack and see recent ones."""
    return {**pack_panel_context(user=context["request"].user, enrolment=enrolment, sample=sample), "csrf_token": context.get("csrf_token")}
