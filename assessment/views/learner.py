"""The learner's side of assessment: their home, one learner-unit's page, submitting and withdrawing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import services
from assessment.access import get_own_submission_for_learner
from assessment.forms import SubmissionForm
from assessment.selectors import learner as selectors
from people.access import get_enrolment_for_user, get_own_enrolment_for_learner
from people.http import client_ip, reported
from records.audit import audit_verifier_view


@require_GET
@login_required
def learner_home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_learner:
        raise Http404("This page is for learners.")
    home = selectors.learner_home(learner=request.user)
    return render(request, "assessment/learner_home.html", {"home": home})


@require_GET
@login_required
def enrolment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    audit_verifier_view(
        actor=request.user, obj=enrolment, summary=f"Viewed the portfolio page of {enrolment}", enrolment=enrolment
    )
    page = selectors.unit_page(enrolment=enrolment)
    is_owner = request.user.pk == enrolment.learner_id
    withdrawable = {s.pk for s in page.submissions if is_owner and services.may_withdraw(s)}
    return render(
        request,
        "assessment/learner_unit.html",
        {
            "page": page,
            "enrolment": enrolment,
            "is_owner": is_owner,
            "withdrawable": withdrawable,
            "declaration_text": services.DECLARATION_TEXT,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def submission_create(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_own_enrolment_for_learner(request.user, pk)
    form = SubmissionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with reported(request, form) as outcome:
            submission = services.submission_create(
                enrolment=enrolment, user=request.user, ip_address=client_ip(request)
            )
        if not outcome.refused:
            messages.success(
                request,
                f"Submitted for assessment ({submission.attempt_label().lower()}). Your assessor has been told.",
            )
            return redirect("learner:unit", pk=enrolment.pk)
    page = selectors.unit_page(enrolment=enrolment)
    return render(
        request,
        "assessment/submission_form.html",
        {"enrolment": enrolment, "page": page, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def submission_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_own_submission_for_learner(request.user, pk)
    with reported(request) as outcome:
        services.submission_withdraw(submission=submission, user=request.user)
    if not outcome.refused:
        messages.success(request, "Submission withdrawn. Your evidence is kept; edits now make new versions.")
    return redirect("learner:unit", pk=submission.enrolment_id)
