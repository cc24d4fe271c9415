"""Checking a returned Word form on a 1024 by 768 screen as on a 1366 by 768 one: every cell of
the review's rows shown whole, each row as tall as its wrapped words, with no sideways
scrolling; and again when the dialog is made wider or narrower while it is on show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from rrdesk.ui.agency_forms.word_forms.returned_form_review import (
    ReturnedFormReviewDialog,
    fitted_size,
)
from rrdesk.ui.shell.application import apply_house_style
from tests.builders import HEALTH
from tests.ui.agency_forms.test_requests_table_fits import _cut_cells
from tests.ui.agency_forms.word_forms.word_form_setup import (
    ACRONYMS,
    actions_on_host,
    returned_file,
    shown,
)

SMALL_SCREEN = QSize(1024, 728)  # a 1024 by 768 screen less its taskbar
LAPTOP = QSize(1366, 728)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    apply_house_style(qapp)  # its padding makes every cell's room smaller
    yield
    qapp.setStyleSheet("")


@pytest.mark.usefixtures("styled")
def test_every_cell_of_the_review_is_shown_whole_at_1024_and_1366(
    qtbot, session, collecting, today, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id = collecting.case_id
    path = returned_file(session, case_id, HEALTH, today, tmp_path)
    actions, _messages, files, _ = actions_on_host(qtbot, session, case_id, today, tmp_path)
    files.open_answers = [path]
    actions.add_returned_form(HEALTH)
    review = shown(actions, ReturnedFormReviewDialog)
    table = review.table
    rows = review.row_texts()
    assert rows["How could a similar incident be prevented in the future?"][0] == ACRONYMS
    looks = rows["How could a similar incident be prevented in the future?"][2]
    assert len(looks) > 100, "the things to look at wrap onto several lines"

    for screen in (SMALL_SCREEN, LAPTOP, SMALL_SCREEN):
        size = fitted_size(screen)
        review.resize(size)
        QApplication.processEvents()
        assert (review.width(), review.height()) == (size.width(), size.height())
        assert table.horizontalScrollBar().maximum() == 0, screen
        assert _cut_cells(table) == [], screen
