"""The rapid review submission to the National Panel as a PDF, in the house style."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from rrdesk.domain.after_meeting.panel_submission_content import PanelSubmission
from rrdesk.domain.decision_sheet.sign_off import CLOCK_WORKING_DAYS
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.house_style import (
    DAY_ZERO_SENTENCE,
    data_table,
    heading,
    para,
    styles,
    summary_table,
)
from rrdesk.exports.pdf.page_layout import DRAFT, DocumentInfo, build_pdf

TITLE = "Rapid review submission to the National Panel"
NOT_RECORDED = "Not recorded."

SECTION_TITLES = (
    "1. Identifiers and dates",
    "2. The child",
    "3. The household",
    "4. What happened",
    "5. Agency involvement",
    "6. Key practice episodes",
    "7. The child's lived experience",
    "8. Immediate safeguarding actions",
    "9. Emerging learning",
    "10. Parallel processes",
    "11. The decision and rationale",
    "12. Local review or learning",
    "13. Family involvement",
    "14. Sign-off by the safeguarding partners",
)


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else NOT_RECORDED


def _text(value: str) -> Flowable:
    return para(value or NOT_RECORDED)


def _days_used(s: PanelSubmission) -> str:
    used = s.dates.working_days_used
    if used is None:
        return "Not yet known"
    plural = "" if used == 1 else "s"
    return f"{used} working day{plural} of {CLOCK_WORKING_DAYS}"


def _lateness(s: PanelSubmission) -> str:
    if s.dates.working_days_used is None:
        return "Not yet known"
    if not s.dates.late:
        return "On time: within 15 working days"
    late = s.dates.working_days_used - CLOCK_WORKING_DAYS
    reason = s.dates.lateness_reason or "No reason recorded."
    return f"Late by {late} working day{'' if late == 1 else 's'}. Why: {reason}"


def _identifiers(s: PanelSubmission) -> list[Flowable]:
    pairs = [
        ("Partnership", s.partnership),
        ("Case reference", s.case_reference),
        ("National Panel reference", s.national_panel_reference or NOT_RECORDED),
        ("Notifying local authority", s.notifying_authority or NOT_RECORDED),
        ("Home local authority", s.home_authority or NOT_RECORDED),
        ("Date of the incident", _day(s.dates.incident_date)),
        ("Local authority aware", _day(s.dates.la_aware_date)),
        ("Notification sent (day 0)", _day(s.dates.notification_sent)),
        ("Time to notify", s.dates.time_to_notify or NOT_RECORDED),
        ("Rapid Review meeting", _day(s.dates.meeting_date)),
        ("Due to the National Panel (day 15)", _day(s.dates.due_date)),
        ("Sent to the National Panel", _day(s.dates.sent_to_panel)),
        ("Working days used", _days_used(s)),
        ("Lateness", _lateness(s)),
    ]
    return [summary_table(pairs, key_share=0.36), para(DAY_ZERO_SENTENCE, styles().small)]


def _children(s: PanelSubmission) -> list[Flowable]:
    if not s.children:
        return [_text("")]
    rows = [
        (c.pseudonym, c.age, c.sex, c.ethnicity or NOT_RECORDED, c.disability, c.outcome, c.status)
        for c in s.children
    ]
    header = ("Pseudonym", "Age", "Sex", "Ethnicity", "Disability", "Died or harmed", "Status")
    return [data_table(header, rows, (0.15, 0.1, 0.09, 0.18, 0.14, 0.15, 0.19))]


def _agencies(s: PanelSubmission) -> list[Flowable]:
    if not s.agencies:
        return [_text("")]
    rows = [(a.agency, a.involvement.label, a.key_episodes or "") for a in s.agencies]
    return [data_table(("Agency", "Involvement", "Key episodes"), rows, (0.3, 0.22, 0.48))]


def _lived_experience(s: PanelSubmission) -> list[Flowable]:
    return [
        _text(s.lived_experience),
        heading("Inequality and disability", 3, contents=False),
        _text(s.equality_and_disability),
    ]


def _actions(s: PanelSubmission) -> list[Flowable]:
    if not s.immediate_actions:
        return [para("No immediate actions were agreed.")]
    rows = [
        (a.action, a.owner_agency, format_date(a.due) if a.due else "No date set")
        for a in s.immediate_actions
    ]
    return [data_table(("Action", "Owner agency", "Due"), rows, (0.58, 0.26, 0.16))]


def _learning(s: PanelSubmission) -> list[Flowable]:
    if not s.learning:
        return [_text("")]
    story: list[Flowable] = []
    for title, points in s.learning:
        story.append(heading(title, 3, contents=False))
        story.extend(para(f"• {point}") for point in points)
    return story


def _parallel(s: PanelSubmission) -> list[Flowable]:
    if not s.parallel_processes:
        return [para("None known.")]
    return [para(f"• {name}") for name in s.parallel_processes]


def _decision(s: PanelSubmission) -> list[Flowable]:
    return [
        summary_table(
            [
                ("Decision", s.decision or NOT_RECORDED),
                ("Rationale against the criteria", s.rationale or NOT_RECORDED),
            ],
            key_share=0.36,
        )
    ]


def _review_or_learning(s: PanelSubmission) -> list[Flowable]:
    if s.local_review_recommended:
        pairs = [
            ("Proposed scope", s.proposed_scope or NOT_RECORDED),
            ("Method", s.proposed_method or NOT_RECORDED),
            ("Reviewer", s.proposed_reviewer or NOT_RECORDED),
            ("Timetable", s.proposed_timetable or NOT_RECORDED),
        ]
        return [
            para("A local Child Safeguarding Practice Review is proposed."),
            summary_table(pairs),
        ]
    pairs = [
        ("Route", s.learning_route or NOT_RECORDED),
        ("How the learning will be taken forward", s.learning_plan or NOT_RECORDED),
    ]
    return [para("A local review is not proposed."), summary_table(pairs)]


def _sign_off(s: PanelSubmission) -> list[Flowable]:
    if not s.sign_off:
        return [_text("")]
    rows = [
        (
            p.partner,
            p.status,
            p.signed_by or "",
            p.role or "",
            format_date(p.answered_on) if p.answered_on else "",
        )
        for p in s.sign_off
    ]
    dissents = [para(f"Dissent recorded: {p.dissent}") for p in s.sign_off if p.dissent]
    return [
        data_table(
            ("Partner", "Sign-off", "Name", "Role", "Date"), rows, (0.2, 0.16, 0.22, 0.26, 0.16)
        ),
        *dissents,
    ]


def submission_story(s: PanelSubmission) -> list[Flowable]:
    sections = (
        _identifiers(s),
        _children(s),
        [_text(s.household)],
        [_text(s.what_happened)],
        _agencies(s),
        [_text(s.key_practice_episodes)],
        _lived_experience(s),
        _actions(s),
        _learning(s),
        _parallel(s),
        _decision(s),
        _review_or_learning(s),
        [_text(s.family_involvement)],
        _sign_off(s),
    )
    story: list[Flowable] = []
    for title, body in zip(SECTION_TITLES, sections, strict=True):
        if title.startswith("2.") and len(s.children) > 1:
            title = "2. The children"
        story.append(heading(title, 1))
        story.extend(body)
        story.append(Spacer(1, 2 * mm))
    return story


def render_panel_submission(submission: PanelSubmission, *, missing: tuple[str, ...] = ()) -> bytes:
    """The submission as PDF bytes, marked OFFICIAL-SENSITIVE, pseudonyms only. With items
    ``missing`` it is a draft: marked DRAFT on every page and in its title, listing them first."""
    names = ", ".join(submission.pseudonyms) or "the child"
    info = DocumentInfo(
        title=f"{TITLE}: {submission.case_reference}",
        partnership=submission.partnership,
        subject=TITLE,
        heading=TITLE,
        subtitle=f"{submission.partnership} · {submission.case_reference} · {names} · "
        f"prepared on {format_date(submission.prepared_on)}",
        status=DRAFT if missing else "",
    )
    story = submission_story(submission)
    if missing:
        story = [
            heading("Draft: not ready to send", 2, contents=False),
            para("This draft is not the submission. Still to record before it can be sent:"),
            *(para(f"• {item}") for item in missing),
            Spacer(1, 4 * mm),
            *story,
        ]
    return build_pdf(info, story)
