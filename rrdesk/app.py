"""The composition root: the one place that builds and wires the app.

Command-line use never comes here, so Qt is only loaded when the app is opened.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar, calendar_with_import
from rrdesk.keystore import KeyringSecretStore, MemorySecretStore, SecretStore
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session, operating_system_user
from rrdesk.storage.errors import StoreError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from rrdesk.domain.meeting.agenda import AgendaItem
    from rrdesk.domain.meeting.vote import ProjectorTally
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.decision_sheet.decision_sheet_service import DecisionSheetService
    from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
    from rrdesk.services.meeting.meeting_service import MeetingService
    from rrdesk.services.partnership.signing_service import SigningService
    from rrdesk.services.timetable.timetable_service import TimetableService
    from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
    from rrdesk.ui.board.board_widget import BoardWidget
    from rrdesk.ui.board.projector_launcher import ProjectorLauncher
    from rrdesk.ui.cases.audit_widget import AuditWidget
    from rrdesk.ui.cases.case_editor import CaseEditorWidget
    from rrdesk.ui.cases.cases_section import CasesSection
    from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
    from rrdesk.ui.meeting.meeting_widget import MeetingWidget
    from rrdesk.ui.partnership.directory_widget import DirectoryWidget
    from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget
    from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.shell.messages import Messages
    from rrdesk.ui.shell.tasks import ImmediateRunner, TaskRunner, TaskStarter
    from rrdesk.ui.store.backup_widget import BackupWidget
    from rrdesk.ui.store.protection import Protection
    from rrdesk.ui.timetable.calendar_widget import CalendarWidget
    from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget

_Built = TypeVar("_Built")

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
    backups_folder: Path | None = None  # where rolling backups go; None for the usual folder
    extra: dict[str, object] = field(default_factory=dict)

    def calendar(self) -> BankHolidayCalendar:
        return calendar_with_import(self.session.settings.get("bank_holidays_import") or None)


def build_main_window(context: AppContext) -> MainWindow:
    """Every section of the main window, wired to the session's services."""
    # Screens that are not on show at start-up are imported when first built.
    from rrdesk.ui.after_meeting.learning_sections import add_learning_sections, learning_case_tabs
    from rrdesk.ui.cases.case_list_widget import CaseListWidget
    from rrdesk.ui.cases.case_table_model import CaseTableModel
    from rrdesk.ui.cases.cases_section import CasesSection
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.store.account_actions import install_account_actions

    session = context.session
    # One file dialog for the whole window, so every dialog starts where the person last saved
    # or opened a file.
    dialogs, opener = _file_seams(context)
    cases = CaseService(session)
    directory = DirectoryService(session)
    calendar = context.calendar()
    calendars = [calendar]  # the one in use; replaced when a bank-holidays file is imported

    def working_day(notified: date) -> int | None:
        try:
            return max(0, calendars[0].working_days_between(notified, context.today()))
        except ValueError:  # outside the years the calendar counts
            return None

    def references() -> dict[int, str]:
        return {s.case_id: s.reference for s in cases.summaries()}

    def history_tab(case_id: int) -> AuditWidget:
        from rrdesk.ui.cases.audit_widget import AuditWidget

        return AuditWidget(
            session.audit.entries,
            session.audit.verify,
            references,
            title="History of this case",
            case_id=case_id,
        )

    @functools.cache
    def agency_forms_service() -> AgencyFormsService:
        from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService

        return AgencyFormsService(session)

    def agency_forms_tab(case_id: int) -> AgencyFormsWidget:
        from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget

        return AgencyFormsWidget(
            agency_forms_service(),
            case_id,
            context.messages,
            context.today,
            context.runner,
            files=dialogs,
            opener=opener,
        )

    def make_timetables() -> TimetableService:
        from rrdesk.services.agency_forms.agency_returns import returns_count
        from rrdesk.services.timetable.timetable_service import TimetableService

        return TimetableService(
            session, agency_returns=lambda case_id: returns_count(session, case_id)
        )

    timetables = _Once(make_timetables)

    def make_board() -> BoardWidget:
        from rrdesk.services.after_meeting.local_review_service import local_review_board_rows
        from rrdesk.ui.board.board_widget import BoardWidget

        return BoardWidget(
            timetables(),
            today=context.today,
            local_reviews=lambda day: local_review_board_rows(session, day),
        )

    board = _LazyBoard(timetables, make_board)

    def timetable_tab(case_id: int) -> CaseTimetableWidget:
        from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget

        tab = CaseTimetableWidget(
            case_id, timetables(), context.messages, today=context.today, files=dialogs
        )
        tab.timetable_changed.connect(board.invalidate_case)
        return tab

    @functools.cache
    def meeting_service() -> MeetingService:
        from rrdesk.services.meeting.meeting_service import MeetingService

        return MeetingService(session, calendars[0])

    def meeting_tab(case_id: int) -> MeetingWidget:
        from rrdesk.ui.meeting.meeting_widget import MeetingWidget

        widget = MeetingWidget(meeting_service(), case_id, context.today)
        widget.meeting_saved.connect(lambda _what: cases_section.case_list.refresh())
        widget.meeting_saved.connect(lambda _what: board.invalidate_case(case_id))
        return widget

    def case_editor() -> CaseEditorWidget:
        from rrdesk.ui.cases.case_editor import CaseEditorWidget

        editor = CaseEditorWidget(
            cases, context.messages, context.today, default_profile=session.profile_name
        )
        editor.case_saved.connect(board.invalidate_case)
        return editor

    def calendar_screen() -> CalendarWidget:
        from rrdesk.ui.timetable.calendar_widget import CalendarWidget

        screen = CalendarWidget(timetables(), context.messages, today=context.today, files=dialogs)
        screen.calendar_changed.connect(board.refresh)
        screen.calendar_changed.connect(on_calendar_changed)
        return screen

    def on_calendar_changed() -> None:
        calendars[0] = context.calendar()
        meeting_service().use_calendar(calendars[0])
        cases_section.case_list.refresh()

    def audit_trail() -> AuditWidget:
        from rrdesk.ui.cases.audit_widget import AuditWidget

        return AuditWidget(session.audit.entries, session.audit.verify, references)

    now = cast("Callable[[], datetime]", context.extra.get("now", _local_now))

    @functools.cache
    def signing_services() -> tuple[SigningService, DecisionSheetService, SignOffDrafts]:
        """Built on first use: they load the PDF libraries, which start-up does not need."""
        from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
        from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
        from rrdesk.services.partnership.signing_service import SigningService

        sheets = decision_sheet_service_for(session, calendars[0], meeting_service())
        return SigningService(session), sheets, SignOffDrafts(session, sheets, calendar)

    def decision_sheet_tab(case_id: int) -> DecisionSheetPanel:
        from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel

        _signing, sheets, drafts = signing_services()
        panel = DecisionSheetPanel(
            case_id,
            sheets,
            drafts,
            context.messages,
            dialogs,
            opener,
            context.runner,
            context.today,
            now,
        )
        panel.sign_off_email_saved.connect(
            lambda _version: meeting_service().record_sent_for_sign_off(case_id, context.today())
        )
        return panel

    def partnership_settings() -> PartnershipSettingsWidget:
        from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget

        signing = signing_services()[0]
        widget = PartnershipSettingsWidget(signing, context.messages, dialogs, context.runner, now)
        widget.partnership_renamed.connect(lambda name: window.setWindowTitle(f"rrdesk: {name}"))
        return widget

    case_list = CaseListWidget(cases, CaseTableModel(working_day))
    cases_section = CasesSection(
        case_list,
        case_editor,
        cases,
        case_tabs=[
            ("Timetable", timetable_tab),
            ("Agency forms", agency_forms_tab),
            ("Meeting", meeting_tab),
            ("Decision sheet", decision_sheet_tab),
            ("History", history_tab),
            *learning_case_tabs(session, context.messages, context.today, files=dialogs),
        ],
    )
    window = MainWindow(
        session.partnership,
        status=f"Signed in as {session.actor}. Store: {session.path}",
        banner=DEMO_BANNER if context.demo else "",
        settings=context.settings,
    )
    window.add_section("cases", "Cases", cases_section)
    window.add_section("board", "Countdown board", board.widget)

    def directory_screen() -> DirectoryWidget:
        from rrdesk.ui.partnership.directory_widget import DirectoryWidget

        return DirectoryWidget(directory, context.messages)

    def backups_screen() -> BackupWidget:
        from rrdesk.ui.store.backup_widget import BackupWidget

        return BackupWidget(
            session,
            context.messages,
            files=dialogs,
            runner=context.runner,
            folder=context.backups_folder,
        )

    window.add_section("directory", "Directory", directory_screen)
    window.add_section("audit", "Audit trail", audit_trail)
    window.add_section("settings", "Partnership settings", partnership_settings)
    window.add_section("backups", "Backups and locking", backups_screen)
    window.add_section("calendar", "Calendar and process", calendar_screen)

    def partnership_forms() -> QWidget:
        from rrdesk.services.partnership.partnership_forms import PartnershipForms
        from rrdesk.ui.partnership.partnership_forms_widget import PartnershipFormsWidget

        return PartnershipFormsWidget(PartnershipForms(session), context.messages, dialogs)

    window.add_section("forms", "Partnership forms", partnership_forms)
    add_learning_sections(window, session, context.messages, context.today, files=dialogs)

    def refresh_shown(key: str) -> None:
        """Sections that show what other screens change are read again when shown."""
        if key in {"audit", "board", "calendar"}:
            refresh = getattr(window.section(key), "refresh", None)
            if callable(refresh):
                refresh()

    window.section_shown.connect(refresh_shown)

    def new_case() -> None:
        window.show_section("cases")
        cases_section.start_new_case()

    install_account_actions(
        window, session, context.secret_store, context.messages, new_case=new_case
    )
    _wire_board(context, window, cases_section, board, timetables, meeting_service)
    cases_section.resume_draft()
    return window


def _wire_board(
    context: AppContext,
    window: MainWindow,
    cases_section: CasesSection,
    board: _LazyBoard,
    timetables: _Once[TimetableService],
    meeting_service: Callable[[], MeetingService],
) -> None:
    """The countdown board and the projector, kept in step with the cases. Both are built when
    first wanted: start-up shows the case list."""
    from PySide6.QtGui import QKeySequence

    directory = DirectoryService(context.session)

    def agenda_for(case_id: int) -> tuple[AgendaItem, ...]:
        """The meeting's agenda: an account from each agency present, or else from each agency
        on the panel while attendance is not yet taken."""
        from rrdesk.domain.meeting.meeting_rules import agenda_from_profile

        case = context.session.cases.get(case_id)
        if case is not None:
            meetings = meeting_service()
            meeting = meetings.load(case_id)
            if any(attendee.present for attendee in meeting.attendees):
                return meetings.agenda_for(case, meeting)
        profile = timetables().settings.profile(case.profile if case else None)
        on_panel = {member.agency for member in directory.panel_members()}
        agencies = [agency.name for agency in directory.agencies() if agency.name in on_panel]
        return agenda_from_profile(profile.agenda, agencies)

    def vote_for(case_id: int) -> ProjectorTally | None:
        """The projected case's vote, counts only unless the chair chose to show names."""
        meetings = meeting_service()
        if not meetings.is_saved(case_id):
            return None
        vote = meetings.load(case_id).vote
        return None if vote is None else vote.projector_view()

    def open_case(case_id: int) -> None:
        window.show_section("cases")
        cases_section.open_case(case_id)

    def make_launcher() -> ProjectorLauncher:
        from rrdesk.ui.board.projector_launcher import ProjectorLauncher

        return ProjectorLauncher(
            timetables(),
            context.messages,
            today=context.today,
            agenda_for=agenda_for,
            vote_for=vote_for,
            parent_widget=window,
            actions=(window.lock_action, window.quit_action),
        )

    launcher = _Once(make_launcher)
    context.extra["projector"] = launcher
    cases_section.data_changed.connect(board.refresh)

    def refresh_projector() -> None:
        if launcher.made is not None:
            launcher.made.refresh()

    def close_projector() -> None:
        if launcher.made is not None:
            launcher.made.close()

    def built(widget: BoardWidget) -> None:
        widget.case_opened.connect(open_case)
        widget.projector_requested.connect(lambda case_id: launcher().open(case_id))
        widget.refreshed.connect(refresh_projector)

    board.on_built(built)
    window.closing.connect(close_projector)
    window.add_action(
        window.view_menu,
        "Project the countdown",
        "project",
        QKeySequence("F5"),
        lambda _=False: launcher().open(window_board(window).chosen_case()),
    )


def window_board(window: MainWindow) -> BoardWidget:
    """The window's countdown board (built now if it has not been shown yet)."""
    from rrdesk.ui.board.board_widget import BoardWidget

    board = window.section("board")
    assert isinstance(board, BoardWidget)
    return board


class _Once(Generic[_Built]):
    """Something built the first time it is wanted, then kept."""

    def __init__(self, build: Callable[[], _Built]) -> None:
        self._build = build
        self.made: _Built | None = None

    def __call__(self) -> _Built:
        if self.made is None:
            self.made = self._build()
        return self.made


class _LazyBoard:
    """The countdown board, built when it is first shown. Until then a change to a case only
    clears what the timetable service keeps about it."""

    def __init__(
        self, timetables: _Once[TimetableService], build: Callable[[], BoardWidget]
    ) -> None:
        self._timetables = timetables
        self._build = build
        self._built: BoardWidget | None = None
        self._listeners: list[Callable[[BoardWidget], None]] = []

    def widget(self) -> BoardWidget:
        if self._built is None:
            self._built = self._build()
            for listener in self._listeners:
                listener(self._built)
        return self._built

    def on_built(self, listener: Callable[[BoardWidget], None]) -> None:
        self._listeners.append(listener)
        if self._built is not None:
            listener(self._built)

    def refresh(self) -> None:
        if self._built is not None:
            self._built.refresh()

    def invalidate_case(self, case_id: int) -> None:
        if self._timetables.made is not None:
            self._timetables.made.invalidate(case_id)
        self.refresh()


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _file_seams(context: AppContext) -> tuple[FileDialogs, DesktopOpener]:
    """The file dialogs and the desktop opener; tests put fakes in ``context.extra``."""
    from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs

    dialogs = context.extra.get("file_dialogs")
    opener = context.extra.get("opener")
    return (
        dialogs if isinstance(dialogs, FileDialogs) else FileDialogs(),
        opener if isinstance(opener, DesktopOpener) else DesktopOpener(),
    )


def _remove_old_demo_stores(parent: Path) -> None:
    """Demo stores left by a demo that was killed: removed unless another demo has them open."""
    from rrdesk.storage.errors import StoreError as LockError
    from rrdesk.storage.lock_file import StoreLock

    if not parent.is_dir():
        return
    for folder in parent.iterdir():
        store = folder / "demo.rrdesk"
        if not folder.is_dir() or not store.exists():
            continue
        lock = StoreLock(store)
        try:
            lock.acquire()
        except LockError:
            continue
        lock.release()
        shutil.rmtree(folder, ignore_errors=True)


def _demo_session(today: date) -> tuple[Session, Path]:
    from rrdesk.services.platform.locations import data_folder

    _remove_old_demo_stores(data_folder() / "demo")
    folder = data_folder() / "demo" / secrets.token_hex(6)
    folder.mkdir(parents=True, exist_ok=False)
    created = store_access.create_store(
        folder / "demo.rrdesk",
        partnership="Northmoor Safeguarding Children Partnership (demo: all fictional)",
        owner="Rory Penhallow (demo coordinator)",
        passphrase=secrets.token_urlsafe(24),
        profile="tower-hamlets",
    )
    from rrdesk.demo.cases import add_demo_data
    from rrdesk.services.partnership.signing_service import SigningService

    SigningService(created.session).ensure_identity(_local_now())
    add_demo_data(created.session, today=today)
    return created.session, folder


def _ready_to_ask() -> None:
    """Before a window asks the person something, while starting: the garbage collector runs
    again (start-up holds it back, ``cli.main``) and the house style is on (``run_app`` makes
    the application unstyled, to style the main window as it is shown)."""
    from PySide6.QtWidgets import QApplication

    from rrdesk.ui.shell.application import apply_house_style

    gc.enable()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_house_style(app)


def _open_store(
    path: Path, messages: Messages, secret_store: SecretStore, runner: TaskStarter
) -> Session | None:
    while not store_access.store_exists(path):
        folder_was_there = path.parent.is_dir()
        try:
            store_access.make_store_folder(path)
        except StoreError as error:  # a drive not connected, say
            session, retry = _store_problem(path, error, messages, runner)
            if not retry:
                return session
            continue
        made = _set_up_store(path, messages, secret_store, runner)
        if made is None and not folder_was_there:
            with contextlib.suppress(OSError):  # set-up left: the folder it made goes, if empty
                path.parent.rmdir()
        return made
    from rrdesk.services.store.sync_folders import location_problem

    problem = location_problem(path)
    if problem:
        _ready_to_ask()
        messages.error(None, "The store is in an unsafe place", problem)
    while True:
        try:
            # A key remembered on this computer that cannot be used is a notice (the person
            # types the passphrase instead); anything raised is about the store itself.
            session, notice = store_access.unlock_with_remembered_key(path, secret_store)
            if session is None:  # about to ask for the passphrase: first, could it help?
                store_access.check_before_unlock(path)
            break
        except StoreError as error:  # no passphrase would get past it
            restored, retry = _store_problem(path, error, messages, runner)
            if not retry:
                return restored
    if session is not None:
        return session
    _ready_to_ask()
    from rrdesk.ui.store.unlock_dialog import UnlockDialog

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
    if unlock.problem is not None:
        return _store_problem(path, unlock.problem, messages, runner)[0]
    return unlock.session


def _set_up_store(
    path: Path, messages: Messages, secret_store: SecretStore, runner: TaskStarter
) -> Session | None:
    """The first run on ``path``: the set-up screen; the new store, open, or ``None``."""
    _ready_to_ask()
    from rrdesk.services.timetable.profile_catalogue import load_profiles
    from rrdesk.ui.store.setup_dialog import SetupDialog

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
    if setup.session is not None:
        from rrdesk.services.partnership.signing_service import SigningService

        SigningService(setup.session).ensure_identity(_local_now())
    if setup.keyring_message:
        messages.info(None, "Not remembered on this computer", setup.keyring_message)
    return setup.session


def _store_problem(
    path: Path, problem: StoreError, messages: Messages, runner: TaskStarter
) -> tuple[Session | None, bool]:
    """Say why the store cannot be opened and, where a backup is the way past it, offer one."""
    _ready_to_ask()
    from rrdesk.ui.store.store_problem_dialog import ask_past_store_problem

    return ask_past_store_problem(path, problem, messages=messages, runner=runner)


def run_app(*, store: Path | None, demo: bool) -> int:
    """Start the app: set up or unlock the store, then the main window. When the app is closed
    and everything is saved, the process ends here (:func:`end_process`)."""
    from rrdesk.services.platform.logging_setup import configure_logging, install_crash_logging
    from rrdesk.ui.shell.application import (
        apply_house_style,
        build_qt_namespace,
        end_process,
        make_application,
        run_event_loop,
        set_start_up_aside,
        take_back_start_up,
        window_settings,
    )
    from rrdesk.ui.shell.messages import Messages
    from rrdesk.ui.shell.tasks import TaskRunner

    configure_logging()
    install_crash_logging()
    app = make_application(styled=False)  # styled as the first window is shown
    messages = Messages()
    runner = TaskRunner()
    demo_folder: Path | None = None
    secret_store: SecretStore
    if demo:
        secret_store = MemorySecretStore()
        session, demo_folder = _demo_session(date.today())
    else:
        from rrdesk.services.platform.locations import default_store_path

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
        backups_folder=(demo_folder / "backups") if demo_folder else None,
    )
    window = build_main_window(context)
    apply_house_style(app)

    def rebuild(new_session: Session) -> MainWindow:
        context.session = new_session
        take_back_start_up()  # what the locked window held can go
        new_window = build_main_window(context)
        new_window.when_on_screen(set_start_up_aside)
        new_window.show()
        return new_window

    protections: list[Protection] = []

    def protect() -> None:
        """Locking and rolling backups, installed as soon as the window is first painted."""
        from rrdesk.ui.store.protection import install_protection

        if not session.is_open:  # rrdesk ended before the window was on screen
            return
        protections.append(
            install_protection(
                window,
                session,
                rebuild=rebuild,
                messages=messages,
                backups_folder=context.backups_folder,
                runner=runner,
            )
        )

    window.when_on_screen(protect)
    window.when_on_screen(build_qt_namespace)
    window.when_on_screen(set_start_up_aside)
    window.show()
    try:
        code = run_event_loop(app)
    finally:
        context.runner.wait()
        if protections:
            protections[0].stop()
        elif session.is_open:  # closed before it was first on screen
            with contextlib.suppress(StoreError):
                session.close()
        if demo_folder is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(demo_folder)
    return end_process(app, code, context.settings)
