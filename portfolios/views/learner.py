"""The learner's list of their own evidence."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portfolios import selectors


@require_GET
@login_required
def evidence_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_learner:
        raise Http404("This page is for learners.")
    return render(request, "portfolios/evidence_list.html", {"items": selectors.evidence_list(learner=request.user)})
