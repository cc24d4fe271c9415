"""What start-up loads before the main window is shown: the libraries and screens that only some
tasks need wait until they are first used (docs/startup.md, "Loaded when first used")."""

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
    print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
    print(" ".join(sorted(name for name in sys.modules if name.startswith("rrdesk."))))
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


def test_the_first_window_is_shown_without_the_libraries_and_screens_of_other_tasks(
    tmp_path: Path,
) -> None:
    created = store_access.create_store(
        tmp_path / "start.rrdesk", partnership="Start", owner="Start", passphrase="quiet harbour"
    )
    account = store_access.keyring_account(created.session.slots)
    key = created.session.key_bytes()
    created.session.close()
    libraries, modules = fresh_python(
        START_UP,
        **own_folders(tmp_path),
        PYTHONPATH=str(BENCH),
        PYTHON_KEYRING_BACKEND="startup_keyring.EnvironmentKeyring",
        RRDESK_BENCH_ACCOUNT=account,
        RRDESK_BENCH_SECRET=base64.b64encode(key).decode(),
        RRDESK_TEST_STORE=str(tmp_path / "start.rrdesk"),
    )
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
