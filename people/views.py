"""The role-aware home page: each role lands on the page where its work is."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from people.models import Role

_HOME_FOR_ROLE = {
    Role.LEARNER: "learner:home",
    Role.ASSESSOR: "assessment:caseload",
    Role.IQA: "assessment:iqa-home",
    Role.VERIFIER: "assessment:verifier-home",
    Role.ADMIN: "assessment:admin-home",
    Role.CATALOGUE: "admin:index",  # the catalogue is edited in the admin, the catalogue manager's only page
}


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    page = _HOME_FOR_ROLE.get(request.user.role)
    if page is None:  # a superuser made with createsuperuser has no role of these
        return render(request, "home/generic.html", {})
    return redirect(page)
