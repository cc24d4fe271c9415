"""Every file rrdesk reads as input, made unkind: exit 2, one plain line, nothing changed, little
memory.

Each case runs the real command line in a child process (so a hang is stopped and its peak
memory measured) on a key file, a backup, a passphrase file, a PDF to verify or a draft to check
that is a named pipe, ``/dev/zero``, a folder, gigabytes long (sparse, so it costs no disk), JSON
nested thousands deep, a number like ``1e999``, or scrypt settings that would need 16 GiB a try.
The child's address space is capped so the old behaviour fails here instead of swapping.
"""

from __future__ import annotations

import hashlib
import os
import resource
import stat
import struct
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from rrdesk.services.store.backups import back_up_to
from rrdesk.services.store.store_access import create_store
from rrdesk.storage.keys import key_file
from tests.reliability.test_bad_input import assert_plain

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/zero")

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"
PEAK_MEMORY_BYTES = 200 * 2**20
CHILD_ADDRESS_SPACE = 2 * 2**30
GIGABYTE = 2**30


@dataclass(frozen=True)
class Files:
    folder: Path
    store: Path
    passphrase: Path
    backup: Path
    text: Path

    @property
    def keys(self) -> Path:
        return key_file.slot_file_for(self.store)


@pytest.fixture
def files(tmp_path: Path) -> Files:
    folder = tmp_path / "here"
    folder.mkdir()
    store = folder / "partnership.rrdesk"
    session = create_store(
        store, partnership="Northmoor", owner="Priya", passphrase=PASSPHRASE
    ).session
    try:
        backup = back_up_to(session, folder / "partnership.rrbackup")
    finally:
        session.close()
    passphrase = folder / "passphrase.txt"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    text = folder / "draft.txt"
    text.write_text("The family was known to children's social care.", encoding="utf-8")
    return Files(folder, store, passphrase, backup, text)


# -- ways to make a file unkind ------------------------------------------------------------------


def _pipe(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.mkdir()


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(size)

    return make


def _nested(path: Path) -> None:
    path.write_bytes(b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def _edit_key_file(old: bytes, new: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        raw = path.read_bytes()
        assert old in raw
        path.write_bytes(raw.replace(old, new))

    return make


_PREFIX = struct.Struct(">8sHI")


def _edit_backup_header(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        raw = path.read_bytes()
        magic, version, length = _PREFIX.unpack(raw[: _PREFIX.size])
        header = raw[_PREFIX.size : _PREFIX.size + length]
        rest = raw[_PREFIX.size + length :]
        changed = change(header)
        assert changed != header
        path.write_bytes(_PREFIX.pack(magic, version, len(changed)) + changed + rest)

    return make


def _replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    return lambda header: header.replace(old, new)


def _nested_header(header: bytes) -> bytes:
    return header.replace(b'"format"', b'"deep": ' + b"[" * 50_000 + b"]" * 50_000 + b', "format"')


# -- the cases -----------------------------------------------------------------------------------

Make = Callable[[Path], None]
ARGS: dict[str, Callable[[Files, Path], list[str]]] = {
    "key file": lambda f, _p: [
        "cases",
        "--store",
        str(f.store),
        "--passphrase-file",
        str(f.passphrase),
    ],
    "backup": lambda f, p: [
        "restore",
        str(p),
        "--check",
        "--store",
        str(f.store),
        "--passphrase-file",
        str(f.passphrase),
    ],
    "passphrase file": lambda f, p: ["cases", "--store", str(f.store), "--passphrase-file", str(p)],
    "PDF to verify": lambda _f, p: ["verify", str(p)],
    "certificate to trust": lambda f, p: ["verify", str(f.text), "--trust", str(p)],
    "draft to check": lambda _f, p: ["check-text", str(p)],
}


def _target(files: Files, what: str, tmp_path: Path) -> Path:
    return {
        "key file": files.keys,
        "backup": files.backup,
        "passphrase file": files.passphrase,
    }.get(what, tmp_path / "here" / "chosen.file")


def _scrypt_16_gib(raw: bytes) -> bytes:
    """Settings within the old limits (n up to 2**22, r up to 32) that need 16 GiB a try."""
    return raw.replace(b'"n": 4096', b'"n": 4194304').replace(b'"r": 8', b'"r": 32')


def _key_file_16_gib(path: Path) -> None:
    path.write_bytes(_scrypt_16_gib(path.read_bytes()))


CASES: dict[str, tuple[str, Make]] = {
    "key file nested 100,000 deep": ("key file", _nested),
    "key file with n of 1e999": ("key file", _edit_key_file(b'"n": 4096', b'"n": 1e999')),
    "key file asking 16 GiB of scrypt": ("key file", _key_file_16_gib),
    "key file a named pipe": ("key file", _pipe),
    "key file /dev/zero": ("key file", _zero),
    "key file a folder": ("key file", _folder),
    "key file of 3 GB": ("key file", _sparse(3 * GIGABYTE)),
    "backup header nested 50,000 deep": ("backup", _edit_backup_header(_nested_header)),
    "backup header length of 1e999": (
        "backup",
        _edit_backup_header(
            lambda h: (
                h.split(b'"database_length": ')[0]
                + b'"database_length": 1e999, "database_sha256": "0"}'
            )
        ),
    ),
    "backup asking 16 GiB of scrypt": ("backup", _edit_backup_header(_scrypt_16_gib)),
    "backup a named pipe": ("backup", _pipe),
    "backup /dev/zero": ("backup", _zero),
    "backup a folder": ("backup", _folder),
    "passphrase file of 1 GB": ("passphrase file", _sparse(GIGABYTE)),
    "passphrase file a named pipe": ("passphrase file", _pipe),
    "passphrase file /dev/zero": ("passphrase file", _zero),
    "passphrase file a folder": ("passphrase file", _folder),
    "verify a named pipe": ("PDF to verify", _pipe),
    "verify /dev/zero": ("PDF to verify", _zero),
    "verify a folder": ("PDF to verify", _folder),
    "verify a file of 3 GB": ("PDF to verify", _sparse(3 * GIGABYTE)),
    "verify trusting /dev/zero": ("certificate to trust", _zero),
    "verify trusting a named pipe": ("certificate to trust", _pipe),
    "check-text a named pipe": ("draft to check", _pipe),
    "check-text /dev/zero": ("draft to check", _zero),
    "check-text a folder": ("draft to check", _folder),
    "check-text a file of 3 GB": ("draft to check", _sparse(3 * GIGABYTE)),
}


def _state(folder: Path) -> dict[str, str]:
    """Every regular file's contents (big sparse ones by size and time), and every other kind."""
    state = {}
    for path in sorted(folder.iterdir()):
        info = path.lstat()
        if path.name.endswith(".lock"):
            continue
        if stat.S_ISREG(info.st_mode) and info.st_size < 64 * 2**20:
            state[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            state[path.name] = f"{stat.filemode(info.st_mode)} {info.st_size} {info.st_mtime_ns}"
    return state


def _cap_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_ADDRESS_SPACE, CHILD_ADDRESS_SPACE))


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    peak_bytes: int


# The command line as ``rrdesk`` runs it, then its own peak memory (in KiB) written where the test
# reads it. On Linux that is VmHWM: getrusage's ru_maxrss keeps, across exec, the peak of the
# process it was forked from (the whole test run, hundreds of MB), so it cannot tell this child's.
CHILD = """
import os, resource, sys
from rrdesk.cli import main


def peak_kib():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


try:
    code = main(sys.argv[1:])
finally:
    with open(os.environ["PEAK_FILE"], "w") as peak:
        peak.write(str(peak_kib()))
sys.exit(code)
"""


def _run_child(argv: list[str], peak_file: Path) -> Outcome:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEAK_FILE": str(peak_file)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_cap_address_space,
    )
    try:
        out, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail(f"rrdesk {argv[0]} hung and was stopped")
    peak = int(peak_file.read_text()) * 1024 if peak_file.exists() else 0
    return Outcome(child.returncode, out.decode(), err.decode(), peak)


@pytest.mark.parametrize("case", list(CASES))
def test_unkind_input_is_refused_plainly(files: Files, tmp_path: Path, case: str) -> None:
    what, make = CASES[case]
    target = _target(files, what, tmp_path)
    make(target)
    before = _state(files.folder)

    outcome = _run_child(ARGS[what](files, target), tmp_path / "peak")

    assert outcome.code == 2, outcome.err
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err
    assert_plain(lines[0])
    assert outcome.out == ""
    assert _state(files.folder) == before
    assert 0 < outcome.peak_bytes < PEAK_MEMORY_BYTES
