"""The self-test's display check: can Qt start here and draw rrdesk's window?

Qt stops the whole process, with no chance to report, when its platform plugin is missing, so
the plugin file is looked for first and its absence reported as a failure. PySide6 is imported
only when the check runs, so the command line stays quick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rrdesk.services.platform.selftest import CheckFailed, SelftestCheck, SelftestRun


def platform_name() -> str:
    """The Qt platform plugin this process will use."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen:
        return chosen
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    if os.environ.get("DISPLAY"):
        return "xcb"
    return "offscreen"


def check_display(run: SelftestRun) -> str:
    from PySide6.QtCore import QLibraryInfo, qVersion
    from PySide6.QtWidgets import QApplication, QLabel

    from rrdesk.ui.shell.application import apply_house_style

    name = platform_name()
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    found = [item.name for item in plugins.glob("*") if name in item.name.lower()]
    if not found:
        raise CheckFailed(
            f"Qt's '{name}' display plugin is missing from {plugins}: the installation is "
            "incomplete, or antivirus removed a file. Reinstall rrdesk"
        )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "rrdesk", "-platform", name])
    apply_house_style(app)
    label = QLabel("rrdesk self-test")
    label.adjustSize()
    picture = label.grab()
    label.deleteLater()
    if picture.isNull():
        raise CheckFailed(f"Qt {qVersion()} started but could not draw a window")
    return (
        f"Qt {qVersion()} started with the '{app.platformName()}' display plugin and drew a window"
    )


DISPLAY_CHECK = SelftestCheck("Display", check_display)
