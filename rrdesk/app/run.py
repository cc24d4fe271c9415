"""Starting the app: the store opened, then the main window, locking and backups; the process
ends when the app is closed and everything is saved."""

from __future__ import annotations

import contextlib
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.app.context import AppContext, local_now
from rrdesk.app.window import build_main_window
from rrdesk.keystore import KeyringSecretStore, MemorySecretStore, SecretStore
from rrdesk.services.store.session import Session
from rrdesk.storage.errors import StoreError

if TYPE_CHECKING:
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.store.protection import Protection


def run_app(*, store: Path | None, demo: bool) -> int:
    """Start the app: set up or unlock the store, then the main window. When the app is closed
    and everything is saved, the process ends here (:func:`end_process`)."""
    from rrdesk.services.platform.logging_setup import (
        configure_logging,
        end_crash_trace,
        install_crash_logging,
        start_crash_trace,
    )
    from rrdesk.ui.kit.wheel_guard import guard_wheel_edits
    from rrdesk.ui.shell.application import (
        apply_house_style,
        build_qt_namespace,
        end_process,
        freeze_start_up_objects,
        make_application,
        run_event_loop,
        unfreeze_start_up_objects,
        window_settings,
    )
    from rrdesk.ui.shell.crash_handling import install_crash_handling
    from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
    from rrdesk.ui.shell.messages import Messages
    from rrdesk.ui.shell.seams import Seams
    from rrdesk.ui.shell.tasks import TaskRunner

    logs = configure_logging().parent
    start_crash_trace(logs)  # a crash inside Qt or a library leaves its Python stacks there
    install_crash_logging()
    app = make_application(styled=False)  # styled as the first window is shown
    install_crash_handling(app)  # a bug from here on is logged and shown, not silent
    seams = Seams(
        messages=Messages(),
        runner=TaskRunner(),
        dialogs=FileDialogs(),
        opener=DesktopOpener(),
        today=date.today,
        now=local_now,
    )
    demo_folder: Path | None = None
    secret_store: SecretStore
    if demo:
        secret_store = MemorySecretStore()
        from rrdesk.app.demo import demo_session

        session, demo_folder = demo_session(seams.today())
    else:
        from rrdesk.app.opening import open_store
        from rrdesk.services.platform.locations import default_store_path

        secret_store = KeyringSecretStore()
        opened = open_store(store or default_store_path(), seams, secret_store)
        if opened is None:
            end_crash_trace()
            return 0
        session = opened
    context = AppContext(
        session=session,
        secret_store=secret_store,
        messages=seams.messages,
        runner=seams.runner,
        dialogs=seams.dialogs,
        opener=seams.opener,
        today=seams.today,
        now=seams.now,
        settings=window_settings(),
        demo=demo,
        backups_folder=(demo_folder / "backups") if demo_folder else None,
    )
    window = build_main_window(context)
    if not demo:  # the seal's check and the count of openings, once the window is on screen
        from rrdesk.app.opening import finish_opening

        finish_opening(session, window, seams)
    apply_house_style(app, guard_wheel=False)  # the guard once the window is on screen

    def rebuild(new_session: Session) -> MainWindow:
        context.session = new_session
        unfreeze_start_up_objects()  # what the locked window held can go
        new_window = build_main_window(context)
        new_window.when_on_screen(freeze_start_up_objects)
        new_window.show()
        return new_window

    protections: list[Protection] = []

    def load_case_tabs_code(owner: MainWindow) -> None:
        """The code of a case's tabs, loaded in the moments after the first paint."""
        from rrdesk.ui.cases import tab_code

        tab_code.load_case_tabs_code(owner)

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
                messages=seams.messages,
                backups_folder=context.backups_folder,
                runner=seams.runner,
                files=seams.dialogs,
                now=seams.wall_clock,
            )
        )

    window.when_on_screen(protect)
    window.when_on_screen(lambda: guard_wheel_edits(app))
    window.when_on_screen(build_qt_namespace)
    window.when_on_screen(freeze_start_up_objects)
    window.when_on_screen(lambda: load_case_tabs_code(window))

    def tell_of_a_hard_end() -> None:
        """If the last run ended hard, said once the window is on screen."""
        from rrdesk.ui.shell.crash_notice import tell_if_the_last_run_ended_hard

        tell_if_the_last_run_ended_hard(window, seams.messages, logs)

    window.when_on_screen(tell_of_a_hard_end)
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
    end_crash_trace()  # ending well: what the trace holds is no hard end
    return end_process(app, code, context.settings)
