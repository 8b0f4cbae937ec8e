"""Text of office documents (DOCX, ODT), for rendering in the pack beside the attached original."""

from pathlib import Path


def document_paragraphs(path: Path, file_type: str) -> list[str]:
    """The document's paragraphs as plain text; raise if it cannot be read."""
    if file_type == "docx":
        import docx

        return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    if file_type == "odt":
        from odf import teletype, text
        from odf.opendocument import load

        document = load(str(path))
        return [teletype.extractText(p) for p in document.getElementsByType(text.P) if teletype.extractText(p).strip()]
    raise ValueError(f"Cannot read text from a {file_type} file")
