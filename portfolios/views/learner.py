"""The learner's home, their evidence list, and one learner-unit's page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portfolios import selectors
from portfolios.access import get_enrolment_for_user
from portfolios.services import DECLARATION_TEXT, may_withdraw
from portfolios.views._helpers import record_verifier_view


@require_GET
@login_required
def learner_home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_learner:
        raise Http404("This page is for learners.")
    home = selectors.learner_home(learner=request.user)
    return render(request, "portfolios/learner_home.html", {"home": home})


@require_GET
@login_required
def evidence_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_learner:
        raise Http404("This page is for learners.")
    return render(request, "portfolios/evidence_list.html", {"items": selectors.evidence_list(learner=request.user)})


@require_GET
@login_required
def enrolment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    record_verifier_view(request, enrolment, f"Viewed the portfolio page of {enrolment}", enrolment=enrolment)
    page = selectors.unit_page(enrolment=enrolment)
    is_owner = request.user.pk == enrolment.learner_id
    withdrawable = {s.pk for s in page.submissions if is_owner and s.status == "submitted" and may_withdraw(s)}
    return render(
        request,
        "portfolios/enrolment_detail.html",
        {
            "page": page,
            "enrolment": enrolment,
            "is_owner": is_owner,
            "withdrawable": withdrawable,
            "declaration_text": DECLARATION_TEXT,
        },
    )
