"""Reliability scenarios shared by the tests (small counts) and reliability_report.py (full counts).

Each runs rrdesk in a child process (tests/reliability/child.py), does something unkind to it,
then opens the store in this process and checks what was promised.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rrdesk.services.store.store_access import create_store, unlock_with_passphrase
from rrdesk.storage.backup_file import read_header, remove_stale_work_files
from rrdesk.storage.keys import key_slots

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("child.py")
PASSPHRASE = "correct horse battery staple"


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("PYTHONHASHSEED", None)
    env.update(extra or {})
    return env


def new_store(folder: Path) -> tuple[Path, Path]:
    """A closed store and a passphrase file in ``folder`` (cheap key derivation: the figures
    here are about the store, not the key slots)."""
    folder.mkdir(parents=True, exist_ok=True)
    key_slots.SCRYPT_N = 2**12
    store = folder / "partnership.rrdesk"
    create_store(
        store, partnership="Northmoor", owner="Priya", passphrase=PASSPHRASE
    ).session.close()
    passphrase_file = folder / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE, encoding="utf-8")
    return store, passphrase_file


class _Child:
    """A child process whose every printed line is collected as it arrives."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(env),
            cwd=ROOT,
            text=True,
        )
        self.lines: list[str] = []
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("ready"):
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float = 60) -> None:
        if not self._ready.wait(timeout) or not self.lines or self.lines[0] != "ready":
            self.kill()
            raise RuntimeError(f"the child did not start: {self.stderr()}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.finish()

    def finish(self, timeout: float = 120) -> int:
        code = self.process.wait(timeout)
        self._reader.join(timeout)
        if self.process.stderr is not None and not self.process.stderr.closed:
            self._stderr = self.process.stderr.read()
            self.process.stderr.close()
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code

    def stderr(self) -> str:
        return getattr(self, "_stderr", "")


@dataclass
class CrashFigures:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    integrity_problems: int = 0
    cases_in_store: int = 0
    problems: list[str] = field(default_factory=list)


def crash_trials(folder: Path, kills: int, *, seed: int | None = None) -> CrashFigures:
    """SIGKILL a saving child at random moments; after each, check every acknowledged save."""
    chance = random.Random(seed)
    store, passphrase_file = new_store(folder)
    figures = CrashFigures()
    acknowledged: list[str] = []
    for _ in range(kills):
        child = _Child("saver", str(store), str(passphrase_file))
        child.wait_ready()
        time.sleep(chance.uniform(0.02, 0.4))
        child.kill()
        figures.kills += 1
        acknowledged.extend(line.split()[1] for line in child.lines if line.startswith("saved "))
        session = unlock_with_passphrase(store, PASSPHRASE)
        try:
            problems = session.db.integrity_problems()
            figures.integrity_problems += len(problems)
            figures.problems.extend(problems)
            missing = [r for r in acknowledged if session.cases.get_by_reference(r) is None]
            figures.lost = len(missing)
            figures.cases_in_store = session.cases.count()
            _checked, broken = session.audit.verify()
            if broken is not None:
                figures.problems.append(f"audit trail broken at entry {broken.position}")
        finally:
            session.close()
    figures.acknowledged = len(acknowledged)
    return figures


@dataclass
class BackupKillFigures:
    kills: int = 0
    whole: int = 0
    absent: int = 0
    broken: int = 0
    stray_work_files: int = 0
    stray_after_tidying: int = 0


def backup_kill_trials(folder: Path, kills: int, *, seed: int | None = None) -> BackupKillFigures:
    """SIGKILL a child that keeps rewriting one backup file: the file is whole or absent."""
    chance = random.Random(seed)
    store, passphrase_file = new_store(folder)
    destination = folder / "chosen" / "copy.rrbackup"
    destination.parent.mkdir()
    figures = BackupKillFigures()
    for _ in range(kills):
        child = _Child("backups", str(store), str(passphrase_file), str(destination))
        child.wait_ready()
        time.sleep(chance.uniform(0.0, 0.3))
        child.kill()
        figures.kills += 1
        if not destination.exists():
            figures.absent += 1
            continue
        try:
            read_header(destination)
        except Exception:
            figures.broken += 1
        else:
            figures.whole += 1

    def stray() -> int:
        return len([p for p in destination.parent.iterdir() if p.name != destination.name])

    figures.stray_work_files = stray()
    remove_stale_work_files(destination.parent, older_than_seconds=0)
    figures.stray_after_tidying = stray()
    return figures


@dataclass
class FullDiskFigures:
    acknowledged: int
    refusal: str
    lost: int
    integrity_problems: int


def full_disk(folder: Path, extra_bytes: int = 1_500_000) -> FullDiskFigures:
    """A child with a file-size limit saves until the disk is "full"; nothing before is lost."""
    store, passphrase_file = new_store(folder)
    child = _Child("full-disk", str(store), str(passphrase_file), str(extra_bytes))
    child.finish()
    acknowledged = [line.split()[1] for line in child.lines if line.startswith("saved ")]
    refusals = [line for line in child.lines if line.startswith("refused ")]
    session = unlock_with_passphrase(store, PASSPHRASE)
    try:
        lost = sum(1 for r in acknowledged if session.cases.get_by_reference(r) is None)
        problems = session.db.integrity_problems()
    finally:
        session.close()
    return FullDiskFigures(
        acknowledged=len(acknowledged),
        refusal=refusals[0] if refusals else f"no refusal: {child.lines[-3:]} {child.stderr()}",
        lost=lost,
        integrity_problems=len(problems),
    )


def second_process_message(store: Path, passphrase_file: Path) -> str:
    child = _Child("try-open", str(store), str(passphrase_file))
    child.finish()
    return "\n".join(child.lines)


@dataclass
class PlaintextFigures:
    files_searched: list[str]
    bytes_searched: int
    found_in_files: list[str]
    found_in_open_temp_files: list[str]
    search_found: int
    live_files_searched: list[str]
    found_in_live_files: list[str]


def _files_under(folders: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found.append(path)
    return found


def plaintext_search(folder: Path, *, control: bool, markers: list[str]) -> PlaintextFigures:
    """A whole session in a child (store, documents, search, a large sort, backups, logs), then
    every byte of the data folder, the chosen backup and the temp folder searched."""
    data_home = folder / "data"
    temp = folder / "temp"
    chosen = folder / "chosen"
    for path in (data_home, temp, chosen):
        path.mkdir(parents=True)
    markers_file = folder / "markers.json"
    markers_file.write_text(json.dumps(markers), encoding="utf-8")
    env = {
        "XDG_DATA_HOME": str(data_home),
        "XDG_STATE_HOME": str(data_home),
        "XDG_CONFIG_HOME": str(data_home),
        "XDG_CACHE_HOME": str(data_home),
        "TMPDIR": str(temp),
        "TEMP": str(temp),
        "TMP": str(temp),
        "SQLITE_TMPDIR": str(temp),
    }
    args = ["plaintext", str(markers_file), str(chosen / "copy.rrbackup")]
    child = _Child(*args, *(["control"] if control else []), env=env)
    code = child.finish()
    if code != 0 or not child.lines:
        raise RuntimeError(f"the session failed: {child.stderr()}")
    report = json.loads(child.lines[-1])
    needles = [(m, m.encode(e), e) for m in markers for e in ("utf-8", "utf-16-le")]
    found: list[str] = []
    files = _files_under([data_home, temp, chosen])
    total = 0
    for path in files:
        raw = path.read_bytes()
        total += len(raw)
        for marker, needle, encoding in needles:
            if needle in raw:
                found.append(f"{path.relative_to(folder)} ({encoding}: {marker})")
    return PlaintextFigures(
        files_searched=[str(p.relative_to(folder)) for p in files],
        bytes_searched=total,
        found_in_files=found,
        found_in_open_temp_files=list(report["open_temp_files_with_markers"]),
        search_found=int(report["search_found"]),
        live_files_searched=list(report["live_files_searched"]),
        found_in_live_files=list(report["live_files_with_markers"]),
    )
