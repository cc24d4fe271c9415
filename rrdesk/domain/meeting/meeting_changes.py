"""What changed in a meeting record between two versions of the decision sheet, in plain English."""

from __future__ import annotations

from datetime import date, time

from rrdesk.domain.after_meeting.learning import LEARNING_HEADINGS
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.vote import Vote
from rrdesk.domain.timetable.dates import format_date, format_time


def _when(value: date | None) -> str:
    return "not recorded" if value is None else format_date(value)


def _clock(value: time | None) -> str:
    return "not recorded" if value is None else format_time(value)


def _changed(what: str, before: str, after: str) -> list[str]:
    return [] if before == after else [f"{what} changed from {before} to {after}"]


def _where_and_when(a: Meeting, b: Meeting) -> list[str]:
    chair_a = a.name_of(a.chair_id) if a.chair_id is not None else "nobody"
    chair_b = b.name_of(b.chair_id) if b.chair_id is not None else "nobody"
    return [
        *_changed("Meeting date", _when(a.held_on), _when(b.held_on)),
        *_changed("Start time", _clock(a.starts_at), _clock(b.starts_at)),
        *_changed("Venue", a.venue, b.venue),
        *_changed("Chair", chair_a, chair_b),
    ]


def _attendance(a: Meeting, b: Meeting) -> list[str]:
    changes: list[str] = []
    before = {x.member_id: x for x in a.attendees}
    after = {x.member_id: x for x in b.attendees}
    for member_id, new in after.items():
        old = before.get(member_id)
        if old is None:
            changes.append(f"{new.name} added to the attendance ({new.status.label.lower()})")
            continue
        if (old.name, old.agency, old.role) != (new.name, new.agency, new.role):
            changes.append(
                f"{old.name}, {old.role or 'no role'}, {old.agency} corrected to"
                f" {new.name}, {new.role or 'no role'}, {new.agency}"
            )
        changes += _changed(
            f"{new.name}'s attendance", old.status.label.lower(), new.status.label.lower()
        )
        if old.voting != new.voting:
            changes.append(f"{new.name} is now a {'voting' if new.voting else 'non-voting'} member")
        if old.substitute_for != new.substitute_for:
            whom = "nobody" if new.substitute_for is None else b.name_of(new.substitute_for)
            changes.append(f"{new.name} now attends as a substitute for {whom}")
    changes.extend(
        f"{old.name} removed from the attendance" for mid, old in before.items() if mid not in after
    )
    return changes


def _conflicts(a: Meeting, b: Meeting) -> list[str]:
    changes: list[str] = []
    before = {c.member_id: c.note for c in a.conflicts}
    after = {c.member_id: c.note for c in b.conflicts}
    for member_id, note in after.items():
        name = b.name_of(member_id)
        if member_id not in before:
            changes.append(f"Conflict of interest declared by {name}: {note}")
        elif before[member_id] != note:
            changes.append(f"Note of {name}'s conflict of interest changed to: {note}")
    changes.extend(
        f"Conflict of interest of {a.name_of(mid)} withdrawn" for mid in before if mid not in after
    )
    return changes


def _learning(a: Meeting, b: Meeting) -> list[str]:
    changes: list[str] = []
    for name, heading in LEARNING_HEADINGS:
        old: tuple[str, ...] = getattr(a.learning, name)
        new: tuple[str, ...] = getattr(b.learning, name)
        changes.extend(f"{heading}: added '{p}'" for p in new if p not in old)
        changes.extend(f"{heading}: removed '{p}'" for p in old if p not in new)
    return changes


def _criteria(a: Meeting, b: Meeting) -> list[str]:
    changes: list[str] = []
    for criterion in b.criteria.definitions:
        old = a.criteria.response(criterion.key)
        new = b.criteria.response(criterion.key)
        if old == new or new is None:
            if old is not None and new is None:
                changes.append(f"Answer removed: {criterion.question}")
            continue
        if old is None:
            changes.append(f"Answered {new.answer.label.lower()}: {criterion.question}")
            continue
        if old.answer != new.answer:
            changes.append(
                f"Answer changed from {old.answer.label.lower()} to {new.answer.label.lower()}:"
                f" {criterion.question}"
            )
        if old.note != new.note:
            changes.append(f"Note changed: {criterion.question}")
    return changes


def _actions(a: Meeting, b: Meeting) -> list[str]:
    def text(x: ImmediateAction) -> str:
        return f"'{x.action}' ({x.owner_agency}, due {_when(x.due)})"

    changes = [f"Immediate action added: {text(x)}" for x in b.actions if x not in a.actions]
    changes += [f"Immediate action removed: {text(x)}" for x in a.actions if x not in b.actions]
    return changes


def _vote(a: Vote | None, b: Vote | None, meeting: Meeting) -> list[str]:
    if a == b:
        return []
    if b is None:
        return ["The vote was removed"]
    if a is None:
        return [f"Vote recorded: {b.tally.summary}; {b.outcome_label}"]
    changes = [f"Vote reopened: {r.reason}" for r in b.reopenings if r not in a.reopenings]
    changes += _changed("Tally", a.tally.summary, b.tally.summary)
    changes += _changed("Vote outcome", a.outcome_label, b.outcome_label)
    old = {d.member_id: d.words for d in a.dissents}
    for dissent in b.dissents:
        if old.get(dissent.member_id) != dissent.words:
            changes.append(f"Dissent recorded by {meeting.name_of(dissent.member_id)}")
    new = {d.member_id for d in b.dissents}
    changes.extend(f"Dissent of {meeting.name_of(m)} withdrawn" for m in old if m not in new)
    return changes


def _decision(a: Meeting, b: Meeting) -> list[str]:
    if a.decision == b.decision:
        return []
    if b.decision is None:
        return ["The decision was removed"]
    if a.decision is None:
        return [f"Decision recorded: {b.decision.summary}"]
    changes = _changed("Decision", f"'{a.decision.summary}'", f"'{b.decision.summary}'")
    if a.decision.rationale != b.decision.rationale:
        changes.append("Rationale changed")
    if a.decision.differs_reason != b.decision.differs_reason:
        changes.append("Reason the decision differs from the vote changed")
    return changes


def describe_changes(before: Meeting, after: Meeting) -> tuple[str, ...]:
    """Every change that shows on the decision sheet, one plain sentence each.

    Executive sign-off is tracked after the sheet is sent, and the agenda and the projector
    setting are not on the sheet, so none of them is a change to the sheet.
    """
    changes = [
        *_changed("Case reference", before.case_reference, after.case_reference),
        *_where_and_when(before, after),
        *_attendance(before, after),
        *_conflicts(before, after),
        *_learning(before, after),
        *_criteria(before, after),
        *_actions(before, after),
        *_vote(before.vote, after.vote, after),
        *_decision(before, after),
    ]
    return tuple(changes)
