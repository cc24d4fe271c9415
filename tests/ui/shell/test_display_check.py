"""The self-test's display check: Qt starts with the platform plugin and draws a window."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rrdesk.keystore import MemorySecretStore
from rrdesk.services.platform.selftest import SelftestRun, run_check
from rrdesk.ui.shell import display_check
from rrdesk.ui.shell.display_check import DISPLAY_CHECK, platform_name


@pytest.fixture
def run(tmp_path: Path, today: date) -> SelftestRun:
    return SelftestRun(tmp_path, MemorySecretStore(), today, datetime(2026, 11, 22, tzinfo=UTC))


def test_the_display_check_draws_a_window(qtbot: QtBot, run: SelftestRun) -> None:
    result = run_check(DISPLAY_CHECK, run)

    assert result.label == "PASS", result.detail
    assert "'offscreen' display plugin" in result.detail


def test_a_missing_platform_plugin_fails_before_qt_can_stop_the_process(
    qtbot: QtBot, run: SelftestRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(display_check, "platform_name", lambda: "no-such-platform")

    result = run_check(DISPLAY_CHECK, run)

    assert result.label == "FAIL"
    assert "'no-such-platform' display plugin is missing" in result.detail


@pytest.mark.parametrize(
    ("environment", "platform", "expected"),
    [
        pytest.param({"QT_QPA_PLATFORM": "offscreen"}, "linux", "offscreen", id="chosen"),
        pytest.param({}, "win32", "windows", id="Windows"),
        pytest.param({"DISPLAY": ":0"}, "linux", "xcb", id="X11"),
        pytest.param({"WAYLAND_DISPLAY": "wayland-0"}, "linux", "wayland", id="Wayland"),
        pytest.param({}, "linux", "offscreen", id="no display"),
    ],
)
def test_the_platform_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], platform: str, expected: str
) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(display_check.sys, "platform", platform)

    assert platform_name() == expected
