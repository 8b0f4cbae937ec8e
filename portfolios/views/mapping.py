"""Mapping evidence to criteria: which range items it covers and where to look."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from people.http import reported
from portfolios import selectors, services
from portfolios.access import get_editable_evidence_for_user
from portfolios.forms import MappingForm
from portfolios.models import Claim
from units.models import AssessmentCriterion


def _criterion_from(request: HttpRequest) -> AssessmentCriterion | None:
    raw = request.POST.get("criterion") or request.GET.get("criterion")
    if not raw or not str(raw).isdigit():
        return None
    return AssessmentCriterion.objects.select_related("unit", "learning_outcome").filter(pk=int(raw)).first()


@require_http_methods(["GET", "POST"])
@login_required
def evidence_map(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_editable_evidence_for_user(request.user, pk)
    current = item.current_version()
    criterion = _criterion_from(request)
    range_items = list(services.allowed_range_items(criterion).select_related("heading")) if criterion else []
    existing = current.claims.filter(criterion=criterion).prefetch_related("range_items").first() if criterion else None
    initial = {"criterion": criterion}
    if existing:
        initial.update(range_items=[r.pk for r in existing.range_items.all()], location_note=existing.location_note)
    form = MappingForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        range_choices=[(r.pk, r.text) for r in range_items],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported(request, form) as outcome:
            services.claim_save(
                item=item,
                user=request.user,
                criterion=data["criterion"],
                range_item_ids=data["range_items"],
                location_note=data["location_note"],
            )
        if not outcome.refused:
            messages.success(request, f"Mapped to {data['criterion'].unit.key} {data['criterion'].code}.")
            return redirect("portfolios:evidence-detail", pk=item.pk)
    if request.method == "POST":
        checked = {int(x) for x in request.POST.getlist("range_items") if x.isdigit()}
    else:
        checked = set(initial.get("range_items", []))
    headings = {}
    for r in range_items:
        headings.setdefault(r.heading, []).append(r)
    return render(
        request,
        "portfolios/evidence_map.html",
        {
            "item": item,
            "current": current,
            "form": form,
            "criterion": criterion,
            "headings": headings,
            "groups": selectors.mappable_criteria(learner=item.learner),
            "existing": existing,
            "checked": checked,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def claim_delete(request: HttpRequest, pk: int) -> HttpResponse:
    claim = Claim.objects.select_related("version__item", "criterion__unit").filter(pk=pk).first()
    if claim is None:
        raise Http404("No such mapping.")
    item = get_editable_evidence_for_user(request.user, claim.version.item_id)
    with reported(request) as outcome:
        services.claim_delete(claim=claim, user=request.user)
    if not outcome.refused:
        messages.success(request, f"Removed the mapping to {claim.criterion.unit.key} {claim.criterion.code}.")
    return redirect(reverse("portfolios:evidence-detail", args=[item.pk]))
