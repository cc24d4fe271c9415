"""Start-up to a painted main window on a 200-case store, against a bare PySide6 QMainWindow.

Each side runs in a fresh process, started the same way, several times. Targets: rrdesk at most
1.5 times the wall time and at most 2 times the peak memory of the bare window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 9

# Every side ends the same way: once the window is shown, report when the first paint is done
# and the peak memory, then quit.
PAINTED = """
def painted():
    print(time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""

BARE = (
    """
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
"""
    + PAINTED
)

# Not a target: the same kinds of widgets as rrdesk's first screen (house style, a navigation list,
# a sortable 200-row table, a menu of shortcuts) with no store and no rrdesk code, to show how much
# of the time is Qt's own.
QT_WIDGETS = (
    """
import resource, sys, time
from PySide6.QtCore import QTimer, Qt, QAbstractTableModel, QSortFilterProxyModel
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QListWidget, QMainWindow,
                               QStackedWidget, QTableView, QWidget)
app = QApplication(sys.argv[:1])
app.setStyle("Fusion")
app.setStyleSheet(open({style!r}, encoding="utf-8").read())
class Rows(QAbstractTableModel):
    def rowCount(self, parent=None): return 200
    def columnCount(self, parent=None): return 5
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole: return f"RR-2026-{{index.row():03d}}"
        return None
window = QMainWindow()
central = QWidget()
layout = QHBoxLayout(central)
nav = QListWidget()
for title in "Cases Board Directory Audit Settings Backups Calendar Forms Actions Themes".split():
    nav.addItem(title)
layout.addWidget(nav)
stack = QStackedWidget()
view = QTableView()
proxy = QSortFilterProxyModel()
rows = Rows()
proxy.setSourceModel(rows)
view.setModel(proxy)
view.setSortingEnabled(True)
stack.addWidget(view)
layout.addWidget(stack)
window.setCentralWidget(central)
menu = window.menuBar().addMenu("File")
for number in range(16):
    action = QAction(f"Action {{number}}", window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    menu.addAction(action)
window.resize(1280, 800)
window.show()
"""
    + PAINTED
)

RRDESK = (
    """
import resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from rrdesk.keystore import MemorySecretStore
from rrdesk.services import store_access
from rrdesk.storage.key_slots import read_slots
secrets = MemorySecretStore()
path = Path({store!r})
secrets.save(store_access.keyring_account(read_slots(path)), bytes.fromhex({key!r}))
session, _ = store_access.unlock_with_remembered_key(path, secrets)
from PySide6.QtCore import QTimer
from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.application import make_application
from rrdesk.ui.messages import Messages
from rrdesk.ui.tasks import TaskRunner
app = make_application()
window = build_main_window(AppContext(session=session, secret_store=secrets, messages=Messages(),
                                      runner=TaskRunner()))
window.show()
"""
    + PAINTED
    + """
session.close()
"""
)


def run(code: str) -> tuple[float, int]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed rrdesk has its bytecode compiled (pip does it), so both sides may keep it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    painted_at, peak = done.stdout.split()
    del painted_at
    return time.perf_counter() - started, int(peak)


def make_store(folder: Path) -> tuple[Path, str]:
    sys.path.insert(0, str(ROOT))
    from datetime import date, timedelta

    from rrdesk.domain.cases import Case, Child, Stage
    from rrdesk.services import store_access
    from rrdesk.services.case_service import CaseService
    from rrdesk.services.demo_data import add_demo_data

    path = folder / "bench.rrdesk"
    created = store_access.create_store(
        path, partnership="Bench", owner="Bench", passphrase="lantern orchard pebble"
    )
    session = created.session
    today = date.today()
    add_demo_data(session, today=today)
    service = CaseService(session)
    stages = [Stage.NOTIFIED, Stage.COLLECTING_RETURNS, Stage.SENT_TO_NATIONAL_PANEL, Stage.CLOSED]
    for number in range(200 - session.cases.count()):
        service.add_case(
            Case(
                "",
                (Child(f"Child {number}"),),
                notification_sent=today - timedelta(days=number),
                stage=stages[number % len(stages)],
            ),
            today=today,
        )
    key = session.key_bytes().hex()
    session.close()
    return path, key


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        store, key = make_store(Path(folder))
        rrdesk_code = RRDESK.format(root=str(ROOT), store=str(store), key=key)
        run(BARE)  # warm-up: bytecode compiled and files in the disk cache, as after installing
        widgets_code = QT_WIDGETS.format(style=str(ROOT / "resources" / "style.qss"))
        run(rrdesk_code)
        run(widgets_code)
        bare, widgets, ours = [], [], []
        for _ in range(ROUNDS):  # interleaved, so a busy moment does not favour one side
            bare.append(run(BARE))
            widgets.append(run(widgets_code))
            ours.append(run(rrdesk_code))
    bare_time = statistics.median(t for t, _ in bare)
    widgets_time = statistics.median(t for t, _ in widgets)
    our_time = statistics.median(t for t, _ in ours)
    bare_peak = statistics.median(m for _, m in bare)
    our_peak = statistics.median(m for _, m in ours)
    time_ratio = our_time / bare_time
    memory_ratio = our_peak / bare_peak
    print(f"start-up to a painted main window, 200-case store (median of {ROUNDS})")
    print(f"  bare QMainWindow: {bare_time * 1000:.0f} ms, peak {bare_peak / 1024:.0f} MB")
    print(
        f"  the same Qt widgets, no rrdesk code or store (for comparison): "
        f"{widgets_time * 1000:.0f} ms, {widgets_time / bare_time:.2f} of the bare window"
    )
    print(f"  rrdesk:           {our_time * 1000:.0f} ms, peak {our_peak / 1024:.0f} MB")
    print(
        f"  wall time ratio {time_ratio:.2f} (target <= 1.5): "
        f"{'met' if time_ratio <= 1.5 else 'NOT met'}"
    )
    print(
        f"  peak memory ratio {memory_ratio:.2f} (target <= 2.0): "
        f"{'met' if memory_ratio <= 2.0 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
