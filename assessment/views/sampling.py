"""IQA sampling: the IQA's home, a cohort's plan and coverage, one sampled learner-unit, and actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import selectors, services
from assessment.access import get_iqa_action_for_user, get_sample_entry_for_user
from assessment.coverage import cohort_coverage
from assessment.forms import ActionDoneForm, IqaDecisionForm, SampleEntryForm
from assessment.models import IqaAction
from people.access import enrolments_visible_to, get_cohort_for_user, may_quality_assure, role_required
from people.http import reported
from people.models import Cohort, Role


@require_GET
@login_required
@role_required(Role.IQA)
def iqa_home(request: HttpRequest) -> HttpResponse:
    cohorts = Cohort.objects.filter(enrolments__in=enrolments_visible_to(request.user)).select_related("centre").distinct()
    awaiting = IqaAction.objects.filter(
        decision__entry__enrolment__iqa=request.user, status=IqaAction.Status.DONE
    ).select_related("assessor", "decision__entry__enrolment__learner", "decision__entry__enrolment__unit")
    entries = selectors.iqa_sample_entries(iqa=request.user)[:50]
    return render(request, "assessment/iqa_home.html", {"cohorts": cohorts, "awaiting": awaiting, "entries": entries})


@require_http_methods(["GET", "POST"])
@login_required
@role_required(Role.IQA)
def sampling_plan(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    enrolments = enrolments_visible_to(request.user).filter(cohort=cohort)
    form = SampleEntryForm(request.POST or None, enrolments=enrolments, initial={"enrolment": request.GET.get("enrolment")})
    if request.method == "POST" and form.is_valid():
        with reported(request, form) as outcome:
            services.sample_entry_create(actor=request.user, **form.cleaned_data)
        if not outcome.refused:
            messages.success(request, "Added to the sampling plan.")
            return redirect("assessment:sampling-plan", pk=cohort.pk)
    entries = selectors.iqa_sample_entries(iqa=request.user).filter(plan__cohort=cohort)
    coverage = cohort_coverage(viewer=request.user, cohort=cohort)
    return render(
        request,
        "assessment/sampling_plan.html",
        {"cohort": cohort, "form": form, "entries": entries, "coverage": coverage},
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
@role_required(Role.IQA, Role.ADMIN)
def sampling_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    return render(
        request, "assessment/sampling_coverage.html", {"cohort": cohort, "coverage": cohort_coverage(viewer=request.user, cohort=cohort)}
    )


@require_http_methods(["GET", "POST"])
@login_required
@role_required(Role.IQA, Role.ADMIN)
def sample_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_sample_entry_for_user(request.user, pk)
    decision = getattr(entry, "decision", None)
    form = IqaDecisionForm(request.POST or None)
    if request.method == "POST":
        if not may_quality_assure(request.user, entry.enrolment):
            raise PermissionDenied("Only the learner-unit's IQA can record a decision on it.")
        if form.is_valid():
            with reported(request, form) as outcome:
                services.iqa_decision_record(
                    actor=request.user, entry=entry, outcome=form.cleaned_data["outcome"],
                    comments=form.cleaned_data["comments"], actions=form.actions(),
                )
            if not outcome.refused:
                messages.success(request, "IQA decision recorded.")
                return redirect("assessment:sample-entry", pk=entry.pk)
    actions = decision.actions.select_related("assessor") if decision else []
    return render(
        request,
        "assessment/sample_entry.html",
        {"entry": entry, "decision": decision, "actions": actions, "form": form,
         "may_decide": may_quality_assure(request.user, entry.enrolment)},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def iqa_action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_iqa_action_for_user(request.user, pk)
    form = ActionDoneForm(request.POST)
    form.is_valid()
    with reported(request) as outcome:
        services.iqa_action_mark_done(actor=request.user, action=action, note=form.cleaned_data.get("note", ""))
    if not outcome.refused:
        messages.success(request, "Marked done; the IQA will review it.")
    return redirect("assessment:caseload")


@require_POST
@login_required
def iqa_action_accept(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_iqa_action_for_user(request.user, pk)
    with reported(request) as outcome:
        services.iqa_action_accept(actor=request.user, action=action)
    if not outcome.refused:
        messages.success(request, "Action accepted and closed.")
    return redirect("assessment:sample-entry", pk=action.decision.entry_id)
