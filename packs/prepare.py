"""Prepare each evidence item for the pack: its text as safe HTML, and for each file how the pack shows it.

How is decided by the file's stored category and type: PDF pages merged, images embedded at print size, the text
of DOCX/ODT documents rendered beside the attached original, anything else attached. A file that cannot be read
this way is attached as it is, with a note; it never sinks the pack.
"""

import re
import shutil
from pathlib import Path

import docx
from django.core.files.storage import default_storage
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as odf_load
from pypdf import PdfReader

from packs.images import MAX_HEIGHT_MM, MAX_WIDTH_MM, PRINT_DPI, ImageCache
from portfolios.models import StoredFile
from portfolios.rendering import render_body

_MM_PER_INCH = 25.4
# Documents whose text the pack shows beside the attached original.
_TEXT_SHOWN = {"docx", "odt"}


def file_mode(file: dict) -> str:
    """How the pack includes a file, from its stored category and type: merged pages, image, shown text or attachment."""
    if file["category"] == StoredFile.Category.IMAGE:
        return "image"
    if file["category"] == StoredFile.Category.DOCUMENT:
        if file["file_type"] == "pdf":
            return "pdf"
        if file["file_type"] in _TEXT_SHOWN:
            return "document"
    return "attach"


def local_path(storage_name: str, scratch: Path) -> Path:
    """A readable local path for a stored file, copying it out of non-filesystem storage if needed."""
    try:
        return Path(default_storage.path(storage_name))
    except NotImplementedError:
        target = scratch / re.sub(r"[^A-Za-z0-9._-]", "_", storage_name)
        with default_storage.open(storage_name, "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
        return target


def _duration(seconds) -> str:
    if not seconds:
        return ""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _attachment_name(prefix: str, ref: str, file: dict) -> str:
    safe = re.sub(r"[^\w.\- ]", "_", file["name"]).strip() or "file"
    return f"{prefix}-{ref}-{file['id']}-{safe}"


def document_paragraphs(path: Path, file_type: str) -> list[str]:
    """A DOCX or ODT document's paragraphs as plain text, for showing; raise if it cannot be read."""
    if file_type == "docx":
        return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    if file_type == "odt":
        paragraphs = (teletype.extractText(p) for p in odf_load(str(path)).getElementsByType(odf_text.P))
        return [p for p in paragraphs if p.strip()]
    raise ValueError(f"Cannot read text from a {file_type} file")


def _pdf_pages(path: Path) -> int:
    reader = PdfReader(path)
    if reader.is_encrypted:
        raise ValueError("the PDF is encrypted")
    count = len(reader.pages)
    for page in reader.pages:
        page.get_contents()  # proves every page's content can be read before we promise to merge it
    if count == 0:
        raise ValueError("the PDF has no pages")
    return count


def prepare_item(item: dict, prefix: str, scratch: Path, images: ImageCache) -> None:
    """Add rendering instructions to one evidence entry, in place."""
    item["body_html"] = render_body(item["body"], item["body_format"]) if item["body"] else ""
    item["notes"] = []
    item["attachments"] = []
    for file in item["files"]:
        file["duration"] = _duration(file.get("duration_seconds"))
        path = local_path(file["storage_name"], scratch)
        file["path"] = str(path)
        mode = file["mode"] = file_mode(file)
        try:
            if mode == "pdf":
                file["pages"] = _pdf_pages(path)
                file["page_numbers"] = list(range(1, file["pages"] + 1))
                file["how"] = f"{file['pages']} page{'s' if file['pages'] != 1 else ''}, included unchanged after this page"
            elif mode == "image":
                file["image_key"] = file["sha256"]
                width, height = images.prepare(file["sha256"], path)
                # Shown at up to 150 dpi, within the text width and the height the CSS allows, keeping the ratio.
                natural_mm = width / (PRINT_DPI / 2) * _MM_PER_INCH
                file["print_width_mm"] = round(min(MAX_WIDTH_MM, natural_mm, MAX_HEIGHT_MM * width / height), 1)
                file["how"] = "image shown below"
            elif mode == "document":
                file["paragraphs"] = document_paragraphs(path, file["file_type"])
                file["how"] = "text shown below; the original is attached"
        except Exception as error:  # a corrupt or unreadable file is attached as-is, with a note
            item["notes"].append(
                f"{file['name']} could not be shown in this pack ({type(error).__name__}: {str(error)[:160]}). "
                "The original file is attached unchanged; its SHA-256 is listed above."
            )
            file["mode"] = mode = "attach"
        if mode == "attach":
            file["how"] = "attached to this PDF"
        if mode in ("document", "attach"):
            file["attachment_name"] = _attachment_name(prefix, item["ref"], file)
            item["attachments"].append(file)
