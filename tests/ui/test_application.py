"""The application object: the same look on every computer, with the house stylesheet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MAKE = """
from rrdesk.ui import application

application.apply_house_style = lambda app: None  # to see the style underneath
app = application.make_application()
print(app.style().name(), app.applicationName(), app.organizationName())
"""


def test_the_application_uses_the_fusion_style_whatever_the_computer() -> None:
    # As if the computer's own style were another: Qt's plain Windows style is on every platform.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="Windows")
    done = subprocess.run(
        [sys.executable, "-c", MAKE], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    assert done.stdout.split() == ["fusion", "rrdesk", "rrdesk"]


def test_what_start_up_made_is_set_aside_from_full_collections_and_taken_back() -> None:
    import gc
    import weakref

    from rrdesk.ui.application import set_start_up_aside, take_back_start_up

    class Held:
        pass

    garbage = Held()
    garbage.itself = garbage  # type: ignore[attr-defined]  # a cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    before = gc.get_freeze_count()
    try:
        set_start_up_aside()
        assert gone() is None  # garbage is collected, not set aside
        assert gc.get_freeze_count() > before
    finally:
        take_back_start_up()
    assert gc.get_freeze_count() == 0
