"""The Directory in the room a 1024 by 768 screen leaves beside the sections list: the people
table shows who each person is (Name and Agency) whole beside the form, and at 1366 by 768 their
Role and Email too; the rest of a row is a sideways scroll away, and all of it is in the form
once the row is chosen, each box showing the beginning of its words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.directory import Member
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.directory_widget import COLUMNS, DirectoryWidget
from tests.builders import add_directory
from tests.fakes import RecordingMessages
from tests.ui.table_geometry import right_edge

SECTIONS_LIST = 210  # the sections list at the window's left
SMALL_SCREEN = (1024 - SECTIONS_LIST, 700)
LAPTOP = (1366 - SECTIONS_LIST, 700)


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize(
    ("size", "whole"),
    [(SMALL_SCREEN, ("Name", "Agency")), (LAPTOP, ("Name", "Agency", "Role", "Email"))],
    ids=["1024", "1366"],
)
def test_the_people_table_shows_its_first_columns_whole_beside_the_form(
    qtbot: QtBot, session: Session, size: tuple[int, int], whole: tuple[str, ...]
) -> None:
    add_directory(session)
    widget = DirectoryWidget(DirectoryService(session), RecordingMessages())
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    table = widget.table
    assert table.rowCount() > 0
    visible = table.viewport().width()
    for name in whole:
        column = COLUMNS.index(name)
        assert right_edge(table, column) <= visible, (name, right_edge(table, column), visible)
    assert widget.editor_scroll.width() >= 300  # the form keeps room for its boxes


LONG_AGENCY = "Northmoor Police Public Protection Unit and Multi-Agency Safeguarding Hub"


@pytest.mark.usefixtures("styled")
def test_a_person_chosen_shows_the_beginning_of_words_longer_than_their_boxes(
    qtbot: QtBot, session: Session
) -> None:
    directory = DirectoryService(session)
    directory.save_member(
        Member(
            "Rhiannon Aberconwy-Pendragon-Fictional",
            LONG_AGENCY,
            "Detective Inspector, Public Protection and Safeguarding Investigations",
            email="rhiannon.aberconwy-pendragon-fictional@northmoor-police.example",
        )
    )
    widget = DirectoryWidget(directory, RecordingMessages())
    qtbot.addWidget(widget)
    widget.resize(*SMALL_SCREEN)
    widget.show()
    qtbot.waitExposed(widget)

    _click_person(qtbot, widget, "Rhiannon Aberconwy-Pendragon-Fictional")
    agency = widget.agency_edit
    assert agency.text() == LONG_AGENCY
    assert agency.fontMetrics().horizontalAdvance(LONG_AGENCY) > agency.width()  # it overflows
    boxes = (widget.name, agency, widget.role, widget.email)
    assert [box.cursorPosition() for box in boxes] == [0, 0, 0, 0]
    assert agency.cursorRect().left() < agency.fontMetrics().averageCharWidth() * 2  # its start

    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)  # saved, the form filled anew
    assert [box.cursorPosition() for box in boxes] == [0, 0, 0, 0]


def _click_person(qtbot: QtBot, widget: DirectoryWidget, name: str) -> None:
    table = widget.table
    items = [table.item(row, 0) for row in range(table.rowCount())]
    (item,) = [item for item in items if item is not None and item.text() == name]
    table.scrollToItem(item)
    centre = table.visualItemRect(item).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
