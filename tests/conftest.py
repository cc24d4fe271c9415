"""Shared fixtures. Qt runs offscreen; the real keyring and the clock are never used."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 11, 22)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/ui as a GUI test so ``-m "not gui"`` is the fast loop."""
    for item in items:
        if f"{os.sep}tests{os.sep}ui{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "partnership.rrdesk"
