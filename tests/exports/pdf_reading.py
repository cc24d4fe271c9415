"""Reading PDFs back in tests: text per page and the fonts each uses."""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import Any

from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def all_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def _fonts_in(resources: Any, found: dict[str, bool], seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        name = str(font.get("/BaseFont"))
        descriptors = [font.get("/FontDescriptor")]
        for descendant in font.get("/DescendantFonts") or []:
            descriptors.append(descendant.get_object().get("/FontDescriptor"))
        embedded = any(
            descriptor is not None
            and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            for descriptor in descriptors
        )
        found[name] = found.get(name, True) and embedded
    for xobject in (resources.get("/XObject") or {}).values():
        reference = getattr(xobject, "idnum", None)
        if reference is not None:
            if reference in seen:
                continue
            seen.add(reference)
        _fonts_in(xobject.get_object().get("/Resources"), found, seen)


def fonts_embedded(pdf: bytes) -> dict[str, bool]:
    """Every font any page or annotation appearance uses, and whether it is embedded."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    seen: set[int] = set()
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), found, seen)
        for annotation in page.get("/Annots") or []:
            appearance = annotation.get_object().get("/AP")
            if appearance is not None:
                normal = appearance.get_object().get("/N")
                if normal is not None:
                    _fonts_in(normal.get_object().get("/Resources"), found, seen)
    return found


def pdffonts_rows(pdf: bytes) -> list[list[str]] | None:
    """``pdffonts`` rows (name, ..., emb, ...) or None where poppler is not installed."""
    executable = shutil.which("pdffonts")
    if executable is None:
        return None
    completed = subprocess.run(
        [executable, "-"], input=pdf, capture_output=True, check=True, timeout=60
    )
    lines = completed.stdout.decode("utf-8", "replace").splitlines()[2:]
    return [line.split() for line in lines if line.strip()]
