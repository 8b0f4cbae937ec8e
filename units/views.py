"""The unit catalogue and unit pages, readable by every signed-in role."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from units import selectors


@require_GET
@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    return render(request, "units/catalogue.html", {"units": selectors.catalogue_units()})


@require_GET
@login_required
def unit_detail(request: HttpRequest, key: str) -> HttpResponse:
    unit = selectors.unit_with_structure(key=key)
    grading = [c for band, criteria in selectors.criteria_by_band(unit).items() if band != "pass" for c in criteria]
    return render(request, "units/unit_detail.html", {"unit": unit, "grading_criteria": grading})
