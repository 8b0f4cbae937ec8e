"""HTML → laid-out pages with WeasyPrint, which may open only the app's static files and the job's prepared images."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from packs.images import ImageCache

IMAGE_SCHEME = "attest-image:"
STATIC_SCHEME = "attest-static:"


def pack_html(pack: dict) -> str:
    return render_to_string("packs/pack.html", {"pack": pack})


def render_document(html: str, images: ImageCache):
    """Lay the pack out; the returned document knows which anchors stand on which page."""
    fetcher = PackURLFetcher(images=images.paths)
    return HTML(string=html, base_url=STATIC_SCHEME, url_fetcher=fetcher).render(cache={})


def anchor_pages(document) -> dict[str, int]:
    """Map every element id to the 1-based page it starts on."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


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
