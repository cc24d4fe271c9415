"""What start-up does before the main window is first painted: ``tests/bench/bench_startup.py``
measures how long it takes; this keeps a known cost out of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Starts rrdesk on the demo store and prints whether PySide6's Qt namespace has been built as the
# main window is first painted, and once what waits for it to be on screen is done; then ends.
START_UP = """
import os, sys
from importlib.machinery import PathFinder


class WatchTheEventLoop:
    def find_spec(self, name, path=None, target=None):
        if name != "rrdesk.ui.application":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            run = module.run_event_loop

            def run_event_loop(app):
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

                class Watch(QObject):
                    def eventFilter(self, watched, event):
                        if event.type() == QEvent.Type.Paint:
                            watched.removeEventFilter(self)
                            QTimer.singleShot(0, painted)
                        return False

                watch = Watch()
                shown = [w for w in app.topLevelWidgets() if w.isVisible()]
                shown[0].installEventFilter(watch)
                return run(app)

            module.run_event_loop = run_event_loop

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, WatchTheEventLoop())
from rrdesk.cli import main
sys.exit(main(["--demo"]))
"""


def test_the_first_window_is_painted_without_building_qts_namespace(tmp_path: Path) -> None:
    # QEvent.Type, used above to see the paint, is QEvent's own enumeration, not the namespace.
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, "-c", START_UP],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    at_paint, afterwards = done.stdout.splitlines()
    assert at_paint == "no-qt-namespace", (
        "Start-up named PySide6's Qt namespace before the first paint, which builds all of its "
        "enumerations (see rrdesk/ui/item_roles.py)"
    )
    # Built just after, so that PySide6 can hand its values to Python from then on.
    assert afterwards == "qt-namespace"
