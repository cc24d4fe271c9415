"""The parts of a decision sheet that come from the case rather than the meeting record.

A signed sheet is frozen. The meeting record's changes are found by
:func:`rrdesk.domain.meeting.meeting_changes.describe_changes`; these facts (the partnership's
name, the pseudonyms, the incident summary, the notification date, agency involvement, parallel
processes) can change on the case page, and a change to them also makes a new version. So
does a change to the executive a sign-off block names (from the Directory) while that partner
has yet to answer. Sign-off progress (an answer, who signed it, when the decision reached the
National Panel) never does.
"""

from __future__ import annotations

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent
from rrdesk.domain.timetable.dates import format_date

SheetFacts = dict[str, str]

_LABELS = {
    "partnership": "Partnership name",
    "pseudonyms": "Pseudonyms",
    "incident_summary": "Summary of the incident",
    "notification_date": "Notification date",
    "agency_involvement": "Agency involvement",
    "parallel_processes": "Parallel processes",
}
_QUOTED = frozenset({"partnership", "pseudonyms", "notification_date"})
_EXECUTIVE = "executive: "
"""Before a partner's heading: the person its sign-off block names while it has not answered."""


def sheet_facts(content: DecisionSheetContent) -> SheetFacts:
    """The case's facts as printed, as plain strings (JSON-safe).

    A partner that has answered has no executive fact: its block names whoever signed, which is
    sign-off progress, and a later change in the Directory no longer matters to its answer."""
    executives = {
        f"{_EXECUTIVE}{party.partner}": ", ".join(part for part in (party.name, party.role) if part)
        for party in content.sign_off
        if not party.answer
    }
    return {
        "partnership": content.partnership_name,
        "pseudonyms": ", ".join(content.pseudonyms),
        "incident_summary": content.incident_summary,
        "notification_date": format_date(content.timetable.notification_date),
        "agency_involvement": "; ".join(
            f"{item.agency}: "
            f"{'awaited' if item.awaited else 'involved' if item.involved else 'nil return'}: "
            f"{item.summary}"
            for item in content.agency_involvement
        ),
        "parallel_processes": ", ".join(content.parallel_processes),
        **executives,
    }


def describe_fact_changes(before: SheetFacts, after: SheetFacts) -> tuple[str, ...]:
    """What changed, in plain English; short values are quoted, long ones just named."""
    changes: list[str] = []
    for key, label in _LABELS.items():
        old, new = before.get(key, ""), after.get(key, "")
        if old == new:
            continue
        if key in _QUOTED:
            changes.append(f"{label} changed from {old or 'none'} to {new or 'none'}")
        else:
            changes.append(f"{label} changed")
    for partner in changed_executives(before, after):
        key = _EXECUTIVE + partner
        changes.append(
            f"{partner} executive changed from {before[key] or 'none'} to {after[key] or 'none'}"
        )
    return tuple(changes)


def changed_executives(before: SheetFacts, after: SheetFacts) -> tuple[str, ...]:
    """The partners (``Police``...) whose sign-off block would name someone else now.

    Compared only where both name it: a version signed before sheets named executives, or a
    partner that has answered since, has nothing to compare."""
    return tuple(
        key.removeprefix(_EXECUTIVE)
        for key in after
        if key.startswith(_EXECUTIVE) and key in before and before[key] != after[key]
    )
