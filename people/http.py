"""The one error contract, seen from a view: a service call becomes a success, or a message or form error.

Services refuse with `ValidationError` (with a code); `reported()` catches it, shows its text on the form (or as a
message when there is no form) and tells the view, which then redirects or re-renders.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect


@dataclass
class Outcome:
    error: ValidationError | None = None

    @property
    def refused(self) -> bool:
        return self.error is not None

    @property
    def conflict(self) -> bool:
        """Someone else changed the object between the form being shown and sent (HTTP 409)."""
        return self.error is not None and getattr(self.error, "code", None) == "conflict"


@contextmanager
def reported(request: HttpRequest, form=None) -> Iterator[Outcome]:
    """Run a service call; a refusal goes on the form, or into the page's messages."""
    outcome = Outcome()
    try:
        yield outcome
    except ValidationError as error:
        outcome.error = error
        if form is not None:
            add_errors(form, error)
        else:
            for text in error.messages:
                messages.error(request, text)


def add_errors(form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, to its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def form_errors(form) -> list[str]:
    """A form's errors as sentences, each led by its field's label."""
    errors = []
    for field, field_messages in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        errors.extend(f"{label}: {m}" if label else m for m in field_messages)
    return errors


def is_xhr(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "XMLHttpRequest"


def done(request: HttpRequest, url: str, message: str) -> HttpResponse:
    """Report success and go on to `url` (as JSON for a script's request)."""
    messages.success(request, message)
    if is_xhr(request):
        return JsonResponse({"redirect": url})
    return redirect(url)


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def bound(request: HttpRequest) -> tuple:
    """Form data for a POST (even an empty one), or nothing for a GET."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)
