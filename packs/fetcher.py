"""The only URLs WeasyPrint may open while rendering a pack: the app's static files and prepared images."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

IMAGE_SCHEME = "attest-image:"
STATIC_SCHEME = "attest-static:"


class PackURLFetcher(URLFetcher):
    """Serve `attest-static:<path>` from static files and `attest-image:<key>` from the job's image cache; refuse the rest."""

    def __init__(self, images: dict[str, Path] | None = None):
        super().__init__(allowed_protocols=set(), allow_redirects=False, fail_on_errors=False)
        self._images = images or {}

    def fetch(self, url, headers=None):
        if url.startswith(IMAGE_SCHEME):
            path = self._images.get(url[len(IMAGE_SCHEME):])
            if path is None:
                raise ValueError(f"No prepared image for {url}")
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": "application/octet-stream"})
        if url.startswith(STATIC_SCHEME):
            return URLFetcherResponse(url, _static_bytes(url[len(STATIC_SCHEME):]), {"Content-Type": _guess(url)})
        raise ValueError(f"Packs may not fetch {url!r}: only the app's static files and the pack's own evidence.")


def _static_bytes(relative: str) -> bytes:
    """Read a file found by the static finders, refusing any path that escapes a static directory."""
    if relative.startswith("/") or ".." in Path(relative).parts:
        raise ValueError(f"Static path {relative!r} must be relative, without '..'")
    found = finders.find(relative)
    if not found:
        raise ValueError(f"No static file {relative!r}")
    path = Path(found).resolve()
    roots = [Path(d).resolve() for d in settings.STATICFILES_DIRS] + [Path(settings.STATIC_ROOT).resolve()]
    if not any(path.is_relative_to(root) for root in roots):
        raise ValueError(f"Static file {relative!r} lies outside the static directories")
    return path.read_bytes()


def _guess(url: str) -> str:
    return "text/css" if url.endswith(".css") else "application/octet-stream"
