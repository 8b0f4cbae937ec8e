"""Records the assessor writes (professional discussions, observations) and the learner's confirmation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from people.access import get_assessable_enrolment_for_user
from people.http import bound, done, reported
from portfolios import services
from portfolios.access import get_evidence_for_user
from portfolios.forms import RecordConfirmationForm, RecordForm


@require_http_methods(["GET", "POST"])
@login_required
def record_create(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_assessable_enrolment_for_user(request.user, pk)
    form = RecordForm(*bound(request), unit=enrolment.unit, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported(request, form) as outcome:
            item = services.record_create(
                enrolment=enrolment,
                assessor=request.user,
                kind=data["kind"],
                title=data["title"],
                date=data["date"],
                duration_minutes=data["duration_minutes"],
                participants=data["participants"],
                body=data["body"],
                uploads=data["files"],
                criteria=data["criteria"],
            )
        if not outcome.refused:
            return done(
                request,
                reverse("portfolios:evidence-detail", args=[item.pk]),
                "Record saved; the learner has been asked to confirm it.",
            )
    return render(
        request,
        "portfolios/record_form.html",
        {"form": form, "enrolment": enrolment, "max_upload_bytes": settings.ATTEST_MAX_UPLOAD_BYTES},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def record_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_evidence_for_user(request.user, pk)
    if item.learner_id != request.user.pk or not item.is_assessor_record():
        raise Http404("No such record to confirm.")
    form = RecordConfirmationForm(request.POST)
    if form.is_valid():
        with reported(request) as outcome:
            services.record_confirm(
                item=item,
                learner=request.user,
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
            )
        if not outcome.refused:
            messages.success(request, "Thank you; your response to the record is saved.")
    else:
        messages.error(request, "Choose whether the record is accurate, and add a comment if you dispute it.")
    return redirect("portfolios:evidence-detail", pk=item.pk)
