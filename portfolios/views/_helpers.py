"""Small helpers shared by portfolio views: error text and XHR-aware responses."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect


def is_xhr(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


def add_errors(form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, to its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def form_errors(form) -> list[str]:
    errors = []
    for field, messages_ in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        errors.extend(f"{label}: {m}" if label else m for m in messages_)
    return errors


def done(request: HttpRequest, url: str, message: str) -> HttpResponse:
    messages.success(request, message)
    if is_xhr(request):
        return JsonResponse({"redirect": url})
    return redirect(url)


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def bound(request: HttpRequest) -> tuple:
    """Form data for a POST (even an empty one), or nothing for a GET."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def record_verifier_view(request: HttpRequest, obj, summary: str, enrolment=None) -> None:
    """External verifiers' every view is recorded in the audit log (DOMAIN.md section 4)."""
    if getattr(request.user, "is_verifier", False):
        from assessment.services import verifier_view_record

        verifier_view_record(actor=request.user, obj=obj, summary=summary, enrolment=enrolment)
