"""One agency's check form as it is being entered: the answers, who is entering them, where they
were, what was pasted, which findings were ignored and which sections were confirmed.

Kept as plain JSON values (:func:`record_to_dict`, :func:`record_from_dict`) so that every
keystroke can be saved cheaply and a draft survives a forced close.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from rrdesk.domain.agency_forms.check_form_answers import COMPLETED_PAGE as COMPLETED_PAGE
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.text_checks import FindingKind, IgnoredFinding, TextSpan

TASK_LIST = "task_list"
CHECK_ANSWERS = "check"


class EnteredBy(StrEnum):
    """Who is typing the form in."""

    COORDINATOR = "coordinator"
    AGENCY_REPRESENTATIVE = "agency_representative"

    @property
    def label(self) -> str:
        if self is EnteredBy.COORDINATOR:
            return "The coordinator, from what the agency sent"
        return "A representative of the agency, at the coordinator's desk"


@dataclass(frozen=True)
class FormPosition:
    """Where the author was: the task list, a page of a section, or "Check your answers".

    ``page`` is a question key, or :data:`COMPLETED_PAGE` for "Have you completed this section?".
    """

    section: str = TASK_LIST
    page: str = ""


@dataclass(frozen=True)
class FormRecord:
    """Everything entered for one agency's form."""

    agency: str
    answers: Mapping[str, object] = field(default_factory=dict)
    entered_by: EnteredBy = EnteredBy.COORDINATOR
    entered_by_name: str = ""
    position: FormPosition = FormPosition()
    pasted: Mapping[str, tuple[TextSpan, ...]] = field(default_factory=dict)
    ignored: Mapping[str, tuple[IgnoredFinding, ...]] = field(default_factory=dict)
    confirmed_sections: frozenset[str] = frozenset()
    findings_looked_at: bool = False
    ready_on: date | None = None

    @property
    def pasted_places(self) -> int:
        """How many separate places in the whole form hold pasted text."""
        return sum(len(spans) for spans in self.pasted.values())

    @property
    def pasted_words(self) -> str:
        """ "Contains pasted text in 3 places" across every answer, or nothing."""
        places = self.pasted_places
        if not places:
            return ""
        return f"Contains pasted text in {places} place{'s' if places != 1 else ''}"


def _value_to_json(value: object) -> object:
    if isinstance(value, DateAnswer):
        return {"day": value.day, "month": value.month, "year": value.year}
    if isinstance(value, date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, (list, tuple)):
        rows = []
        for row in value:
            if isinstance(row, ChronologyRow):
                rows.append(
                    {
                        "date": _value_to_json(row.date),
                        "who": row.who,
                        "what_happened": row.what_happened,
                        "what_decided": row.what_decided,
                    }
                )
        return rows
    return value if isinstance(value, str) else str(value)


def _date_from_json(value: object) -> DateAnswer | str:
    if isinstance(value, dict):
        return DateAnswer(
            str(value.get("day", "")), str(value.get("month", "")), str(value.get("year", ""))
        )
    return str(value or "")


def _value_from_json(value: object) -> object:
    if isinstance(value, dict):
        return _date_from_json(value)
    if isinstance(value, list):
        return tuple(
            ChronologyRow(
                date=_date_from_json(row.get("date", "")),
                who=str(row.get("who", "")),
                what_happened=str(row.get("what_happened", "")),
                what_decided=str(row.get("what_decided", "")),
            )
            for row in value
            if isinstance(row, dict)
        )
    return "" if value is None else str(value)


def record_to_dict(record: FormRecord) -> dict[str, Any]:
    """The record as JSON values."""
    return {
        "agency": record.agency,
        "answers": {key: _value_to_json(value) for key, value in record.answers.items()},
        "entered_by": record.entered_by.value,
        "entered_by_name": record.entered_by_name,
        "position": {"section": record.position.section, "page": record.position.page},
        "pasted": {
            key: [[span.start, span.end] for span in spans]
            for key, spans in record.pasted.items()
            if spans
        },
        "ignored": {
            key: [[item.kind.value, item.text, item.occurrence] for item in items]
            for key, items in record.ignored.items()
            if items
        },
        "confirmed_sections": sorted(record.confirmed_sections),
        "findings_looked_at": record.findings_looked_at,
        "ready_on": record.ready_on.isoformat() if record.ready_on else None,
    }


def record_from_dict(data: Mapping[str, Any], agency: str = "") -> FormRecord:
    """A record read back from JSON values; anything unreadable is left out, never fatal."""
    position = data.get("position") or {}
    try:
        entered_by = EnteredBy(data.get("entered_by", EnteredBy.COORDINATOR.value))
    except ValueError:
        entered_by = EnteredBy.COORDINATOR
    pasted = {
        str(key): tuple(TextSpan(int(s[0]), int(s[1])) for s in spans)
        for key, spans in (data.get("pasted") or {}).items()
    }
    ignored: dict[str, tuple[IgnoredFinding, ...]] = {}
    for key, items in (data.get("ignored") or {}).items():
        kept = []
        for item in items:
            try:
                kept.append(IgnoredFinding(FindingKind(item[0]), str(item[1]), int(item[2])))
            except (ValueError, IndexError, TypeError):
                continue
        ignored[str(key)] = tuple(kept)
    ready = data.get("ready_on")
    return FormRecord(
        agency=str(data.get("agency") or agency),
        answers={
            str(key): _value_from_json(value) for key, value in (data.get("answers") or {}).items()
        },
        entered_by=entered_by,
        entered_by_name=str(data.get("entered_by_name", "")),
        position=FormPosition(
            str(position.get("section", TASK_LIST)), str(position.get("page", ""))
        ),
        pasted=pasted,
        ignored=ignored,
        confirmed_sections=frozenset(str(s) for s in data.get("confirmed_sections") or ()),
        findings_looked_at=bool(data.get("findings_looked_at", False)),
        ready_on=date.fromisoformat(ready) if isinstance(ready, str) else None,
    )
