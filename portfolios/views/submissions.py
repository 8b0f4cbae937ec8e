"""Submitting a learner-unit's mapped evidence with a declaration, and withdrawing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from portfolios import selectors, services
from portfolios.access import get_own_enrolment_for_learner, get_own_submission_for_learner
from portfolios.forms import SubmissionForm
from portfolios.views._helpers import client_ip


@require_http_methods(["GET", "POST"])
@login_required
def submission_create(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_own_enrolment_for_learner(request.user, pk)
    form = SubmissionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submission_create(
                enrolment=enrolment,
                user=request.user,
                declaration_text=services.DECLARATION_TEXT,
                ip_address=client_ip(request),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                f"Submitted for assessment ({submission.attempt_label().lower()}). Your assessor has been told.",
            )
            return redirect("portfolios:enrolment-detail", pk=enrolment.pk)
    page = selectors.unit_page(enrolment=enrolment)
    return render(
        request,
        "portfolios/submission_form.html",
        {"enrolment": enrolment, "page": page, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def submission_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_own_submission_for_learner(request.user, pk)
    try:
        services.submission_withdraw(submission=submission, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Submission withdrawn. Your evidence is kept; edits now make new versions.")
    return redirect("portfolios:enrolment-detail", pk=submission.enrolment_id)
