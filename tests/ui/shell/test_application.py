"""The application object: the same look on every computer, with the house stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from rrdesk.storage.keys import key_file
from tests.fresh_python import fresh_python

MAKE = """
from rrdesk.ui.shell import application

application.apply_house_style = lambda app: None  # to see the style underneath
app = application.make_application()
print(app.style().name(), app.applicationName(), app.organizationName())
"""


def test_the_application_uses_the_fusion_style_whatever_the_computer() -> None:
    # As if the computer's own style were another: Qt's plain Windows style is on every platform.
    assert fresh_python(MAKE, QT_STYLE_OVERRIDE="Windows") == ["fusion rrdesk rrdesk"]


def test_what_start_up_made_is_frozen_out_of_full_collections_and_unfrozen() -> None:
    import gc
    import weakref

    from rrdesk.ui.shell.application import freeze_start_up_objects, unfreeze_start_up_objects

    class Held:
        pass

    garbage = Held()
    garbage.itself = garbage  # type: ignore[attr-defined]  # a cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    before = gc.get_freeze_count()
    try:
        freeze_start_up_objects()
        assert gone() is None  # garbage is collected, not frozen
        assert gc.get_freeze_count() > before
    finally:
        unfreeze_start_up_objects()
    assert gc.get_freeze_count() == 0


def test_freezing_start_up_objects_starts_the_collector_again() -> None:
    import gc

    from rrdesk.ui.shell.application import freeze_start_up_objects, unfreeze_start_up_objects

    gc.disable()
    try:
        freeze_start_up_objects()
        assert gc.isenabled()
    finally:
        gc.enable()
        unfreeze_start_up_objects()


class _AskingDialog:
    """Stands in for the set-up or unlock dialog: notes whether the collector runs as it asks."""

    collector_running: ClassVar[list[bool]] = []

    def __init__(self, *_args: object, **_options: object) -> None:
        self.session = None
        self.keyring_message = ""
        self.problem = None
        self.retry = False

    def exec(self) -> int:
        import gc

        self.collector_running.append(gc.isenabled())
        return 0


@pytest.mark.parametrize(
    "dialog",
    [
        "rrdesk.ui.store.setup_dialog.SetupDialog",
        "rrdesk.ui.store.unlock_dialog.UnlockDialog",
        "rrdesk.ui.store.store_problem_dialog.StoreProblemDialog",
    ],
)
def test_the_collector_runs_while_a_dialog_asks_the_person_something(  # type: ignore[no-untyped-def]
    monkeypatch, qapp, new_store, store_path, tmp_path, messages, memory_secrets, dialog, today
) -> None:
    import gc

    from rrdesk.app.opening import open_store
    from tests.seams import seams_for

    monkeypatch.setattr(dialog, _AskingDialog)
    monkeypatch.setattr(_AskingDialog, "collector_running", [])
    new_store.session.close()
    # A new store asks for set-up; an existing one with no key remembered asks to unlock; one
    # whose key file has gone says so and offers a backup.
    path = tmp_path / "new" / "new.rrdesk" if "setup" in dialog else store_path
    if "problem" in dialog:
        key_file.slot_file_for(store_path).unlink()
    gc.disable()
    try:
        assert open_store(path, seams_for(messages, lambda: today), memory_secrets) is None
    finally:
        gc.enable()
    assert _AskingDialog.collector_running == [True]


def test_the_application_can_be_made_unstyled_and_styled_once() -> None:
    script = """
from rrdesk.ui.shell import application
app = application.make_application(styled=False)
print(repr(app.styleSheet()))
application.apply_house_style(app)
sheet = app.styleSheet()
application.apply_house_style(app)
print(bool(sheet), app.styleSheet() == sheet)
"""
    assert fresh_python(script) == ["''", "True True"]


def test_every_image_the_house_style_names_is_there() -> None:
    import re

    from rrdesk.ui.shell.application import house_style_sheet

    sheet = house_style_sheet()
    images = re.findall(r'url\("([^"]+)"\)', sheet)
    assert "@resources@" not in sheet
    assert len(images) >= 4  # the arrows on spin boxes and drop-down lists
    for image in images:
        assert Path(image).is_file(), image
        assert Path(image).read_text(encoding="utf-8").startswith("<svg")
