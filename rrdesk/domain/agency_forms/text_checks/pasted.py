"""Spans of an answer that were pasted in, kept in place as the answer is edited, so quality
assurance can see them ("Contains pasted text in 3 places")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextSpan:
    """Characters ``start`` to ``end`` (Python string indices) of an answer."""

    start: int
    end: int


def _merged(spans: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    merged: list[TextSpan] = []
    for span in sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            merged[-1] = TextSpan(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return tuple(merged)


def spans_after_edit(
    spans: Iterable[TextSpan], edit_start: int, removed: int, inserted: int
) -> tuple[TextSpan, ...]:
    """Move the spans for an edit: ``removed`` characters at ``edit_start`` replaced by
    ``inserted`` new ones. Removed text leaves its span; typing inside a span stays in it."""
    delta = inserted - removed
    edit_end = edit_start + removed

    def moved_start(position: int) -> int:
        if position < edit_start:
            return position
        if position >= edit_end:
            return position + delta
        return edit_start + inserted

    def moved_end(position: int) -> int:
        if position <= edit_start:
            return position
        if position >= edit_end:
            return position + delta
        return edit_start

    return _merged(TextSpan(moved_start(s.start), moved_end(s.end)) for s in spans)


def add_pasted_span(spans: Iterable[TextSpan], start: int, length: int) -> tuple[TextSpan, ...]:
    """The spans after ``length`` characters were pasted at ``start`` (call after moving the
    spans for the paste with :func:`spans_after_edit`)."""
    return _merged([*spans, TextSpan(start, start + length)])


def describe_pasted(spans: Iterable[TextSpan]) -> str:
    """The words "Contains pasted text in 3 places", or nothing when nothing was pasted."""
    count = len(_merged(spans))
    if count == 0:
        return ""
    return f"Contains pasted text in {count} place{'s' if count != 1 else ''}"
