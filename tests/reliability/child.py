"""The other side of the reliability tests: a separate rrdesk process doing real work.

Run by tests/reliability/scenarios.py, never by hand::

    python tests/reliability/child.py saver STORE PASSPHRASE_FILE
    python tests/reliability/child.py backups STORE PASSPHRASE_FILE DESTINATION
    python tests/reliability/child.py rekeyer STORE PASSPHRASE_FILE OTHER_PASSPHRASE_FILE
    python tests/reliability/child.py restorer STORE PASSPHRASE_FILE BACKUP
    python tests/reliability/child.py full-disk STORE PASSPHRASE_FILE EXTRA_BYTES
    python tests/reliability/child.py try-open STORE PASSPHRASE_FILE
    python tests/reliability/child.py plaintext MARKERS_FILE CHOSEN_BACKUP [control]

Every line printed is flushed at once: a line is an acknowledgement.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.store_access import unlock_with_passphrase
from rrdesk.storage.errors import StoreError

TODAY = date(2026, 11, 22)


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _passphrase(path: str) -> str:
    return Path(path).read_text(encoding="utf-8").rstrip("\n")


def saver(store: str, passphrase_file: str) -> int:
    session = unlock_with_passphrase(Path(store), _passphrase(passphrase_file))
    cases = CaseService(session)
    say("ready")
    number = 0
    while True:
        number += 1
        saved = cases.add_case(
            Case(
                reference="",
                notification_sent=TODAY,
                children=(Child(f"Child {number}"),),
                summary=f"Save number {number}. " + "Words that take a page or two. " * 40,
            ),
            today=TODAY,
        )
        say(f"saved {saved.reference}")


def backups(store: str, passphrase_file: str, destination: str) -> int:
    from rrdesk.services.store.backups import back_up_to

    session = unlock_with_passphrase(Path(store), _passphrase(passphrase_file))
    say("ready")
    while True:
        back_up_to(session, Path(destination))
        say("backed up")


def rekeyer(store: str, first_file: str, second_file: str) -> int:
    """Change the passphrase back and forth between the two files' passphrases, for ever: each
    line ``changed N`` says the Nth change is on disk."""
    from rrdesk.services.store.store_access import change_passphrase
    from rrdesk.storage.errors import WrongSecretError
    from rrdesk.storage.keys import key_slots

    key_slots.SCRYPT_N = 2**12
    choices = [_passphrase(first_file), _passphrase(second_file)]
    try:
        session = unlock_with_passphrase(Path(store), choices[0])
        current = 0
    except WrongSecretError:
        session = unlock_with_passphrase(Path(store), choices[1])
        current = 1
    say("ready")
    number = 0
    while True:
        current = 1 - current
        # The signing key is locked again with each new passphrase, given the one it had.
        change_passphrase(session, choices[current], current_passphrase=choices[1 - current])
        number += 1
        say(f"changed {number} {current}")


def restorer(store: str, passphrase_file: str, backup: str) -> int:
    """Restore the backup over the store, for ever: each line ``restored N`` says the Nth is in
    place and recorded."""
    from rrdesk.services.store.backups import restore_backup
    from rrdesk.storage.keys import key_slots

    key_slots.SCRYPT_N = 2**12
    passphrase = _passphrase(passphrase_file)
    say("ready")
    number = 0
    while True:
        restore_backup(Path(backup), Path(store), passphrase, recovery=False, now=datetime.now())
        number += 1
        say(f"restored {number}")


def full_disk(store: str, passphrase_file: str, extra_bytes: str) -> int:
    import resource
    import signal

    session = unlock_with_passphrase(Path(store), _passphrase(passphrase_file))
    cases = CaseService(session)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = Path(store).stat().st_size + int(extra_bytes)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    say(f"limit {limit}")
    for number in range(1, 100_000):
        try:
            saved = cases.add_case(
                Case(
                    reference="",
                    notification_sent=TODAY,
                    children=(Child(f"Child {number}"),),
                    summary="A long account of what happened. " * 600,
                ),
                today=TODAY,
            )
        except StoreError as error:
            say(f"refused {type(error).__name__}: {error.message}")
            break
        say(f"saved {saved.reference}")
    try:
        session.close()
    except StoreError as error:
        say(f"closing refused {type(error).__name__}")
    return 0


def try_open(store: str, passphrase_file: str) -> int:
    try:
        session = unlock_with_passphrase(Path(store), _passphrase(passphrase_file))
    except StoreError as error:
        say(f"refused {type(error).__name__}: {error.message}")
        return 2
    session.close()
    say("opened")
    return 0


def plaintext(markers_file: str, chosen_backup: str, *mode: str) -> int:
    """A whole session in the data folder (set by the parent through XDG_DATA_HOME), with the
    temp folder (TMPDIR, SQLITE_TMPDIR) pointed at a folder the parent searches afterwards."""
    from rrdesk.services.platform.locations import default_store_path
    from rrdesk.services.platform.logging_setup import configure_logging
    from rrdesk.services.store.backups import back_up_to, make_rolling_backup
    from rrdesk.services.store.store_access import create_store
    from rrdesk.storage.keys import key_slots

    key_slots.SCRYPT_N = 2**12
    markers = json.loads(Path(markers_file).read_text(encoding="utf-8"))
    configure_logging()
    store = default_store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    created = create_store(
        store, partnership="Northmoor", owner="Priya", passphrase="correct horse battery staple"
    )
    session = created.session
    cases = CaseService(session)
    for index, marker in enumerate(markers):
        case = cases.add_case(
            Case(
                reference="",
                notification_sent=TODAY,
                children=(Child(f"Child {index}", real_name=marker),),
                summary=f"What happened to {marker}.",
                home_authority=marker,
            ),
            today=TODAY,
        )
        assert case.case_id is not None
        with session.db.transaction():
            session.documents.put(
                case.case_id,
                "agency_form",
                {"answers": {"name": marker, "what_we_knew": f"{marker} was known to us. " * 50}},
                name="Health",
            )
    _signed_sheet_into(session, case.case_id)
    found = [s.reference for s in cases.summaries(search=markers[0].split()[-1])]
    if "control" in mode:
        session.db.execute("PRAGMA temp_store = FILE")
    hits = _large_sort(session, markers)
    make_rolling_backup(session, datetime(2026, 11, 22, 9, 0, 0))
    back_up_to(session, Path(chosen_backup))
    live = _live_files_with(store.parent, markers)
    session.close()
    say(
        json.dumps(
            {
                "search_found": len(found),
                "open_temp_files_with_markers": hits,
                "live_files_searched": live[0],
                "live_files_with_markers": live[1],
            }
        )
    )
    return 0


def _live_files_with(folder: Path, markers: list[str]) -> tuple[list[str], list[str]]:
    """The store, its write-ahead log and shared-memory index searched while the store is open."""
    needles = [m.encode(e) for m in markers for e in ("utf-8", "utf-16-le")]
    searched: list[str] = []
    hits: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.is_file():
            searched.append(path.name)
            raw = path.read_bytes()
            if any(needle in raw for needle in needles):
                hits.append(path.name)
    return searched, hits


def _signed_sheet_into(session: object, case_id: int) -> None:
    """Render and sign a decision sheet in memory and keep it in the store, as the app does."""
    from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
    from rrdesk.exports.signatures.signing import create_signing_identity, sign_pdf
    from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
    from tests.exports.samples import PARTNERSHIP, decision_sheet_content

    identity = create_signing_identity(PARTNERSHIP, now=datetime(2026, 11, 22, 14, 5))
    sheet = render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())
    signed = sign_pdf(
        sheet,
        identity,
        reason="Rapid Review decision sheet",
        location="Northmoor",
        signing_time_text="22 November 2026 at 2:05pm",
    )
    db = session.db  # type: ignore[attr-defined]
    with db.transaction():
        session.documents.add_export(case_id, "decision_sheet", signed, "signed")  # type: ignore[attr-defined]


def _large_sort(session: object, markers: list[str]) -> list[str]:
    """An unindexed ORDER BY over rows of about 420 bytes, each naming a marker, a quarter more
    than the store's page cache holds (the sort's memory), so the sort must spill. While the sort's
    result is open, every file this process holds open in the temp folder is read."""
    db = session.db  # type: ignore[attr-defined]
    cache = int(db.pragma("cache_size"))
    cache_bytes = -cache * 1024 if cache < 0 else cache * int(db.pragma("page_size"))
    rows = cache_bytes * 5 // 4 // 420
    cursor = db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "SELECT i, ? || ' ' || printf('%08d', (i * 7919) % ?) || hex(randomblob(200)) AS t "
        "FROM n ORDER BY t",
        (rows, markers[0], rows),
    )
    cursor.fetchone()
    hits = _open_temp_files_with(markers)
    cursor.fetchall()
    return hits


def _open_temp_files_with(markers: list[str]) -> list[str]:
    temp = os.path.realpath(os.environ["SQLITE_TMPDIR"])
    needles = [m.encode(e) for m in markers for e in ("utf-8", "utf-16-le")]
    hits: list[str] = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if not target.startswith(temp):
            continue
        try:
            with open(f"/proc/self/fd/{fd}", "rb") as handle:
                raw = handle.read()
        except OSError:
            continue
        if any(needle in raw for needle in needles):
            hits.append(target)
    return hits


MODES = {
    "saver": saver,
    "backups": backups,
    "full-disk": full_disk,
    "rekeyer": rekeyer,
    "restorer": restorer,
    "try-open": try_open,
    "plaintext": plaintext,
}

if __name__ == "__main__":
    sys.exit(MODES[sys.argv[1]](*sys.argv[2:]))
