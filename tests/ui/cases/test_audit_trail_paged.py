"""The audit trail of a store with years of records: shown a page at a time, newest first, with
how many entries there are in all, and checked in full as background work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.store.session import Session
from rrdesk.ui.cases.audit_widget import AuditWidget
from rrdesk.ui.shell.tasks import TaskHandle, Work

ENTRIES = 2_100


def _record(session: Session, count: int) -> int:
    with session.db.transaction():
        for number in range(1, count + 1):
            session.record("store", "Noted", detail={"note": f"Entry {number}"})
    return session.audit.length()


def _what(audit: AuditWidget) -> list[str]:
    return [audit.table.item(row, 4).text() for row in range(audit.table.rowCount())]


class HeldRunner:
    """Background work that waits until the test lets it finish, as a slow check would."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], None]] = []
        self.watch: Callable[[], None] = lambda: None
        """Called after each report of progress has been shown."""

    def start(
        self,
        work: Work[Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        def report(done: int, total: int) -> None:
            if on_progress is not None:
                on_progress(done, total)
                self.watch()

        def finish() -> None:
            try:
                result = work(report, lambda: False)
            except BaseException as error:
                on_error(error)
            else:
                on_done(result)

        self.waiting.append(finish)
        return self

    def cancel(self) -> None:
        self.waiting.clear()

    def finish_all(self) -> None:
        while self.waiting:
            self.waiting.pop(0)()


def test_the_trail_shows_the_newest_page_and_then_older_ones(
    qtbot: QtBot, blank_context: AppContext, session: Session
) -> None:
    total = _record(session, ENTRIES)
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("audit")
    audit = window.section("audit")
    assert isinstance(audit, AuditWidget)
    assert audit.table.rowCount() == 500
    assert _what(audit)[:2] == [f"Noted: Entry {ENTRIES}", f"Noted: Entry {ENTRIES - 1}"]
    assert audit.shown.text() == (
        f"Showing the newest 500 of {total:,} entries. {total - 500:,} older entries are not "
        "shown yet."
    )
    assert audit.older_button.isVisible()
    assert audit.older_button.text() == "Show 500 older entries"

    qtbot.mouseClick(audit.older_button, Qt.MouseButton.LeftButton)
    assert audit.table.rowCount() == 1000
    assert _what(audit)[499:501] == [
        f"Noted: Entry {ENTRIES - 499}",
        f"Noted: Entry {ENTRIES - 500}",
    ]
    assert audit.shown.text().startswith(f"Showing the newest 1,000 of {total:,} entries.")

    for _ in range(3):
        qtbot.mouseClick(audit.older_button, Qt.MouseButton.LeftButton)
    assert audit.table.rowCount() == total
    assert audit.shown.text() == f"Showing all {total:,} entries, newest first."
    assert not audit.older_button.isVisible()
    assert _what(audit)[ENTRIES - 1] == "Noted: Entry 1"


def test_the_page_shown_stays_when_the_section_is_read_again(
    qtbot: QtBot, blank_context: AppContext, session: Session
) -> None:
    _record(session, 1_200)
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("audit")
    audit = window.section("audit")
    assert isinstance(audit, AuditWidget)
    qtbot.mouseClick(audit.older_button, Qt.MouseButton.LeftButton)
    _record(session, 1)
    window.show_section("cases")
    window.show_section("audit")
    assert audit.table.rowCount() == 1000
    assert _what(audit)[:2] == ["Noted: Entry 1", "Noted: Entry 1200"]


def test_the_check_runs_in_the_background_and_finds_a_changed_entry(
    qtbot: QtBot, session: Session
) -> None:
    total = _record(session, ENTRIES)
    runner = HeldRunner()
    audit = AuditWidget(session.audit, runner, dict)
    qtbot.addWidget(audit)
    audit.show()

    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    assert audit.result.text().startswith("Checking every entry")
    assert not audit.verify_button.isEnabled()
    runner.finish_all()
    assert audit.result.text() == f"The audit trail is whole: {total:,} entries checked."
    assert audit.verify_button.isEnabled()

    # A change made to the store outside rrdesk, to an entry far older than the page shown.
    changed = session.audit.entries()[99]
    with session.db.transaction():
        session.db.execute(
            "UPDATE audit SET detail = ? WHERE id = ?",
            ('{"note": "Entry rewritten"}', changed.entry_id),
        )
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    runner.finish_all()
    assert audit.result.text() == (
        "The audit trail has been altered: the first broken entry is number 100: this entry "
        "was changed after it was written."
    )
    assert audit.result.property("role") == "error"


def test_the_check_reads_a_page_at_a_time_and_says_how_far_it_has_got(
    qtbot: QtBot, session: Session
) -> None:
    total = _record(session, 11_000)
    runner = HeldRunner()
    audit = AuditWidget(session.audit, runner, dict)
    qtbot.addWidget(audit)
    shown: list[str] = []
    runner.watch = lambda: shown.append(audit.result.text())

    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    runner.finish_all()

    assert shown == [
        f"Checking every entry\u2026 5,000 of {total:,} checked. You can carry on working.",
        f"Checking every entry\u2026 10,000 of {total:,} checked. You can carry on working.",
        f"Checking every entry\u2026 {total:,} of {total:,} checked. You can carry on working.",
    ]
    assert audit.result.text() == f"The audit trail is whole: {total:,} entries checked."


def test_a_check_running_when_the_store_is_locked_still_finishes(
    qtbot: QtBot, session: Session
) -> None:
    total = _record(session, 10)
    runner = HeldRunner()
    audit = AuditWidget(session.audit, runner, dict)
    qtbot.addWidget(audit)
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    session.close()  # locked while the check reads, on a connection of its own
    runner.finish_all()
    assert audit.result.text() == f"The audit trail is whole: {total} entries checked."


def test_a_check_asked_for_on_a_locked_store_says_why_it_did_not_run(
    qtbot: QtBot, session: Session
) -> None:
    runner = HeldRunner()
    audit = AuditWidget(session.audit, runner, dict)
    qtbot.addWidget(audit)
    session.close()
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    assert audit.result.text().startswith("The check did not finish: The store is closed")
    assert audit.verify_button.isEnabled()
    assert runner.waiting == []
