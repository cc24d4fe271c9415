"""The 7-minute briefing from the store: what the action plan records as done, the sign-off,
the police's agreement when an investigation is open, and the partnership's marking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from rrdesk.domain.after_meeting.action_plan import ActionStatus, ActionTracking
from rrdesk.domain.cases.cases import ParallelProcess
from rrdesk.domain.cases.document_kinds import ExportKind
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.report_service import BriefingError, ReportService
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from tests import builders
from tests.exports.pdf_reading import all_text

TODAY = date(2026, 11, 23)


def _case(session: Session) -> int:
    people = builders.add_directory(session)
    actions = (
        ImmediateAction("Review declined referrals", "Westbury Police", TODAY + timedelta(20)),
        ImmediateAction("Audit the Northfield Primary School records", "Westbury Police"),
    )
    case = builders.ready_to_submit(
        session, people, today=TODAY, notified=date(2026, 11, 2), actions=actions
    )
    assert case.case_id is not None
    plan = ActionPlanService(session)
    first = next(a for a in plan.actions() if a.action == "Review declined referrals")
    plan.update_tracking(
        case.case_id,
        first.key,
        ActionTracking(ActionStatus.COMPLETED, "Audit report", completed_on=TODAY),
    )
    return case.case_id


def test_what_has_changed_is_what_the_plan_records_as_done(session: Session) -> None:
    case_id = _case(session)
    briefing = ReportService(session).briefing(case_id, use_pseudonym=False)
    changed = briefing.boxes[5].points
    assert "Review declined referrals" in changed
    assert not any("Audit" in point for point in changed)
    # Signed off and sent: a decision, not a recommendation.
    assert any(point.startswith("Decision: ") for point in briefing.boxes[1].points)


def test_an_open_police_investigation_needs_the_tick(session: Session) -> None:
    case_id = _case(session)
    case = session.cases.get(case_id)
    assert case is not None
    CaseService(session).save_case(
        replace(case, parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION}))
    )
    reports = ReportService(session)
    assert reports.criminal_process_open(case_id)

    with pytest.raises(BriefingError, match="check with the police"):
        reports.briefing_pdf(case_id, use_pseudonym=False)
    assert not session.documents.exports(case_id, ExportKind.LEARNING_BRIEFING)

    pdf = reports.briefing_pdf(case_id, use_pseudonym=False, police_checked=True)
    assert "A police investigation is open" in " ".join(all_text(pdf).split())


def test_marked_official_unless_the_partnership_chooses_another(session: Session) -> None:
    case_id = _case(session)
    reports = ReportService(session)
    assert "OFFICIAL-SENSITIVE" not in all_text(reports.briefing_pdf(case_id, use_pseudonym=False))
    assert reports.set_briefing_marking(" official-sensitive ") == "OFFICIAL-SENSITIVE"
    assert "OFFICIAL-SENSITIVE" in all_text(reports.briefing_pdf(case_id, use_pseudonym=False))
    with pytest.raises(BriefingError, match="Enter the marking"):
        reports.set_briefing_marking("  ")
