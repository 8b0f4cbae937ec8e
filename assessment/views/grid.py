"""The tracking grid: a unit's cohort against its criteria, filtered, paged and exported as CSV."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessment import selectors
from assessment.forms import GridFilterForm
from people.access import role_required
from people.models import Role
from units.models import Unit

ROWS_PER_PAGE = 25


def _grid(request: HttpRequest) -> tuple[GridFilterForm, selectors.Grid]:
    units = list(Unit.objects.order_by("key"))
    if not units:
        raise Http404("No units are in the catalogue yet.")
    unit = next((u for u in units if u.key == request.GET.get("unit")), units[0])
    assessors = selectors.grid_assessors(viewer=request.user, unit=unit)
    form = GridFilterForm(request.GET or None, units=units, assessors=assessors, initial={"unit": unit.key})
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    grid = selectors.tracking_grid(
        viewer=request.user, unit=unit, assessor_id=filters.get("assessor"), status=filters.get("status", "")
    )
    return form, grid


@require_GET
@login_required
@role_required(Role.ASSESSOR, Role.IQA, Role.ADMIN)
def grid(request: HttpRequest) -> HttpResponse:
    form, grid = _grid(request)
    page = Paginator(grid.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "assessment/grid.html", {"form": form, "grid": grid, "page": page, "query": query.urlencode()})


@require_GET
@login_required
@role_required(Role.ASSESSOR, Role.IQA, Role.ADMIN)
def grid_csv(request: HttpRequest) -> HttpResponse:
    _, grid = _grid(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tracking-grid-unit-{grid.unit.key}.csv"'
    writer = csv.writer(response)
    writer.writerow(["Learner", "Assessor", "Cohort", *[c["code"] for c in grid.criteria], "Met", "Grade"])
    for row in grid.rows:
        e = row["enrolment"]
        writer.writerow(
            [str(e.learner), str(e.assessor), str(e.cohort), *[cell.label for cell in row["cells"]], f"{row['met']}/{row['total']}", row["grade"].label]
        )
    return response
