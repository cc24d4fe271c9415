"""The code of a case's tabs is loaded once the window is on screen, a module to each turn of
the event loop, so the first case opened does not wait for it."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rrdesk.ui.cases.tab_code import CASE_TABS_CODE, load_case_tabs_code
from tests.fresh_python import fresh_python


def test_every_module_named_is_there() -> None:
    missing = [name for name in CASE_TABS_CODE if importlib.util.find_spec(name) is None]
    assert missing == []


def test_the_modules_load_after_this_turn_and_a_missing_one_is_passed_over(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("colorsys", "netrc"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    owner = QWidget()
    qtbot.addWidget(owner)
    load_case_tabs_code(owner, ("rrdesk.ui.cases.no_such_tab", "colorsys", "netrc"))
    assert "colorsys" not in sys.modules  # nothing is loaded before the window is free
    qtbot.waitUntil(lambda: {"colorsys", "netrc"} <= set(sys.modules))


def test_after_it_showing_every_tab_of_a_case_loads_no_more_of_rrdesk_screens() -> None:
    lines = fresh_python(
        "import importlib\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from rrdesk.ui.cases.tab_code import CASE_TABS_CODE\n"
        "for name in CASE_TABS_CODE: importlib.import_module(name)\n"
        "from tests.ui.cases.case_tabs_shown import screens_loaded_by_showing_every_tab\n"
        "print('\\n'.join(screens_loaded_by_showing_every_tab()))\n"
    )
    assert [line for line in lines if line] == []
