"""The assessor's home: their learner-units, work waiting, referrals and IQA actions."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessment import selectors
from assessment.forms import ActionDoneForm
from people.access import role_required
from people.models import Role


@require_GET
@login_required
@role_required(Role.ASSESSOR)
def caseload(request: HttpRequest) -> HttpResponse:
    page = selectors.caseload_for(assessor=request.user)
    return render(request, "assessment/caseload.html", {"caseload": page, "done_form": ActionDoneForm()})
