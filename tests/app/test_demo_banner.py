"""The demo explains itself: its banner says the store is fictional and gives the passphrase
that unlocks it once it locks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from rrdesk.app import build_main_window
from rrdesk.app.demo import demo_session
from rrdesk.services.store import store_access


def test_the_demo_banner_gives_the_passphrase_that_unlocks_it(  # type: ignore[no-untyped-def]
    qtbot, context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    session, folder = demo_session(today)
    assert folder.is_relative_to(tmp_path)
    window = build_main_window(replace(context, session=session, demo=True))
    qtbot.addWidget(window)
    banner = window.banner.text()
    assert banner.startswith("Demo store: every person, child and case here is fictional.")
    passphrase = banner.split("its passphrase is: ", 1)[1]
    assert passphrase == f"demo {folder.name}"
    path = session.path
    session.close()
    reopened = store_access.unlock_with_passphrase(path, passphrase)
    assert reopened.partnership.startswith("Northmoor")
    reopened.close()
