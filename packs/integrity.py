"""The pack's integrity record: what went in, a reference for it, and a hash over what came out.

Definitions (docs/packs.md repeats them):
- canonical(x): JSON with sorted keys, no spaces, UTF-8.
- source manifest: everything fixed before rendering (pack id, time, audit-log head, learner-units,
  evidence files with their SHA-256); integrity reference = "ATT-" + the first 16 hex digits of
  SHA-256(canonical(source manifest)), in groups of four.
- content hash: SHA-256 over canonical(manifest without "content_sha256") followed by the decoded
  content stream bytes of every page in order (evidence pages' XObject streams are covered through
  the manifest's per-file "content_sha256").
"""

import itertools
import json

from pypdf import PdfReader

from packs.merge import page_content_data
from records.digests import sha256_hex

MANIFEST_NAME = "attest-manifest.json"
MANIFEST_METADATA_KEY = "/AttestManifest"
FORMAT = "attest-pack/1"


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def integrity_reference(source_manifest: dict) -> str:
    digest = sha256_hex(canonical(source_manifest))[:16].upper()
    return "ATT-" + "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def content_sha256(manifest: dict, pages) -> str:
    """The pack's own content hash over the manifest (minus this hash) and every page's content streams."""
    head = canonical({k: v for k, v in manifest.items() if k != "content_sha256"})
    return sha256_hex(itertools.chain([head], (page_content_data(page) for page in pages)))


def source_manifest(pack: dict) -> dict:
    """The part of the manifest known before rendering."""
    return {
        "format": FORMAT,
        "pack_id": pack["pack_id"],
        "generated_at": pack["generated_at_iso"],
        "audit_head": pack["audit_head"],
        "sample_id": pack["sample"]["id"] if pack.get("sample") else None,
        "learner_units": [
            {
                "enrolment_id": lu["enrolment_id"],
                "learner": lu["learner_username"],
                "unit": lu["unit"]["key"],
                "grade": lu["grade"],
                "evidence": [
                    {
                        "ref": item["ref"],
                        "version_id": item["version_id"],
                        "files": [
                            {"id": f["id"], "name": f["name"], "sha256": f["sha256"], "size": f["size"]}
                            for f in item["files"]
                        ],
                    }
                    for item in lu["evidence"]
                ],
            }
            for lu in pack["units"]
        ],
    }


def read_manifest(reader: PdfReader) -> dict:
    """The manifest embedded in a pack; raise ValueError if it is missing or the two copies disagree."""
    attached = reader.attachments.get(MANIFEST_NAME)
    if not attached:
        raise ValueError(f"the PDF has no {MANIFEST_NAME} attachment: it is not an Attest pack, or it was rewritten")
    manifest = json.loads(attached[0])
    in_metadata = (reader.metadata or {}).get(MANIFEST_METADATA_KEY)
    if in_metadata is None or json.loads(in_metadata) != manifest:
        raise ValueError("the manifest in the PDF metadata differs from the attached manifest")
    return manifest
