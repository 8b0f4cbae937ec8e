"""Serving stored evidence files: only through these views, only to people who may read the evidence."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from portfolios.access import get_file_for_user
from portfolios.models import StoredFile
from records.audit import audit_verifier_view

_PREVIEWABLE = {StoredFile.Category.IMAGE, StoredFile.Category.AUDIO, StoredFile.Category.VIDEO}


def _open(name: str):
    try:
        return default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing.")


def _respond(handle, *, filename: str, content_type: str, inline: bool) -> FileResponse:
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    stored = get_file_for_user(request.user, pk)
    audit_verifier_view(actor=request.user, obj=stored, summary=f"Downloaded {stored.original_name} (SHA-256 {stored.sha256[:12]}…)")
    return _respond(
        _open(stored.storage_name), filename=stored.original_name, content_type=stored.mime_type, inline=False
    )


@require_GET
@login_required
@xframe_options_sameorigin  # the app's own pages frame PDF previews; everything else keeps DENY
def file_preview(request: HttpRequest, pk: int) -> FileResponse:
    """Inline for PDFs, images, audio and video (for <iframe>, <img>, <audio>, <video>); anything else downloads."""
    stored = get_file_for_user(request.user, pk)
    inline = stored.category in _PREVIEWABLE or stored.file_type == "pdf"
    return _respond(
        _open(stored.storage_name), filename=stored.original_name, content_type=stored.mime_type, inline=inline
    )


@require_GET
@login_required
def file_thumbnail(request: HttpRequest, pk: int) -> FileResponse:
    stored = get_file_for_user(request.user, pk)
    if not stored.thumbnail_name:
        raise Http404("This file has no thumbnail.")
    return _respond(
        _open(stored.thumbnail_name), filename=f"thumbnail-{pk}.jpg", content_type="image/jpeg", inline=True
    )
