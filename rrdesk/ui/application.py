"""The QApplication: names, style and the house stylesheet."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from rrdesk import __version__
from rrdesk.resource_files import resource


def make_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("rrdesk")
    QCoreApplication.setApplicationName("rrdesk")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    apply_house_style(app)
    return app


def apply_house_style(app: QApplication) -> None:
    app.setStyleSheet(resource("style.qss").read_text(encoding="utf-8"))


def window_settings() -> QSettings:
    """Where window sizes are remembered. Holds no case data."""
    return QSettings("rrdesk", "rrdesk")


def run_event_loop(app: QApplication) -> int:
    return int(app.exec())
