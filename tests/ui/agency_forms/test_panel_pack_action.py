"""The panel pack built from the Agency forms tab of a case with its meeting booked and every
form quality assured (``forms_setup.booked_case``)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.builders import HEALTH
from tests.fakes import ImmediateRunner
from tests.ui.agency_forms.forms_setup import click, open_tab


def test_build_the_panel_pack(qtbot, blank_context, dialogs, booked) -> None:  # type: ignore[no-untyped-def]
    widget, _service = open_tab(qtbot, blank_context, dialogs, booked)
    click(qtbot, widget.pack.build_button)
    saved = dialogs.folder / str(dialogs.saved_as)
    assert saved.name.endswith("panel pack.pdf")
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "OFFICIAL-SENSITIVE" in text
    assert HEALTH in text
    assert "Child R" in text
    assert "Rosie" not in text
    assert "Gethin ap Rhys" in text, "the hospital's author"
    assert sorted(p.name for p in dialogs.folder.iterdir()) == [saved.name]
    assert "Saved" in widget.pack.status.text()
    actions = [e.action for e in blank_context.session.audit.entries(widget._case_id)]
    assert "Built the panel pack" in actions


def test_cancelled_panel_pack_saves_nothing(qtbot, blank_context, dialogs, booked) -> None:  # type: ignore[no-untyped-def]
    runner = blank_context.runner
    assert isinstance(runner, ImmediateRunner)
    runner.cancel_requested = True
    widget, _service = open_tab(qtbot, blank_context, dialogs, booked)
    click(qtbot, widget.pack.build_button)
    assert list(dialogs.folder.iterdir()) == []
    assert widget.pack.status.text() == "The panel pack was not built. Nothing was saved."


def test_panel_pack_builds_off_the_ui_thread(qtbot, blank_context, dialogs, booked) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.ui.shell.tasks import TaskRunner

    runner = TaskRunner()
    blank_context.runner = runner
    widget, _service = open_tab(qtbot, blank_context, dialogs, booked)
    click(qtbot, widget.pack.build_button)
    assert widget.pack.building
    assert widget.pack.cancel_button.isVisible()
    assert not widget.pack.build_button.isEnabled()
    qtbot.waitUntil(lambda: not widget.pack.building, timeout=30_000)
    runner.wait()
    saved = dialogs.folder / str(dialogs.saved_as)
    assert saved.read_bytes().startswith(b"%PDF")
    assert widget.pack.build_button.isEnabled()
