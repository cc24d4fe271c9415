"""What a decision sheet says, in words: the one model the on-screen preview and the PDF lay out.

Every word the sheet prints about its content is decided here, from the content and the
partnership's wording ("Not yet held" for a meeting not yet held, "None recorded." for an empty
part, "10 working days (the meeting was on day 10)"). The preview and the PDF choose only the
layout: which table, which font, where the lines fall.
"""

from __future__ import annotations

from dataclasses import dataclass

from rrdesk.domain.decision_sheet.decision_sheet_content import (
    AgencyInvolvement,
    DecisionSheetContent,
    LearningPoint,
    SheetAttendee,
    SignOffParty,
)
from rrdesk.domain.decision_sheet.decision_sheet_template import SheetWording
from rrdesk.domain.decision_sheet.sheet_summary import sheet_summary
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION

Pairs = tuple[tuple[str, str], ...]
"""Label and value, as in a summary list."""

NOT_RECORDED = "Not recorded"
NOT_YET_HELD = "Not yet held"
NOT_KNOWN = "Not known"
NO_VOTE = "No vote was held."


@dataclass(frozen=True)
class SheetTable:
    """A table's column headings and its rows, every cell a string ready to print."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class AttendanceGroup:
    heading: str
    """For example "Present (7)"."""
    people: SheetTable


@dataclass(frozen=True)
class SignOffWords:
    """The labels of each partner's sign-off block."""

    name: str
    role: str
    decision: str
    agree: str
    do_not_agree: str
    comments: str
    date: str
    recorded: str = "Answer recorded"


@dataclass(frozen=True)
class SheetText:
    """Everything a decision sheet prints about its content. An empty table or list is shown
    as :attr:`none_recorded`."""

    none_recorded: str
    pseudonyms: str
    subtitle: str
    """For example "Case RR-2026-014 · Child T · Version 1"."""
    opening: Pairs
    timetable: Pairs
    timetable_note: str
    attendance: tuple[AttendanceGroup, ...]
    conflicts: SheetTable
    incident: str
    agencies: SheetTable
    learning: tuple[LearningPoint, ...]
    criteria: SheetTable
    vote: Pairs
    """Empty when no vote was held: then :attr:`no_vote` says so."""
    no_vote: str
    dissent: Pairs
    recommendation: str
    rationale_heading: str
    rationale: str
    actions: SheetTable
    parallel_processes: tuple[str, ...]
    version: Pairs
    change_note: str
    """What changed since the previous version; empty for version 1."""
    sign_off: tuple[SignOffParty, ...]
    sign_off_words: SignOffWords
    summary: Pairs = ()
    """Page 1's box for the executives: the decision, the vote, why, and what is asked."""


def _involvement(item: AgencyInvolvement, words: SheetWording) -> str:
    """The same three words the National Panel submission uses."""
    if item.awaited:
        return words.awaited
    return words.involved if item.involved else words.nil_return


def _meeting(content: DecisionSheetContent) -> str:
    held_on = content.timetable.meeting_date
    if held_on is None:
        return NOT_YET_HELD
    when = format_date(held_on)
    return f"{when}, {content.meeting_time}" if content.meeting_time else when


def _working_days(days: int | None) -> str:
    if days is None:
        return NOT_KNOWN
    return f"{days} working day{'' if days == 1 else 's'} (the meeting was on day {days})"


def _timetable(content: DecisionSheetContent) -> Pairs:
    timetable = content.timetable
    return (
        ("Notification sent (day 0)", format_date(timetable.notification_date)),
        ("Time to notify", timetable.time_to_notify or NOT_RECORDED),
        ("Meeting", _meeting(content)),
        ("Place", content.meeting_place or NOT_RECORDED),
        ("Chair", content.chair or NOT_RECORDED),
        ("Working days used", _working_days(timetable.working_days_used)),
        (
            "Due to the National Panel (day 15)",
            format_date(timetable.due_date) if timetable.due_date else NOT_KNOWN,
        ),
        ("Extension or lateness", timetable.extension_or_lateness or "None: on time"),
    )


def _attendee_note(person: SheetAttendee, wording: SheetWording) -> str:
    notes = []
    if person.substitute_for:
        notes.append(f"Substitute for {person.substitute_for}")
    if not person.voting:
        notes.append(wording.non_voting.capitalize())
    return "; ".join(notes)


def _attendance(
    content: DecisionSheetContent, wording: SheetWording
) -> tuple[AttendanceGroup, ...]:
    groups = (
        ("Present", content.attendance.present),
        ("Sent apologies", content.attendance.apologies),
        ("Absent", content.attendance.absent),
    )
    return tuple(
        AttendanceGroup(
            f"{label} ({len(people)})",
            SheetTable(
                ("Name", "Role", "Agency", "Notes"),
                tuple((p.name, p.role, p.agency, _attendee_note(p, wording)) for p in people),
            ),
        )
        for label, people in groups
    )


def _differs(reason: str) -> Pairs:
    """Beside the vote, why the decision went against its outcome (when it did)."""
    return (("Why the decision differs from the outcome", reason),) if reason else ()


def _version(content: DecisionSheetContent) -> Pairs:
    note = content.change_note or ("First version." if content.version == 1 else "")
    return (("Version", str(content.version)), ("What changed", note or "—"))


def sheet_text(content: DecisionSheetContent, wording: SheetWording | None = None) -> SheetText:
    """The sheet's words, using the partnership's ``wording`` (the standard wording if none)."""
    words = wording if wording is not None else SheetWording()
    none = words.none_recorded
    pseudonyms = ", ".join(content.pseudonyms) or NOT_RECORDED
    vote = content.vote
    return SheetText(
        none_recorded=none,
        pseudonyms=pseudonyms,
        subtitle=f"Case {content.case_reference} · {pseudonyms} · Version {content.version}",
        opening=(
            ("Partnership", content.partnership_name),
            ("Case reference", content.case_reference),
            (
                "Child (pseudonym)" if len(content.pseudonyms) < 2 else "Children (pseudonyms)",
                pseudonyms,
            ),
            ("Version", str(content.version)),
            (words.prepared_on, format_date(content.prepared_on)),
        ),
        timetable=_timetable(content),
        timetable_note=DAY_ZERO_CONVENTION,
        attendance=_attendance(content, words),
        conflicts=SheetTable(
            ("Member", "Conflict declared", "Vote"),
            tuple(
                (item.member, item.note, words.recused if item.recused else words.not_recused)
                for item in content.conflicts
            ),
        ),
        incident=content.incident_summary or none,
        agencies=SheetTable(
            ("Agency", "Involvement", "In brief"),
            tuple(
                (item.agency, _involvement(item, words), item.summary)
                for item in content.agency_involvement
            ),
        ),
        learning=content.themes_and_learning,
        criteria=SheetTable(
            ("Criterion", "Panel's view", "Note"),
            tuple((item.question, item.answer, item.note) for item in content.criteria),
        ),
        vote=()
        if vote is None
        else (
            ("Recommend a local review", str(vote.recommend)),
            ("Do not recommend", str(vote.do_not_recommend)),
            ("Abstain", str(vote.abstain)),
            ("Eligible voters", str(vote.eligible)),
            ("Outcome", vote.outcome),
            *_differs(vote.decision_differs_because),
        ),
        no_vote=NO_VOTE if vote is None else "",
        dissent=tuple((item.member, item.words) for item in content.dissent),
        recommendation=content.recommendation or none,
        rationale_heading="Rationale",
        rationale=content.rationale or none,
        actions=SheetTable(
            ("Action", "Owner", "Due by"),
            tuple(
                (
                    item.action,
                    item.owner_agency,
                    format_date(item.due_date) if item.due_date else "",
                )
                for item in content.immediate_actions
            ),
        ),
        parallel_processes=content.parallel_processes,
        version=_version(content),
        change_note=content.change_note,
        sign_off=content.sign_off,
        sign_off_words=SignOffWords(
            name="Name",
            role="Role",
            decision="Decision",
            agree=words.agree,
            do_not_agree=words.do_not_agree,
            comments=words.comments,
            date=words.signature_date,
        ),
        summary=sheet_summary(content),
    )
