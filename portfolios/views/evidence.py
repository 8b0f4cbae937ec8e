"""Creating, reading and changing evidence items, and adding files to them."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from people.access import may_edit_evidence
from people.http import bound, done, form_errors, is_xhr, reported
from portfolios import selectors, services
from portfolios.access import get_editable_evidence_for_user, get_evidence_for_user
from portfolios.forms import AddFilesForm, EvidenceForm, RecordConfirmationForm
from portfolios.rendering import render_body
from records.audit import audit_verifier_view


def _form_context(request: HttpRequest, **context) -> dict:
    learner = context["item"].learner if "item" in context else request.user
    return {
        **context,
        "max_upload_bytes": settings.ATTEST_MAX_UPLOAD_BYTES,
        "word_requirements": selectors.learner_word_requirements(learner=learner),
    }


def _invalid(request: HttpRequest, template: str, context: dict, form) -> HttpResponse:
    if is_xhr(request):
        return JsonResponse({"errors": form_errors(form) or ["Check the form and try again."]}, status=400)
    return render(request, template, context, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def evidence_create(request: HttpRequest) -> HttpResponse:
    if not request.user.is_learner:
        raise Http404("Only learners add evidence here; assessors record discussions from the learner's unit page.")
    form = EvidenceForm(*bound(request), initial={"date": timezone.localdate()})
    context = _form_context(request, form=form)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            with reported(request, form) as outcome:
                item = services.evidence_create(
                    learner=request.user,
                    author=request.user,
                    kind=data["kind"],
                    title=data["title"],
                    date=data["date"],
                    description=data["description"],
                    body=data["body"],
                    body_format=data["body_format"],
                    uploads=data["files"],
                )
            if not outcome.refused:
                return done(request, reverse("portfolios:evidence-detail", args=[item.pk]), "Evidence saved.")
        return _invalid(request, "portfolios/evidence_form.html", context, form)
    return render(request, "portfolios/evidence_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def evidence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_editable_evidence_for_user(request.user, pk)
    current = item.current_version()
    initial = {f: getattr(current, f) for f in ("title", "date", "description", "body", "body_format")}
    form = EvidenceForm(*bound(request), initial=initial, editing=True)
    context = _form_context(request, form=form, item=item, version=current, files=list(current.files.all()))
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            with reported(request, form) as outcome:
                version = services.evidence_update(
                    item=item,
                    user=request.user,
                    title=data["title"],
                    date=data["date"],
                    description=data["description"],
                    body=data["body"],
                    body_format=data["body_format"],
                    uploads=data["files"],
                    remove_file_ids=[int(x) for x in request.POST.getlist("remove_files") if x.isdigit()],
                    duration_minutes=current.duration_minutes,
                    participants=current.participants,
                )
            if not outcome.refused:
                note = (
                    f" Version {current.number} was submitted, so your changes are version {version.number}."
                    if version.pk != current.pk
                    else ""
                )
                return done(request, reverse("portfolios:evidence-detail", args=[item.pk]), "Evidence updated." + note)
        return _invalid(request, "portfolios/evidence_form.html", context, form)
    return render(request, "portfolios/evidence_form.html", context)


@require_POST
@login_required
def evidence_files_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_editable_evidence_for_user(request.user, pk)
    form = AddFilesForm(request.POST, request.FILES)
    if form.is_valid():
        with reported(request, form) as outcome:
            services.evidence_files_add(item=item, user=request.user, uploads=form.cleaned_data["files"])
        if not outcome.refused:
            return done(request, reverse("portfolios:evidence-detail", args=[item.pk]), "Files added.")
    return _invalid(
        request, "portfolios/evidence_detail.html", _detail_context(request, item, add_files_form=form), form
    )


def _detail_context(request: HttpRequest, item, **extra) -> dict:
    versions = selectors.evidence_detail(item=item)
    current = versions[0]
    editable = may_edit_evidence(request.user, item.author_id)
    return {
        "item": item,
        "current": current,
        "older_versions": versions[1:],
        "body_html": render_body(current.body, current.body_format),
        "requirements": selectors.version_requirements(current),
        "editable": editable,
        "add_files_form": extra.get("add_files_form") or (AddFilesForm() if editable else None),
        "confirm_form": RecordConfirmationForm()
        if item.is_assessor_record() and request.user.pk == item.learner_id
        else None,
        "latest_confirmation": next(iter(current.confirmations.all()), None),
        "max_upload_bytes": settings.ATTEST_MAX_UPLOAD_BYTES,
    }


@require_GET
@login_required
def evidence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_evidence_for_user(request.user, pk)
    audit_verifier_view(actor=request.user, obj=item, summary=f"Viewed evidence {item.pk} of {item.learner}")
    return render(request, "portfolios/evidence_detail.html", _detail_context(request, item))
