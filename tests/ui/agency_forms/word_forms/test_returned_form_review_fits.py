"""Checking a returned Word form on a 1024 by 768 screen as on a 1366 by 768 one: every cell of
the review's rows shown whole, each row as tall as its wrapped words, with no sideways
scrolling; and again when the dialog is made wider or narrower while it is on show."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from rrdesk.ui.agency_forms.word_forms.returned_form_review import (
    ReturnedFormReviewDialog,
    fitted_size,
)
from tests.builders import HEALTH
from tests.ui.agency_forms.word_forms.word_form_setup import (
    ACRONYMS,
    actions_on_host,
    returned_file,
    shown,
)
from tests.ui.table_geometry import cut_cells

SMALL_SCREEN = QSize(1024, 728)  # a 1024 by 768 screen less its taskbar
LAPTOP = QSize(1366, 728)


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
        assert cut_cells(table) == [], screen
