"""Start-up to a painted main window on a 200-case store, against a bare PySide6 QMainWindow.

rrdesk starts the way a coordinator starts it: the command line's ``main`` opens the app on the
store, the data key comes from the keyring ("Remember on this computer"), and the main window
shows the case list. The keyring is a stand-in holding that one key (``startup_keyring.py``), so
this machine's own keyring is not touched.

Each side runs in a fresh process, started the same way (``python -c``), several times,
interleaved. Each reports the moment its window has been painted, then quits. Start-up is the
wall time from starting the process (this script's clock just before it starts the child) to
that moment, read on the child's clock: ``time.perf_counter`` is the system's monotonic clock,
the same in every process. How long each side then takes to quit and end is printed too, for
information: it is not start-up. Targets: rrdesk at most 1.5 times the wall time and at most
2 times the peak memory of the bare window.

For reference it also times the same first screen shown from the same store and keyring with
none of rrdesk's own work (``SAME_SCREEN``): the least any program on rrdesk's stack does before
that window is painted. rrdesk's own work is what it takes beyond that.

Wall time on a shared machine swings by a third from minute to minute. ``--instructions`` counts
instead the instructions each side runs up to its painted window, under valgrind's callgrind
(each side once: the counts repeat to within a few in ten thousand), which tells whether a change
made start-up do less work. It is a guide, not the target: it does not count waiting for the disk
or the loader.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
ROUNDS = 21

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

# For reference, not the target: the least a program on rrdesk's stack does to show the same
# first screen from the same store. It reads the data key from the same keyring through
# rrdesk's keyring adapter (rrdesk.keystore, which loads only what reading one key needs), opens
# the same SQLCipher store with the same settings, runs the case list's query, and shows the 200
# rows in the same widgets (the house stylesheet, the sections list, a table from a Qt item model,
# the search and stage boxes, as many menu actions with shortcuts, the status bar). None of rrdesk's
# other code: no key file, lock, audit or logging, no domain, no working days, no sort keys or
# screen-reader text. Like rrdesk, it names no value of PySide6's Qt namespace (which would build
# all of its enumerations). What rrdesk takes beyond it is rrdesk's own work.
SAME_SCREEN = (
    """
import os, resource, sys, time
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMainWindow,
    QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)
"""
    + REPORT
    + """
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


class Run(NamedTuple):
    painted: float  # seconds from starting the process to its window painted
    ended: float  # seconds from starting the process to its end
    peak_kb: int


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


def child(code: str, *, end_at_paint: bool = False) -> list[str]:
    """The command that starts one side; with ``end_at_paint`` it ends as soon as it reports."""
    return [sys.executable, "-c", f"END_AT_PAINT = {end_at_paint}\n{code}"]


def run(code: str, env: dict[str, str]) -> Run:
    started = time.perf_counter()
    done = subprocess.run(child(code), capture_output=True, text=True, env=env, check=False)
    ended = time.perf_counter() - started
    if done.returncode != 0 or len(done.stdout.split()) != 3:
        raise SystemExit(f"a start-up run failed:\n{done.stdout}\n{done.stderr}")
    painted_at, peak, size = done.stdout.split()
    if size != WINDOW_SIZE:
        raise SystemExit(f"a window was {size}, not {WINDOW_SIZE}: the sides cannot be compared")
    painted = float(painted_at) - started
    if not 0 < painted <= ended:
        raise SystemExit("the child's clock does not match this script's: cannot measure")
    return Run(painted, ended, int(peak))


def count_instructions(code: str, env: dict[str, str], folder: Path) -> int:
    """Instructions one side runs from its start to its painted window, under callgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("--instructions needs valgrind (on Debian: apt-get install valgrind)")
    command = [
        valgrind,
        "--tool=callgrind",
        f"--callgrind-out-file={folder / 'callgrind.%p.out'}",
        *child(code, end_at_paint=True),
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    counted = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or counted is None or len(done.stdout.split()) != 3:
        raise SystemExit(f"a counted start-up run failed:\n{done.stdout}\n{done.stderr}")
    return int(counted.group(1))


def make_store(folder: Path) -> tuple[Path, str, bytes]:
    """A store with the demo cases and more, 200 in all; its path, keyring account and key."""
    sys.path.insert(0, str(ROOT))
    from datetime import date, timedelta

    from rrdesk.demo.cases import add_demo_data
    from rrdesk.domain.cases.cases import Case, Child, Stage
    from rrdesk.services.cases.case_service import CaseService
    from rrdesk.services.store import store_access

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
    account = store_access.keyring_account(session.slots)
    key = session.key_bytes()
    session.close()
    return path, account, key


# Offscreen, Qt's screen is 800 by 800 unless told otherwise: rrdesk would then open smaller than
# 1280 by 800, to fit it (rrdesk.ui.shell.main_window.first_size), and paint less than the bare
# window.
WINDOW_SIZE = "1280x800"
SCREEN = '{"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1600, "height": 900}]}'


def environment(folder: Path, account: str, key: bytes) -> dict[str, str]:
    """The same for both sides: offscreen on a 1600 by 900 screen, so every window is 1280 by 800,
    bytecode kept (an installed app has it compiled), and settings, logs and the keyring in the
    benchmark's own folder."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    screen = folder / "screen.json"
    screen.write_text(SCREEN, encoding="utf-8")
    platform = env.get("QT_QPA_PLATFORM", "offscreen")  # xcb, say, to time it on a real screen
    if platform == "offscreen":
        platform = f"offscreen:configfile={screen}"
    env.update(
        QT_QPA_PLATFORM=platform,
        HOME=str(folder),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_STATE_HOME=str(folder / "state"),
        XDG_CACHE_HOME=str(folder / "cache"),
        PYTHONPATH=str(BENCH),
        PYTHON_KEYRING_BACKEND="startup_keyring.EnvironmentKeyring",
        RRDESK_BENCH_ACCOUNT=account,
        RRDESK_BENCH_SECRET=base64.b64encode(key).decode(),
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind instead of timing (slower, but steady)",
    )
    parser.add_argument(
        "--steps",
        action="store_true",
        help="time the reference built up step by step against the bare window, not rrdesk",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as name:
        folder = Path(name)
        store, account, key = make_store(folder)
        env = environment(folder, account, key)
        rrdesk_code = RRDESK.format(report=REPORT, root=str(ROOT), store=str(store))
        same_code = same_screen_code(store)
        if options.steps:
            time_steps(env, [same_screen_code(store, step) for step in REFERENCE_STEPS])
            return
        # Warm-up: bytecode compiled and files in the disk cache, as after installing.
        run(BARE, env)
        run(rrdesk_code, env)
        run(same_code, env)
        if options.instructions:
            counts = [
                count_instructions(code, env, folder) for code in (BARE, rrdesk_code, same_code)
            ]
            report_instructions(*counts)
            return
        bare, ours, same = [], [], []
        for _ in range(ROUNDS):  # interleaved, so a busy moment does not favour one side
            bare.append(run(BARE, env))
            ours.append(run(rrdesk_code, env))
            same.append(run(same_code, env))
    bare_time = statistics.median(r.painted for r in bare)
    our_time = statistics.median(r.painted for r in ours)
    bare_peak = statistics.median(r.peak_kb for r in bare)
    our_peak = statistics.median(r.peak_kb for r in ours)
    # Each round's two runs are seconds apart, so their ratio is little moved by the machine
    # slowing down or speeding up over the minutes the benchmark takes; the ratio of the two
    # medians is (a busy minute can inflate one side's median more than the other's).
    time_ratio = statistics.median(o.painted / b.painted for b, o in zip(bare, ours, strict=True))
    memory_ratio = our_peak / bare_peak
    bare_fastest = min(r.painted for r in bare)
    our_fastest = min(r.painted for r in ours)
    bare_end = statistics.median(r.ended - r.painted for r in bare)
    our_end = statistics.median(r.ended - r.painted for r in ours)
    print(f"start-up to a painted main window, 200-case store (median of {ROUNDS})")
    print(
        f"  bare QMainWindow: {bare_time * 1000:.0f} ms (fastest {bare_fastest * 1000:.0f}), "
        f"peak {bare_peak / 1024:.0f} MB; then {bare_end * 1000:.0f} ms to quit and end"
    )
    print(
        f"  rrdesk:           {our_time * 1000:.0f} ms (fastest {our_fastest * 1000:.0f}), "
        f"peak {our_peak / 1024:.0f} MB; then {our_end * 1000:.0f} ms to quit and end"
    )
    same_time = statistics.median(r.painted for r in same)
    same_fastest = min(r.painted for r in same)
    same_ratio = statistics.median(s.painted / b.painted for b, s in zip(bare, same, strict=True))
    ours_to_same = statistics.median(o.painted / s.painted for s, o in zip(same, ours, strict=True))
    print(
        f"  for reference, the same screen from the same store with none of rrdesk's own work: "
        f"{same_time * 1000:.0f} ms (fastest {same_fastest * 1000:.0f}),\n"
        f"    {same_ratio:.2f} times the bare window; rrdesk is {ours_to_same:.2f} times it "
        "(medians of the rounds' ratios)"
    )
    # The fastest runs are the least disturbed by whatever else the machine is doing.
    print(
        f"  fastest against fastest: {our_fastest / bare_fastest:.2f}; "
        f"median against median: {our_time / bare_time:.2f}"
    )
    print(
        f"  wall time ratio, median of the rounds' ratios, {time_ratio:.2f} (target <= 1.5): "
        f"{'met' if time_ratio <= 1.5 else 'NOT met'}"
    )
    print(
        f"  peak memory ratio {memory_ratio:.2f} (target <= 2.0): "
        f"{'met' if memory_ratio <= 2.0 else 'NOT met'}"
    )


def time_steps(env: dict[str, str], steps: list[str]) -> None:
    """Each step of the reference against the bare window, interleaved as the main timing is."""
    for code in (BARE, *steps):  # warm-up
        run(code, env)
    ratios: list[list[float]] = [[] for _ in steps]
    for _ in range(ROUNDS):
        bare = run(BARE, env).painted
        for step, code in enumerate(steps):
            ratios[step].append(run(code, env).painted / bare)
    print(f"the reference built up, against the bare window (median of {ROUNDS} rounds' ratios)")
    for name, step_ratios in zip(REFERENCE_STEPS, ratios, strict=True):
        print(f"  {name + ':':<24}{statistics.median(step_ratios):.2f}")


def report_instructions(bare: int, ours: int, same: int) -> None:
    print("instructions from start to a painted main window, 200-case store (callgrind, one run)")
    print(f"  bare QMainWindow: {bare / 1e6:,.0f} million")
    print(f"  rrdesk:           {ours / 1e6:,.0f} million, {ours / bare:.2f} times the bare window")
    print(
        f"  for reference, the same screen with none of rrdesk's own work: "
        f"{same / 1e6:,.0f} million,\n    {same / bare:.2f} times the bare window; "
        f"rrdesk is {ours / same:.2f} times it"
    )
    print("  (a guide to the work done, not the target: the target is wall time)")


if __name__ == "__main__":
    main()
