"""What a text check reports: a kind, the exact span of text, a plain-English reason and fixes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class FindingKind(StrEnum):
    """The four kinds of finding. The values are the words used in ``--json`` output."""

    ACRONYM = "acronym"
    CASE_NOTE = "case-note"
    OUT_OF_DATE_TERM = "out-of-date-term"
    FOREIGN_NAME = "foreign-name"


@dataclass(frozen=True)
class Finding:
    """One thing worth a second look in an answer.

    ``start`` and ``end`` are Python string indices into the checked text, so
    ``text[start:end] == finding.text`` always holds.
    """

    kind: FindingKind
    text: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()

    def shifted(self, by: int) -> Finding:
        """The same finding moved ``by`` characters (for text checked a line at a time)."""
        if by == 0:
            return self
        return replace(self, start=self.start + by, end=self.end + by)

    def as_dict(self) -> dict[str, object]:
        """The finding as plain values, in the shape ``rrdesk check-text --json`` prints."""
        return {
            "kind": str(self.kind),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


class TextCheckDataError(ValueError):
    """A dictionary or area list that cannot be used, with a reason fit to show the user."""


def quoted(text: str) -> str:
    """Text in curly quotes, as the messages show it."""
    return f"\u201c{text}\u201d"


def either(options: tuple[str, ...]) -> str:
    """``a``, ``a or b``, ``a, b or c`` — each option quoted."""
    parts = [quoted(option) for option in options]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]
