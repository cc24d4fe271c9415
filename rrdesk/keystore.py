"""Where "Remember on this computer" keeps the data key: the operating system's keyring.

The keyring is never the only way in. Every failure (no backend, an error, an empty or foreign
entry) is reported as :class:`SecretStoreUnavailable` or ``None``, and the caller falls back to
the passphrase.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import sys
from typing import Any, Protocol

from rrdesk.domain.errors import UserError

SERVICE = "rrdesk"

# The operating system's own keyring, chosen directly rather than by trying every back-end.
NATIVE_BACKENDS = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}


class SecretStoreUnavailable(UserError):
    """The keyring cannot be used; ``message`` says why in plain words."""


class SecretStore(Protocol):
    def load(self, account: str) -> bytes | None: ...

    def save(self, account: str, secret: bytes) -> None: ...

    def delete(self, account: str) -> None: ...

    def describe(self) -> str: ...


def _decode(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def load_keyring_before_qt() -> None:
    """Load the keyring library and choose its back-end now, before anything loads PySide6.

    PySide6 reads the source of every module loaded after it, to see whether the module uses
    its optional features; the keyring library and what it loads (about 75 modules, the
    standard library's email, http and ssl among them) cost several times as much loaded after
    it. Start-up calls this first when it may read a remembered key (``cli.main``). A keyring
    that cannot be used is said when the key is read (:meth:`KeyringSecretStore.load`).
    """
    with contextlib.suppress(Exception):  # keyring back-ends raise many kinds
        KeyringSecretStore().describe()


class KeyringSecretStore:
    """The real keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""

    backend_chosen = False  # once a process

    def _keyring(self) -> Any:
        import keyring
        import keyring.core
        from keyring.backends import fail

        if not KeyringSecretStore.backend_chosen:
            choose_backend(keyring.core, sys.platform)
            KeyringSecretStore.backend_chosen = True
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise SecretStoreUnavailable("This computer has no keyring that rrdesk can use.")
        return keyring

    def load(self, account: str) -> bytes | None:
        try:
            return _decode(self._keyring().get_password(SERVICE, account))
        except SecretStoreUnavailable:
            raise
        except Exception as error:  # keyring back-ends raise many kinds
            raise SecretStoreUnavailable(f"The keyring could not be read ({error}).") from None

    def save(self, account: str, secret: bytes) -> None:
        try:
            self._keyring().set_password(SERVICE, account, base64.b64encode(secret).decode())
        except SecretStoreUnavailable:
            raise
        except Exception as error:
            raise SecretStoreUnavailable(f"The keyring could not be written ({error}).") from None

    def delete(self, account: str) -> None:
        try:
            self._keyring().delete_password(SERVICE, account)
        except SecretStoreUnavailable:
            raise
        except Exception as error:
            raise SecretStoreUnavailable(
                f"The keyring entry could not be removed ({error})."
            ) from None

    def describe(self) -> str:
        try:
            return type(self._keyring().get_keyring()).__name__
        except SecretStoreUnavailable as error:
            return error.message


def choose_backend(core: Any, platform: str) -> None:
    """Use the keyring IT chose (``PYTHON_KEYRING_BACKEND`` or keyring's own settings file), or
    else the operating system's own; elsewhere, keyring looks for the best one itself.

    ``core`` is ``keyring.core``. Trying every back-end, as keyring does when none is chosen,
    loads them all and looks through every installed package for plug-ins: slow at start-up.
    """
    chosen = core.load_env() or core.load_config()
    if chosen is None and platform in NATIVE_BACKENDS:
        try:
            chosen = core.load_keyring(NATIVE_BACKENDS[platform])
        except Exception:  # not usable here (a missing helper library, say): keyring looks
            chosen = None
    if chosen is not None:
        core.set_keyring(chosen)


class MemorySecretStore:
    """A keyring that lives in memory: for tests, the demo store and machines with no keyring."""

    def __init__(self, *, broken: str = "") -> None:
        self.entries: dict[str, str] = {}
        self.broken = broken

    def _check(self) -> None:
        if self.broken:
            raise SecretStoreUnavailable(self.broken)

    def load(self, account: str) -> bytes | None:
        self._check()
        return _decode(self.entries.get(account))

    def save(self, account: str, secret: bytes) -> None:
        self._check()
        self.entries[account] = base64.b64encode(secret).decode()

    def delete(self, account: str) -> None:
        self._check()
        self.entries.pop(account, None)

    def describe(self) -> str:
        return "In-memory keyring"
