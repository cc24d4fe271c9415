"""Tab through the Directory's form goes where a person expects, one box at a time: from the table
straight to Name (the form's scroll area is no stop of its own, where the keyboard would show
nowhere), down the form in the order it reads, then Save person, Add a new person and, for a
person already saved, Remove from the directory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.directory_widget import DirectoryWidget
from tests.fakes import RecordingMessages


def _tab_stops(widget: DirectoryWidget) -> list[QWidget]:
    """The widgets Tab stops at, from the table on, in the order Tab takes them."""
    stops: list[QWidget] = []
    current = widget.table.nextInFocusChain()
    while current is not widget.table and current is not widget:
        if (
            current.focusPolicy() & Qt.FocusPolicy.TabFocus
            and current.isVisibleTo(widget)
            and current.isEnabled()
            and current.focusProxy() is None
        ):
            stops.append(current)
        current = current.nextInFocusChain()
    return stops


def _directory_on_screen(qtbot: QtBot, session: Session) -> DirectoryWidget:
    """The Directory at the width it has beside the sections on a 1024 by 768 screen."""
    widget = DirectoryWidget(DirectoryService(session), RecordingMessages())
    qtbot.addWidget(widget)
    widget.resize(814, 700)
    widget.show()
    return widget


def test_tab_goes_from_the_table_down_the_form_to_save_person(
    qtbot: QtBot, session: Session
) -> None:
    widget = _directory_on_screen(qtbot, session)
    expected = [
        widget.name,
        widget.agency,
        widget.role,
        widget.email,
        widget.phone,
        widget.on_panel,
        widget.voting,
        widget.substitute_for,
        widget.executive,
        widget.save_button,
        widget.new_button,
    ]
    assert _tab_stops(widget) == expected
    assert widget.editor_scroll.focusPolicy() == Qt.FocusPolicy.NoFocus

    widget.name.setText("Dana Okafor")
    widget.agency.setCurrentText("Northmoor Police")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in session.directory.members()] == ["Dana Okafor"]
    assert _tab_stops(widget) == [*expected, widget.remove_button]


def test_a_click_between_the_boxes_leaves_the_keyboard_where_it_was(
    qtbot: QtBot, session: Session
) -> None:
    widget = _directory_on_screen(qtbot, session)
    with qtbot.waitActive(widget):
        widget.activateWindow()
    widget.role.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.role)
    viewport = widget.editor_scroll.viewport()
    gap = widget.form_heading.mapTo(viewport, widget.form_heading.rect().topRight())
    gap.setX(viewport.width() - 4)  # right of the heading, in the form's margin
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=gap)
    assert QApplication.focusWidget() is widget.role
