"""Leaving a page that holds unsaved typing asks first: Save, Discard or Stay.

A page that can hold typing not yet saved (a case's question pages, say) says so through
:class:`HoldsTyping`. Whatever takes the person away from it asks through :func:`may_leave`
first: choosing another section (the list on the left or Ctrl+number), another case tab or
another case, going back to the list, and closing the window. Locking asks nothing: it keeps the
typing instead (``save_pending``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from rrdesk.ui.shell.messages import Messages

SAVE, DISCARD, STAY = "Save", "Discard", "Stay on this page"


@dataclass(frozen=True)
class UnsavedTyping:
    """What the question says: its title and a sentence on what would be lost."""

    title: str
    text: str


@runtime_checkable
class HoldsTyping(Protocol):
    """A page that can hold typing not yet saved."""

    def unsaved_typing(self) -> UnsavedTyping | None:
        """What is typed and not saved, or ``None`` when nothing is."""
        ...

    def save_typing(self) -> bool:
        """Save what is typed; False when it cannot be (the page then shows its problems)."""
        ...

    def discard_typing(self) -> None:
        """Put the page back as it was last saved."""
        ...


def pages_holding_typing(root: QWidget) -> list[HoldsTyping]:
    """``root`` and the pages on show inside it that hold unsaved typing (``root`` itself may be
    hidden: a tab just left, say)."""
    found: list[HoldsTyping] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, HoldsTyping) and widget.unsaved_typing() is not None:
            found.append(widget)
    return found


def may_leave(root: QWidget, messages: Messages) -> bool:
    """Ask about each page on show in ``root`` with unsaved typing; True when the person may
    leave (each page saved or discarded), False when they stay or it could not be saved."""
    for page in pages_holding_typing(root):
        unsaved = page.unsaved_typing()
        if unsaved is None:
            continue
        choice = messages.choose(
            root, unsaved.title, unsaved.text, (SAVE, DISCARD, STAY), default=STAY
        )
        if choice == STAY:
            return False
        if choice == SAVE:
            if not page.save_typing():
                return False
        else:
            page.discard_typing()
    return True
