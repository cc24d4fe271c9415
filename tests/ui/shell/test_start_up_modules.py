"""What start-up loads before the main window is shown, and in what order: the libraries and
screens that only some tasks need wait until they are first used, and the keyring comes before
Qt (docs/startup.md)."""

from __future__ import annotations

import base64
from pathlib import Path

from rrdesk.services.store import store_access
from tests.bench.bench_startup import BENCH, WATCH_THE_EVENT_LOOP
from tests.fresh_python import fresh_python, own_folders

# rrdesk started as a coordinator starts it, with the data key remembered in a keyring (the
# benchmark's stand-in holding that one key); as its event loop starts, with the main window
# shown, it prints what is loaded, then ends.
START_UP = (
    WATCH_THE_EVENT_LOOP
    + """
import os


def on_event_loop(app):
    import linecache

    loaded = list(sys.modules)  # in the order their loading started
    print(" ".join(sorted({name.split(".")[0] for name in loaded})))
    print(" ".join(sorted(name for name in loaded if name.startswith("rrdesk."))))
    print(loaded.index("keyring") < loaded.index("PySide6"))
    # What the keyring library loads for its own use: files PySide6 would read if loaded after it.
    loaded_by_keyring = ("/email/", "/http/", "/urllib/", "/jaraco/", "/importlib_metadata/")
    print(sorted(name for name in linecache.cache if any(p in name for p in loaded_by_keyring)))
    sys.stdout.flush()
    os._exit(0)


from rrdesk.cli import main
sys.exit(main(["--store", os.environ["RRDESK_TEST_STORE"]]))
"""
)

LOADED_WHEN_FIRST_USED = ("reportlab", "pyhanko", "cryptography", "workalendar", "icalendar")
"""The PDF, signing, calendar-rule and invitation libraries, and cryptography (only to wrap or
unwrap a key with the passphrase or recovery key)."""

FIRST_SCREEN_PACKAGES = (
    "rrdesk.ui.shell.",
    "rrdesk.ui.kit.",
    "rrdesk.ui.store.",
    "rrdesk.ui.cases.",
)
"""The UI packages the first window is made of; of the others, only each one's wiring."""

LOADED_WHEN_SOMETHING_GOES_WRONG = (
    "rrdesk.ui.shell.crash_dialog",
    "rrdesk.services.platform.crash_report",
    "rrdesk.ui.shell.crash_notice",
)
"""The crash dialog and its report, and the notice of a run that ended hard: the hooks that show
them (and ``faulthandler``, which writes the trace the notice tells of) are in place from the
start."""


def start_with_a_remembered_key(folder: Path) -> list[str]:
    """What ``START_UP`` prints, started on a new store in ``folder`` with its key remembered."""
    created = store_access.create_store(
        folder / "start.rrdesk",
        partnership="Start",
        owner="Start",
        passphrase="quiet harbour lantern",
    )
    account = store_access.keyring_account(created.session.slots)
    key = created.session.key_bytes()
    created.session.close()
    return fresh_python(
        START_UP,
        **own_folders(folder),
        PYTHONPATH=str(BENCH),
        PYTHON_KEYRING_BACKEND="startup_keyring.EnvironmentKeyring",
        RRDESK_BENCH_ACCOUNT=account,
        RRDESK_BENCH_SECRET=base64.b64encode(key).decode(),
        RRDESK_TEST_STORE=str(folder / "start.rrdesk"),
    )


def test_the_first_window_is_shown_without_the_libraries_and_screens_of_other_tasks(
    tmp_path: Path,
) -> None:
    libraries, modules, *_ = start_with_a_remembered_key(tmp_path)
    assert "PySide6" in libraries.split()  # the window was shown
    assert [name for name in LOADED_WHEN_FIRST_USED if name in libraries.split()] == []
    other_screens = [
        name
        for name in modules.split()
        if name.startswith("rrdesk.ui.")
        and name.count(".") > 2
        and not name.startswith(FIRST_SCREEN_PACKAGES)
        and not name.endswith(".wiring")
    ]
    assert other_screens == []
    assert [name for name in modules.split() if name.startswith("rrdesk.exports")] == []
    assert "rrdesk.ui.shell.crash_handling" in modules.split()
    assert "faulthandler" in libraries.split()  # the crash trace is written from the start
    assert [name for name in LOADED_WHEN_SOMETHING_GOES_WRONG if name in modules.split()] == []


def test_the_keyring_is_loaded_before_qt_so_pyside_reads_none_of_its_source(
    tmp_path: Path,
) -> None:
    *_, keyring_first, keyring_read = start_with_a_remembered_key(tmp_path)
    assert keyring_first == "True"
    assert keyring_read == "[]"
