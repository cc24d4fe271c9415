"""Opening a returned Word file safely, and Office's own encryption of a form.

A returned file is checked before python-docx reads a byte of it: what it really is (an old
``.doc``, a PDF, something renamed), whether it is encrypted (then decrypted with the password,
or refused), and whether its zip would unpack to more than :data:`MAX_UNPACKED_BYTES` (a zip
bomb), by the sizes its central directory declares; python-docx's zip reader never unpacks more
than a member declares. Macros (a ``.docm``, or a ``vbaProject.bin`` in any file) are refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import msoffcrypto
from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError, ParseError

from rrdesk.domain.agency_forms.form_matching import ReturnedFormError

MAX_FORM_FILE_BYTES = 20 << 20
"""The largest returned file read: a form with long answers is well under 1 MB."""
MAX_UNPACKED_BYTES = 64 << 20
MAX_ZIP_MEMBERS = 500
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


class PasswordNeededError(ReturnedFormError):
    """The file is encrypted and no password was given: ask for it."""


class WrongPasswordError(ReturnedFormError):
    """The password does not open the file."""


class NotAWordFormError(ReturnedFormError):
    """The file is not a Word document rrdesk can read (old Word, a PDF, a renamed file,
    damaged, macros, too large)."""


@dataclass(frozen=True)
class OpenedWordFile:
    """A returned file's ``.docx`` bytes, decrypted, and whether it was encrypted."""

    docx: bytes
    encrypted: bool


def _refuse_by_content(data: bytes, name: str) -> None:
    if data.startswith(b"%PDF"):
        raise NotAWordFormError(
            f"{name} is a PDF. Ask the agency to send the Word form back as a .docx file."
        )
    if data[:5] == b"{\\rtf":
        raise NotAWordFormError(
            f"{name} is a rich text (RTF) file. Ask the agency to save the form as a Word "
            "document (.docx)."
        )
    if not data.startswith((_ZIP, _OLE)):
        raise NotAWordFormError(f"{name} is not a Word document (.docx), whatever its name says.")


def _decrypt(data: bytes, name: str, password: str | None) -> bytes:
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        encrypted = office.is_encrypted()
    except (FileFormatError, ParseError, OSError, ValueError, KeyError) as error:
        raise NotAWordFormError(f"{name} is damaged or not a Word document ({error}).") from None
    if type(office).__name__ != "OOXMLFile":
        raise NotAWordFormError(
            f"{name} is an old Word document (.doc). Ask the agency to save it as a Word "
            "document (.docx) and send it again."
        )
    if not encrypted:
        raise NotAWordFormError(f"{name} is damaged: it is not a Word document rrdesk can read.")
    if not password:
        raise PasswordNeededError(f"{name} is protected with a password: enter the password.")
    out = io.BytesIO()
    try:
        office.load_key(password=password, verify_password=True)
        office.decrypt(out, verify_integrity=True)
    except InvalidKeyError:
        raise WrongPasswordError(f"The password does not open {name}.") from None
    except (DecryptionError, FileFormatError, ParseError, ValueError, KeyError) as error:
        raise NotAWordFormError(f"{name} cannot be decrypted: it is damaged ({error}).") from None
    return out.getvalue()


def check_word_package(data: bytes, name: str) -> None:
    """Refuse a ``.docx`` that is damaged, would unpack too large, is not a Word document, or
    holds macros, from its central directory alone."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise NotAWordFormError(f"{name} is not a Word form: it holds too many parts.")
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise NotAWordFormError(
                    f"{name} would unpack to {unpacked >> 20} MB, far more than any form: "
                    "it is refused as unsafe."
                )
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names:
                raise NotAWordFormError(f"{name} is not a Word document (.docx).")
            types = package.read("[Content_Types].xml").decode("utf-8", "replace")
    except zipfile.BadZipFile:
        raise NotAWordFormError(
            f"{name} is damaged: it cannot be opened as a Word document."
        ) from None
    if _MACRO_MAIN in types or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise NotAWordFormError(
            f"{name} holds macros, which rrdesk never opens. Ask the agency to save it as a Word "
            "document (.docx) without macros."
        )
    if _WORD_MAIN not in types:
        raise NotAWordFormError(
            f"{name} is not a Word document (perhaps a spreadsheet or a presentation renamed)."
        )


def open_word_file(data: bytes, name: str, password: str | None = None) -> OpenedWordFile:
    """The ``.docx`` bytes of a returned file, decrypted when encrypted; a
    :class:`ReturnedFormError` subclass with a one-line reason when it cannot be used."""
    lowered = name.lower()
    if lowered.endswith(".docm"):
        raise NotAWordFormError(
            f"{name} is a Word document with macros (.docm), which rrdesk never opens. Ask the "
            "agency to save it as a Word document (.docx)."
        )
    if len(data) > MAX_FORM_FILE_BYTES:
        raise NotAWordFormError(
            f"{name} is too large: no agency check form is over {MAX_FORM_FILE_BYTES >> 20} MB."
        )
    _refuse_by_content(data, name)
    if data.startswith(_OLE) and lowered.endswith((".doc", ".dot")):
        raise NotAWordFormError(
            f"{name} is an old Word document (.doc). Ask the agency to save it as a Word "
            "document (.docx) and send it again."
        )
    encrypted = data.startswith(_OLE)
    docx = _decrypt(data, name, password) if encrypted else data
    check_word_package(docx, name)
    return OpenedWordFile(docx=docx, encrypted=encrypted)


def encrypt_word_file(docx: bytes, password: str) -> bytes:
    """``docx`` encrypted with Office's own (agile, AES) encryption under ``password``."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(docx)).encrypt(password, out)
    return out.getvalue()
