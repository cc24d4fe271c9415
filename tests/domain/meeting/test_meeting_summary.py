from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.meeting_summary import summarise_attendance
from tests.domain.meeting.panel_people import (
    CHAIR,
    COORDINATOR,
    NURSE,
    POLICE,
    POLICE_SUBSTITUTE,
    SCHOOL,
    meeting_with,
    person,
)


def test_attendance_as_the_sheet_shows_it() -> None:
    meeting = (
        meeting_with(CHAIR, NURSE, COORDINATOR, apologies=(POLICE,))
        .with_substitute(person(POLICE_SUBSTITUTE), POLICE)
        .with_chair(CHAIR)
        .with_conflict(NURSE, "Line manager of the health visitor")
    )
    summary = summarise_attendance(meeting)
    assert summary.present == (
        "Asha Patel, Head of Quality Assurance, Children's Social Care (chair)",
        "Dan Okafor, Designated Nurse, Integrated Care Board",
        "Gus Moy, Rapid Review coordinator, Partnership (non-voting)",
        "Hana Kim, Detective Inspector, Metropolitan Police (substitute for Ben Cole)",
    )
    assert summary.apologies == ("Ben Cole, Detective Superintendent, Metropolitan Police",)
    assert summary.absent == ()
    assert summary.conflicts == (
        "Dan Okafor declared a conflict of interest: Line manager of the health visitor."
        " They did not vote on this case.",
    )


def test_substitute_whose_member_is_present_is_non_voting() -> None:
    meeting = meeting_with(POLICE, SCHOOL).with_substitute(person(POLICE_SUBSTITUTE), POLICE)
    assert summarise_attendance(meeting).present[-1] == (
        "Hana Kim, Detective Inspector, Metropolitan Police (substitute for Ben Cole; non-voting)"
    )


def test_people_not_recorded_are_under_no_heading() -> None:
    meeting = meeting_with(CHAIR, apologies=(POLICE,)).with_attendee(
        person(SCHOOL, AttendanceStatus.NOT_RECORDED)
    )
    summary = summarise_attendance(meeting)
    assert summary.present == ("Asha Patel, Head of Quality Assurance, Children's Social Care",)
    assert summary.apologies == ("Ben Cole, Detective Superintendent, Metropolitan Police",)
    assert summary.absent == ()
