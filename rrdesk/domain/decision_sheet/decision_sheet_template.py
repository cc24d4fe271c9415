"""The decision sheet's editable shape: document title, section titles, order and wording.

Parsed from the text of ``forms/decision-sheet.toml``; reading the file is the services' job.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any

from rrdesk.domain.errors import UserError


class DecisionSheetTemplateError(UserError):
    """The decision sheet form cannot be used, with a message fit to show the user."""


class SheetSectionKey(Enum):
    TIMETABLE = "timetable"
    ATTENDANCE = "attendance"
    CONFLICTS = "conflicts"
    INCIDENT = "incident"
    AGENCIES = "agencies"
    LEARNING = "learning"
    CRITERIA = "criteria"
    VOTE = "vote"
    DISSENT = "dissent"
    RECOMMENDATION = "recommendation"
    ACTIONS = "actions"
    PARALLEL_PROCESSES = "parallel_processes"
    VERSION = "version"
    SIGN_OFF = "sign_off"


@dataclass(frozen=True)
class SheetSection:
    key: SheetSectionKey
    title: str
    intro: str = ""


@dataclass(frozen=True)
class SheetWording:
    none_recorded: str = "None recorded."
    recused: str = "Recused from this case's vote."
    not_recused: str = "Not recused."
    involved: str = "Involved"
    nil_return: str = "Nil return: no involvement"
    awaited: str = "Contacted, return awaited"
    non_voting: str = "non-voting"
    agree: str = "Agree"
    do_not_agree: str = "Do not agree"
    comments: str = "Comments"
    signature_date: str = "Date"
    prepared_on: str = "Prepared on"


@dataclass(frozen=True)
class DecisionSheetTemplate:
    title: str
    sections: tuple[SheetSection, ...]
    wording: SheetWording = SheetWording()


def _text(table: dict[str, Any], name: str, where: str, *, required: bool) -> str:
    value = table.get(name, "")
    if not isinstance(value, str):
        raise DecisionSheetTemplateError(f"{where}: '{name}' must be text in quotes")
    value = value.strip()
    if required and not value:
        raise DecisionSheetTemplateError(f"{where}: '{name}' must not be empty")
    return value


def _wording(raw: Any) -> SheetWording:
    if raw is None:
        return SheetWording()
    if not isinstance(raw, dict):
        raise DecisionSheetTemplateError("'wording' must be a table: [wording]")
    known = {field.name for field in fields(SheetWording)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise DecisionSheetTemplateError(
            f"[wording] has an entry rrdesk does not use: '{unknown[0]}'"
        )
    values = {name: _text(raw, name, "[wording]", required=True) for name in raw}
    return SheetWording(**values)


def _section(raw: Any, number: int) -> SheetSection:
    where = f"Section {number}"
    if not isinstance(raw, dict):
        raise DecisionSheetTemplateError(f"{where} must be a table: [[sections]]")
    unknown = sorted(set(raw) - {"key", "title", "intro"})
    if unknown:
        raise DecisionSheetTemplateError(
            f"{where} has an entry rrdesk does not use: '{unknown[0]}'"
        )
    key_text = _text(raw, "key", where, required=True)
    try:
        key = SheetSectionKey(key_text)
    except ValueError:
        allowed = ", ".join(item.value for item in SheetSectionKey)
        raise DecisionSheetTemplateError(
            f"{where}: '{key_text}' is not a section rrdesk knows (use one of: {allowed})"
        ) from None
    return SheetSection(
        key=key,
        title=_text(raw, "title", f"{where} ({key_text})", required=True),
        intro=_text(raw, "intro", f"{where} ({key_text})", required=False),
    )


def parse_decision_sheet_template(text: str) -> DecisionSheetTemplate:
    """Read the decision sheet form, or raise :class:`DecisionSheetTemplateError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DecisionSheetTemplateError(
            f"The decision sheet form is not valid TOML: {error}"
        ) from None
    unknown = sorted(set(data) - {"title", "wording", "sections"})
    if unknown:
        raise DecisionSheetTemplateError(
            f"The decision sheet form has an entry rrdesk does not use: '{unknown[0]}'"
        )
    title = _text(data, "title", "The decision sheet form", required=True)
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise DecisionSheetTemplateError("The decision sheet form must list its [[sections]]")
    sections = tuple(_section(raw, number) for number, raw in enumerate(raw_sections, start=1))
    seen: set[SheetSectionKey] = set()
    for section in sections:
        if section.key in seen:
            raise DecisionSheetTemplateError(
                f"The section '{section.key.value}' appears more than once"
            )
        seen.add(section.key)
    missing = [key.value for key in SheetSectionKey if key not in seen]
    if missing:
        raise DecisionSheetTemplateError(
            f"The decision sheet form is missing the section '{missing[0]}'"
        )
    return DecisionSheetTemplate(
        title=title, sections=sections, wording=_wording(data.get("wording"))
    )
