"""A keyring back-end for the start-up benchmark: it holds the one entry given in the environment.

``bench_startup.py`` points ``PYTHON_KEYRING_BACKEND`` here, so rrdesk starts as it does for a
coordinator who chose "Remember on this computer", without touching this machine's own keyring.
"""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend


class EnvironmentKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        if username != os.environ.get("RRDESK_BENCH_ACCOUNT"):
            return None
        return os.environ.get("RRDESK_BENCH_SECRET")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError("the benchmark keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError("the benchmark keyring is read-only")
