"""Keeping the display awake degrades quietly where the platform offers no way."""

from __future__ import annotations

import sys

import pytest

from rrdesk.ui.board.display_awake import DisplayAwake


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="those platforms have a way")
def test_without_a_session_bus_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    awake = DisplayAwake()
    assert awake.acquire() is False
    awake.release()
    assert not awake.active
