"""Recording cases and the directory, each change sealed in the audit trail."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from rrdesk.domain.cases.cases import Case, CaseError, CaseSummary, Stage, validate_case
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.store.session import Session
from rrdesk.storage.case_codec import case_from_dict, case_to_dict

if TYPE_CHECKING:
    from rrdesk.domain.cases.audit import AuditEntry
    from rrdesk.domain.cases.directory import Agency, Member
    from rrdesk.domain.cases.notification_duty import NotificationGap

PRIVATE_FIELDS = {"children"}
DRAFT_KEY = "draft_case"
log = logging.getLogger(__name__)


def matches_search(search_text: str, words: str) -> bool:
    """Whether a case's search text (:meth:`CaseService.search_texts`) holds ``words`` as typed
    in the case list's search box: folded to lower case with single spaces, as the store's own
    search (:meth:`CaseService.summaries`) compares them."""
    return " ".join(words.casefold().split()) in search_text


class CaseService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def new_reference(self, today: date) -> str:
        return self._session.cases.next_reference(today.year)

    def add_case(self, case: Case, *, today: date) -> Case:
        """Save a new case; a blank reference gets the next ``RR-YYYY-NNN``."""
        problems = validate_case(case)
        if problems:
            raise CaseError(problems[0][1])
        session = self._session
        with session.db.transaction():
            if not case.reference.strip():
                case = replace(case, reference=self.new_reference(today))
            if session.cases.get_by_reference(case.reference) is not None:
                raise CaseError(f"There is already a case with the reference {case.reference}")
            saved = session.cases.add(case)
            session.record(
                "case",
                "Created the case",
                case_id=saved.case_id,
                detail={"note": f"{saved.reference}, {saved.stage.label}"},
            )
        log.info("case %d created", saved.case_id)
        return saved

    def save_case(self, case: Case) -> Case:
        """Save changes to a case; the audit trail records which fields changed."""
        if case.case_id is None:
            raise CaseError("The case has not been created yet")
        problems = validate_case(case)
        if problems:
            raise CaseError(problems[0][1])
        session = self._session
        with session.db.transaction():
            before = find_case(session, case.case_id)
            other = session.cases.get_by_reference(case.reference)
            if other is not None and other.case_id != case.case_id:
                raise CaseError(f"There is already a case with the reference {case.reference}")
            from rrdesk.domain.cases.audit import (
                changed_fields,  # the audit code loads when first used
            )

            changed = changed_fields(case_to_dict(before), case_to_dict(case))
            if not changed:
                return case
            session.cases.update(case)
            detail: dict[str, object] = {"changed": changed}
            if "stage" in changed:
                detail["note"] = f"Stage: {before.stage.label} to {case.stage.label}"
            session.record("case", "Changed the case", case_id=case.case_id, detail=detail)
        log.info("case %d changed (%d fields)", case.case_id, len(changed))
        return case

    def notification_gap(self, case: Case) -> NotificationGap | None:
        """The working days from the local authority becoming aware to the notification."""
        from rrdesk.domain.cases.notification_duty import notification_gap  # not at start-up

        return notification_gap(case, self._session.calendar)

    def move_to_stage(self, case: Case, stage: Stage) -> Case:
        return self.save_case(replace(case, stage=stage))

    def get(self, case_id: int) -> Case | None:
        return self._session.cases.get(case_id)

    def by_reference(self, reference: str) -> Case | None:
        return self._session.cases.get_by_reference(reference)

    def summaries(self, *, stage: Stage | None = None, search: str = "") -> list[CaseSummary]:
        return self._session.cases.summaries(stage=stage, search=search)

    def search_texts(self) -> dict[int, str]:
        """Each case's words the case list's search looks in, by case id (see
        :func:`matches_search`)."""
        return self._session.cases.search_texts()

    def open_cases(self) -> list[Case]:
        return self._session.cases.cases_at({stage for stage in Stage if stage.is_open})

    def all_cases(self) -> list[Case]:
        return self._session.cases.all_cases()

    def save_draft(self, case: Case) -> None:
        """Keep what was typed but not yet saved (for example when rrdesk locks)."""
        body = case_to_dict(case)
        body["case_id"] = case.case_id
        with self._session.db.transaction():
            self._session.settings.set(DRAFT_KEY, json.dumps(body))

    def draft(self) -> Case | None:
        text = self._session.settings.get(DRAFT_KEY)
        if not text:
            return None
        try:
            case = case_from_dict(json.loads(text))
        except (ValueError, KeyError, TypeError):
            return None
        return replace(case, case_id=case.case_id or None)

    def clear_draft(self) -> None:
        if self._session.settings.get(DRAFT_KEY):
            with self._session.db.transaction():
                self._session.settings.set(DRAFT_KEY, "")

    def history(self, case_id: int) -> list[AuditEntry]:
        return self._session.audit.entries(case_id)


class DirectoryService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def members(self) -> list[Member]:
        return self._session.directory.members()

    def non_voting_roles(self) -> tuple[str, ...]:
        """The panel roles the store's process profile names as non-voting."""
        from rrdesk.services.timetable.profile_catalogue import UnknownProfileError, load_profile

        try:
            return load_profile(self._session.profile_name).non_voting_roles
        except UnknownProfileError:
            return ()

    def process_title(self) -> str:
        """The title of the store's process profile ("Tower Hamlets"), for the words that come
        from it; empty when the store names no known profile."""
        from rrdesk.services.timetable.profile_catalogue import UnknownProfileError, load_profile

        try:
            return load_profile(self._session.profile_name).title
        except UnknownProfileError:
            return ""

    def panel_members(self) -> list[Member]:
        return [member for member in self.members() if member.on_panel]

    def agencies(self) -> list[Agency]:
        return self._session.directory.agencies()

    def save_member(self, member: Member) -> Member:
        problems = member.validation_problems()
        if problems:
            raise CaseError(problems[0][1])
        from rrdesk.domain.cases.directory import executive_post_taken

        taken = executive_post_taken(member, self.members())
        if taken:
            raise CaseError(taken)
        session = self._session
        with session.db.transaction():
            if member.member_id is None:
                member = session.directory.add_member(member)
                session.record("directory", "Added a person", detail={"note": member.name})
            else:
                session.directory.update_member(member)
                session.record("directory", "Changed a person", detail={"note": member.name})
        return member

    def archive_member(self, member: Member) -> None:
        if member.member_id is None:
            return
        with self._session.db.transaction():
            self._session.directory.archive_member(member.member_id)
            self._session.record("directory", "Removed a person", detail={"note": member.name})

    def save_agency(self, agency: Agency) -> Agency:
        if not agency.name.strip():
            raise CaseError("Enter the name of the agency")
        session = self._session
        with session.db.transaction():
            if agency.agency_id is None:
                agency = session.directory.add_agency(agency)
                session.record("directory", "Added an agency", detail={"note": agency.name})
            else:
                session.directory.update_agency(agency)
                session.record("directory", "Changed an agency", detail={"note": agency.name})
        return agency
