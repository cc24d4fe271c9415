"""The reliability figures for README: crash safety, killed backups and changes of key, audit
tampering and rollback, full disk, plaintext search.

Run: python tests/reliability/reliability_report.py [--kills 50] [--tamperings 200] [--seed N]

Needs Linux (SIGKILL, RLIMIT_FSIZE, /proc). Every scenario runs rrdesk in a separate process and
checks the store from this one; see tests/reliability/scenarios.py.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, when not installed

from tests.reliability import key_scenarios, scenarios, tamper_scenarios

MARKERS = [
    "Philippa Crashmarker-Oyelaran",
    "Barnaby Quillon-Treve",
    "Zuleika Merriweather-Nkemelu",
    "Tobiah Fenwick-Ashgrove",
]


def _line(label: str, value: object) -> None:
    print(f"  {label:<44} {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="SIGKILLs while saving (default 50)")
    parser.add_argument("--rekey-kills", type=int, default=30, help="SIGKILLs changing the key")
    parser.add_argument("--restore-kills", type=int, default=30, help="SIGKILLs restoring")
    parser.add_argument("--backup-kills", type=int, default=20, help="SIGKILLs while backing up")
    parser.add_argument("--tamperings", type=int, default=200, help="audit-trail tamperings")
    parser.add_argument("--rollbacks", type=int, default=100, help="older copies and pages")
    parser.add_argument("--key-changes", type=int, default=30, help="changes of key to revoke")
    parser.add_argument("--seed", type=int, default=None, help="seed for the kill timing")
    args = parser.parse_args()
    failures = 0
    print(
        f"rrdesk reliability figures ({platform.system()} {platform.release()}, "
        f"Python {platform.python_version()})"
    )
    with tempfile.TemporaryDirectory(prefix="rrdesk-reliability-") as scratch:
        folder = Path(scratch)

        print("\nCrash safety: a process saving cases, killed with SIGKILL at random moments")
        started = time.perf_counter()
        crash = scenarios.crash_trials(folder / "crash", args.kills, seed=args.seed)
        _line("kills", crash.kills)
        _line("acknowledged saves", crash.acknowledged)
        _line("acknowledged saves lost", crash.lost)
        _line("integrity problems after the kills", crash.integrity_problems)
        _line("cases in the store at the end", crash.cases_in_store)
        _line("seconds", f"{time.perf_counter() - started:.1f}")
        failures += crash.lost + crash.integrity_problems + len(crash.problems)

        print("\nBackups: a process rewriting one backup file, killed with SIGKILL")
        killed = scenarios.backup_kill_trials(folder / "backups", args.backup_kills, seed=args.seed)
        _line("kills", killed.kills)
        _line("backup whole afterwards (new or the last)", killed.whole)
        _line("backup absent (killed before the first)", killed.absent)
        _line("backup broken", killed.broken)
        _line(
            "encrypted work files left, then tidied",
            f"{killed.stray_work_files} -> {killed.stray_after_tidying}",
        )
        failures += killed.broken + killed.stray_after_tidying

        print("\nChanging the key: a process changing the passphrase, killed with SIGKILL")
        rekeyed = key_scenarios.rekey_kill_trials(
            folder / "rekey", args.rekey_kills, seed=args.seed
        )
        _line("kills", rekeyed.kills)
        _line("changes of key acknowledged", rekeyed.changes)
        _line("store opened afterwards, whole", rekeyed.opened)
        _line("store that would not open", rekeyed.unopenable)
        _line(
            "integrity problems, audit breaks",
            f"{rekeyed.integrity_problems}, {rekeyed.audit_breaks}",
        )
        _line("opened by a key file from before a change", rekeyed.earlier_key_file_opened)
        _line("work files left after opening", rekeyed.stray_work_files)
        _line("signing key not opened by the store's passphrase", rekeyed.signing_key_lost)
        failures += rekeyed.unopenable + rekeyed.integrity_problems + rekeyed.audit_breaks
        failures += rekeyed.cases_lost + rekeyed.earlier_key_file_opened + rekeyed.stray_work_files
        failures += rekeyed.signing_key_lost

        print("\nRestoring: a process restoring a backup over the store, killed with SIGKILL")
        restored = key_scenarios.restore_kill_trials(
            folder / "restore", args.restore_kills, seed=args.seed
        )
        _line("kills", restored.kills)
        _line("restores acknowledged", restored.restores)
        _line("nothing where the store was, after a kill", restored.nothing_there)
        _line("store that would not open", restored.unopenable)
        _line("integrity problems", restored.integrity_problems)
        _line("work files left after opening", restored.stray_work_files)
        failures += restored.nothing_there + restored.unopenable + restored.integrity_problems
        failures += restored.stray_work_files

        print("\nAudit trail: random tamperings made with the passphrase, on copies of a store")
        tampered = tamper_scenarios.audit_tamper_trials(
            folder / "tamper", args.tamperings, seed=args.seed
        )
        _line("tamperings", tampered.trials)
        _line("kinds of tampering", len(tampered.by_attack))
        _line("caught (refused to open, or the check broke)", tampered.caught)
        _line("missed", len(tampered.missed))
        failures += len(tampered.missed)

        print("\nRollback: older copies, and single pages, put back over the latest store")
        rolled = tamper_scenarios.rollback_trials(
            folder / "rollback", args.rollbacks, args.rollbacks, seed=args.seed
        )
        _line("older copies put back (half with their key file)", rolled.whole_copies)
        _line("older copies caught", rolled.whole_caught)
        _line("one or two pages put back", rolled.pages)
        _line("pages caught", rolled.pages_caught)
        _line("pages that changed nothing stored", rolled.pages_without_effect)
        _line("pages missed (an edit undone, unnoticed)", len(rolled.missed))
        failures += rolled.whole_copies - rolled.whole_caught + len(rolled.missed)

        print("\nRevocation: changes of passphrase and recovery key, earlier files kept")
        revoked = tamper_scenarios.revocation_trials(
            folder / "revoke", args.key_changes, seed=args.seed
        )
        _line("changes of key", revoked.changes)
        _line(
            "earlier key files, earlier secrets",
            f"{revoked.earlier_key_files}, {revoked.earlier_secrets}",
        )
        _line("tries (every earlier key file with every secret)", revoked.tries)
        _line("tries that opened the current store", revoked.opened)
        _line("older backups restored with the current passphrase", revoked.restores)
        _line("restored stores opened by an earlier secret", revoked.restored_opened_by_earlier)
        _line("current secrets refused", revoked.current_failed)
        failures += revoked.opened + revoked.restored_opened_by_earlier + revoked.current_failed

        print("\nFull disk: a process with a file-size limit (RLIMIT_FSIZE) saving until refused")
        full = scenarios.full_disk(folder / "full")
        _line("acknowledged saves before the limit", full.acknowledged)
        _line("what the user was told", full.refusal.split(": ", 1)[-1])
        _line("acknowledged saves lost", full.lost)
        _line("integrity problems after reopening", full.integrity_problems)
        failures += full.lost + full.integrity_problems + (0 if "Not saved" in full.refusal else 1)

        print(
            "\nNothing in plaintext: cases, forms, a signed PDF, search, a 17 MB sort, "
            "backups, logs"
        )
        plain = scenarios.plaintext_search(folder / "plain", control=False, markers=MARKERS)
        _line("marker names (UTF-8 and UTF-16-LE)", len(MARKERS))
        _line("files searched after closing", len(plain.files_searched))
        _line("bytes searched after closing", plain.bytes_searched)
        _line("files searched while open (store, WAL, SHM)", len(plain.live_files_searched))
        _line("markers found at rest", len(plain.found_in_files) + len(plain.found_in_live_files))
        _line("markers found in open temp files", len(plain.found_in_open_temp_files))
        failures += len(plain.found_in_files) + len(plain.found_in_live_files)
        failures += len(plain.found_in_open_temp_files)
        control = scenarios.plaintext_search(folder / "control", control=True, markers=MARKERS)
        caught = len(control.found_in_open_temp_files) + len(control.found_in_files)
        _line("control run (temp_store=FILE): leaks caught", caught)
        failures += 0 if caught else 1

    print("\nAll promises kept." if failures == 0 else f"\n{failures} PROMISES BROKEN.")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
