"""Word counts: one rule for text written in the app and for uploaded documents."""

import codecs
import re

from portfolios.uploads.sniffing import CHUNK_BYTES, FileRefused

# Mirrored by static/js/wordcount.js; keep the two patterns the same.
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DAMAGED = "This {what} is damaged or incomplete and cannot be read; save it again and upload the new copy."


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text or ""))


def _count_txt(f) -> int:
    decoder = codecs.getincrementaldecoder("utf-8")()
    total, carry = 0, ""
    f.seek(0)
    while chunk := f.read(CHUNK_BYTES):
        text = carry + decoder.decode(chunk)
        # Hold back the last partial word so a word split across chunks counts once.
        cut = max(text.rfind(" "), text.rfind("\n"))
        if cut == -1:
            carry = text
            continue
        total += count_words(text[:cut])
        carry = text[cut:]
    f.seek(0)
    return total + count_words(carry + decoder.decode(b"", final=True))


def _count_docx(f) -> int:
    import docx

    document = docx.Document(f)
    total = sum(count_words(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            total += sum(count_words(cell.text) for cell in row.cells)
    return total


def _count_odt(f) -> int:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(f)
    elements = document.getElementsByType(text.P) + document.getElementsByType(text.H)
    return sum(count_words(teletype.extractText(element)) for element in elements)


def _check_pdf_tail(f) -> None:
    f.seek(0, 2)
    size = f.tell()
    f.seek(max(0, size - 2048))
    tail = f.read()
    f.seek(0)
    if b"%%EOF" not in tail:
        raise FileRefused(_DAMAGED.format(what="PDF"))


def _count_pdf(f) -> int:
    from pypdf import PdfReader

    _check_pdf_tail(f)
    reader = PdfReader(f)
    return sum(count_words(page.extract_text() or "") for page in reader.pages)


_COUNTERS = {"txt": _count_txt, "docx": _count_docx, "odt": _count_odt, "pdf": _count_pdf}
_WHAT = {"txt": "text file", "docx": "Word document", "odt": "OpenDocument file", "pdf": "PDF"}


def file_word_count(f, type_key: str) -> int | None:
    """Words in an uploaded document; None for types without words. A document that cannot be parsed is refused."""
    counter = _COUNTERS.get(type_key)
    if counter is None:
        return None
    try:
        return counter(f)
    except FileRefused:
        raise
    except Exception:  # noqa: BLE001 — any parser failure means the document is unreadable
        raise FileRefused(_DAMAGED.format(what=_WHAT[type_key]))
    finally:
        f.seek(0)
