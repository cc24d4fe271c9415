"""The programs the start-up benchmark times (``bench_startup.py``): the bare window, the
reference (the same first screen with none of rrdesk's own work) and rrdesk's real start, each
run in a fresh Python with ``python -c``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each side reports once its window is painted: on the window's first paint event (seen before
# the window itself handles it) it queues a call, which runs once the whole window, every widget
# in it, has been painted, and before anything the window queues on its own first paint. Peak
# memory is the process's own high-water mark (VmHWM, in kB); getrusage's ru_maxrss would carry
# over this script's own peak, as a child starts as a copy of it.
REPORT = """
from PySide6.QtCore import QEvent, QObject, QTimer


def peak_kb():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def painted(app, window):
    print(time.perf_counter(), peak_kb(), f"{window.width()}x{window.height()}", flush=True)
    if END_AT_PAINT:  # counting instructions: nothing after the paint is counted
        os._exit(0)
    app.quit()


class ReportWhenPainted(QObject):
    def __init__(self, app, window):
        super().__init__()
        self.app = app
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, lambda: painted(self.app, watched))
        return False
"""

BARE = (
    """
import os, resource, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
"""
    + REPORT
    + """
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
report = ReportWhenPainted(app, window)
window.show()
app.exec()
"""
)

# The reference: the least a program on rrdesk's stack does to show the same first screen from
# the same store. It reads the data key from the same keyring through rrdesk's keyring adapter
# (rrdesk.keystore, which chooses the back-end as rrdesk does), opens the same SQLCipher store
# with the same settings, runs the case list's query, and shows the 200 rows in the same widgets
# (the house stylesheet, the sections list, a table from a Qt item model, the search and stage
# boxes, as many menu actions with shortcuts, the status bar). None of rrdesk's other code: no key
# file, lock, audit or logging, no domain, no working days, no sort keys or screen-reader text.
# Like rrdesk, it names no value of PySide6's Qt namespace (which would build all of its
# enumerations). What rrdesk takes beyond it is rrdesk's own work.
SAME_SCREEN = (
    """
import os, resource, sys, time

COLUMNS = ("Reference", "Child or children", "Stage", "Notification sent", "Working day")
CASE_LIST = \"\"\"
SELECT c.id, c.reference, c.stage, c.profile, c.notification_sent,
       (SELECT group_concat(pseudonym, ' and ') FROM
            (SELECT pseudonym FROM children WHERE case_id = c.id ORDER BY position))
FROM cases c ORDER BY c.notification_sent DESC, c.reference DESC
\"\"\"

if STEP == "rows made up":  # --steps: the screen alone, with no store and no keyring
    rows = [(n, f"RR-2026-{n:03d}", "notified", "", "2026-11-02", f"Child {n}") for n in range(200)]
else:
    if STEP == "key given":  # --steps: the store opened with the key it is given
        import base64

        key = base64.b64decode(os.environ["RRDESK_BENCH_SECRET"])
    else:
        sys.path.insert(0, ROOT)
        from rrdesk.keystore import KeyringSecretStore

        key = KeyringSecretStore().load(os.environ["RRDESK_BENCH_ACCOUNT"])
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(STORE, isolation_level=None)
    connection.execute(f"PRAGMA key = \\"x'{key.hex()}'\\"")
    for setting in PRAGMAS:
        connection.execute(f"PRAGMA {setting}")
    rows = connection.execute(CASE_LIST).fetchall()
    if len(rows) != 200:
        raise SystemExit(f"the reference read {len(rows)} cases from the store, not 200")

# Qt is loaded once the key is read and the store open, as rrdesk loads the keyring first: PySide6
# reads the source of every module loaded after it.
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMainWindow,
    QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)
"""
    + REPORT
    + """
app = QApplication([sys.argv[0], "-style", "Fusion"])
model = QStandardItemModel(0, len(COLUMNS))
model.setHorizontalHeaderLabels(list(COLUMNS))
for row in rows:
    model.appendRow([QStandardItem(str(row[n])) for n in (1, 5, 2, 4, 0)])
window = QMainWindow()
central = QWidget()
outer = QVBoxLayout(central)
outer.addWidget(QLabel("Demo banner"))
body = QHBoxLayout()
outer.addLayout(body)
nav, stack = QListWidget(), QStackedWidget()
nav.setObjectName("nav_list")
nav.setFixedWidth(210)
body.addWidget(nav)
body.addWidget(stack, 1)
for title in SECTIONS:
    nav.addItem(title)
    stack.addWidget(QWidget())
page = QVBoxLayout(stack.widget(0))
heading = QLabel("Cases")
font = heading.font()
font.setPointSizeF(font.pointSizeF() * 1.8)
font.setBold(True)
heading.setFont(font)
page.addWidget(heading)
filters = QHBoxLayout()
page.addLayout(filters)
search = QLineEdit()
search.setPlaceholderText("Search by reference, pseudonym or authority")
search.setClearButtonEnabled(True)
stages = QComboBox()
for number in range(10):
    stages.addItem(f"Stage {number}", number)
filters.addWidget(QLabel("Search"))
filters.addWidget(search, 2)
filters.addWidget(QLabel("Stage"))
filters.addWidget(stages, 1)
new_case = QPushButton("New case")
new_case.setProperty("role", "primary")
filters.addWidget(new_case)
page.addWidget(QLabel(f"{len(rows)} cases"))
table = QTableView()
table.setModel(model)
table.setSortingEnabled(True)
table.verticalHeader().hide()
table.setAlternatingRowColors(True)
page.addWidget(table, 1)
window.setCentralWidget(central)
for title, count in (("&File", 5), ("&View", 10), ("&Help", 1)):
    menu = window.menuBar().addMenu(title)
    for number in range(count):
        action = QAction(f"Action {number}", window)
        action.setShortcuts([QKeySequence(f"Ctrl+Shift+{number % 10}")])
        menu.addAction(action)
window.statusBar().addWidget(QLabel("Signed in"), 1)
app.setStyleSheet(STYLE_SHEET)
window.resize(1280, 800)
report = ReportWhenPainted(app, window)
window.show()
app.exec()
"""
)

# The real start-up, with one addition: as rrdesk's event loop starts, ``on_event_loop(app)`` is
# called (the script this is part of defines it). The watch is added as
# rrdesk.ui.shell.application is imported, so nothing of rrdesk is imported earlier or in another
# order than when it is started from its shortcut. Also used by tests/app/test_start_up_cost.py.
WATCH_THE_EVENT_LOOP = """
import sys
from importlib.machinery import PathFinder


class WatchTheEventLoop:
    def find_spec(self, name, path=None, target=None):
        if name != "rrdesk.ui.shell.application":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            run = module.run_event_loop

            def run_event_loop(app):
                on_event_loop(app)
                return run(app)

            module.run_event_loop = run_event_loop

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, WatchTheEventLoop())
"""

# rrdesk's side: its main window reports when it is first painted.
RRDESK = (
    """
import os, resource, sys, time
"""
    + WATCH_THE_EVENT_LOOP
    + """

def on_event_loop(app):
    global report
    exec(REPORT, globals())
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    report = ReportWhenPainted(app, shown[0])


REPORT = {report!r}
sys.path.insert(0, {root!r})
from rrdesk.cli import main
sys.exit(main(["--store", {store!r}]))
"""
)


REFERENCE_STEPS = ("rows made up", "key given", "key from the keyring")
"""The reference built up (``--steps``): the screen alone, then from the store opened with the key
it is given, then with the key read from the keyring (the whole reference)."""


def same_screen_code(store: Path, step: str = REFERENCE_STEPS[-1]) -> str:
    """The reference script, with rrdesk's section titles, house stylesheet, store and settings."""
    sys.path.insert(0, str(ROOT))
    from rrdesk.storage.database import PINNED_PRAGMAS

    sections = (
        "Cases", "Countdown board", "Directory", "Audit trail", "Partnership settings",
        "Backups and locking", "Calendar and process", "Partnership forms", "Action plan",
        "Themes", "Reports",
    )  # fmt: skip
    resources = ROOT / "resources"
    style = (resources / "style.qss").read_text(encoding="utf-8")
    style = style.replace("@resources@", resources.as_posix())
    pragmas = [f"{name} = {value}" for name, value, _ in PINNED_PRAGMAS]
    return (
        f"SECTIONS = {sections!r}\nSTYLE_SHEET = {style!r}\nROOT = {str(ROOT)!r}\n"
        f"STORE = {str(store)!r}\nPRAGMAS = {pragmas!r}\nSTEP = {step!r}\n" + SAME_SCREEN
    )
