"""The composition root: the one place that builds and wires the app."""

from __future__ import annotations

from pathlib import Path


def run_app(*, store: Path | None, demo: bool) -> int:
    """Start the Qt app (imported here so command-line use never loads Qt)."""
    from rrdesk.ui.application import run

    return run(store=store, demo=demo)
