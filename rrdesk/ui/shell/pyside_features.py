"""Modules told to PySide6 up front, so it does not read their source as they load.

PySide6 has optional per-module switches (``from __feature__ import snake_case``) and keeps, for
each module, which switches it chose. To fill that in, it reads the whole source of every module
named in an ``import`` after PySide6 is loaded, to see whether it mentions PySide6: at start-up
that is well over a hundred files read and kept in memory. No module in rrdesk chooses a switch,
so every module is entered as "no switches" before it loads, and nothing is read. A module that
does choose one still can: choosing replaces the entry. This is only a saving: if a PySide6
release keeps the list elsewhere, nothing here applies and PySide6 reads the source as before.
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

NO_SWITCHES = 0  # PySide6's selection for a module that chose no switches


def _selections() -> MutableMapping[str, int] | None:
    features = sys.modules.get("__feature__")
    selections = getattr(features, "pyside_feature_dict", None)
    return selections if isinstance(selections, dict) else None


class _EnterBeforeLoading:
    """On ``sys.meta_path``: enters each module as it is looked for, and finds nothing itself."""

    def __init__(self, selections: MutableMapping[str, int]) -> None:
        self.selections = selections

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        self.selections.setdefault(name, NO_SWITCHES)
        return None


def enter_modules() -> bool:
    """Enter the modules loaded so far and those still to load; False where PySide6 keeps no
    such list. Call once PySide6 is imported; calling again does nothing more."""
    selections = _selections()
    if selections is None:
        return False
    for name in list(sys.modules):
        selections.setdefault(name, NO_SWITCHES)
    if not any(isinstance(finder, _EnterBeforeLoading) for finder in sys.meta_path):
        sys.meta_path.insert(0, _EnterBeforeLoading(selections))
    return True
