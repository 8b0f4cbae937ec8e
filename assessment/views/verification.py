"""External verification: the administrator grants and revokes samples; the verifier reads theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import services
from assessment.forms import GrantForm
from assessment.progress import enrolment_progress
from people.access import enrolments_visible_to, get_administered_sample_for_user, role_required
from people.http import reported
from people.models import Role, VerifierSample
from records.audit import audit_verifier_view
from units.models import Unit


@require_GET
@login_required
@role_required(Role.ADMIN)
def admin_home(request: HttpRequest) -> HttpResponse:
    services.verifier_access_record_expiry()
    samples = (
        VerifierSample.objects.filter(centre_id=request.user.centre_id)
        .select_related("verifier", "granted_by", "revoked_by")
        .prefetch_related("enrolments__learner", "enrolments__unit")
    )
    return render(
        request, "assessment/admin_home.html", {"samples": samples, "now": timezone.now(), "units": Unit.objects.order_by("key")}
    )


@require_http_methods(["GET", "POST"])
@login_required
@role_required(Role.ADMIN)
def sample_grant(request: HttpRequest) -> HttpResponse:
    form = GrantForm(request.POST or None, enrolments=enrolments_visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        with reported(request, form) as outcome:
            sample = services.verifier_sample_grant(
                actor=request.user, verifier=form.cleaned_data["verifier"], name=form.cleaned_data["name"],
                enrolments=list(form.cleaned_data["enrolments"].select_related("cohort")), expires_at=form.expires_at(),
            )
        if not outcome.refused:
            messages.success(request, f"{sample.verifier} now has access to “{sample.name}”.")
            return redirect("assessment:admin-home")
    return render(request, "assessment/sample_grant.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@login_required
def sample_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    sample = get_administered_sample_for_user(request.user, pk)
    with reported(request) as outcome:
        services.verifier_sample_revoke(actor=request.user, sample=sample)
    if not outcome.refused:
        messages.success(request, f"Access to “{sample.name}” revoked.")
    return redirect("assessment:admin-home")


@require_GET
@login_required
@role_required(Role.VERIFIER)
def verifier_home(request: HttpRequest) -> HttpResponse:
    services.verifier_access_record_expiry(verifier=request.user)
    samples = list(
        VerifierSample.objects.active()
        .filter(verifier=request.user)
        .prefetch_related("enrolments__learner", "enrolments__unit", "enrolments__assessor")
    )
    visible = set(enrolments_visible_to(request.user).values_list("pk", flat=True))
    enrolments = [e for s in samples for e in s.enrolments.all() if e.pk in visible]
    progress = enrolment_progress(enrolments)
    audit_verifier_view(actor=request.user, obj=request.user, summary="Verifier opened their sample list")
    return render(request, "assessment/verifier_home.html", {"samples": samples, "progress": progress})
