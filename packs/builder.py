"""Build one pack PDF from gathered data: prepare evidence, lay out, merge, attach, seal. No database access."""

import gc
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from pypdf import PdfWriter

from packs import integrity
from packs.images import ImageCache
from packs.merge import attach_files, merge_evidence
from packs.prepare import prepare_item
from packs.render import anchor_pages, pack_html, render_document

STEPS = 7
Progress = Callable[[int, str], None]


def _file_key(item: dict, file: dict) -> str:
    """One file of one evidence entry: the same stored file can be in two versions of an item, each placed apart."""
    return f"{item['anchor']}-f{file['id']}"


def _placements(pack: dict, pages: dict[str, int]) -> list[tuple[int, str, str, int]]:
    """(pack page index, file key, evidence PDF path, source page number) for every merged page, in pack order."""
    placements = []
    for lu in pack["units"]:
        for item in lu["evidence"]:
            for file in item["files"]:
                if file["mode"] == "pdf":
                    key = _file_key(item, file)
                    for number in file["page_numbers"]:
                        placements.append((pages[f"{key}-p{number}"] - 1, key, file["path"], number))
    return placements


def _layout_manifest(pack: dict, pages: dict[str, int], digests: dict[str, str], placements) -> list[dict]:
    pack_pages: dict[str, list[int]] = {}
    for index, key, _, _ in placements:
        pack_pages.setdefault(key, []).append(index + 1)
    return [
        {
            "enrolment_id": lu["enrolment_id"],
            "ref": item["ref"],
            "page": pages[item["anchor"]],
            "files": [
                {
                    "id": f["id"],
                    "sha256": f["sha256"],
                    "mode": f["mode"],
                    "attachment_name": f.get("attachment_name"),
                    "pack_pages": pack_pages.get(_file_key(item, f), []) if f["mode"] == "pdf" else [],
                    "content_sha256": digests.get(_file_key(item, f)) if f["mode"] == "pdf" else None,
                }
                for f in item["files"]
            ],
        }
        for lu in pack["units"]
        for item in lu["evidence"]
    ]


def build_pdf(pack: dict, output: Path, progress: Progress = lambda step, label: None) -> dict:
    """Write the finished pack to `output` and return its manifest."""
    # Layout allocates millions of objects that reference counting frees; the cycle collector's passes over them
    # (and over everything the worker already holds) cost more than the few cycles they find. Off for the build only.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(pack, output, progress)
    finally:
        if was_enabled:
            gc.enable()


def _build(pack: dict, output: Path, progress: Progress) -> dict:
    with tempfile.TemporaryDirectory(prefix="attest-pack-") as scratch_dir:
        scratch = Path(scratch_dir)
        images = ImageCache(scratch)
        progress(2, "Preparing evidence")
        for lu in pack["units"]:
            for item in lu["evidence"]:
                prepare_item(item, lu["prefix"], scratch, images)
        source = integrity.source_manifest(pack)
        pack["integrity_reference"] = integrity.integrity_reference(source)

        progress(3, "Laying out pages")
        document = render_document(pack_html(pack), images)
        pages = anchor_pages(document)
        placements = _placements(pack, pages)

        progress(4, "Writing PDF")
        # Incremental: WeasyPrint's output is kept byte for byte and our changes are appended after it, which
        # spares re-parsing and re-writing every embedded image.
        writer = PdfWriter(BytesIO(document.write_pdf()), incremental=True)
        del document

        progress(5, "Including evidence PDF pages")
        digests = merge_evidence(writer, placements)

        progress(6, "Attaching files")
        attach_files(writer, [f for lu in pack["units"] for item in lu["evidence"] for f in item["attachments"]])

        progress(7, "Sealing the integrity record")
        manifest = {
            "source": source,
            "integrity_reference": pack["integrity_reference"],
            "pages": len(writer.pages),
            "evidence": _layout_manifest(pack, pages, digests, placements),
        }
        manifest["content_sha256"] = integrity.content_sha256(manifest, writer.pages)
        manifest_bytes = integrity.canonical(manifest)
        writer.add_attachment(integrity.MANIFEST_NAME, manifest_bytes)
        writer.add_metadata(
            {
                "/Title": pack["title"],
                "/Subject": f"Verification pack {pack['integrity_reference']}",
                integrity.MANIFEST_METADATA_KEY: manifest_bytes.decode("utf-8"),
            }
        )
        with open(output, "wb") as handle:
            writer.write(handle)
    return manifest
