"""Shared fixtures. Qt runs offscreen; the real keyring and the clock are never used."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from tests.fakes import RecordingMessages

pytest_plugins = ["tests.running_work"]

TODAY = date(2026, 11, 22)

# Property tests try new random examples on every run here, to find what no one thought of. CI
# sets HYPOTHESIS_PROFILE=ci: the same examples every time, so a rare example found at random
# fails someone's run rather than stopping a submission for a reason unrelated to it.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/ui and tests/app as a GUI test so ``-m "not gui"`` is the
    fast loop."""
    gui_folders = tuple(f"{os.sep}tests{os.sep}{name}{os.sep}" for name in ("ui", "app"))
    for item in items:
        if any(folder in str(item.path) for folder in gui_folders):
            item.add_marker(pytest.mark.gui)


# The one walk that runs in the other tests' process, after them: the longest walk, so that the two
# processes take about as long as each other (the other tests about 10 minutes and this walk about
# 7; the other six walks about 16).
WALK_AFTER_THE_OTHER_TESTS = (
    "tests/walks/test_coordinator_day_walk.py::test_the_coordinators_first_day[1366x768]"
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """``make test`` runs the suite in two processes (pytest-xdist's ``-n 2``), each running its
    share one test after another in the order collected: the walks, which mostly wait on their
    virtual screens, in one; every other test, then the longest walk, in the other. So two walks
    run side by side only at the end, each on a virtual screen of its own."""
    from xdist.scheduler import LoadScopeScheduling

    class WalksBesideTheRest(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/walks/") and nodeid != WALK_AFTER_THE_OTHER_TESTS:
                return "walks"
            return "others"

    return WalksBesideTheRest(config, log)  # type: ignore[arg-type]


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "partnership.rrdesk"


@pytest.fixture(autouse=True)
def _fast_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at full strength takes a few hundred milliseconds; tests use a cheaper cost."""
    from rrdesk.storage.keys import key_slots

    monkeypatch.setattr(key_slots, "SCRYPT_N", 2**12)


PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def memory_secrets():  # type: ignore[no-untyped-def]
    from rrdesk.keystore import MemorySecretStore

    return MemorySecretStore()


@pytest.fixture
def new_store(store_path: Path):  # type: ignore[no-untyped-def]
    """A fresh encrypted store in tmp_path, open; closed after the test."""
    from rrdesk.services.store.store_access import create_store

    created = create_store(
        store_path,
        partnership="Northmoor Safeguarding Children Partnership",
        owner="Priya Test-Coordinator",
        passphrase=PASSPHRASE,
    )
    yield created
    if created.session.is_open:
        created.session.close()


@pytest.fixture
def session(new_store):  # type: ignore[no-untyped-def]
    return new_store.session


OTHER_PARTNERSHIP = "Eastbrook Safeguarding Children Partnership"


@pytest.fixture
def others_backup(tmp_path: Path) -> Path:
    """A backup of another partnership's store (same passphrase), in tmp_path; the store closed."""
    from rrdesk.services.store.backups import back_up_to
    from rrdesk.services.store.store_access import create_store

    other = create_store(
        tmp_path / "eastbrook.rrdesk",
        partnership=OTHER_PARTNERSHIP,
        owner="Sam Other-Coordinator",
        passphrase=PASSPHRASE,
    ).session
    try:
        return back_up_to(other, tmp_path / "eastbrook.rrbackup")
    finally:
        other.close()


# What every screen is built from: the message seam recorded, an immediate task runner.
@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def blank_context(session, messages, today: date, memory_secrets):  # type: ignore[no-untyped-def]
    """What a main window is built from, over a new store with nothing in it: a test adds what it
    relies on with ``tests.builders``."""
    from tests.seams import app_context

    return app_context(session, memory_secrets, messages, lambda: today)
