"""The partnership's own copies of its paperwork, and of the word lists the text checks use.

The standard forms ship in ``forms/`` and the word lists in ``resources/`` (inside the installed
program, which users cannot change).
A partnership edits a copy: it saves the standard text, edits it, and gives it back. An edited
copy is checked before it is used (a broken file is refused with the line and the reason, and
nothing changes) and is kept inside the encrypted store, so every coordinator of the partnership
uses the same wording.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar, cast

from rrdesk.domain.after_meeting.threshold_letter import parse_letter_template
from rrdesk.domain.agency_forms.check_form import parse_form_definition
from rrdesk.domain.agency_forms.text_checks import (
    AcronymDictionary,
    AreaNames,
    parse_acronym_dictionary,
    parse_area_names,
)
from rrdesk.domain.decision_sheet.decision_sheet_template import parse_decision_sheet_template
from rrdesk.domain.errors import UserError
from rrdesk.resource_files import form, resource
from rrdesk.services.agency_forms.text_checks_loader import (
    shipped_acronym_dictionary,
    shipped_area_names,
)
from rrdesk.services.store.session import Session

log = logging.getLogger(__name__)

MAX_FORM_BYTES = 500_000


@dataclass(frozen=True)
class EditableForm:
    key: str
    """The store setting that keeps the edited copy."""
    title: str
    file_name: str
    """The standard form, in ``forms/``."""
    check: Callable[[str], object]
    """Parses the text; raises ``ValueError`` with a plain message when it cannot be used."""
    noun: str = "form"
    """What it is called on screen: "the standard form", "the standard list"."""
    in_resources: bool = False
    """The standard copy is in ``resources/`` rather than ``forms/``."""


AGENCY_CHECK_FORM = EditableForm(
    "agency_check_form", "Agency check form", "agency-check-form.toml", parse_form_definition
)
DECISION_SHEET = EditableForm(
    "decision_sheet_form", "Decision sheet", "decision-sheet.toml", parse_decision_sheet_template
)
THRESHOLD_LETTER = EditableForm(
    "threshold_letter_form",
    "Letter to the referrer when the threshold is not met",
    "threshold-letter.toml",
    parse_letter_template,
)
ACRONYM_LIST = EditableForm(
    "text_checks_acronyms",
    "Acronyms and out-of-date terms (text checks)",
    "acronyms.toml",
    parse_acronym_dictionary,
    noun="list",
    in_resources=True,
)
AREA_NAMES_LIST = EditableForm(
    "text_checks_area_names",
    "Names of other areas (text checks)",
    "area_names.toml",
    parse_area_names,
    noun="list",
    in_resources=True,
)
EDITABLE_FORMS = (
    AGENCY_CHECK_FORM,
    DECISION_SHEET,
    THRESHOLD_LETTER,
    ACRONYM_LIST,
    AREA_NAMES_LIST,
)


class FormRefused(UserError):
    """An edited form that cannot be used; the message says where and why."""


def standard_text(editable: EditableForm) -> str:
    where = resource if editable.in_resources else form
    return where(editable.file_name).read_text(encoding="utf-8")


def edited_text(session: Session, editable: EditableForm) -> str | None:
    """The partnership's edited copy, or ``None`` when the standard form is in use."""
    return session.settings.get(editable.key) or None


class PartnershipForms:
    def __init__(self, session: Session) -> None:
        self._session = session

    def is_edited(self, editable: EditableForm) -> bool:
        return edited_text(self._session, editable) is not None

    def text(self, editable: EditableForm) -> str:
        """The text in use: the edited copy, or the standard form."""
        return edited_text(self._session, editable) or standard_text(editable)

    def use_edited(self, editable: EditableForm, raw: bytes) -> None:
        """Check an edited copy and use it; :class:`FormRefused` and nothing changes if not."""
        if len(raw) > MAX_FORM_BYTES:
            raise FormRefused(f"This file is too large to be the {editable.title.lower()}.")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FormRefused(
                f"This file is not text saved as UTF-8, so it cannot be the "
                f"{editable.title.lower()}."
            ) from None
        try:
            editable.check(text)
        except UserError as error:
            raise FormRefused(f"The edited {editable.noun} was not used. {error}") from None
        with self._session.db.transaction():
            self._session.settings.set(editable.key, text)
            self._session.record(
                "forms", f"Started using an edited {editable.noun}", detail={"note": editable.title}
            )

    def use_standard(self, editable: EditableForm) -> None:
        if not self.is_edited(editable):
            return
        with self._session.db.transaction():
            self._session.settings.set(editable.key, "")
            self._session.record(
                "forms",
                f"Went back to the standard {editable.noun}",
                detail={"note": editable.title},
            )


_Parsed = TypeVar("_Parsed")


@lru_cache(maxsize=8)
def _parsed(parse: Callable[[str], _Parsed], text: str) -> _Parsed:
    return parse(text)


def _in_use(
    session: Session,
    editable: EditableForm,
    parse: Callable[[str], _Parsed],
    standard: Callable[[], _Parsed],
) -> _Parsed:
    """The partnership's edited list, or the standard one.

    An edited list was checked when it was given, so it parses; if a newer rrdesk reads it
    differently, the standard list is used and the problem is logged (without its content).
    """
    edited = edited_text(session, editable)
    if edited is not None:
        try:
            return cast("_Parsed", _parsed(parse, edited))
        except UserError:
            log.warning(
                "the partnership's %s could not be read; using the standard one", editable.key
            )
    return standard()


def acronyms_in_use(session: Session) -> AcronymDictionary:
    """The acronym list the text checks use: the partnership's edited copy, or the standard."""
    return _in_use(session, ACRONYM_LIST, parse_acronym_dictionary, shipped_acronym_dictionary)


def area_names_in_use(session: Session) -> AreaNames:
    """The area names the text checks use: the partnership's edited copy, or the standard."""
    return _in_use(session, AREA_NAMES_LIST, parse_area_names, shipped_area_names)
