"""Where the shipped data lives: ``resources/`` and ``forms/``.

In an installed wheel (or a frozen build) both folders sit inside the ``rrdesk`` package and are
found through :mod:`importlib.resources`. In a source checkout they are the top-level folders of
the repository, beside the package. Never relative to the working directory.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def _folder(name: str) -> Traversable:
    packaged = resources.files("rrdesk") / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/``."""
    node = _folder("resources")
    for part in parts:
        node = node / part
    return node


def form(*parts: str) -> Traversable:
    """A file or folder under ``forms/``."""
    node = _folder("forms")
    for part in parts:
        node = node / part
    return node
