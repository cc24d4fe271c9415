"""Notes the thread on which the slow cryptography runs: each key derived from a passphrase
(scrypt), each RSA key made and each PKCS#12 file read. The work itself is the real one,
wrapped only to note where it runs, so a test can check it ran off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest


class SlowWorkThreads:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.hazmat.primitives.kdf import scrypt
        from cryptography.hazmat.primitives.serialization import pkcs12

        self.threads: dict[str, list[threading.Thread]] = {"scrypt": [], "rsa": [], "pkcs12": []}
        derivations = self.threads["scrypt"]
        real_scrypt = scrypt.Scrypt

        class Noting:
            def __init__(self, **settings: Any) -> None:
                self._real = real_scrypt(**settings)

            def derive(self, secret: bytes) -> bytes:
                derivations.append(threading.current_thread())
                return self._real.derive(secret)

        monkeypatch.setattr(scrypt, "Scrypt", Noting)
        monkeypatch.setattr(
            rsa, "generate_private_key", self._noted("rsa", rsa.generate_private_key)
        )
        monkeypatch.setattr(
            pkcs12,
            "load_key_and_certificates",
            self._noted("pkcs12", pkcs12.load_key_and_certificates),
        )

    def _noted(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        threads = self.threads[name]

        def noting(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread())
            return real(*args, **kwargs)

        return noting

    def ran(self, name: str) -> list[threading.Thread]:
        """The threads ``name`` (scrypt, rsa or pkcs12) ran on, one for each time."""
        return self.threads[name]
