"""The cases feature in the main window: the Cases section, the audit trail and a case's
History tab."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.cases.case_list_widget import CaseListWidget
from rrdesk.ui.cases.case_table_model import CaseTableModel
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Lazy, Workbench

if TYPE_CHECKING:
    from rrdesk.ui.cases.audit_widget import AuditWidget
    from rrdesk.ui.cases.case_editor import CaseEditorWidget


def install(bench: Workbench, services: SessionServices, seams: Seams) -> CasesSection:
    session = services.session
    cases = services.cases
    events = bench.events

    def working_day(notified: date) -> int | None:
        return services.working_day(notified, seams.today())

    def references() -> dict[int, str]:
        return {s.case_id: s.reference for s in cases.summaries()}

    def case_editor() -> CaseEditorWidget:
        from rrdesk.ui.cases.case_editor import CaseEditorWidget

        editor = CaseEditorWidget(
            cases,
            seams.messages,
            seams.today,
            default_profile=session.profile_name,
            checker=services.agency_forms.general_checker(),
        )
        editor.case_saved.connect(events.case_changed)
        return editor

    def audit_trail(case_id: int | None = None) -> AuditWidget:
        from rrdesk.ui.cases.audit_widget import AuditWidget

        if case_id is None:
            return AuditWidget(session.audit, seams.runner, references)
        return AuditWidget(
            session.audit,
            seams.runner,
            references,
            title="History of this case",
            case_id=case_id,
        )

    case_list = CaseListWidget(cases, CaseTableModel(working_day))
    section = CasesSection(case_list, case_editor, cases, seams.messages, case_tabs=bench.case_tabs)
    bench.add_section("cases", "Cases", section)
    bench.add_case_tab("History", audit_trail)
    audit = Lazy(audit_trail)

    def refresh_audit() -> None:
        if audit.built is not None:
            audit.built.refresh()

    bench.add_section("audit", "Audit trail", audit)
    bench.refresh_when_shown("audit", refresh_audit)

    def open_case(case_id: int) -> None:
        if bench.window.show_section("cases"):
            section.open_case(case_id)

    def new_case() -> None:
        if bench.window.show_section("cases"):
            section.start_new_case()

    events.open_case_requested.connect(open_case)
    events.new_case_requested.connect(new_case)
    events.case_changed.connect(lambda _case_id: case_list.refresh())
    events.calendar_changed.connect(case_list.refresh)
    return section
