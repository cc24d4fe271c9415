"""The after-the-meeting services on a real encrypted store: each test records its own cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from rrdesk.domain.after_meeting.action_plan import (
    ActionPlanError,
    ActionStatus,
    ActionTracking,
    ShownStatus,
)
from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.after_meeting.local_review import LocalReviewError
from rrdesk.domain.after_meeting.review_reports import OnTimeShare, ReportPeriod
from rrdesk.domain.after_meeting.submission_details import AgencyContribution, Involvement
from rrdesk.domain.after_meeting.themes import Theme, ThemeError, ThemeLog, ThemeTaxonomy
from rrdesk.domain.after_meeting.threshold_letter import LetterDetails
from rrdesk.domain.cases.cases import Case, Child, Referral, Stage, ThresholdDiscussion
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.vote import VoteChoice
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
from tests import builders
from tests.builders import HEALTH, LA, POLICE, SCHOOLS, Directory


@pytest.fixture
def people(session: Session) -> Directory:
    return builders.add_directory(session)


def _notified(session: Session, today: date, pseudonym: str, on: date, **fields: Any) -> Case:
    children = fields.pop("children", (Child(pseudonym, f"{pseudonym} Real-Name"),))
    return builders.add_case(session, today=today, notified=on, children=children, **fields)


def _decided(
    session: Session,
    people: Directory,
    case: Case,
    *,
    kind: DecisionKind = DecisionKind.RECOMMEND_LOCAL_REVIEW,
    actions: tuple[ImmediateAction, ...] = (),
    learning: Learning | None = None,
    sent_on_day: int = 12,
) -> Case:
    """The case's meeting held on working day 8, decided ``kind``, signed off and sent to the
    National Panel on working day ``sent_on_day``."""
    assert case.notification_sent is not None
    day = session.calendar.add_working_days
    notified = case.notification_sent
    meeting = builders.meeting_held(
        session,
        case,
        held_on=day(notified, 8),
        chair=people["Alex Chair"],
        learning=learning,
        actions=actions,
    )
    if kind is DecisionKind.DO_NOT_RECOMMEND:
        no = dict.fromkeys(people.ids.values(), VoteChoice.NO)
        meeting = builders.voted(session, case, meeting, no)
        meeting = builders.decided(
            session, case, meeting, kind, "The learning is clear.", LearningRoute.AUDIT
        )
    else:
        meeting = builders.decided(session, case, builders.voted(session, case, meeting))
    sent = day(notified, sent_on_day - 2)
    meeting = builders.signed_off(session, case, meeting, sent=sent, agreed=sent)
    builders.sent_to_national_panel(session, case, meeting, on=day(notified, sent_on_day))
    assert case.case_id is not None
    saved = session.cases.get(case.case_id)
    assert saved is not None
    return saved


def _complete(session: Session, people: Directory, today: date) -> Case:
    """Child K: everything the National Panel asks for recorded, and an action from the meeting."""
    actions = (ImmediateAction("Review declined referrals", HEALTH, today + timedelta(days=20)),)
    return builders.ready_to_submit(
        session, people, today=today, notified=date(2026, 11, 2), actions=actions
    )


def _threshold_not_met(session: Session, today: date) -> Case:
    """Child J: the threshold was not met, the letter's details recorded."""
    case = builders.add_case(
        session,
        today=today,
        notified=None,
        stage=Stage.THRESHOLD_NOT_MET,
        children=(Child("Child J", "Jade Real-Name"),),
        referral=Referral(referrer_name="A parent", referral_date=date(2026, 10, 20)),
        threshold=ThresholdDiscussion(date(2026, 10, 23), "The partners", False, "An accident."),
    )
    assert case.case_id is not None
    builders.add_contact_details(session)
    ThresholdLetterService(session).save_details(
        case.case_id, LetterDetails(next_steps="Talk to the school.", signatory="Alex Chair")
    )
    return case


def _id(case: Case) -> int:
    assert case.case_id is not None
    return case.case_id


def test_a_complete_submission_exports(session: Session, people: Directory, today: date) -> None:
    service = SubmissionService(session)
    case_id = _id(_complete(session, people, today))
    assert service.missing(case_id, today) == ()
    body = service.export(case_id, today)
    assert body.startswith(b"%PDF")
    versions = session.documents.exports(case_id, "panel_submission")
    assert [v.note for v in versions] == ["Complete"]
    assert any(
        e.action == "Exported the National Panel submission" for e in session.audit.entries(case_id)
    )


def test_an_incomplete_submission_lists_what_is_missing(session: Session, today: date) -> None:
    service = SubmissionService(session)
    case_id = _id(_notified(session, today, "Child T", date(2026, 11, 9)))
    with pytest.raises(SubmissionError, match="Describe the household"):
        service.export(case_id, today)
    assert session.documents.exports(case_id, "panel_submission") == []
    service.export(case_id, today, allow_missing=True)
    notes = [v.note for v in session.documents.exports(case_id, "panel_submission")]
    assert notes == ["Draft with items missing"]


def test_each_action_shows_its_status(session: Session, today: date) -> None:
    plan = ActionPlanService(session)
    case_id = _id(_notified(session, today, "Child K", date(2026, 11, 2)))
    later, earlier = today + timedelta(days=20), today - timedelta(days=3)
    plan.add_action(case_id, "Brief residential staff", LA, later)
    started = plan.add_action(case_id, "Check open plans", POLICE, later)
    plan.update_tracking(case_id, started.key, ActionTracking(ActionStatus.IN_PROGRESS))
    plan.add_action(case_id, "Audit attendance", SCHOOLS, earlier)
    done = plan.add_action(case_id, "Change the review template", HEALTH, earlier)
    completed = ActionTracking(
        ActionStatus.COMPLETED, "Template changed", earlier, "Working group", today
    )
    plan.update_tracking(case_id, done.key, completed)
    plan.add_action(case_id, "Tell social care of new tenants", "Westbury Housing", None)
    shown = {a.action: a.shown_status(today) for a in plan.actions()}
    assert shown == {
        "Brief residential staff": ShownStatus.OPEN,
        "Check open plans": ShownStatus.IN_PROGRESS,
        "Audit attendance": ShownStatus.OVERDUE,
        "Change the review template": ShownStatus.COMPLETED,
        "Tell social care of new tenants": ShownStatus.OPEN,
    }
    assert [a.action for a in plan.actions() if a.tracking.embedded] == [
        "Change the review template"
    ]
    assert len({a.owner_agency for a in plan.actions()}) == 5


def test_tracking_is_saved_and_audited(session: Session, people: Directory, today: date) -> None:
    plan = ActionPlanService(session)
    case_id = _id(_complete(session, people, today))
    updated = plan.update_tracking(
        case_id, "meeting-0", ActionTracking(ActionStatus.COMPLETED, "Reviewed 12 referrals", today)
    )
    assert updated.shown_status(today) is ShownStatus.COMPLETED
    assert plan.find(case_id, "meeting-0").tracking.evidence == "Reviewed 12 referrals"
    with pytest.raises(ActionPlanError, match="evidence"):
        plan.update_tracking(case_id, "meeting-0", ActionTracking(ActionStatus.COMPLETED))
    assert session.audit.verify()[1] is None
    assert session.audit.entries(case_id)[-1].action == "Updated an action"


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
    session: Session, today: date, action: str, named: str
) -> None:
    plan = ActionPlanService(session)
    case_id = _id(_notified(session, today, "Child M", date(2026, 11, 16)))
    plan.add_action(case_id, action, "Police", today)
    assert session.audit.entries(case_id)[-1].summary == f"Added an action: {named} (Police)"


def test_added_actions_can_be_removed_but_meeting_actions_cannot(
    session: Session, people: Directory, today: date
) -> None:
    plan = ActionPlanService(session)
    with_meeting = _id(_complete(session, people, today))
    case_id = _id(_notified(session, today, "Child M", date(2026, 11, 16)))
    added = plan.add_action(case_id, "Map the places the child went missing to", "Police", today)
    assert added.key == "added-1"
    plan.remove_added_action(case_id, added.key)
    assert all(a.case_id != case_id for a in plan.actions())
    with pytest.raises(ActionPlanError):
        plan.remove_added_action(with_meeting, "meeting-0")
    assert [a.key for a in plan.actions()] == ["meeting-0"]
    with pytest.raises(ActionPlanError, match="Enter the action"):
        plan.add_action(case_id, " ", "Police", None)


def test_recording_a_theme_shows_other_cases_with_it(session: Session, today: date) -> None:
    themes = ThemeService(session)
    twins = (Child("Child A", "Ash Real-Name"), Child("Child B", "Bo Real-Name"))
    for case in (
        _notified(session, today, "Child A", date(2026, 3, 2), children=twins),
        _notified(session, today, "Child D", date(2025, 1, 6)),
        _notified(session, today, "Child O", date(2024, 11, 1)),  # over 24 months ago
    ):
        themes.record_theme(_id(case), "information_sharing", today)
    threshold = _threshold_not_met(session, today)
    themes.record_theme(_id(threshold), "multi_agency_working", today)
    child_t = _id(_notified(session, today, "Child T", date(2026, 11, 9)))
    others = themes.record_theme(child_t, "information_sharing", today)
    assert [o.pseudonyms for o in others] == ["Child A and Child B", "Child D"]
    with pytest.raises(ThemeError):
        themes.record_theme(child_t, "not_a_theme", today)
    notification_log = themes.log(ThemeLog.NOTIFICATIONS)
    assert [e.pseudonyms for e in notification_log] == ["Child J"]
    assert notification_log[0].theme_keys == ("multi_agency_working",)


def test_partnership_can_edit_the_taxonomy(session: Session) -> None:
    shipped = load_taxonomy(session)
    assert len(shipped.themes) >= 13
    save_taxonomy(session, ThemeTaxonomy((*shipped.themes, Theme("bullying", "Bullying"))))
    assert load_taxonomy(session).label_of("bullying") == "Bullying"
    reset_taxonomy(session)
    assert load_taxonomy(session).get("bullying") is None


def test_threshold_letter_is_recorded_against_the_case(session: Session, today: date) -> None:
    letters = ThresholdLetterService(session)
    case_id = _id(_threshold_not_met(session, today))
    letters.export(case_id, date(2026, 10, 26))
    assert len(letters.versions(case_id)) == 1
    letters.export(case_id, today)
    assert [v.version for v in letters.versions(case_id)] == [1, 2]
    assert session.audit.entries(case_id)[-1].summary == (
        "Made the letter to the referrer: Version 2, dated 22 November 2026"
    )
    child_t = _id(_notified(session, today, "Child T", date(2026, 11, 9)))
    with pytest.raises(LetterError, match="Record that the threshold was not met"):
        letters.export(child_t, today)


def test_endorsing_a_local_review_makes_the_case_a_review(
    session: Session, people: Directory, today: date
) -> None:
    reviews = LocalReviewService(session)
    case_id = _id(_decided(session, people, _notified(session, today, "Child A", date(2026, 8, 3))))
    review = reviews.endorse(case_id, date(2026, 8, 31))
    stored = session.cases.get(case_id)
    assert stored is not None
    assert stored.stage is Stage.LOCAL_REVIEW
    assert "Commissioned on 31 August 2026" in [
        e.summary.split(": ", 1)[-1] for e in session.audit.entries(case_id)
    ]
    assert review.completion_due == date(2027, 2, 28)
    milestones = local_review_milestones(session, case_id)
    assert [m.key for m in milestones][:5] == [
        "decided",  # Working Together 2023: 6 months from the decision to initiate
        "commissioned",
        "family_informed",
        "practitioner_event",
        "completed",
    ]
    with pytest.raises(LocalReviewError):
        reviews.endorse(_id(_threshold_not_met(session, today)), today)
    child_t = _id(_notified(session, today, "Child T", date(2026, 11, 9)))
    assert local_review_milestones(session, child_t) == ()


def _local_review(session: Session, people: Directory, today: date) -> int:
    """Child D: a local review commissioned on 1 October 2026, the family told on 7 October."""
    case = _decided(session, people, _notified(session, today, "Child D", date(2026, 9, 1)))
    review = builders.local_review(session, case, commissioned_on=date(2026, 10, 1))
    told = replace(review, family_informed_on=date(2026, 10, 7))
    LocalReviewService(session).save(_id(case), told)
    return _id(case)


def test_a_local_review_has_its_milestones(
    session: Session, people: Directory, today: date
) -> None:
    milestones = {
        m.key: m for m in local_review_milestones(session, _local_review(session, people, today))
    }
    assert milestones["commissioned"].done
    assert milestones["commissioned"].due == date(2026, 10, 1)
    assert milestones["family_informed"].done
    assert not milestones["completed"].done
    assert milestones["completed"].due == date(2027, 4, 1)


def test_report_and_briefing(session: Session, people: Directory, today: date) -> None:
    themes = ThemeService(session)
    child_k = _complete(session, people, today)  # sent on working day 12
    child_d = _local_review(session, people, today)  # sent on working day 12
    late = _notified(session, today, "Child L", date(2026, 6, 1))
    _decided(session, people, late, kind=DecisionKind.DO_NOT_RECOMMEND, sent_on_day=20)
    _notified(session, today, "Child T", date(2026, 11, 9))  # not decided yet
    before = _notified(session, today, "Child O", date(2025, 12, 1))  # before the period
    for case_id, key in ((_id(child_k), "information_sharing"), (child_d, "information_sharing")):
        themes.record_theme(case_id, key, today)
    themes.record_theme(child_d, "risk_assessment", today)
    for key in ("neglect", "information_sharing"):
        themes.record_theme(_id(before), key, today)
    reports = ReportService(session)
    report = reports.report(ReportPeriod(date(2026, 1, 1), today), today)
    assert report.case_count == 4
    assert report.on_time == OnTimeShare(on_time=2, decided=3)
    assert report.local_reviews_commissioned == 1
    assert report.themes[0] == ("information_sharing", 2)
    assert reports.report_pdf(ReportPeriod(date(2026, 1, 1), today), today).startswith(b"%PDF")
    assert reports.briefing_pdf(_id(child_k), use_pseudonym=False).startswith(b"%PDF")


def test_board_rows_for_local_reviews(session: Session, people: Directory, today: date) -> None:
    _notified(session, today, "Child T", date(2026, 11, 9))
    _local_review(session, people, today)
    rows = local_review_board_rows(session, today)
    assert [row.pseudonyms for row in rows] == ["Child D"]
    row = rows[0]
    assert row.next_milestone is not None
    assert row.next_milestone.key == "practitioner_event"  # Leeds line 63: before completion
    assert row.status.words == "On track"


def test_submission_lists_agencies_from_their_check_forms(
    session: Session, people: Directory, today: date
) -> None:
    service = SubmissionService(session)
    case = _notified(session, today, "Child T", date(2026, 11, 9))
    builders.requests_sent(session, case, (POLICE, HEALTH, SCHOOLS), sent_on=date(2026, 11, 10))
    builders.form_returned(session, case, POLICE, {"involved": "yes"}, on=date(2026, 11, 16))
    builders.form_returned(session, case, HEALTH, {"involved": "no"}, on=date(2026, 11, 17))
    listed = service.details(_id(case)).agencies
    assert [(a.agency, a.involvement) for a in listed] == [  # in the order of their names
        (HEALTH, Involvement.NIL_RETURN),
        (POLICE, Involvement.INVOLVED),
        (SCHOOLS, Involvement.CONTACTED),
    ]
    # What is recorded for the submission keeps its key episodes, but each agency asked for a
    # form stays as its form says (the decision sheet says the same); one recorded and never
    # asked is added, and a form still awaited takes what was recorded.
    builders.submission_recorded(
        session,
        case,
        agencies=(
            AgencyContribution(POLICE, Involvement.NIL_RETURN, "Two call-outs to the home."),
            AgencyContribution(SCHOOLS, Involvement.INVOLVED),
            AgencyContribution(LA, Involvement.INVOLVED),
        ),
    )
    listed = service.details(_id(case)).agencies
    assert [(a.agency, a.involvement) for a in listed] == [
        (HEALTH, Involvement.NIL_RETURN),
        (POLICE, Involvement.INVOLVED),
        (SCHOOLS, Involvement.INVOLVED),
        (LA, Involvement.INVOLVED),
    ]
    assert listed[1].key_episodes == "Two call-outs to the home."
