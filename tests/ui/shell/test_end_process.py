"""Ending the process when rrdesk closes: what was said, logged and remembered is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ENDING = """
import logging, sys
from PySide6.QtCore import QSettings
from rrdesk.ui.shell.application import end_process, make_application
app = make_application()
settings = QSettings({settings!r}, QSettings.Format.IniFormat)
settings.setValue("main_window/geometry", "remembered")
handler = logging.FileHandler({log!r}, encoding="utf-8")
logging.getLogger("rrdesk").addHandler(handler)
logging.getLogger("rrdesk").warning("closing case 7")
print("said before the end", end="")
end_process(app, 3, settings)
print("never said")
"""


def test_the_process_ends_with_settings_logs_and_output_kept(tmp_path: Path) -> None:
    settings, log = tmp_path / "rrdesk.ini", tmp_path / "rrdesk.log"
    done = subprocess.run(
        [sys.executable, "-c", ENDING.format(settings=str(settings), log=str(log))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
    )
    assert done.returncode == 3
    assert done.stdout == "said before the end"
    assert "remembered" in settings.read_text(encoding="utf-8")
    assert log.read_text(encoding="utf-8") == "closing case 7\n"
