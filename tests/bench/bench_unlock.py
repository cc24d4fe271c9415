"""Unlocking with the remembered key against unlocking with the passphrase (full-strength scrypt).

Target: the remembered key takes at most 1/20 of the time of the passphrase.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store import store_access

PASSPHRASE = "lantern orchard pebble"
ROUNDS = 7


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    session = action()
    elapsed = time.perf_counter() - started
    session.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        path = Path(folder) / "bench.rrdesk"
        secrets = MemorySecretStore()
        created = store_access.create_store(
            path,
            partnership="Bench",
            owner="Bench",
            passphrase=PASSPHRASE,
            remember=True,
            secret_store=secrets,
        )
        created.session.close()
        passphrase_times = [
            timed(lambda: store_access.unlock_with_passphrase(path, PASSPHRASE))
            for _ in range(ROUNDS)
        ]

        def remembered():  # type: ignore[no-untyped-def]
            session, _message = store_access.unlock_with_remembered_key(path, secrets)
            assert session is not None
            return session

        remembered_times = [timed(remembered) for _ in range(ROUNDS)]
    with_passphrase = statistics.median(passphrase_times)
    with_key = statistics.median(remembered_times)
    ratio = with_key / with_passphrase
    print("unlock (median of 7)")
    print(f"  passphrase (scrypt):  {with_passphrase * 1000:.1f} ms")
    print(f"  remembered key:       {with_key * 1000:.1f} ms")
    print(
        f"  ratio 1/{1 / ratio:.0f} (target 1/20 or less): {'met' if ratio <= 0.05 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
