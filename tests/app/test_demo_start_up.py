"""Starting the real app on the demo store, as ``rrdesk --demo`` does: the garbage collector
waits while it starts, the window is styled as it is shown, and locking is in place once it is
on screen. The demo is the one store that opens without asking anything, so these start it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fresh_python import fresh_python, own_folders


def test_the_collector_waits_while_the_app_starts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gc

    import rrdesk.app
    from rrdesk.cli import main

    seen: list[bool] = []
    monkeypatch.setattr(rrdesk.app, "run_app", lambda **_options: seen.append(gc.isenabled()) or 0)
    assert main(["--demo"]) == 0
    assert seen == [False]
    assert gc.isenabled()  # and runs again when run_app returns, however it ends

    def fails(**_options: object) -> int:
        raise RuntimeError("start-up went wrong")

    monkeypatch.setattr(rrdesk.app, "run_app", fails)
    with pytest.raises(RuntimeError):
        main(["--demo"])
    assert gc.isenabled()


START = """
import gc, sys
import rrdesk.ui.shell.application as application

run = application.run_event_loop


def watched(app):
    window = next(w for w in app.topLevelWidgets() if w.isVisible())
    print("shown styled:", app.styleSheet() == application.house_style_sheet())
    print("collector as shown:", gc.isenabled())
    window.when_on_screen(lambda: print("collector on screen:", gc.isenabled()))
    window.when_on_screen(app.quit)
    return run(app)


application.run_event_loop = watched
from rrdesk.cli import main

sys.exit(main(["--demo"]))
"""


def test_the_main_window_is_styled_as_it_is_shown_and_the_collector_runs_once_on_screen(
    tmp_path: Path,
) -> None:
    shown = fresh_python(START, **own_folders(tmp_path))
    assert shown == [
        "shown styled: True",
        "collector as shown: False",
        "collector on screen: True",
    ]


def test_locking_is_in_place_once_the_window_is_on_screen_and_the_store_closed_at_the_end(
    qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    import rrdesk.app.run
    from rrdesk.services.store.session import Session
    from rrdesk.ui.kit.wheel_guard import GUARD_NAME, WheelGuard
    from rrdesk.ui.shell import application
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.store import protection

    sessions: list[Session] = []
    real_build = rrdesk.app.run.build_main_window
    real_install = protection.install_protection
    installed: list[object] = []

    def install(window, session, **options):  # type: ignore[no-untyped-def]
        assert window.isVisible()  # once the window is on screen
        installed.append(real_install(window, session, **options))
        return installed[-1]

    built: list[MainWindow] = []

    def build(context):  # type: ignore[no-untyped-def]
        sessions.append(context.session)
        built.append(real_build(context))
        return built[-1]

    def event_loop(app: QApplication) -> int:
        (window,) = built  # windows other tests left behind are not this one
        assert window in app.topLevelWidgets()
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: bool(installed))
        # the wheel guard too, once the window is on screen (not before: it slowed the first paint)
        qtbot.waitUntil(lambda: app.findChild(WheelGuard, GUARD_NAME) is not None)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.centralWidget().objectName() == "locked_screen"
        # locked: the store closed, and once its seal is made on the runner, the key gone from
        # memory and the store let go
        qtbot.waitUntil(lambda: not sessions[0].is_open)
        return 0

    monkeypatch.setattr(rrdesk.app.run, "build_main_window", build)
    monkeypatch.setattr(protection, "install_protection", install)
    monkeypatch.setattr(application, "run_event_loop", event_loop)
    monkeypatch.setattr(application, "freeze_start_up_objects", lambda: None)
    monkeypatch.setattr(application, "end_process", lambda app, code, settings=None: code)
    assert rrdesk.app.run_app(store=None, demo=True) == 0
    assert sessions
    assert not sessions[0].is_open
