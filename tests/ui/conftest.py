"""What the screens' tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from rrdesk.ui.shell.application import apply_house_style


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The house style applied, as in the app: its padding makes every cell's room smaller."""
    apply_house_style(qapp)
    yield
    qapp.setStyleSheet("")
