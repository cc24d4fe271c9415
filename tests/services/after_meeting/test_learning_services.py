"""The after-the-meeting services on a real encrypted store filled with the demo data."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.demo.cases import add_demo_data
from rrdesk.domain.after_meeting.action_plan import (
    ActionPlanError,
    ActionStatus,
    ActionTracking,
    ShownStatus,
)
from rrdesk.domain.after_meeting.local_review import LocalReviewError
from rrdesk.domain.after_meeting.review_reports import ReportPeriod
from rrdesk.domain.after_meeting.themes import Theme, ThemeError, ThemeLog, ThemeTaxonomy
from rrdesk.domain.cases.cases import Case, Stage
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.local_review_service import (
    LocalReviewService,
    local_review_board_rows,
    local_review_milestones,
)
from rrdesk.services.after_meeting.report_service import ReportService
from rrdesk.services.after_meeting.submission_service import SubmissionError, SubmissionService
from rrdesk.services.after_meeting.theme_catalogue import (
    load_taxonomy,
    reset_taxonomy,
    save_taxonomy,
)
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.after_meeting.threshold_letter_service import (
    LetterError,
    ThresholdLetterService,
)
from rrdesk.services.store.session import Session


@pytest.fixture
def demo(session: Session, today: date) -> Session:
    add_demo_data(session, today=today)
    return session


def _case(session: Session, pseudonym: str) -> Case:
    return next(c for c in session.cases.all_cases() if c.pseudonyms.startswith(pseudonym))


def _id(session: Session, pseudonym: str) -> int:
    case_id = _case(session, pseudonym).case_id
    assert case_id is not None
    return case_id


def test_the_demo_panel_case_is_complete_and_exports(demo: Session, today: date) -> None:
    service = SubmissionService(demo)
    case_id = _id(demo, "Child K")
    assert service.missing(case_id, today) == ()
    body = service.export(case_id, today)
    assert body.startswith(b"%PDF")
    versions = demo.documents.exports(case_id, "panel_submission")
    assert [v.note for v in versions] == ["Complete"]
    assert any(
        e.action == "Exported the National Panel submission" for e in demo.audit.entries(case_id)
    )


def test_an_incomplete_submission_lists_what_is_missing(demo: Session, today: date) -> None:
    service = SubmissionService(demo)
    case_id = _id(demo, "Child T")
    with pytest.raises(SubmissionError, match="Describe the household"):
        service.export(case_id, today)
    assert demo.documents.exports(case_id, "panel_submission") == []
    service.export(case_id, today, allow_missing=True)
    assert demo.documents.exports(case_id, "panel_submission")[0].note == "Draft with items missing"


def test_action_plan_has_every_kind_of_action(demo: Session, today: date) -> None:
    actions = ActionPlanService(demo).actions()
    shown = {a.shown_status(today) for a in actions}
    assert shown == {
        ShownStatus.OPEN,
        ShownStatus.IN_PROGRESS,
        ShownStatus.OVERDUE,
        ShownStatus.COMPLETED,
    }
    assert any(a.tracking.embedded for a in actions)
    assert len({a.owner_agency for a in actions}) >= 5


def test_tracking_is_saved_and_audited(demo: Session, today: date) -> None:
    plan = ActionPlanService(demo)
    case_id = _id(demo, "Child K")
    updated = plan.update_tracking(
        case_id, "meeting-0", ActionTracking(ActionStatus.COMPLETED, "Reviewed 12 referrals", today)
    )
    assert updated.shown_status(today) is ShownStatus.COMPLETED
    assert plan.find(case_id, "meeting-0").tracking.evidence == "Reviewed 12 referrals"
    with pytest.raises(ActionPlanError, match="evidence"):
        plan.update_tracking(case_id, "meeting-0", ActionTracking(ActionStatus.COMPLETED))
    assert demo.audit.verify()[1] is None
    assert demo.audit.entries(case_id)[-1].action == "Updated an action"


@pytest.mark.parametrize(
    ("action", "named"),
    [
        pytest.param(
            "Map the places the child went missing to",
            "Map the places the child went missing to",
            id="short",
        ),
        pytest.param(
            "Police to share the partner's history with children's social care within a day",
            "Police to share the partner's history with children's…",
            id="cut between words",
        ),
        pytest.param("x" * 80, "x" * 59 + "…", id="one long word"),
    ],
)
def test_the_audit_trail_names_an_action_whole_or_cut_between_words(
    demo: Session, today: date, action: str, named: str
) -> None:
    plan = ActionPlanService(demo)
    case_id = _id(demo, "Child M")
    plan.add_action(case_id, action, "Police", today)
    assert demo.audit.entries(case_id)[-1].summary == f"Added an action: {named} (Police)"


def test_added_actions_can_be_removed_but_meeting_actions_cannot(
    demo: Session, today: date
) -> None:
    plan = ActionPlanService(demo)
    case_id = _id(demo, "Child M")
    added = plan.add_action(case_id, "Map the places the child went missing to", "Police", today)
    assert added.key == "added-1"
    plan.remove_added_action(case_id, added.key)
    assert all(a.case_id != case_id for a in plan.actions())
    with pytest.raises(ActionPlanError):
        plan.remove_added_action(_id(demo, "Child K"), "meeting-0")
    with pytest.raises(ActionPlanError, match="Enter the action"):
        plan.add_action(case_id, " ", "Police", None)


def test_recording_a_theme_shows_other_cases_with_it(demo: Session, today: date) -> None:
    themes = ThemeService(demo)
    others = themes.record_theme(_id(demo, "Child T"), "information_sharing", today)
    assert {o.pseudonyms for o in others} >= {"Child A and Child B", "Child D"}
    assert _id(demo, "Child T") not in {o.case_id for o in others}
    with pytest.raises(ThemeError):
        themes.record_theme(_id(demo, "Child T"), "not_a_theme", today)
    notification_log = themes.log(ThemeLog.NOTIFICATIONS)
    assert [e.pseudonyms for e in notification_log] == ["Child J"]
    assert "multi_agency_working" in notification_log[0].theme_keys


def test_partnership_can_edit_the_taxonomy(demo: Session) -> None:
    shipped = load_taxonomy(demo)
    assert len(shipped.themes) >= 13
    save_taxonomy(demo, ThemeTaxonomy((*shipped.themes, Theme("bullying", "Bullying"))))
    assert load_taxonomy(demo).label_of("bullying") == "Bullying"
    reset_taxonomy(demo)
    assert load_taxonomy(demo).get("bullying") is None


def test_threshold_letter_is_recorded_against_the_case(demo: Session, today: date) -> None:
    letters = ThresholdLetterService(demo)
    case_id = _id(demo, "Child J")
    assert len(letters.versions(case_id)) == 1
    letters.export(case_id, today)
    assert [v.version for v in letters.versions(case_id)] == [1, 2]
    assert demo.audit.entries(case_id)[-1].summary == (
        "Made the letter to the referrer: Version 2, dated 22 November 2026"
    )
    with pytest.raises(LetterError, match="Record that the threshold was not met"):
        letters.export(_id(demo, "Child T"), today)


def test_endorsing_a_local_review_makes_the_case_a_review(demo: Session, today: date) -> None:
    reviews = LocalReviewService(demo)
    case_id = _id(demo, "Child A")
    review = reviews.endorse(case_id, date(2026, 8, 31))
    assert _case(demo, "Child A").stage is Stage.LOCAL_REVIEW
    assert "Commissioned on 31 August 2026" in [
        e.summary.split(": ", 1)[-1] for e in demo.audit.entries(case_id)
    ]
    assert review.completion_due == date(2027, 2, 28)
    milestones = local_review_milestones(demo, case_id)
    assert [m.key for m in milestones][:3] == ["commissioned", "family_informed", "completed"]
    with pytest.raises(LocalReviewError):
        reviews.endorse(_id(demo, "Child J"), today)
    assert local_review_milestones(demo, _id(demo, "Child T")) == ()


def test_demo_local_review_has_its_milestones(demo: Session) -> None:
    milestones = {m.key: m for m in local_review_milestones(demo, _id(demo, "Child D"))}
    assert milestones["commissioned"].done
    assert milestones["family_informed"].done
    assert not milestones["completed"].done
    assert milestones["completed"].due is not None


def test_report_and_briefing(demo: Session, today: date) -> None:
    reports = ReportService(demo)
    report = reports.report(ReportPeriod(date(2026, 1, 1), today), today)
    assert report.case_count == 7
    assert report.on_time.decided == 2
    assert report.local_reviews_commissioned == 1
    assert report.themes[0] == ("information_sharing", 2)
    assert reports.report_pdf(ReportPeriod(date(2026, 1, 1), today), today).startswith(b"%PDF")
    assert reports.briefing_pdf(_id(demo, "Child K"), use_pseudonym=False).startswith(b"%PDF")


def test_board_rows_for_local_reviews(demo: Session, today: date) -> None:
    rows = local_review_board_rows(demo, today)
    assert [row.pseudonyms for row in rows] == ["Child D"]
    row = rows[0]
    assert row.next_milestone is not None
    assert row.next_milestone.key == "completed"
    assert row.status.words in {"On track", "Due soon", "Overdue"}


def test_submission_lists_agencies_from_their_check_forms(demo: Session) -> None:
    from rrdesk.domain.after_meeting.submission_details import Involvement
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.agency_forms.agency_involvement import FormReturn, form_returns

    service = SubmissionService(demo)
    forms = AgencyFormsService(demo)
    expected = {
        FormReturn.AWAITED: Involvement.CONTACTED,
        FormReturn.NIL_RETURN: Involvement.NIL_RETURN,
        FormReturn.INVOLVED: Involvement.INVOLVED,
    }
    checked = 0
    for case in demo.cases.all_cases():
        assert case.case_id is not None
        stored = demo.documents.get(case.case_id, "submission_details")
        if stored and stored.get("agencies"):
            continue
        returns = form_returns(forms, case.case_id)
        listed = service.details(case.case_id).agencies
        assert [(a.agency, a.involvement) for a in listed] == [
            (agency, expected[state]) for agency, state in returns
        ]
        checked += bool(returns)
    assert checked, "the demo has a case with check forms and no agencies listed yet"
