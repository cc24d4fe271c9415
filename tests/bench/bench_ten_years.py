"""rrdesk on ten years of a partnership's records, each figure as a ratio against its target.

The store is the one ``rrdesk demo-data --years 10`` makes (about 300 reviews, 3,000 agency
forms, 2,000 actions and half a million audit entries); give one with ``--store`` and
``--passphrase-file``, or this script makes it first. In one run it prints:

- start-up to the painted window against the 200-case store's (``bench_startup.py``'s store,
  environment and runs; the median of interleaved rounds), target at most 1.1;
- the case list's search and the countdown board's refresh against one 60 Hz frame;
- opening the biggest case (every tab shown) and building its panel pack against 1 second;
- ``rrdesk audit verify`` against hashing the same bytes with hashlib alone, at least half the
  speed;
- ``rrdesk backup`` against copying the store file, at least half the speed;
- the store's size on disk per year of records.

Run: python tests/bench/bench_ten_years.py [--store PATH --passphrase-file FILE] [--only PART]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_startup import environment, make_store, run  # noqa: E402
from tests.bench.startup_sides import REPORT, RRDESK  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from rrdesk.ui.shell.main_window import MainWindow

YEARS = 10
ROUNDS = 7
FRAME = 1 / 60
STARTUP_TARGET = 1.1
PASSPHRASE = "lantern orchard pebble ten years"
RRDESK_COMMAND = [sys.executable, "-m", "rrdesk"]
PARTS = ("size", "startup", "screens", "verify", "backup")


def line(label: str, ratio: float, target: str, met: bool, note: str = "") -> None:
    verdict = "met" if met else "NOT MET"
    print(f"{label}: {ratio:.2f} (target {target}: {verdict}){note}", flush=True)


def median_of(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def make_ten_years(folder: Path) -> tuple[Path, Path]:
    store, secret = folder / "ten.rrdesk", folder / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [*RRDESK_COMMAND, "demo-data", "--years", str(YEARS), "--store", str(store),
         "--passphrase-file", str(secret)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    print(f"Made the ten-year store in {time.perf_counter() - started:.0f} seconds", flush=True)
    return store, secret


def keyring_entry(store: Path, passphrase: str) -> tuple[str, bytes]:
    from rrdesk.services.store import store_access

    session = store_access.unlock_with_passphrase(store, passphrase)
    try:
        return store_access.keyring_account(session.slots), session.key_bytes()
    finally:
        session.close()


def startup(folder: Path, store: Path, passphrase: str) -> None:
    small_folder, big_folder = folder / "small", folder / "big"
    small_folder.mkdir()
    big_folder.mkdir()
    small_store, small_account, small_key = make_store(small_folder)
    big_env = environment(big_folder, *keyring_entry(store, passphrase))
    small_env = environment(small_folder, small_account, small_key)
    small_code = RRDESK.format(report=REPORT, root=str(ROOT), store=str(small_store))
    big_code = RRDESK.format(report=REPORT, root=str(ROOT), store=str(store))
    run(small_code, small_env)  # warm-up: bytecode compiled, files in the disk cache
    run(big_code, big_env)
    ratios, small, big = [], [], []
    for _ in range(ROUNDS):
        small.append(run(small_code, small_env).painted)
        big.append(run(big_code, big_env).painted)
        ratios.append(big[-1] / small[-1])
    ratio = statistics.median(ratios)
    note = (
        f"; {statistics.median(big) * 1000:.0f} ms against {statistics.median(small) * 1000:.0f}"
        f" ms, rounds {min(ratios):.2f} to {max(ratios):.2f}"
    )
    line("Start-up to the painted window, ten years against 200 cases", ratio, "<= 1.1",
         ratio <= STARTUP_TARGET, note)  # fmt: skip


def screens(store: Path, passphrase: str) -> None:
    from PySide6.QtWidgets import QApplication

    from rrdesk.app import build_main_window
    from rrdesk.exports.pdf.panel_pack import render_panel_pack
    from rrdesk.keystore import MemorySecretStore
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.store import store_access
    from rrdesk.ui.board.board_widget import BoardWidget
    from rrdesk.ui.cases.cases_section import CasesSection
    from rrdesk.ui.cases.tab_code import CASE_TABS_CODE, load_case_tabs_code
    from tests.fakes import RecordingMessages
    from tests.seams import app_context

    app = QApplication.instance() or QApplication([])
    session = store_access.unlock_with_passphrase(store, passphrase)
    today = date.today()
    shown_day = [today]  # the day the window takes for today, moved on to measure a new day's
    window = build_main_window(
        app_context(session, MemorySecretStore(), RecordingMessages(), lambda: shown_day[0])
    )
    try:
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        # As rrdesk does once the window is on screen: a case's tabs' code, loaded meanwhile.
        load_case_tabs_code(window)
        while not all(name in sys.modules for name in CASE_TABS_CODE):
            app.processEvents()
        cases = window.section("cases")
        assert isinstance(cases, CasesSection)
        search = cases.case_list.search
        words = iter(["RR-2019", "Child Q", "Northmoor", "RR-2026-01", "zz", ""] * 20)

        def search_once() -> None:
            search.setText(next(words))
            app.processEvents()

        shown = median_of(search_once, 30)
        line("Case list search, one keystroke's refresh, in 60 Hz frames", shown / FRAME,
             "<= 1 frame", shown <= FRAME, f"; {shown * 1000:.1f} ms over "
             f"{session.cases.count()} cases")  # fmt: skip
        window.show_section("board")
        app.processEvents()
        board = window.findChild(BoardWidget)
        assert board is not None
        refresh = median_of(board.refresh, 30)
        line("Countdown board refresh, in 60 Hz frames", refresh / FRAME, "<= 1 frame",
             refresh <= FRAME, f"; {refresh * 1000:.1f} ms")  # fmt: skip

        def next_day() -> None:
            shown_day[0] += timedelta(days=1)
            board.refresh()

        moved = median_of(next_day, 10)
        shown_day[0] = today
        board.refresh()
        print(f"  on a new day (every row worked out again): {moved * 1000:.1f} ms,"
              f" {moved / FRAME:.2f} frames", flush=True)  # fmt: skip
        sections_shown(app, window)
        window.show_section("cases")
        biggest = session.db.query(
            "SELECT case_id FROM case_documents GROUP BY case_id"
            " ORDER BY count(*) DESC, sum(length(body)) DESC LIMIT 1"
        )[0][0]
        started = time.perf_counter()
        cases.open_case(biggest)
        app.processEvents()
        details = time.perf_counter() - started
        for index in range(1, cases.tabs.count()):
            cases.tabs.setCurrentIndex(index)  # each tab is built as it is first shown
            app.processEvents()
        opened = time.perf_counter() - started
        started = time.perf_counter()
        content = AgencyFormsService(session).panel_pack_content(biggest, today)
        pdf = render_panel_pack(content)
        pack = time.perf_counter() - started
        total = opened + pack
        line("Opening the biggest case (every tab) and building its panel pack, in seconds",
             total, "<= 1 second", total <= 1, f"; opening {opened:.2f} s (its details"
             f" {details:.2f} s, then every tab), the pack "
             f"{pack:.2f} s ({len(content.forms)} agencies, {len(pdf) // 1000} KB)")  # fmt: skip
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        if session.is_open:
            session.close()


def sections_shown(app: QApplication, window: MainWindow) -> None:
    """How long each screen that lists years of records takes to show, first time and again
    (the first time includes loading its code), for the README's account of the screens."""
    times = []
    for key in ("action_plan", "themes", "reports", "audit"):
        shown = []
        for _ in range(2):
            window.show_section("cases")
            app.processEvents()
            started = time.perf_counter()
            window.show_section(key)
            app.processEvents()
            shown.append(time.perf_counter() - started)
        times.append(f"{key} {shown[0]:.2f} s then {shown[1]:.2f} s")
    print(f"Screens with years of records shown: {'; '.join(times)}", flush=True)


def audit_verify(store: Path, secret: Path, passphrase: str) -> None:
    from rrdesk.domain.cases.audit import _body
    from rrdesk.services.store import store_access

    started = time.perf_counter()
    done = subprocess.run(
        [*RRDESK_COMMAND, "audit", "verify", "--store", str(store), "--passphrase-file",
         str(secret)], capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    command = time.perf_counter() - started
    session = store_access.unlock_with_passphrase(store, passphrase)
    try:
        started = time.perf_counter()
        session.audit.verify()
        in_app = time.perf_counter() - started
        bodies = [_body(entry, entry.previous_hash) for entry in session.audit.entries()]
    finally:
        session.close()
    started = time.perf_counter()
    for body in bodies:
        hashlib.sha256(body).digest()
    hashing = time.perf_counter() - started
    megabytes = sum(len(body) for body in bodies) / 1_000_000
    ratio = hashing / command
    line("audit verify's speed against hashlib alone on the same bytes", ratio, ">= 0.5",
         ratio >= 0.5, f"; {command:.1f} s for {len(bodies):,} entries ({megabytes:.0f} MB),"
         f" hashlib {hashing:.2f} s; said: {done.stdout.strip()}")  # fmt: skip
    print(
        f"  the check alone, on a store already open (Check the audit trail): {in_app:.1f} s,"
        f" {hashing / in_app:.2f} of hashlib's speed",
        flush=True,
    )


def backup(folder: Path, store: Path, secret: Path, passphrase: str) -> None:
    from rrdesk.services.store import store_access
    from rrdesk.services.store.backups import back_up_to, finish_backup, start_backup

    target = folder / "ten-backup.rrdesk-backup"
    started = time.perf_counter()
    subprocess.run(
        [*RRDESK_COMMAND, "backup", "--to", str(target), "--store", str(store),
         "--passphrase-file", str(secret)], capture_output=True, check=True, cwd=ROOT,
    )  # fmt: skip
    backing_up = time.perf_counter() - started
    started = time.perf_counter()
    shutil.copyfile(store, folder / "copy.rrdesk")
    copying = time.perf_counter() - started
    ratio = copying / backing_up
    size = store.stat().st_size / 1_000_000
    line("rrdesk backup's speed against copying the store file", ratio, ">= 0.5", ratio >= 0.5,
         f"; {backing_up:.1f} s against {copying:.2f} s for {size:.0f} MB")  # fmt: skip
    session = store_access.unlock_with_passphrase(store, passphrase)
    try:
        started = time.perf_counter()
        back_up_to(session, folder / "in-app.rrdesk-backup")
        in_app = time.perf_counter() - started
        # "Back up now" in the window: the window's thread only takes and lets go of the hold;
        # the copy is written on the task runner's thread.
        started = time.perf_counter()
        under_way = start_backup(session, folder / "window.rrdesk-backup")
        taking = time.perf_counter() - started
        started = time.perf_counter()
        under_way.write()
        writing = time.perf_counter() - started
        started = time.perf_counter()
        finish_backup(session, under_way, made=True)
        letting_go = time.perf_counter() - started
    finally:
        session.close()
    print(
        f"  the backup alone, from a store already open (Back up now): {in_app:.2f} s,"
        f" {copying / in_app:.2f} of copying's speed; the window's thread held for"
        f" {(taking + letting_go) * 1000:.0f} ms (taking the hold {taking * 1000:.0f} ms,"
        f" letting go {letting_go * 1000:.0f} ms), the copy {writing:.2f} s off it",
        flush=True,
    )


def size_per_year(store: Path, passphrase: str) -> None:
    from rrdesk.domain.cases.document_kinds import ExportKind
    from rrdesk.services.store import store_access

    session = store_access.unlock_with_passphrase(store, passphrase)
    try:
        sheets = session.db.query(
            "SELECT count(*), coalesce(avg(length(body)), 0) FROM exported_documents"
            " WHERE kind = ?",
            (ExportKind.DECISION_SHEET.value,),
        )[0]
        meetings = "SELECT count(*) FROM case_documents WHERE kind = 'meeting'"
        decided = session.db.query(meetings)[0][0]
    finally:
        session.close()
    size = store.stat().st_size
    unsigned = max(0, decided - int(sheets[0]))
    whole = size + unsigned * float(sheets[1])
    print(
        f"Store size: {size / 1_000_000:.0f} MB, {size / YEARS / 1_000_000:.1f} MB a year; "
        f"{int(sheets[0])} signed sheets of {float(sheets[1]) / 1000:.0f} KB each, so with "
        f"every decided case's sheet signed about {whole / YEARS / 1_000_000:.1f} MB a year",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--store", type=Path, help="a store rrdesk demo-data made")
    parser.add_argument("--passphrase-file", type=Path, help="its passphrase")
    parser.add_argument(
        "--only", choices=PARTS, action="append", help="measure only this part (repeatable)"
    )
    options = parser.parse_args()
    parts = options.only or PARTS
    print("Each figure is one run on a shared machine: wall times swing with its load.")
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as name:
        folder = Path(name)
        if options.store is None:
            store, secret = make_ten_years(folder)
        else:
            store, secret = options.store, options.passphrase_file
        passphrase = secret.read_text(encoding="utf-8").rstrip("\r\n")
        if "size" in parts:
            size_per_year(store, passphrase)
        if "startup" in parts:
            startup(folder, store, passphrase)
        if "screens" in parts:
            screens(store, passphrase)
        if "verify" in parts:
            audit_verify(store, secret, passphrase)
        if "backup" in parts:
            backup(folder, store, secret, passphrase)


if __name__ == "__main__":
    main()
