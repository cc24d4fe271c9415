"""What goes into the panel pack, as plain values ready to print.

Services fill this from the case, its timetable and every quality-assured agency check form;
the exports layer lays it out as one PDF. Case reference and pseudonyms only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts, MissingForm


@dataclass(frozen=True)
class PackMilestone:
    label: str
    working_day: int
    """Working days after the notification (day 0)."""
    due_date: date


@dataclass(frozen=True)
class FormAnswer:
    question: str
    answer: str


@dataclass(frozen=True)
class FormTable:
    """A table in a form, such as the chronology of significant contacts."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FormSection:
    title: str
    answers: tuple[FormAnswer, ...] = ()
    tables: tuple[FormTable, ...] = ()


@dataclass(frozen=True)
class AgencyForm:
    agency: str
    author: str
    role: str
    quality_assured_on: date | None
    sections: tuple[FormSection, ...]
    assured_with: str = ""
    """What the form was quality assured with, for its first line in the pack ("Quality assured
    with 9 sections not completed"); empty when nothing was left (see :func:`assured_with`)."""


def assured_with(unfinished: int, warnings: tuple[str, ...] = ()) -> str:
    """What a form marked quality assured anyway still lacks, in words: "Quality assured with
    9 sections not completed", "Quality assured with warnings left: 2 acronyms", or both
    ("... not completed and warnings left: ..."); "" when it lacks nothing. ``warnings`` are
    the text checks' words ("2 acronyms and 1 out-of-date term", "contains pasted text in 3
    places")."""
    parts = []
    if unfinished:
        parts.append(f"{unfinished} section{'' if unfinished == 1 else 's'} not completed")
    if warnings:
        parts.append("warnings left: " + "; ".join(warnings))
    return "Quality assured with " + " and ".join(parts) if parts else ""


@dataclass(frozen=True)
class PanelPackContent:
    partnership_name: str
    case_reference: str
    pseudonyms: tuple[str, ...]
    prepared_on: date
    case_summary: tuple[tuple[str, str], ...]
    """Further label and value pairs, already in words (the pack itself shows the partnership,
    case reference, pseudonyms and date prepared)."""
    incident_summary: str
    timetable: tuple[PackMilestone, ...]
    forms: tuple[AgencyForm, ...]
    agencies: AgencyCounts | None = None
    """The case's agencies counted as every screen counts them; ``None`` when not known."""
    missing: tuple[MissingForm, ...] = ()
    """Every chosen agency whose form is not in the pack, with why."""
