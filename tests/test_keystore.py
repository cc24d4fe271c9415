"""Which keyring back-end rrdesk uses, and the keyring's own failures."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rrdesk.keystore import NATIVE_BACKENDS, choose_backend
from tests.fresh_python import fresh_python


class FakeCore:
    """Stands in for ``keyring.core``: what IT configured, and what was set."""

    def __init__(self, *, env: object = None, config: object = None, native: object = None):
        self.env, self.config, self.native = env, config, native
        self.loaded: list[str] = []
        self.chosen: object = None

    def load_env(self) -> object:
        return self.env

    def load_config(self) -> object:
        return self.config

    def load_keyring(self, name: str) -> object:
        self.loaded.append(name)
        if isinstance(self.native, Exception):
            raise self.native
        return self.native

    def set_keyring(self, backend: object) -> None:
        self.chosen = backend


WINDOWS = SimpleNamespace(name="Windows Credential Manager")
FROM_IT = SimpleNamespace(name="chosen by IT")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_the_operating_systems_own_keyring_is_used(platform: str) -> None:
    core = FakeCore(native=WINDOWS)
    choose_backend(core, platform)
    assert core.loaded == [NATIVE_BACKENDS[platform]]
    assert core.chosen is WINDOWS


def test_a_keyring_named_in_the_environment_comes_first() -> None:
    core = FakeCore(env=FROM_IT, native=WINDOWS)
    choose_backend(core, "win32")
    assert core.chosen is FROM_IT
    assert core.loaded == []


def test_keyrings_settings_file_comes_next() -> None:
    core = FakeCore(config=FROM_IT, native=WINDOWS)
    choose_backend(core, "win32")
    assert core.chosen is FROM_IT


def test_a_native_keyring_that_cannot_be_used_leaves_keyring_to_look() -> None:
    core = FakeCore(native=RuntimeError("win32ctypes is missing"))
    choose_backend(core, "win32")
    assert core.chosen is None


def test_elsewhere_keyring_looks_for_the_best_itself() -> None:
    core = FakeCore(native=WINDOWS)
    choose_backend(core, "linux")
    assert core.chosen is None
    assert core.loaded == []


FETCH = """
from rrdesk.keystore import KeyringSecretStore

print(KeyringSecretStore().load("no such account"))
"""


def test_a_keyring_that_holds_no_key_gives_none() -> None:
    shown = fresh_python(FETCH, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    assert shown == ["None"]
