"""The QApplication: names, style and the house stylesheet."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from rrdesk import __version__
from rrdesk.resource_files import resource
from rrdesk.ui.kit.wheel_guard import guard_wheel_edits


def make_application(*, styled: bool = True) -> QApplication:
    """The application, in the Fusion style and, unless ``styled`` is false, the house style.

    rrdesk's own start makes it unstyled and puts the house style on just before the first
    window is shown (:func:`apply_house_style`): with a stylesheet in force, Qt styles a widget
    again each time it or a part of the window holding it is moved into place as the window is
    built, which took about a tenth of start-up; styled when first shown, each is styled once.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("rrdesk")
    QCoreApplication.setApplicationName("rrdesk")
    QCoreApplication.setApplicationVersion(__version__)
    # The same look on every computer. Named as the application is made, so the operating
    # system's own style is never made only to be replaced.
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    if styled:
        apply_house_style(app)
    return app


def house_style_sheet() -> str:
    """The house stylesheet, ``resources/style.qss``, naming where its images are."""
    sheet = resource("style.qss").read_text(encoding="utf-8")
    folder = resource()
    if isinstance(folder, Path):  # always, unless rrdesk is run from a zip file (no images then)
        sheet = sheet.replace("@resources@", folder.resolve().as_posix())
    return sheet


def apply_house_style(app: QApplication, *, guard_wheel: bool = True) -> None:
    """The house stylesheet on ``app``, and the mouse wheel kept from changing a drop-down or
    spin box the pointer only passes over; nothing is done if they are on already.

    Start-up leaves the wheel guard (``guard_wheel=False``) until the first window is on
    screen: the guard watches every event, which made the first paint some 40 ms later, and
    nobody turns a wheel over a window not yet shown (see docs/startup.md)."""
    sheet = house_style_sheet()
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    if guard_wheel:
        guard_wheel_edits(app)


def window_settings() -> QSettings:
    """Where window sizes are remembered. Holds no case data."""
    return QSettings("rrdesk", "rrdesk")


def build_qt_namespace() -> None:
    """Build PySide6's ``Qt`` namespace, every one of its enumerations, once the main window is
    on screen. Start-up leaves it until then, as it takes some 15 milliseconds (see
    :mod:`rrdesk.ui.kit.item_roles`); but until it is built, PySide6 cannot hand one of its
    values to Python (a signal's argument, say: a TypeError, and the slot is not called)."""
    from PySide6 import QtCore

    QtCore.Qt.AlignmentFlag.AlignLeft.value  # noqa: B018 (naming it builds it)


def freeze_start_up_objects() -> None:
    """Collect what is garbage, then freeze every object left (``gc.freeze``) and start the
    garbage collector again (start-up holds it back: ``cli.main``). Called once the main window
    is on screen.

    Everything made at start-up (modules, classes, the main window) lives until rrdesk closes or
    locks. Frozen, it is left out of the collector's full passes, so those passes stay short and
    a long check (a 1 MB paste, say) does not stall the window while the collector looks over it
    all again. After an unlock, :func:`unfreeze_start_up_objects` lets what the old window held
    be collected, and this is called again once the new window is on screen.
    """
    gc.collect()
    gc.freeze()
    gc.enable()


def unfreeze_start_up_objects() -> None:
    """Return what :func:`freeze_start_up_objects` froze to the garbage collector's care."""
    gc.unfreeze()


def run_event_loop(app: QApplication) -> int:
    return int(app.exec())


def end_process(app: QApplication, code: int, settings: QSettings | None = None) -> NoReturn:
    """End rrdesk once everything is saved and closed.

    Python and Qt tidy up at exit object by one object and module by module, which takes longer
    than starting and has nothing left to save. So the window settings are written, the log and
    the output flushed, and the application deleted (Qt hands over anything on the clipboard),
    and the process ends at once.
    """
    if settings is not None:
        settings.sync()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            # Closed, or a broken pipe: nothing more can be said.
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    from shiboken6 import Shiboken

    Shiboken.delete(app)
    os._exit(code)
