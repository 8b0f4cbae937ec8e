"""Store a checked upload under a server-generated name, with its SHA-256, word count and thumbnail."""

import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from people.models import User
from portfolios.models import StoredFile
from portfolios.uploads import images, sniffing, wordcount
from portfolios.uploads.sniffing import FileRefused
from records.digests import sha256_of_file

CHUNK_BYTES = 1024 * 1024


def _media_duration(upload: UploadedFile) -> float | None:
    try:
        import mutagen

        target = upload.temporary_file_path() if hasattr(upload, "temporary_file_path") else upload
        media = mutagen.File(target)
        return round(media.info.length, 2) if media is not None and media.info else None
    except Exception:  # noqa: BLE001 — a duration is a nicety; the file has already passed its content check
        return None
    finally:
        upload.seek(0)


def check_size(upload: UploadedFile) -> None:
    limit = settings.ATTEST_MAX_UPLOAD_BYTES
    if not upload.size:
        raise FileRefused("This file is empty (0 bytes); check you chose the right file and upload it again.")
    if upload.size > limit:
        raise FileRefused(
            f"This file is {filesizeformat(upload.size)}, over the limit of {filesizeformat(limit)} per file; "
            "compress or split it and upload the parts."
        )


def file_store(*, owner: User, uploaded_by: User, upload: UploadedFile) -> StoredFile:
    """Check one upload and store it; raises FileRefused with a message naming the file. Caller deletes on rollback."""
    original = sniffing.safe_basename(upload.name)
    try:
        check_size(upload)
        file_type = sniffing.sniff(upload, original)
        words = wordcount.file_word_count(upload, file_type.key)
        facts = images.inspect_image(upload, file_type.key) if file_type.category == StoredFile.Category.IMAGE else None
    except FileRefused as refusal:
        raise FileRefused(f"{original}: {refusal.reason}") from None
    duration = _media_duration(upload) if file_type.category in ("audio", "video") else None
    digest = sha256_of_file(upload)
    token = uuid.uuid4().hex
    storage_name = default_storage.save(
        f"evidence/{owner.pk}/{token}.{sniffing.storage_extension(file_type.key)}", upload
    )
    thumbnail_name = ""
    if facts is not None:
        thumbnail_name = default_storage.save(f"thumbnails/{owner.pk}/{token}.jpg", ContentFile(facts.thumbnail))
    return StoredFile.objects.create(
        owner=owner,
        uploaded_by=uploaded_by,
        storage_name=storage_name,
        original_name=original,
        size=upload.size,
        sha256=digest,
        file_type=file_type.key,
        mime_type=file_type.mime,
        category=file_type.category,
        word_count=words,
        duration_seconds=duration,
        width=facts.width if facts else None,
        height=facts.height if facts else None,
        thumbnail_name=thumbnail_name,
    )


def stored_names(stored: StoredFile) -> list[str]:
    return [name for name in (stored.storage_name, stored.thumbnail_name) if name]


def delete_stored(names: list[str]) -> None:
    """Remove files written by a request that then failed, so nothing partial stays behind."""
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            pass
