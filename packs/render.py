"""HTML → laid-out pages with WeasyPrint, fetching only through the pack's own URL fetcher."""

from django.template.loader import render_to_string
from weasyprint import HTML

from packs.fetcher import PackURLFetcher
from packs.images import ImageCache


def pack_html(pack: dict) -> str:
    return render_to_string("packs/pack.html", {"pack": pack})


def render_document(html: str, images: ImageCache):
    """Lay the pack out; the returned document knows which anchors stand on which page."""
    fetcher = PackURLFetcher(images=images.paths)
    return HTML(string=html, base_url="attest-static:", url_fetcher=fetcher).render(cache={})


def anchor_pages(document) -> dict[str, int]:
    """Map every element id to the 1-based page it starts on."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages
