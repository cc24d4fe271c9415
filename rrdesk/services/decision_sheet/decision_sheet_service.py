"""Export the signed decision sheet of a case: frozen once exported, every version kept.

The steps split so the app can run the slow ones off the UI thread:

1. :meth:`DecisionSheetService.prepare` (UI thread, quick): which version this export is, and
   the sheet's content. An unchanged record gives back the version already exported, with its
   frozen bytes; a changed one makes the next version with a note of what changed.
2. :func:`render_sheet` and :func:`sign_sheet` (any thread, slow): plain values in and out.
3. :meth:`DecisionSheetService.keep` (UI thread): the signed bytes and the version history
   saved in one transaction, with an audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from rrdesk.domain.cases.directory import partner_executives
from rrdesk.domain.cases.document_kinds import DocumentKind, ExportKind
from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent
from rrdesk.domain.decision_sheet.decision_sheet_template import DecisionSheetTemplate
from rrdesk.domain.decision_sheet.sheet_facts import (
    SheetFacts,
    changed_executives,
    describe_fact_changes,
    sheet_facts,
)
from rrdesk.domain.decision_sheet.sheet_version import SheetHistory, SheetVersion
from rrdesk.domain.decision_sheet.sign_off import SignOff
from rrdesk.domain.decision_sheet.version_out_of_date import OutOfDate, version_out_of_date
from rrdesk.domain.errors import UserError
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import sheet_history_from_dict, sheet_history_to_dict
from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.pdf.page_layout import CancelCallback, ProgressCallback, RenderCancelled
from rrdesk.exports.signatures.audit_record import SignedAuditRecord
from rrdesk.exports.signatures.signing import SigningIdentity, sign_pdf
from rrdesk.services.after_meeting.theme_catalogue import load_taxonomy
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.agency_involvement import agency_involvement
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.services.decision_sheet.decision_sheet_record import build_decision_sheet_content
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.services.store.session import Session
from rrdesk.storage.document_repository import ExportedDocument

__all__ = [
    "DecisionSheetService",
    "ExportedDocument",
    "NoDecisionYetError",
    "RenderCancelled",
    "SheetExport",
    "SheetNotReadyError",
    "decision_sheet_service_for",
    "render_sheet",
    "sign_sheet",
]

SIGNING_REASON = "Rapid Review decision"

MeetingForCase = Callable[[int], Meeting]
ContentForCase = Callable[[int, date], DecisionSheetContent]
"""The sheet's content for a case, prepared on a given day."""


class SheetNotReadyError(UserError):
    """The case cannot have a decision sheet yet; the message says what is missing."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class NoDecisionYetError(SheetNotReadyError):
    """The panel's decision is not recorded, so there is nothing to put on a sheet."""


@dataclass(frozen=True)
class SheetExport:
    """One export of a case's sheet: which version it is, what it says, and what it will keep."""

    case_id: int
    reference: str
    version: SheetVersion
    content: DecisionSheetContent
    history: SheetHistory
    """The version history once this export is kept."""
    frozen: ExportedDocument | None = None
    """The signed sheet already exported for this version: re-exporting gives these bytes."""
    facts: SheetFacts = field(default_factory=dict)
    """The case's facts this version prints, kept to notice when they change."""

    @property
    def is_new_version(self) -> bool:
        return self.frozen is None

    @property
    def file_name(self) -> str:
        return f"{self.reference} decision sheet v{self.version.number}.pdf"

    @property
    def preview_file_name(self) -> str:
        return f"{self.reference} decision sheet v{self.version.number} PREVIEW not signed.pdf"


def signing_time_text(now: datetime) -> str:
    """What the stamp says: ``22 November 2026 at 2:05pm``."""
    return f"{format_date(now.date())} at {format_time(now)}"


def render_sheet(
    content: DecisionSheetContent,
    template: DecisionSheetTemplate | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
    *,
    preview: bool = False,
) -> bytes:
    """The unsigned sheet, to sign, or with ``preview`` marked PREVIEW — NOT SIGNED on every
    page. Slow: touches no database, so any thread may run it."""
    form = template if template is not None else load_decision_sheet_template()
    return render_decision_sheet(content, form, progress, cancelled, preview=preview)


def sign_sheet(
    unsigned: bytes,
    identity: SigningIdentity,
    partnership: str,
    now: datetime,
    audit: SignedAuditRecord | None = None,
) -> bytes:
    """The sheet signed for the partnership, stamped with ``now``, carrying ``audit`` (the audit
    trail's head and length, from :meth:`DecisionSheetService.audit_record`) inside what the
    signature covers. Any thread may run it."""
    return sign_pdf(
        unsigned,
        identity,
        reason=SIGNING_REASON,
        location=partnership,
        signing_time_text=signing_time_text(now),
        certify=True,
        audit=audit,
    )


def _history(session: Session, case_id: int) -> SheetHistory:
    body = session.documents.get(case_id, DocumentKind.DECISION_SHEET_HISTORY)
    return SheetHistory() if body is None else sheet_history_from_dict(body)


class DecisionSheetService:
    """``meeting_for_case`` and ``content_for_case`` come from the meeting service."""

    def __init__(
        self,
        session: Session,
        meeting_for_case: MeetingForCase,
        content_for_case: ContentForCase,
        signing: SigningService | None = None,
    ) -> None:
        self._session = session
        self._meeting_for_case = meeting_for_case
        self._content_for_case = content_for_case
        self.signing = signing if signing is not None else SigningService(session)

    @property
    def partnership(self) -> str:
        return self._session.partnership

    def audit_record(self) -> SignedAuditRecord:
        """The audit trail's head and length now, for the sheet about to be signed."""
        anchor = self._session.audit.current_anchor()
        return SignedAuditRecord(anchor.head, anchor.count)

    def reference(self, case_id: int) -> str:
        return find_case(self._session, case_id).reference

    def template(self) -> DecisionSheetTemplate:
        """The partnership's decision sheet form (read here, so rendering needs no store)."""
        return load_decision_sheet_template(
            self._session.settings.get("decision_sheet_form") or None
        )

    def problems(self, case_id: int) -> tuple[str, ...]:
        """What must be recorded before the sheet can be signed; empty when it is ready."""
        return self._meeting_for_case(case_id).problems()

    def meeting_date(self, case_id: int) -> date | None:
        return self._meeting_for_case(case_id).held_on

    def sign_off(self, case_id: int) -> SignOff:
        """The partners' answers to the signed sheet so far."""
        return self._meeting_for_case(case_id).sign_off

    def history(self, case_id: int) -> SheetHistory:
        return _history(self._session, case_id)

    def versions(self, case_id: int) -> list[ExportedDocument]:
        """Every signed sheet exported for the case, oldest first."""
        return self._session.documents.exports(case_id, ExportKind.DECISION_SHEET)

    def current(self, case_id: int) -> ExportedDocument | None:
        versions = self.versions(case_id)
        return versions[-1] if versions else None

    def pending_changes(self, case_id: int, today: date) -> tuple[str, ...]:
        """What has changed since the last signed version (empty if nothing, or none signed)."""
        export = self.prepare(case_id, today)
        return export.version.changes if export.is_new_version else ()

    def out_of_date(self, case_id: int, version: int, today: date) -> OutOfDate | None:
        """Why signed version ``version`` is not what the record would sign now: a newer version
        is signed, or the record has changed since the newest was. None when it is up to date,
        or when the record is not complete enough to sign again (nothing newer can be signed)."""
        newest = self.current(case_id)
        if newest is None:
            return None
        try:
            export = self.prepare(case_id, today)
        except SheetNotReadyError:
            return version_out_of_date(version, newest.version)
        if not export.is_new_version:
            return version_out_of_date(version, newest.version)
        printed = self._facts(case_id, newest.version)
        return version_out_of_date(
            version,
            newest.version,
            export.version.number,
            export.version.changes,
            executives_changed=bool(changed_executives(printed, export.facts)),
        )

    def prepare(self, case_id: int, today: date) -> SheetExport:
        """The version this export would be, and its content; :class:`SheetNotReadyError`."""
        reference = self.reference(case_id)
        meeting = self._meeting_for_case(case_id)
        problems = meeting.problems()
        if meeting.decision is None:
            raise NoDecisionYetError(
                f"{reference} has no recorded decision yet, so there is no decision sheet to "
                "sign. Record the panel's decision on the Meeting tab first.",
                problems,
            )
        if problems:
            raise SheetNotReadyError(
                f"The meeting record of {reference} is not complete: " + "; ".join(problems) + ".",
                problems,
            )
        base = self._content_for_case(case_id, today)
        facts = sheet_facts(base)
        history = _history(self._session, case_id)
        updated, version = history.export(meeting, today)
        current = history.current
        if current is not None:
            printed = self._facts(case_id, current.number)
            fact_changes = describe_fact_changes(printed, facts) if printed else ()
            if fact_changes and updated is history:
                version = SheetVersion(current.number + 1, today, current.meeting, fact_changes)
                updated = replace(history, versions=(*history.versions, version))
            elif fact_changes:
                version = replace(version, changes=(*version.changes, *fact_changes))
                updated = replace(updated, versions=(*updated.versions[:-1], version))
        frozen = None
        if updated is history:
            frozen = next(
                (doc for doc in self.versions(case_id) if doc.version == version.number), None
            )
        content = replace(
            base,
            version=version.number,
            change_note="; ".join(version.changes),
            prepared_on=version.exported_on,
        )
        return SheetExport(case_id, reference, version, content, updated, frozen, facts)

    def _facts(self, case_id: int, number: int) -> SheetFacts:
        """The case's facts as version ``number`` printed them (all alike if not recorded)."""
        body = self._session.documents.get(case_id, DocumentKind.DECISION_SHEET_FACTS) or {}
        kept = body.get(str(number))
        return dict(kept) if isinstance(kept, dict) else {}

    def keep(
        self, export: SheetExport, signed: bytes, signed_at: datetime | None = None
    ) -> ExportedDocument:
        """Keep the signed sheet and the version history, in one transaction; the sheet as
        signed at ``signed_at`` (now if not given)."""
        if export.frozen is not None:
            return export.frozen
        session, fingerprint = self._session, self.signing.fingerprint()
        with session.db.transaction():
            session.documents.put(
                export.case_id,
                DocumentKind.DECISION_SHEET_HISTORY,
                sheet_history_to_dict(export.history),
            )
            facts = session.documents.get(export.case_id, DocumentKind.DECISION_SHEET_FACTS) or {}
            facts[str(export.version.number)] = export.facts
            session.documents.put(export.case_id, DocumentKind.DECISION_SHEET_FACTS, facts)
            kept = session.documents.add_export(
                export.case_id, ExportKind.DECISION_SHEET, signed, export.version.note, signed_at
            )
            if kept.version != export.version.number:
                raise RuntimeError(
                    f"Decision sheet version {export.version.number} would be stored as "
                    f"version {kept.version}"
                )
            session.record(
                "decision_sheet",
                f"Signed the decision sheet, version {kept.version}",
                case_id=export.case_id,
                detail={
                    "note": f"{export.version.note}; {export.file_name}; signed with the "
                    f"certificate SHA-256 {fingerprint}",
                    "document": export.file_name,
                    "certificate": f"SHA-256 {fingerprint}",
                },
            )
        return kept

    def export_signed(
        self, case_id: int, today: date, now: datetime, passphrase: str | None = None
    ) -> ExportedDocument:
        """Everything at once, on this thread (the command line): the current signed sheet.

        The signing certificate is created first if the store has none. ``passphrase`` opens the
        signing key (or wraps a new one), unless it was opened earlier in this session.
        """
        export = self.prepare(case_id, today)
        if export.frozen is not None:
            return export.frozen
        identity = self.signing.ensure_identity(now, passphrase)
        unsigned = render_sheet(export.content, self.template())
        signed = sign_sheet(unsigned, identity, self.partnership, now, self.audit_record())
        return self.keep(export, signed, now)


def decision_sheet_service_for(
    session: Session, meetings: MeetingService | None = None
) -> DecisionSheetService:
    """The service wired to the meeting record kept by :class:`MeetingService`."""
    meeting_service = meetings if meetings is not None else MeetingService(session)
    forms = AgencyFormsService(session)

    def content(case_id: int, prepared_on: date) -> DecisionSheetContent:
        return build_decision_sheet_content(
            meeting_service.case(case_id),
            meeting_service.load(case_id),
            partnership=session.partnership,
            calendar=meeting_service.calendar,
            prepared_on=prepared_on,
            theme_label=load_taxonomy(session).label_of,
            agency_involvement=agency_involvement(forms, case_id),
            executives=partner_executives(session.directory.members()),
        )

    return DecisionSheetService(session, meeting_service.load, content)
