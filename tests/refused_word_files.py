"""Returned files rrdesk refuses, each made from a real exported form: ``REFUSALS[kind]`` is the
file's name, how to make its bytes from ``(form, password, other case's form)``, and words of the
one-line reason."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from tests.word_authoring import decrypt, encrypt

OTHER = "RR-2026-032"
Make = Callable[[bytes, str, bytes], bytes]


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * (80 << 20))
    return out.getvalue()


def _docm(form: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form)) as source, zipfile.ZipFile(out, "w") as package:
        for item in source.infolist():
            package.writestr(item, source.read(item.filename))
        package.writestr("word/vbaProject.bin", b"macro")
    return out.getvalue()


def _properties_changed(form: bytes, old: bytes, new: bytes) -> bytes:
    """The form with ``old`` replaced by ``new`` in its hidden document properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form)) as source, zipfile.ZipFile(out, "w") as package:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/custom.xml":
                data = data.replace(old, new)
            package.writestr(item, data)
    return out.getvalue()


def _older_version(form: bytes) -> bytes:
    return _properties_changed(form, b">form-", b">form-0ld")


def _another_agency(form: bytes) -> bytes:
    return _properties_changed(form, b">Westbury Police<", b">Westbury Schools<")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REFUSALS: dict[str, tuple[str, Make, str]] = {
    "a PDF": ("form.docx", lambda f, p, o: b"%PDF-1.7\n" + b"x" * 100, "is a PDF"),
    "an old Word file": ("form.doc", lambda f, p, o: OLE + b"\0" * 600, "old Word document"),
    "macros": ("form.docm", lambda f, p, o: decrypt(f, p), "macros"),
    "macros in a .docx": ("form.docx", lambda f, p, o: _docm(decrypt(f, p)), "macros"),
    "a renamed text file": ("form.docx", lambda f, p, o: b"Dear panel, " * 20, "not a Word"),
    "a damaged file": ("form.docx", lambda f, p, o: decrypt(f, p)[:3000], "damaged"),
    "a zip bomb": ("form.docx", lambda f, p, o: _zip_bomb(), "unsafe"),
    "an oversized file": (
        "form.docx",
        lambda f, p, o: b"PK\x03\x04" + bytes(21 << 20),
        "too large",
    ),
    "the wrong password": ("form.docx", lambda f, p, o: encrypt(decrypt(f, p), "x"), "password"),
    "another case": ("form.docx", lambda f, p, o: o, f"for Rapid Review {OTHER}, not"),
    "another agency": (
        "form.docx",
        lambda f, p, o: encrypt(_another_agency(decrypt(f, p)), p),
        "This form is for Westbury Schools, not Westbury Police",
    ),
    "an older form": ("form.docx", lambda f, p, o: _older_version(decrypt(f, p)), "older version"),
}
