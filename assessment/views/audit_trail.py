"""The audit trail of one learner-unit, for its assessor, IQA and centre administrators."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessment import selectors
from people.access import get_enrolment_for_user, may_read_audit_trail


@require_GET
@login_required
def audit_trail(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    if not may_read_audit_trail(request.user, enrolment):
        raise PermissionDenied("The audit trail is for the assessor, the IQA and centre administrators.")
    return render(
        request, "assessment/audit_trail.html", {"enrolment": enrolment, "entries": selectors.audit_trail(enrolment=enrolment)}
    )
