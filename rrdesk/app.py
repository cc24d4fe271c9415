"""The composition root: the one place that builds and wires the app.

Command-line use never comes here, so Qt is only loaded when the app is opened.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.domain.bank_holidays import BankHolidayCalendar, calendar_with_import
from rrdesk.keystore import KeyringSecretStore, MemorySecretStore, SecretStore
from rrdesk.services import store_access
from rrdesk.services.agency_forms_service import AgencyFormsService
from rrdesk.services.case_service import CaseService, DirectoryService
from rrdesk.services.demo_data import DEMO_PARTNERSHIP, add_demo_data
from rrdesk.services.locations import data_folder, default_store_path
from rrdesk.services.profile_catalogue import load_profiles
from rrdesk.services.session import Session, operating_system_user
from rrdesk.storage.errors import StoreError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from rrdesk.ui.main_window import MainWindow
    from rrdesk.ui.messages import Messages
    from rrdesk.ui.tasks import ImmediateRunner, TaskRunner, TaskStarter

DEMO_BANNER = "Demo store: every person, child and case here is fictional. Nothing is kept."


@dataclass
class AppContext:
    """What every screen is built from."""

    session: Session
    secret_store: SecretStore
    messages: Messages
    runner: TaskRunner | ImmediateRunner
    today: Callable[[], date] = date.today
    settings: QSettings | None = None
    demo: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def calendar(self) -> BankHolidayCalendar:
        return calendar_with_import(self.session.settings.get("bank_holidays_import") or None)


def build_main_window(context: AppContext) -> MainWindow:
    """Every section of the main window, wired to the session's services."""
    from rrdesk.ui.account_actions import install_account_actions
    from rrdesk.ui.agency_forms_widget import AgencyFormsWidget
    from rrdesk.ui.audit_widget import AuditWidget
    from rrdesk.ui.case_editor import CaseEditorWidget
    from rrdesk.ui.case_list_widget import CaseListWidget
    from rrdesk.ui.case_table_model import CaseTableModel
    from rrdesk.ui.cases_section import CasesSection
    from rrdesk.ui.directory_widget import DirectoryWidget
    from rrdesk.ui.main_window import MainWindow

    session = context.session
    cases = CaseService(session)
    directory = DirectoryService(session)
    calendar = context.calendar()

    def working_day(notified: date) -> int | None:
        try:
            return max(0, calendar.working_days_between(notified, context.today()))
        except ValueError:  # outside the years the calendar counts
            return None

    def references() -> dict[int, str]:
        return {s.case_id: s.reference for s in cases.summaries()}

    def history_tab(case_id: int) -> AuditWidget:
        return AuditWidget(
            session.audit.entries,
            session.audit.verify,
            references,
            title="History of this case",
            case_id=case_id,
        )

    agency_forms_service = AgencyFormsService(session)

    def agency_forms_tab(case_id: int) -> AgencyFormsWidget:
        return AgencyFormsWidget(
            agency_forms_service, case_id, context.messages, context.today, context.runner
        )

    def case_editor() -> CaseEditorWidget:
        return CaseEditorWidget(
            cases, context.messages, context.today, default_profile=session.profile_name
        )

    def audit_trail() -> AuditWidget:
        return AuditWidget(session.audit.entries, session.audit.verify, references)

    case_list = CaseListWidget(cases, CaseTableModel(working_day))
    cases_section = CasesSection(
        case_list,
        case_editor,
        cases,
        case_tabs=[("Agency forms", agency_forms_tab), ("History", history_tab)],
    )
    window = MainWindow(
        session.partnership,
        status=f"Signed in as {session.actor}. Store: {session.path}",
        banner=DEMO_BANNER if context.demo else "",
        settings=context.settings,
    )
    window.add_section("cases", "Cases", cases_section)
    window.add_section(
        "directory", "Directory", lambda: DirectoryWidget(directory, context.messages)
    )
    window.add_section("audit", "Audit trail", audit_trail)

    def refresh_shown(key: str) -> None:
        shown = window.section(key)
        if isinstance(shown, AuditWidget):
            shown.refresh()

    window.section_shown.connect(refresh_shown)

    def new_case() -> None:
        window.show_section("cases")
        cases_section.start_new_case()

    install_account_actions(
        window, session, context.secret_store, context.messages, new_case=new_case
    )
    return window


def _demo_session(today: date) -> tuple[Session, Path]:
    folder = data_folder() / "demo" / secrets.token_hex(6)
    folder.mkdir(parents=True, exist_ok=False)
    created = store_access.create_store(
        folder / "demo.rrdesk",
        partnership=DEMO_PARTNERSHIP,
        owner="Rory Penhallow (demo coordinator)",
        passphrase=secrets.token_urlsafe(24),
        profile="tower-hamlets",
    )
    add_demo_data(created.session, today=today)
    return created.session, folder


def _open_store(
    path: Path, messages: Messages, secret_store: SecretStore, runner: TaskStarter
) -> Session | None:
    from rrdesk.ui.setup_dialog import SetupDialog
    from rrdesk.ui.unlock_dialog import UnlockDialog

    if not store_access.store_exists(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        loaded = load_profiles()
        order = sorted(loaded, key=lambda name: (name != "statutory", loaded[name].title))
        profiles = {name: loaded[name].title for name in order}
        setup = SetupDialog(
            path,
            create_store=store_access.create_store,
            profiles=profiles,
            messages=messages,
            default_owner=operating_system_user(),
            secret_store=secret_store,
            runner=runner,
        )
        setup.exec()
        if setup.keyring_message:
            messages.info(None, "Not remembered on this computer", setup.keyring_message)
        return setup.session
    notice = ""
    try:
        session, notice = store_access.unlock_with_remembered_key(path, secret_store)
    except StoreError as error:
        session, notice = None, error.message
    if session is not None:
        return session
    unlock = UnlockDialog(
        path,
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        change_passphrase=lambda s, p: store_access.change_passphrase(s, p),
        messages=messages,
        notice=notice,
        runner=runner,
    )
    unlock.exec()
    return unlock.session


def run_app(*, store: Path | None, demo: bool) -> int:
    """Start the app: set up or unlock the store, then the main window."""
    from rrdesk.ui.application import make_application, run_event_loop, window_settings
    from rrdesk.ui.messages import Messages
    from rrdesk.ui.tasks import TaskRunner

    app = make_application()
    messages = Messages()
    runner = TaskRunner()
    demo_folder: Path | None = None
    secret_store: SecretStore
    if demo:
        secret_store = MemorySecretStore()
        session, demo_folder = _demo_session(date.today())
    else:
        secret_store = KeyringSecretStore()
        opened = _open_store(store or default_store_path(), messages, secret_store, runner)
        if opened is None:
            return 0
        session = opened
    context = AppContext(
        session=session,
        secret_store=secret_store,
        messages=messages,
        runner=runner,
        settings=window_settings(),
        demo=demo,
    )
    window = build_main_window(context)
    window.show()
    try:
        return run_event_loop(app)
    finally:
        context.runner.wait()
        if session.is_open:
            session.close()
        if demo_folder is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(demo_folder)
