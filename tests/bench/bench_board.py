"""The countdown board with 1,000 open cases: refresh time as a share of one 60 Hz frame.

Measures, in a real encrypted store:
- the first refresh (every case's timetable and timeline built),
- a refresh with nothing changed (the usual case: the clock ticks, a signal arrives),
- a refresh after one case changed,
- the first refresh on a new day (every row recomputed, as at midnight),
- painting the visible rows' timeline strips.

Run: python tests/bench/bench_board.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, when not installed

from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.services.store.store_access import create_store
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.storage.keys import key_slots

CASES = 1_000
# PySide6 6.12 on Python 3.11 loses a reference to None (and sometimes True) on each call of a Qt
# method that returns nothing; thousands of refreshes would free None and crash the run. These
# extra references keep it alive for the benchmark (Python 3.12 and later never free None).
_KEEP_ALIVE = [None, True, False] * 300_000 if sys.version_info < (3, 12) else []
FRAME_SECONDS = 1 / 60
TODAY = date(2026, 11, 23)


def timed(label: str, work: Callable[[], object], repeat: int = 15) -> float:
    """Run ``work`` ``repeat`` times; print the best and the median; return the median."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    best, middle = min(times), statistics.median(times)
    print(
        f"{label}: median {middle * 1000:.2f} ms = {middle / FRAME_SECONDS:.2f} frames "
        f"(best {best * 1000:.2f} ms = {best / FRAME_SECONDS:.2f} frames)"
    )
    return middle


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from rrdesk.ui.board.board_widget import BoardWidget

    app = QApplication.instance() or QApplication([])
    key_slots.SCRYPT_N = 2**12
    folder = Path(tempfile.mkdtemp(prefix="rrdesk-bench-", dir=Path.cwd()))
    created = create_store(
        folder / "bench.rrdesk",
        partnership="Bench",
        owner="Bench",
        passphrase="bench lantern orchard pebble",
    )
    session = created.session
    try:
        with session.db.transaction():
            for number in range(CASES):
                case = Case(
                    reference=f"RR-2026-{number + 1:04d}",
                    children=(Child(f"Child {number}", "Fictional Name"),),
                    notification_sent=TODAY - timedelta(days=number % 21),
                    stage=Stage.COLLECTING_RETURNS,
                    profile="tower-hamlets",
                )
                session.cases.add(case)
        timetables = TimetableService(session)
        today = [TODAY]
        started = time.perf_counter()
        board = BoardWidget(timetables, today=lambda: today[0], now=datetime.now)
        board.resize(1600, 900)
        board.show()
        app.processEvents()
        first = time.perf_counter() - started
        print(f"First board with {CASES:,} cases (everything built): {first * 1000:.1f} ms")
        board.timer.stop()
        unchanged = timed("Refresh, nothing changed", board.refresh)

        def one_changed() -> None:
            case_id = board.rows[500].case_id
            timetables.invalidate(case_id)
            board.refresh()

        timed("Refresh after one case changed", one_changed)

        def new_day() -> None:
            today[0] = today[0] + timedelta(days=1)
            board.check_date()

        timed("First refresh on a new day (all rows recomputed)", new_day, repeat=3)

        def paint() -> None:
            board.page.viewport().repaint()  # the page on show, the table's rows in view in it

        timed("Painting the visible rows with their timeline strips", paint)
        print(
            "Ratio to one 60 Hz frame for a board refresh (median): "
            f"{unchanged / FRAME_SECONDS:.2f}"
        )
        board.close()
        board.deleteLater()
        app.processEvents()
    finally:
        session.close()
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
