"""Check a pack PDF against its own manifest, the stored evidence and the audit log."""

from pathlib import Path

from django.core.files.storage import default_storage
from pypdf import PdfReader

from packs import integrity
from packs.merge import evidence_page_data, page_content_data
from portfolios.models import StoredFile
from records.audit import GENESIS_HASH
from records.digests import sha256_hex, sha256_of_file
from records.models import AuditAction, AuditEntry


def _stored_pdf_content_sha256(storage_name: str) -> str | None:
    """The content hash of a stored evidence PDF's pages, as the builder computes it; None if unavailable."""
    if not default_storage.exists(storage_name):
        return None
    with default_storage.open(storage_name, "rb") as handle:
        return sha256_hex(page_content_data(page) for page in PdfReader(handle).pages)


def _check_files(reader: PdfReader, manifest: dict, attachments: dict) -> list[str]:
    problems = []
    stored = {f.pk: f for f in StoredFile.objects.filter(pk__in=[f["id"] for e in manifest["evidence"] for f in e["files"]])}
    for entry in manifest["evidence"]:
        for file in entry["files"]:
            label = f"{entry['ref']} file {file['id']}"
            record = stored.get(file["id"])
            if record is None:
                problems.append(f"{label}: no stored file with this id in the database")
            elif record.sha256 != file["sha256"]:
                problems.append(f"{label} ({record.original_name}): the pack's SHA-256 differs from the database's")
            if file["attachment_name"]:
                label = f"attachment {file['attachment_name']}"
                if file["attachment_name"] not in attachments:
                    problems.append(f"{label}: missing from the PDF")
                elif sha256_hex(attachments[file["attachment_name"]][0]) != file["sha256"]:
                    problems.append(f"{label}: its bytes differ from the recorded SHA-256 {file['sha256']}")
            if file["mode"] == "pdf":
                placed = sha256_hex(
                    evidence_page_data(reader.pages[number - 1]) if number <= len(reader.pages) else b""
                    for number in file["pack_pages"]
                )
                if placed != file["content_sha256"]:
                    problems.append(f"{label}: the merged evidence pages {file['pack_pages']} differ from the recorded content hash")
                elif record is not None:
                    original = _stored_pdf_content_sha256(record.storage_name)
                    if original is not None and original != file["content_sha256"]:
                        problems.append(f"{label}: the merged pages differ from the stored evidence PDF")
    return problems


def _check_audit(manifest: dict, file_sha256: str) -> list[str]:
    problems = []
    head = manifest["source"]["audit_head"]
    if head != GENESIS_HASH and not AuditEntry.objects.filter(entry_hash=head).exists():
        problems.append(f"audit log: no entry has the recorded head hash {head}")
    built = AuditEntry.objects.filter(
        action=AuditAction.PACK_BUILD, after__integrity_reference=manifest["integrity_reference"]
    ).first()
    if built is None:
        problems.append(f"audit log: no pack build is recorded for {manifest['integrity_reference']}")
    else:
        if built.after.get("content_sha256") != manifest["content_sha256"]:
            problems.append("audit log: the recorded content hash differs from the pack's")
        if built.after.get("file_sha256") != file_sha256:
            problems.append(
                f"file: its SHA-256 {file_sha256} differs from the pack as built ({built.after.get('file_sha256')})"
            )
    return problems


def pack_verify(path: Path) -> tuple[dict | None, list[str]]:
    """Return the pack's manifest and every problem found; no problems means the pack is as built."""
    try:
        reader = PdfReader(path)
        manifest = integrity.read_manifest(reader)
    except Exception as error:
        return None, [f"manifest: {error}"]
    problems = []
    if integrity.integrity_reference(manifest["source"]) != manifest["integrity_reference"]:
        problems.append("manifest: the integrity reference does not match the recorded sources")
    if integrity.content_sha256(manifest, reader.pages) != manifest["content_sha256"]:
        problems.append("content: the pages or the manifest differ from the recorded content hash")
    if len(reader.pages) != manifest["pages"]:
        problems.append(f"pages: the PDF has {len(reader.pages)} pages; the pack had {manifest['pages']}")
    attachments = reader.attachments
    expected = {f["attachment_name"] for e in manifest["evidence"] for f in e["files"] if f["attachment_name"]}
    for extra in sorted(set(attachments) - expected - {integrity.MANIFEST_NAME}):
        problems.append(f"attachment {extra}: not part of the pack as built")
    problems += _check_files(reader, manifest, attachments)
    with open(path, "rb") as handle:
        problems += _check_audit(manifest, sha256_of_file(handle))
    return manifest, problems
