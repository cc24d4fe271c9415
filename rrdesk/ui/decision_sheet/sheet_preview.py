"""What the decision sheet will say, as simple HTML for an in-app preview before signing.

The words come from :func:`rrdesk.domain.decision_sheet.sheet_text.sheet_text`, as the PDF's
do (page 1's box for the executives included), and the sections follow the partnership's form in
its order: the preview only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent
from rrdesk.domain.decision_sheet.decision_sheet_template import (
    DecisionSheetTemplate,
    SheetSectionKey,
)
from rrdesk.domain.decision_sheet.sheet_summary import SUMMARY_HEADING
from rrdesk.domain.decision_sheet.sheet_text import Pairs, SheetTable, SheetText, sheet_text

MARKING = "OFFICIAL-SENSITIVE"


def _rows(pairs: Pairs) -> str:
    cells = "".join(
        f"<tr><th align='left' valign='top' width='34%'>{escape(key)}</th>"
        f"<td valign='top'>{escape(value)}</td></tr>"
        for key, value in pairs
    )
    return f"<table cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"


def _summary_box(text: SheetText) -> str:
    """Page 1's answer for the executives, ruled off as the PDF rules it."""
    if not text.summary:
        return ""
    cells = "".join(
        f"<tr><th align='left' valign='top' width='27%'>{escape(key)}</th>"
        f"<td valign='top'>{escape(value)}</td></tr>"
        for key, value in text.summary
    )
    return (
        "<table border='2' cellspacing='0' cellpadding='6' width='100%' "
        "style='border-collapse: collapse; border-color: #0b0c0c'>"
        f"<tr><th colspan='2' align='left' bgcolor='#f3f2f1'>{escape(SUMMARY_HEADING)}</th></tr>"
        f"{cells}</table>"
    )


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _table(table: SheetTable, text: SheetText) -> str:
    if not table.rows:
        return _paragraph(text.none_recorded)
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in table.headers)
    body = "".join(
        "<tr>" + "".join(f"<td valign='top'>{escape(c)}</td>" for c in row) + "</tr>"
        for row in table.rows
    )
    return (
        "<table border='1' cellspacing='0' cellpadding='4' width='100%' "
        f"style='border-collapse: collapse; border-color: #b1b4b6'><tr>{head}</tr>{body}</table>"
    )


def _timetable(text: SheetText) -> str:
    return _rows(text.timetable) + f"<p><small>{escape(text.timetable_note)}</small></p>"


def _attendance(text: SheetText) -> str:
    return "".join(
        f"<h4>{escape(group.heading)}</h4>{_table(group.people, text)}" for group in text.attendance
    )


def _learning(text: SheetText) -> str:
    if not text.learning:
        return _paragraph(text.none_recorded)
    return "".join(
        f"<h4>{escape(point.heading)}</h4>{_paragraph(point.text)}" for point in text.learning
    )


def _recommendation(text: SheetText) -> str:
    return (
        f"<p><b>{escape(text.recommendation)}</b></p>"
        f"<h4>{escape(text.rationale_heading)}</h4>{_paragraph(text.rationale)}"
    )


def _sign_off(text: SheetText) -> str:
    words = text.sign_off_words
    return "".join(
        f"<h4>{escape(party.partner)}</h4>"
        + _rows(
            (
                (words.name, party.name),
                (words.role, party.role),
                *(((words.recorded, party.recorded_words),) if party.answer else ()),
                (words.decision, f"Choose {words.agree} or {words.do_not_agree}"),
                (words.comments, ""),
                (words.date, ""),
                ("Signature", "Sign in the PDF"),
            )
        )
        for party in text.sign_off
    )


_LAYOUTS: dict[SheetSectionKey, Callable[[SheetText], str]] = {
    SheetSectionKey.TIMETABLE: _timetable,
    SheetSectionKey.ATTENDANCE: _attendance,
    SheetSectionKey.CONFLICTS: lambda text: _table(text.conflicts, text),
    SheetSectionKey.INCIDENT: lambda text: _paragraph(text.incident),
    SheetSectionKey.AGENCIES: lambda text: _table(text.agencies, text),
    SheetSectionKey.LEARNING: _learning,
    SheetSectionKey.CRITERIA: lambda text: _table(text.criteria, text),
    SheetSectionKey.VOTE: lambda text: _rows(text.vote) if text.vote else _paragraph(text.no_vote),
    SheetSectionKey.DISSENT: lambda text: (
        _rows(text.dissent) if text.dissent else _paragraph(text.none_recorded)
    ),
    SheetSectionKey.RECOMMENDATION: _recommendation,
    SheetSectionKey.ACTIONS: lambda text: _table(text.actions, text),
    SheetSectionKey.PARALLEL_PROCESSES: lambda text: (
        "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in text.parallel_processes) + "</ul>"
        if text.parallel_processes
        else _paragraph(text.none_recorded)
    ),
    SheetSectionKey.VERSION: lambda text: _rows(text.version),
    SheetSectionKey.SIGN_OFF: _sign_off,
}


def sheet_preview_html(content: DecisionSheetContent, template: DecisionSheetTemplate) -> str:
    """The sheet's content in the form's order, in the same words as the PDF."""
    text = sheet_text(content, template.wording)
    parts = [
        f"<p style='color:#b10e1e'><b>{MARKING}</b></p>",
        f"<h2>Decision sheet: {escape(content.case_reference)}, version {content.version}</h2>",
    ]
    if text.change_note:
        parts.append(f"<h3>What changed since the last version</h3>{_paragraph(text.change_note)}")
    parts.append(_rows(text.opening))
    parts.append(_summary_box(text))
    for section in template.sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        if section.intro:
            parts.append(f"<p><small>{escape(section.intro)}</small></p>")
        parts.append(_LAYOUTS[section.key](text))
    return "".join(parts)
