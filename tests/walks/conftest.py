"""Walks: rrdesk used as a person uses it, in a real window with real input (see walker.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.walks.walker import Walker, require_programs


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if f"{Path('tests', 'walks')}" in str(item.path):
            item.add_marker(pytest.mark.walk)


@pytest.fixture
def walker(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Walker]:
    require_programs()
    size = getattr(request, "param", "1366x768")
    walking = Walker(tmp_path, size)
    yield walking
    walking.stop()
