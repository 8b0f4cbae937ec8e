"""Place original evidence PDF pages onto their placeholder pages, attach files, write metadata.

Each evidence page becomes a Form XObject whose content stream is the source page's own, unchanged,
drawn inside the placeholder page's frame; the placeholder (rendered by WeasyPrint) carries the caption
and the running footer, so every page of the pack has its footer and page number.
"""

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)

from records.digests import sha256_hex

MM = 72 / 25.4
# The frame evidence pages are drawn into: the placeholder's content area below its caption.
FRAME_LEFT, FRAME_RIGHT, FRAME_TOP, FRAME_BOTTOM = 18 * MM, (210 - 18) * MM, (297 - 26) * MM, 24 * MM
EVIDENCE_XOBJECT = "/AttestEvidence"


def _contents_data(page) -> bytes:
    """The decoded bytes of a page's content stream(s), concatenated in order."""
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    return b"".join(stream.get_object().get_data() for stream in streams)


def evidence_page_data(page) -> bytes:
    """The content of the evidence XObject drawn on a merged page ('' if the page has none)."""
    xobjects = page.get("/Resources", {}).get_object().get("/XObject", {})
    xobjects = xobjects.get_object() if xobjects else {}
    if EVIDENCE_XOBJECT not in xobjects:
        return b""
    return xobjects[EVIDENCE_XOBJECT].get_object().get_data()


def page_content_data(page) -> bytes:
    return _contents_data(page)


def _placement(source) -> tuple[Transformation, tuple[float, float, float, float]]:
    """Scale and rotate the source page into the frame, centred, top-aligned; also return the placed box."""
    box = source.cropbox
    rotation = (source.get("/Rotate", 0) or 0) % 360
    base = Transformation().translate(-float(box.left), -float(box.bottom)).rotate(-rotation)
    corners = [base.apply_on((x, y)) for x in (0, float(box.width)) for y in (0, float(box.height))]
    min_x, min_y = min(c[0] for c in corners), min(c[1] for c in corners)
    width, height = max(c[0] for c in corners) - min_x, max(c[1] for c in corners) - min_y
    scale = min((FRAME_RIGHT - FRAME_LEFT) / width, (FRAME_TOP - FRAME_BOTTOM) / height)
    offset_x = FRAME_LEFT + ((FRAME_RIGHT - FRAME_LEFT) - width * scale) / 2
    offset_y = FRAME_TOP - height * scale
    return base.translate(-min_x, -min_y).scale(scale, scale).translate(offset_x, offset_y), (
        offset_x,
        offset_y,
        width * scale,
        height * scale,
    )


def place_evidence_page(writer: PdfWriter, target, source) -> bytes:
    """Draw `source` (a page of an evidence PDF) on `target`; return the evidence content bytes placed."""
    data = _contents_data(source)
    form = DecodedStreamObject()
    form.set_data(data)
    box = source.cropbox
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(box.left), FloatObject(box.bottom), FloatObject(box.right), FloatObject(box.top)]
            ),
        }
    )
    resources = source.get("/Resources")
    if resources is not None:
        form[NameObject("/Resources")] = resources.get_object().clone(writer)
    form_ref = writer._add_object(form.flate_encode())

    # WeasyPrint may share one resource dictionary between pages: give this page its own copies.
    page_resources = DictionaryObject(target["/Resources"].get_object())
    xobjects = DictionaryObject(page_resources["/XObject"].get_object()) if "/XObject" in page_resources else DictionaryObject()
    xobjects[NameObject(EVIDENCE_XOBJECT)] = form_ref
    page_resources[NameObject("/XObject")] = xobjects
    target[NameObject("/Resources")] = page_resources

    matrix, (x, y, w, h) = _placement(source)
    a, b, c, d, e, f = matrix.ctm
    drawing = (
        f"q {a:.6f} {b:.6f} {c:.6f} {d:.6f} {e:.4f} {f:.4f} cm {EVIDENCE_XOBJECT} Do Q\n"
        f"q 0.6 G 0.5 w {x:.3f} {y:.3f} {w:.3f} {h:.3f} re S Q\n"
    ).encode()
    streams = []
    for raw in (b"q\n", None, b"\nQ\n", drawing):
        if raw is None:
            existing = target.raw_get("/Contents")  # keep the indirect reference; [] would resolve it
            resolved = existing.get_object()
            streams.extend(resolved if isinstance(resolved, ArrayObject) else [existing])
            continue
        stream = DecodedStreamObject()
        stream.set_data(raw)
        streams.append(writer._add_object(stream))
    target[NameObject("/Contents")] = ArrayObject(streams)
    return data


class SourcePdfs:
    """Open each evidence PDF once per job."""

    def __init__(self):
        self._readers: dict[str, PdfReader] = {}

    def page(self, path: str, number: int):
        if path not in self._readers:
            self._readers[path] = PdfReader(path)
        return self._readers[path].pages[number - 1]


def merge_evidence(writer: PdfWriter, placements: list[tuple[int, str, str, int]]) -> dict[str, str]:
    """Place each (pack page index, file key, source path, source page number); return per file key the SHA-256 of
    the content placed for it, in page order."""
    sources = SourcePdfs()
    placed: dict[str, list[bytes]] = {}
    for index, key, path, number in placements:
        placed.setdefault(key, []).append(place_evidence_page(writer, writer.pages[index], sources.page(path, number)))
    return {key: sha256_hex(chunks) for key, chunks in placed.items()}


def attach_files(writer: PdfWriter, files: list[dict]) -> None:
    for file in files:
        with open(file["path"], "rb") as handle:
            writer.add_attachment(file["attachment_name"], handle.read())
