"""Renderers: a document definition (surat.py) fills hooks; pdf.py and docx.py lay it out."""

from .docx import DocxRenderer
from .pdf import PdfRenderer
from .surat import FORMAT, SURAT

RENDERER = {"pdf": PdfRenderer(), "docx": DocxRenderer()}


def render(jenis: str, fmt: str, konteks) -> bytes:
    """Bytes of document `jenis` in format `fmt` ("pdf" or "docx") for a built context."""
    if fmt not in FORMAT.get(jenis, ()):
        raise ValueError(f"no {fmt} renderer for {jenis}")
    return RENDERER[fmt].render(SURAT[jenis].naskah(konteks))


__all__ = ["FORMAT", "RENDERER", "SURAT", "DocxRenderer", "PdfRenderer", "render"]
