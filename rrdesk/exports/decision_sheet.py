"""The Rapid Review decision sheet as a PDF, laid out from the partnership's template."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent, SheetAttendee
from rrdesk.domain.decision_sheet.decision_sheet_template import (
    DecisionSheetTemplate,
    SheetSection,
    SheetSectionKey,
    SheetWording,
)
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday
from rrdesk.exports.house_style import (
    CONTENT_WIDTH,
    DAY_ZERO_SENTENCE,
    data_table,
    grid_style,
    heading,
    markup,
    para,
    styles,
    summary_table,
)
from rrdesk.exports.page_layout import (
    CancelCallback,
    DocumentInfo,
    ProgressCallback,
    RenderCancelled,
    build_pdf,
)

__all__ = ["RenderCancelled", "render_decision_sheet"]

SUBJECT = "Rapid Review decision sheet"

_Builder = Callable[[DecisionSheetContent, SheetWording], list[Flowable]]


def _pseudonyms(content: DecisionSheetContent) -> str:
    return ", ".join(content.pseudonyms) or "Not recorded"


def _or_none(rows: list[Flowable], wording: SheetWording) -> list[Flowable]:
    return rows or [para(wording.none_recorded)]


def _opening(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    pairs = [
        ("Partnership", content.partnership_name),
        ("Case reference", content.case_reference),
        (
            "Child (pseudonym)" if len(content.pseudonyms) < 2 else "Children (pseudonyms)",
            _pseudonyms(content),
        ),
        ("Version", str(content.version)),
        (wording.prepared_on, format_date(content.prepared_on)),
    ]
    return [summary_table(pairs), Spacer(1, 4 * mm)]


def _timetable(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    timetable = content.timetable
    meeting = "Not yet held"
    if timetable.meeting_date is not None:
        meeting = format_date_with_weekday(timetable.meeting_date)
        if content.meeting_time:
            meeting += f", {content.meeting_time}"
    used = "Not known"
    if timetable.working_days_used is not None:
        days = timetable.working_days_used
        used = f"{days} working day{'' if days == 1 else 's'} (the meeting was on day {days})"
    pairs = [
        ("Notification sent (day 0)", format_date(timetable.notification_date)),
        ("Meeting", meeting),
        ("Place", content.meeting_place or "Not recorded"),
        ("Chair", content.chair or "Not recorded"),
        ("Working days used", used),
        (
            "Due to the National Panel (day 15)",
            format_date(timetable.due_date) if timetable.due_date else "Not known",
        ),
        ("Extension or lateness", timetable.extension_or_lateness or "None: on time"),
    ]
    return [summary_table(pairs), para(DAY_ZERO_SENTENCE, styles().small)]


def _attendee_note(person: SheetAttendee, wording: SheetWording) -> str:
    notes = []
    if person.substitute_for:
        notes.append(f"Substitute for {person.substitute_for}")
    if not person.voting:
        notes.append(wording.non_voting.capitalize())
    return "; ".join(notes)


def _attendance(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    story: list[Flowable] = []
    groups = (
        ("Present", content.attendance.present),
        ("Sent apologies", content.attendance.apologies),
        ("Absent", content.attendance.absent),
    )
    for label, people in groups:
        story.append(heading(f"{label} ({len(people)})", 3))
        if not people:
            story.append(para(wording.none_recorded))
            continue
        rows = [
            (person.name, person.role, person.agency, _attendee_note(person, wording))
            for person in people
        ]
        story.append(
            data_table(("Name", "Role", "Agency", "Notes"), rows, (0.24, 0.26, 0.26, 0.24))
        )
    return story


def _conflicts(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    if not content.conflicts:
        return [para(wording.none_recorded)]
    rows = [
        (item.member, item.note, wording.recused if item.recused else wording.not_recused)
        for item in content.conflicts
    ]
    return [data_table(("Member", "Conflict declared", "Vote"), rows, (0.25, 0.45, 0.30))]


def _incident(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    return [para(content.incident_summary or wording.none_recorded)]


def _agencies(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    if not content.agency_involvement:
        return [para(wording.none_recorded)]
    rows = [
        (item.agency, wording.involved if item.involved else wording.nil_return, item.summary)
        for item in content.agency_involvement
    ]
    return [data_table(("Agency", "Involvement", "In brief"), rows, (0.27, 0.18, 0.55))]


def _learning(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    story: list[Flowable] = []
    for point in content.themes_and_learning:
        story.extend([heading(point.heading, 3), para(point.text)])
    return _or_none(story, wording)


def _criteria(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    if not content.criteria:
        return [para(wording.none_recorded)]
    rows = [(item.question, item.answer, item.note) for item in content.criteria]
    return [data_table(("Criterion", "Panel's view", "Note"), rows, (0.48, 0.13, 0.39))]


def _vote(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    vote = content.vote
    if vote is None:
        return [para("No vote was held.")]
    pairs = [
        ("Recommend a local review", str(vote.recommend)),
        ("Do not recommend", str(vote.do_not_recommend)),
        ("Abstain", str(vote.abstain)),
        ("Eligible voters", str(vote.eligible)),
        ("Outcome", vote.outcome),
    ]
    return [summary_table(pairs, key_share=0.4)]


def _dissent(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    if not content.dissent:
        return [para(wording.none_recorded)]
    return [summary_table([(item.member, item.words) for item in content.dissent])]


def _recommendation(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    house = styles()
    return [
        Paragraph(f"<b>{markup(content.recommendation or wording.none_recorded)}</b>", house.body),
        heading("Rationale", 3),
        para(content.rationale or wording.none_recorded),
    ]


def _actions(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    if not content.immediate_actions:
        return [para(wording.none_recorded)]
    rows = [
        (item.action, item.owner_agency, format_date(item.due_date) if item.due_date else "")
        for item in content.immediate_actions
    ]
    return [data_table(("Action", "Owner", "Due by"), rows, (0.55, 0.25, 0.20))]


def _parallel(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    return _or_none([para(f"• {item}") for item in content.parallel_processes], wording)


def _version(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    note = content.change_note or ("First version." if content.version == 1 else "")
    return [summary_table([("Version", str(content.version)), ("What changed", note or "—")])]


def _sign_off(content: DecisionSheetContent, wording: SheetWording) -> list[Flowable]:
    house = styles()
    story: list[Flowable] = []
    box = '<font size="12">☐</font>'
    gap = "&nbsp;" * 8
    for party in content.sign_off:
        data = [
            [Paragraph(f"<b>{markup(party.partner)}</b>", house.cell), ""],
            [para("Name", house.cell_header), para(party.name, house.cell)],
            [para("Role", house.cell_header), para(party.role, house.cell)],
            [
                para("Decision", house.cell_header),
                Paragraph(
                    f"{box}&nbsp;{markup(wording.agree)}{gap}{box}&nbsp;{markup(wording.do_not_agree)}",
                    house.cell,
                ),
            ],
            [para(wording.comments, house.cell_header), ""],
            [para(wording.signature_date, house.cell_header), ""],
        ]
        table = Table(
            data,
            colWidths=[CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.75],
            rowHeights=[None, None, None, None, 24 * mm, 9 * mm],
            hAlign="LEFT",
        )
        commands = grid_style(header=True)
        commands.append(("SPAN", (0, 0), (1, 0)))
        table.setStyle(TableStyle(commands))
        story.append(KeepTogether([table, Spacer(1, 4 * mm)]))
    return story


_BUILDERS: dict[SheetSectionKey, _Builder] = {
    SheetSectionKey.TIMETABLE: _timetable,
    SheetSectionKey.ATTENDANCE: _attendance,
    SheetSectionKey.CONFLICTS: _conflicts,
    SheetSectionKey.INCIDENT: _incident,
    SheetSectionKey.AGENCIES: _agencies,
    SheetSectionKey.LEARNING: _learning,
    SheetSectionKey.CRITERIA: _criteria,
    SheetSectionKey.VOTE: _vote,
    SheetSectionKey.DISSENT: _dissent,
    SheetSectionKey.RECOMMENDATION: _recommendation,
    SheetSectionKey.ACTIONS: _actions,
    SheetSectionKey.PARALLEL_PROCESSES: _parallel,
    SheetSectionKey.VERSION: _version,
    SheetSectionKey.SIGN_OFF: _sign_off,
}


def _section(
    content: DecisionSheetContent, template: DecisionSheetTemplate, section: SheetSection
) -> list[Flowable]:
    opening: list[Flowable] = [heading(section.title, 1)]
    if section.intro:
        opening.append(para(section.intro, styles().small))
    body = _BUILDERS[section.key](content, template.wording)
    if section.key is SheetSectionKey.SIGN_OFF and body:
        # Keep the heading with the first partner's block rather than alone at a page foot.
        return [KeepTogether([*opening, body[0]]), *body[1:]]
    return [*opening, *body]


def render_decision_sheet(
    content: DecisionSheetContent,
    template: DecisionSheetTemplate,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
) -> bytes:
    """The unsigned decision sheet as PDF bytes.

    Sign it with :func:`rrdesk.exports.signing.sign_pdf`; the stamp goes in the box the first
    page keeps for it (:data:`rrdesk.exports.house_style.SIGNATURE_BOX`).
    """
    story = _opening(content, template.wording)
    for section in template.sections:
        story.extend(_section(content, template, section))
    info = DocumentInfo(
        title=f"{template.title}: {content.case_reference}",
        heading=template.title,
        partnership=content.partnership_name,
        subject=SUBJECT,
        subtitle=(
            f"{content.partnership_name}\n"
            f"Case {content.case_reference} · {_pseudonyms(content)} · Version {content.version}"
        ),
        reserve_signature_box=True,
    )
    return build_pdf(info, story, progress=progress, cancelled=cancelled)
