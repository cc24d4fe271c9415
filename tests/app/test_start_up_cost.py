"""What start-up does before the main window is first painted: ``tests/bench/bench_startup.py``
measures how long it takes; this keeps a known cost out of it."""

from __future__ import annotations

from pathlib import Path

from tests.bench.bench_startup import WATCH_THE_EVENT_LOOP
from tests.fresh_python import fresh_python, own_folders

# rrdesk's start on the demo store, printing whether PySide6's Qt namespace has been built as the
# main window is first painted, and once what waits for it to be on screen is done; then it ends.
START_UP = (
    WATCH_THE_EVENT_LOOP
    + """
import os


def on_event_loop(app):
    global watch
    from PySide6.QtCore import QEvent, QObject, QTimer

    def namespace():
        built = "Qt" in vars(sys.modules["PySide6.QtCore"])
        return "qt-namespace" if built else "no-qt-namespace"

    def painted():
        print(namespace())  # as the window is first painted
        QTimer.singleShot(0, afterwards)

    def afterwards():
        print(namespace())  # once what waits for the window being on screen is done
        sys.stdout.flush()
        os._exit(0)

    class Watch(QObject):  # QEvent.Type is QEvent's own enumeration, not the namespace's
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    watch = Watch()
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    shown[0].installEventFilter(watch)


from rrdesk.cli import main
sys.exit(main(["--demo"]))
"""
)


def test_the_first_window_is_painted_without_building_qts_namespace(tmp_path: Path) -> None:
    at_paint, afterwards = fresh_python(START_UP, **own_folders(tmp_path))
    assert at_paint == "no-qt-namespace", (
        "Start-up named PySide6's Qt namespace before the first paint, which builds all of its "
        "enumerations (see rrdesk/ui/kit/item_roles.py)"
    )
    # Built just after, so that PySide6 can hand its values to Python from then on.
    assert afterwards == "qt-namespace"
