"""One learner-unit: each criterion's evidence and history, the assessor's decisions, locks and unit sign-off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessment import selectors, services
from assessment.forms import DecisionForm, DeclarationForm, UnlockForm
from assessment.progress import Grade
from people.access import get_assessable_enrolment_for_user, get_enrolment_for_user, may_assess, may_unlock
from people.http import reported
from people.models import Enrolment
from records.audit import audit_verifier_view
from units.models import AssessmentCriterion


def _page(request: HttpRequest, enrolment: Enrolment, *, bound: dict | None = None, status: int = 200) -> HttpResponse:
    data = selectors.enrolment_assessment(enrolment=enrolment)
    user, bound = request.user, bound or {}
    can_assess, can_unlock = may_assess(user, enrolment), may_unlock(user, enrolment)
    for block in data.blocks:
        code = block.criterion.code
        block.form = bound.get(block.criterion.pk) or DecisionForm(
            prefix=f"c{block.criterion.pk}",
            initial={"revision": block.revision},
            declaration_text=services.CRITERION_DECLARATION.format(code=code),
        )
        block.unlock_form = UnlockForm(prefix=f"u{block.criterion.pk}")
    grade_label = Grade(data.grade).label
    context = {
        "data": data,
        "enrolment": enrolment,
        "can_assess": can_assess,
        "can_unlock": can_unlock,
        "is_learner": user.pk == enrolment.learner_id,
        "sign_off_form": DeclarationForm(
            declaration_text=services.UNIT_DECLARATION.format(learner=enrolment.learner, unit=enrolment.unit, grade=grade_label)
        ),
        "confirm_form": DeclarationForm(
            declaration_text=services.LEARNER_UNIT_DECLARATION.format(
                unit=enrolment.unit, grade=Grade(data.sign_off.grade).label if data.sign_off else grade_label
            )
        ),
    }
    audit_verifier_view(
        actor=user, obj=enrolment, enrolment=enrolment, summary=f"Verifier viewed {enrolment.learner}, unit {enrolment.unit.key}"
    )
    return render(request, "assessment/enrolment.html", context, status=status)


@require_GET
@login_required
def enrolment(request: HttpRequest, pk: int) -> HttpResponse:
    if request.user.is_verifier:
        services.verifier_access_record_expiry(verifier=request.user)
    return _page(request, get_enrolment_for_user(request.user, pk))


@require_POST
@login_required
def criterion_decide(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    enrolment = get_assessable_enrolment_for_user(request.user, pk)
    criterion = get_object_or_404(AssessmentCriterion, pk=criterion_pk, unit_id=enrolment.unit_id)
    form = DecisionForm(
        request.POST, prefix=f"c{criterion.pk}", declaration_text=services.CRITERION_DECLARATION.format(code=criterion.code)
    )
    if not form.is_valid():
        return _page(request, enrolment, bound={criterion.pk: form}, status=400)
    with reported(request, form) as outcome:
        decision = services.criterion_decide(
            actor=request.user,
            enrolment=enrolment,
            criterion=criterion,
            outcome=form.cleaned_data["outcome"],
            feedback=form.cleaned_data["feedback"],
            seen_revision=form.cleaned_data["revision"],
            declaration_confirmed=form.cleaned_data["declaration"],
        )
    if outcome.conflict:
        messages.error(request, outcome.error.message)
    if outcome.refused:
        return _page(request, enrolment, bound={criterion.pk: form}, status=409 if outcome.conflict else 400)
    messages.success(request, f"{criterion.code}: {decision.get_outcome_display()} recorded.")
    return redirect(reverse("assessment:enrolment", args=[enrolment.pk]) + f"#criterion-{criterion.pk}")


@require_POST
@login_required
def criterion_unlock(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    if not may_unlock(request.user, enrolment):
        raise PermissionDenied("Only the learner-unit's IQA or a centre administrator can unlock a decision.")
    criterion = get_object_or_404(AssessmentCriterion, pk=criterion_pk, unit_id=enrolment.unit_id)
    form = UnlockForm(request.POST, prefix=f"u{criterion.pk}")
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    with reported(request) as outcome:
        services.criterion_unlock(actor=request.user, enrolment=enrolment, criterion=criterion, reason=reason)
    if outcome.refused:
        return _page(request, enrolment, status=400)
    messages.success(request, f"{criterion.code} is unlocked; the assessor can decide it again.")
    return redirect(reverse("assessment:enrolment", args=[enrolment.pk]) + f"#criterion-{criterion.pk}")


@require_POST
@login_required
def unit_sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_assessable_enrolment_for_user(request.user, pk)
    form = DeclarationForm(request.POST)
    with reported(request) as outcome:
        services.unit_sign_off_create(actor=request.user, enrolment=enrolment, declaration_confirmed=form.is_valid())
    if outcome.refused:
        return _page(request, enrolment, status=400)
    messages.success(request, "Unit signed off. The learner has been asked to confirm it.")
    return redirect("assessment:enrolment", pk=enrolment.pk)


@require_POST
@login_required
def unit_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    if request.user.pk != enrolment.learner_id:
        raise PermissionDenied("Only the learner can confirm their unit sign-off.")
    form = DeclarationForm(request.POST)
    with reported(request) as outcome:
        services.unit_sign_off_confirm(actor=request.user, enrolment=enrolment, declaration_confirmed=form.is_valid())
    if outcome.refused:
        return _page(request, enrolment, status=400)
    messages.success(request, "Thank you: you have confirmed the unit sign-off.")
    return redirect("assessment:enrolment", pk=enrolment.pk)
