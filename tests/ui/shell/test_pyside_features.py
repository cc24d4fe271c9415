"""PySide6 is told up front that rrdesk's modules choose no switches, so it reads no source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SNAKE_CASE_MODULE = """
from __feature__ import snake_case  # noqa: F401
from PySide6.QtWidgets import QWidget


def names():
    widget = QWidget()
    return hasattr(widget, "size_hint"), hasattr(widget, "sizeHint")
"""

CHECK = """
import linecache, sys
from rrdesk.ui.shell import application

app = application.make_application()
import rrdesk.ui.cases.case_list_widget, rrdesk.ui.shell.main_window
import snake_case_module
from PySide6.QtWidgets import QWidget

read = sorted(n for n in linecache.cache if "case_list_widget" in n or "main_window" in n)
print(read)
print(snake_case_module.names(), hasattr(QWidget(), "sizeHint"), hasattr(QWidget(), "size_hint"))
"""


def test_no_source_is_read_and_a_module_may_still_choose_a_switch(tmp_path: Path) -> None:
    (tmp_path / "snake_case_module.py").write_text(SNAKE_CASE_MODULE, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    read, names = done.stdout.splitlines()
    assert read == "[]"
    # The module that chose snake_case gets it; rrdesk's own code keeps Qt's names.
    assert names == "(True, False) True False"
