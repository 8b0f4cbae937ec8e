"""Decide what an uploaded file really is from its content, and refuse what is not on the allow-list."""

import codecs
import os
import zipfile
from dataclasses import dataclass

import puremagic
from django.core.exceptions import ValidationError

HEAD_BYTES = 8192
CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    mime: str
    category: str  # StoredFile.Category value


ALLOWED = {
    t.key: t
    for t in [
        FileType("pdf", "a PDF document", "application/pdf", "document"),
        FileType(
            "docx",
            "a Word document (DOCX)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "document",
        ),
        FileType("odt", "an OpenDocument text (ODT)", "application/vnd.oasis.opendocument.text", "document"),
        FileType(
            "xlsx",
            "an Excel workbook (XLSX)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "document",
        ),
        FileType(
            "pptx",
            "a PowerPoint presentation (PPTX)",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "document",
        ),
        FileType("txt", "a plain text file", "text/plain; charset=utf-8", "document"),
        FileType("jpeg", "a JPEG image", "image/jpeg", "image"),
        FileType("png", "a PNG image", "image/png", "image"),
        FileType("heic", "a HEIC photo", "image/heic", "image"),
        FileType("mp3", "an MP3 audio file", "audio/mpeg", "audio"),
        FileType("m4a", "an M4A audio file", "audio/mp4", "audio"),
        FileType("wav", "a WAV audio file", "audio/wav", "audio"),
        FileType("mp4", "an MP4 video", "video/mp4", "video"),
        FileType("mov", "a QuickTime video (MOV)", "video/quicktime", "video"),
        FileType("webm", "a WebM video", "video/webm", "video"),
    ]
}

EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "odt": "odt",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "txt": "txt",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "heic": "heic",
    "heif": "heic",
    "mp3": "mp3",
    "m4a": "m4a",
    "wav": "wav",
    "mp4": "mp4",
    "m4v": "mp4",
    "mov": "mov",
    "webm": "webm",
}
ALLOWED_LABEL = "PDF, DOCX, ODT, XLSX, PPTX, TXT, JPEG, PNG, HEIC, MP3, M4A, WAV, MP4, MOV or WebM"
_ISO_MEDIA = {"mp4", "m4a", "mov"}
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_QUICKTIME_BRANDS = {b"qt  "}
_M4A_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_ARCHIVES = [
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
]


class FileRefused(ValidationError):
    """The file cannot be accepted; the message tells the person what to do instead, on the form's files field."""

    def __init__(self, message: str):
        super().__init__({"files": ValidationError(message, code="file_refused")})

    @property
    def reason(self) -> str:
        return self.messages[0]


def safe_basename(name: str) -> str:
    """The file's own name, without any directory part a browser or attacker sent."""
    base = os.path.basename((name or "").replace("\\", "/")).strip().lstrip(".")
    base = "".join(ch for ch in base if ch.isprintable())
    return base[:200] or "upload"


def extension_of(name: str) -> str:
    _, dot, ext = safe_basename(name).rpartition(".")
    return ext.lower() if dot else ""


def _read_head(f) -> bytes:
    f.seek(0)
    head = f.read(HEAD_BYTES)
    f.seek(0)
    return head


def _archive_message(what: str) -> str:
    return f"This file is {what}; upload the documents themselves (PDF, DOCX, ODT or TXT)."


def _sniff_zip(f) -> str:
    """An office document is a ZIP with the right entries inside; any other ZIP is an archive."""
    try:
        with zipfile.ZipFile(f) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].strip()
                if mimetype == b"application/vnd.oasis.opendocument.text" and "content.xml" in names:
                    return "odt"
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "ppt/presentation.xml" in names:
                    return "pptx"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise FileRefused(
            "This file looks like a document or ZIP archive but it is damaged or incomplete; "
            "save it again and upload the new copy."
        )
    finally:
        f.seek(0)
    raise FileRefused(_archive_message("a ZIP archive"))


def _sniff_iso_media(head: bytes, extension_type: str | None) -> str | None:
    if head[4:8] != b"ftyp":
        return None
    brand = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, min(len(head), int.from_bytes(head[0:4], "big")), 4)}
    if brand in _HEIC_BRANDS or (brand not in _QUICKTIME_BRANDS and compatible & {b"heic", b"heix"}):
        return "heic"
    if brand in _QUICKTIME_BRANDS:
        return "mov"
    if brand in _M4A_BRANDS:
        return "m4a"
    # A generic ISO media file (isom, mp42…) is an MP4, an M4A or a MOV by what its name says.
    return extension_type if extension_type in _ISO_MEDIA else "mp4"


def _is_mp3(head: bytes) -> bool:
    if head.startswith(b"ID3"):
        return True
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06) != 0


def _is_utf8_text(f) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    f.seek(0)
    try:
        while chunk := f.read(CHUNK_BYTES):
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False
    finally:
        f.seek(0)


def _describe_unknown(head: bytes) -> str:
    try:
        match = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        match = []
    if match and match[0].name:
        return match[0].name
    return "not a type Attest accepts"


def detect(f, extension_type: str | None = None) -> str:
    """Return the allowed type key of this content, or raise FileRefused."""
    head = _read_head(f)
    for magic, what in _ARCHIVES:
        if head.startswith(magic):
            raise FileRefused(_archive_message(what))
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(f)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:64]:
            return "webm"
        raise FileRefused("This file is a Matroska (MKV) video; convert it to MP4 or WebM and upload that.")
    iso = _sniff_iso_media(head, extension_type)
    if iso:
        return iso
    if _is_mp3(head):
        return "mp3"
    if head and _is_utf8_text(f):
        return "txt"
    what = _describe_unknown(head)
    raise FileRefused(f"Attest cannot accept this file: its content is {what}. Upload {ALLOWED_LABEL}.")


def sniff(f, original_name: str) -> FileType:
    """Check the content against the allow-list and against the file's extension."""
    extension = extension_of(original_name)
    claimed = EXTENSIONS.get(extension)
    if extension and claimed is None and extension in {"zip", "rar", "7z", "gz", "tar"}:
        raise FileRefused(_archive_message(f"a {extension.upper()} archive"))
    detected = detect(f, claimed)
    if extension and claimed is None:
        raise FileRefused(f"Files named .{extension} cannot be uploaded; upload {ALLOWED_LABEL}.")
    if claimed and claimed != detected and not (claimed in _ISO_MEDIA and detected in _ISO_MEDIA):
        raise FileRefused(
            f"This file is named .{extension} but its content is {ALLOWED[detected].label}; "
            f"rename it to .{_preferred_extension(detected)} or upload the right file."
        )
    return ALLOWED[claimed if claimed in _ISO_MEDIA and detected in _ISO_MEDIA else detected]


def _preferred_extension(type_key: str) -> str:
    return {"jpeg": "jpg"}.get(type_key, type_key)


def storage_extension(type_key: str) -> str:
    return _preferred_extension(type_key)
