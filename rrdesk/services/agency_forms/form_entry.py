"""Entering an agency's check form: saving the draft as it is typed, and marking it ready.

The draft is audited once per form and session, so that the trail is not a keystroke log.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rrdesk.domain.agency_forms.agency_form_record import FormRecord, record_to_dict
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    EventKind,
    record_changed_after_assurance,
)
from rrdesk.domain.agency_forms.check_form_answers import meaningful_answers
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.agency_forms.request_chasing import RequestChasing


class FormEntry(RequestChasing):
    """The requests, and the forms as they are entered."""

    def save_form(self, case_id: int, record: FormRecord, today: date | None = None) -> bool:
        """Save the draft as it stands: cheap enough to call after every change.

        Given ``today``, a change to a quality-assured form's answers sends it back to received,
        so it is checked again before it goes in the panel pack. Returns True when that happened.
        """
        session = self._session
        key = (case_id, record.agency)
        reopened = False
        with session.db.transaction():
            if today is not None:
                reopened = self._reopen_if_assured_form_changed(case_id, record, today)
            session.documents.put(
                case_id, DocumentKind.CHECK_FORM, record_to_dict(record), record.agency
            )
            if key not in self._audited_drafts:
                who = record.entered_by.label
                if record.entered_by_name:
                    who += f" ({record.entered_by_name})"
                session.record(
                    "agency_forms",
                    "Entered answers on an agency check form",
                    case_id=case_id,
                    detail={"note": f"{record.agency}. Entered by: {who}"},
                )
                self._audited_drafts.add(key)
        return reopened

    def _reopen_if_assured_form_changed(
        self, case_id: int, record: FormRecord, today: date
    ) -> bool:
        request = next((r for r in self.requests(case_id) if r.agency == record.agency), None)
        if request is None or request.stage is None:
            return False
        if request.stage.kind is not EventKind.QUALITY_ASSURED:
            return False
        before = self.load_form(case_id, record.agency)
        if (meaningful_answers(before.answers), before.pasted, before.ignored) == (
            meaningful_answers(record.answers),
            record.pasted,
            record.ignored,
        ):
            return False
        changed = record_changed_after_assurance(request, today, recorded_by=self._actor)
        self._change(
            case_id,
            record.agency,
            changed,
            "Changed a quality-assured agency check form: it needs quality assurance again",
        )
        return True

    def mark_ready(self, case_id: int, record: FormRecord, today: date) -> FormRecord:
        """The form is ready for quality assurance; an awaited request becomes received."""
        ready = replace(record, ready_on=today)
        session = self._session
        with session.db.transaction():
            session.documents.put(
                case_id, DocumentKind.CHECK_FORM, record_to_dict(ready), record.agency
            )
            session.record(
                "agency_forms",
                "Marked an agency check form ready for quality assurance",
                case_id=case_id,
                detail={"note": record.agency},
            )
            requests = {r.agency: r for r in self.requests(case_id)}
            request = requests.get(record.agency)
            if request is None:
                request = AgencyRequest(record.agency)
                self._save_requests(
                    case_id,
                    [*requests.values(), request],
                    "Chose the agencies asked for forms",
                    record.agency,
                )
            stage = request.stage
            if stage is not None and stage.kind in (EventKind.SENT, EventKind.RETURNED):
                self.record_received(case_id, record.agency, max(today, request.events[-1].on))
        return ready
