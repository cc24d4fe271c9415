"""GUI tests: the offscreen platform's notes that it cannot propagate size hints or raise a
window (a tooltip) are not faults."""

from __future__ import annotations

import pytest

OFFSCREEN_NOTES = "does not support (propagateSizeHints|raise)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTES))
