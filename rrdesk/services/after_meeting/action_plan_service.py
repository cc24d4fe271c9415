"""The statutory review action plan across all cases: read, track, add, export."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from datetime import date

from rrdesk.domain.after_meeting.action_plan import (
    ActionFilter,
    ActionPlanError,
    ActionTracking,
    AddedAction,
    PlanAction,
    SourceReview,
    checked_action,
    checked_tracking,
    filter_actions,
    plan_for_case,
)
from rrdesk.domain.after_meeting.learning_documents import (
    CaseActionRecord,
    action_record_from_dict,
    action_record_to_dict,
)
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.document_kinds import DocumentKind, ExportKind
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.cases.case_records import load_meeting
from rrdesk.services.store.session import Session

AUDIT_NAME_LENGTH = 60


def _shortened(text: str) -> str:
    """An action as the audit trail names it: whole, or cut between words and ended with "…"."""
    shortened = textwrap.shorten(text, width=AUDIT_NAME_LENGTH, placeholder="…")
    if shortened == "…":  # one word longer than the limit
        shortened = text.strip()[: AUDIT_NAME_LENGTH - 1] + "…"
    return shortened


def review_for_stage(stage: Stage) -> SourceReview:
    if stage is Stage.LOCAL_REVIEW:
        return SourceReview.LOCAL_REVIEW
    if stage is Stage.THRESHOLD_NOT_MET:
        return SourceReview.NOTIFICATION
    return SourceReview.RAPID_REVIEW


class ActionPlanService:
    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def calendar(self) -> BankHolidayCalendar:
        """The partnership's working days, which count how late an action is."""
        return self._session.calendar

    def _record(self, case_id: int) -> CaseActionRecord:
        return action_record_from_dict(
            self._session.documents.get(case_id, DocumentKind.ACTION_PLAN)
        )

    def actions(self) -> tuple[PlanAction, ...]:
        """Every action of every case: each meeting's immediate actions and those added."""
        lines: list[PlanAction] = []
        for case in self._session.cases.all_cases():
            assert case.case_id is not None
            meeting = load_meeting(self._session, case.case_id)
            record = self._record(case.case_id)
            lines.extend(
                plan_for_case(
                    case_id=case.case_id,
                    case_reference=case.reference,
                    meeting_actions=meeting.actions if meeting is not None else (),
                    added=record.added,
                    tracking=record.tracking,
                )
            )
        return tuple(lines)

    def filtered(self, chosen: ActionFilter, today: date) -> tuple[PlanAction, ...]:
        return filter_actions(self.actions(), chosen, today)

    def find(self, case_id: int, key: str) -> PlanAction:
        for action in self.actions():
            if action.case_id == case_id and action.key == key:
                return action
        raise ActionPlanError("That action is no longer in the plan")

    def update_tracking(self, case_id: int, key: str, tracking: ActionTracking) -> PlanAction:
        """Record the working group's status, evidence and embedding of one action."""
        action = self.find(case_id, key)
        checked = checked_tracking(tracking)
        session = self._session
        with session.db.transaction():
            record = self._record(case_id)
            record.tracking[key] = checked
            session.documents.put(case_id, DocumentKind.ACTION_PLAN, action_record_to_dict(record))
            note = f"{_shortened(action.action)}: {checked.status.label}"
            if checked.embedded_on is not None:
                note += f", embedded ({checked.embedded_by}, {format_date(checked.embedded_on)})"
            session.record(
                "action_plan", "Updated an action", case_id=case_id, detail={"note": note}
            )
        return replace(action, tracking=checked)

    def add_action(
        self,
        case_id: int,
        action: str,
        owner_agency: str,
        due: date | None,
        review: SourceReview | None = None,
    ) -> PlanAction:
        """Add an action to the plan directly, against its source case."""
        case = find_case(self._session, case_id)
        text, owner = checked_action(action, owner_agency)
        session = self._session
        with session.db.transaction():
            record = self._record(case_id)
            added = AddedAction(
                record.next_number, text, owner, due, review or review_for_stage(case.stage)
            )
            updated = CaseActionRecord(record.tracking, (*record.added, added))
            session.documents.put(case_id, DocumentKind.ACTION_PLAN, action_record_to_dict(updated))
            session.record(
                "action_plan",
                "Added an action",
                case_id=case_id,
                detail={"note": f"{_shortened(text)} ({owner})"},
            )
        return self.find(case_id, f"added-{added.number}")

    def remove_added_action(self, case_id: int, key: str) -> None:
        if not key.startswith("added-"):
            raise ActionPlanError(
                "An immediate action from the meeting is changed in the meeting record"
            )
        session = self._session
        with session.db.transaction():
            record = self._record(case_id)
            number = int(key.removeprefix("added-"))
            kept = tuple(item for item in record.added if item.number != number)
            tracking = {k: v for k, v in record.tracking.items() if k != key}
            session.documents.put(
                case_id,
                DocumentKind.ACTION_PLAN,
                action_record_to_dict(CaseActionRecord(tracking, kept)),
            )
            session.record("action_plan", "Removed an action", case_id=case_id)

    def record_export(self, body: bytes, note: str) -> None:
        """Keep a copy of an exported plan (not tied to one case) with an audit entry."""
        session = self._session
        with session.db.transaction():
            saved = session.documents.add_export(None, ExportKind.ACTION_PLAN, body, note)
            session.record(
                "action_plan",
                "Exported the action plan",
                detail={"note": f"{note}, version {saved.version}"},
            )
