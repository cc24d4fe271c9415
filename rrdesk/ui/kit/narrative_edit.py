"""A box for a narrative answer: checked as the author types, with pasted text marked.

Every paste is intercepted (:meth:`NarrativeEdit.insertFromMimeData`): the pasted span is kept
in place as the answer is edited and shown with a background colour, so quality assurance sees
it. Findings are underlined. A very large paste is accepted with a warning and checked a slice
at a time between events, so the window stays responsive.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from rrdesk.domain.agency_forms.text_checks import (
    Finding,
    IgnoredFinding,
    TextChecker,
    TextSpan,
    add_pasted_span,
    apply_suggestion,
    ignore_here,
    spans_after_edit,
    visible_findings,
)
from rrdesk.ui.kit.text_positions import TextPositions

LARGE_PASTE = 100_000
"""Characters: a paste this long gets a warning."""
CHECK_IN_ONE_GO = 20_000
"""Characters: a larger edit is checked a slice at a time between events."""
SLICE_BUDGET_SECONDS = 0.02
SLICE_CHARACTERS = 16_000
MARKED_FINDINGS = 1_000
PASTED_COLOUR = QColor("#fff2b3")
FINDING_COLOUR = QColor("#b10e1e")


def _visible(found: tuple[Finding, ...], ignored: Sequence[IgnoredFinding]) -> tuple[Finding, ...]:
    """:func:`visible_findings`, quick on a very long answer: only texts ignored somewhere are
    counted."""
    if not ignored:
        return found
    texts = {item.text for item in ignored}
    kept = set(visible_findings([f for f in found if f.text in texts], ignored))
    return tuple(f for f in found if f.text not in texts or f in kept)


def _slice_end(text: str, offset: int) -> tuple[int, int]:
    """Where the next slice to check ends, and where the one after starts: at a line break,
    else after a full stop (no finding crosses either), else wherever the slice is long enough."""
    longest = offset + 4 * SLICE_CHARACTERS
    if len(text) <= longest:
        return len(text), len(text)
    line_break = text.find("\n", offset + SLICE_CHARACTERS, longest)
    if line_break != -1:
        return line_break, line_break + 1
    full_stop = text.find(". ", offset + SLICE_CHARACTERS, longest)
    if full_stop != -1:
        return full_stop + 1, full_stop + 2
    return longest, longest


class NarrativeEdit(QPlainTextEdit):
    edited = Signal()
    findings_changed = Signal()
    pasted = Signal(int)
    focus_left = Signal()
    focus_entered = Signal()

    def __init__(
        self,
        checker: TextChecker,
        *,
        object_name: str,
        accessible: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible)
        self.setTabChangesFocus(True)
        self._checker = checker
        self._text = ""
        self._all: tuple[Finding, ...] = ()
        self._visible: tuple[Finding, ...] = ()
        self._ignored: tuple[IgnoredFinding, ...] = ()
        self._spans: tuple[TextSpan, ...] = ()
        self._pasting = False
        self._loading = False
        self._generation = 0
        self._pending: tuple[int, list[Finding], str] | None = None
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._on_slice_timer_timeout)
        self.document().contentsChange.connect(self._on_document_contents_change)

    # Loading and reading

    def load(
        self,
        text: str,
        spans: Sequence[TextSpan] = (),
        ignored: Sequence[IgnoredFinding] = (),
    ) -> None:
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self.moveCursor(QTextCursor.MoveOperation.End)
        self._text = self.toPlainText()
        self._spans = tuple(s for s in spans if 0 <= s.start < s.end <= len(self._text))
        self._ignored = tuple(ignored)
        self._start_check()

    def text(self) -> str:
        return self._text

    def set_checker(self, checker: TextChecker) -> None:
        """Check with ``checker`` from now on (one that knows the case's own names, say)."""
        self._checker = checker
        self._start_check()

    @property
    def pasted_spans(self) -> tuple[TextSpan, ...]:
        return self._spans

    @property
    def ignored(self) -> tuple[IgnoredFinding, ...]:
        return self._ignored

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Findings still shown (not ignored here)."""
        return self._visible

    @property
    def checking(self) -> bool:
        """True while a large answer is still being checked a slice at a time."""
        return self._pending is not None

    # Paste interception

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        if not text:
            return
        before = self._text
        cursor = self.textCursor()
        positions = TextPositions(before)
        start = positions.to_python(cursor.selectionStart())
        end = positions.to_python(cursor.selectionEnd())
        self._pasting = True
        try:
            cursor.insertText(text)
        finally:
            self._pasting = False
        after = self.toPlainText()
        inserted = len(after) - len(before) + (end - start)
        self._apply_edit(after, start, end - start, inserted, pasted=True)
        self.setTextCursor(cursor)
        self.pasted.emit(inserted)

    # Fixes

    def apply_fix(self, finding: Finding, suggestion: str) -> None:
        """Replace the finding with the suggestion, as one undoable edit."""
        replaced = apply_suggestion(self._text, finding, suggestion)
        tail = len(self._text) - finding.end
        replacement = replaced[finding.start : len(replaced) - tail]
        positions = TextPositions(self._text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(positions.to_qt(finding.start))
        cursor.setPosition(positions.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)

    def ignore(self, finding: Finding) -> IgnoredFinding:
        """Ignore the finding here: remembered with the answer."""
        key = ignore_here(self._all, finding)
        if key not in self._ignored:
            self._ignored = (*self._ignored, key)
        self._publish(self._all)
        self.edited.emit()
        return key

    # Edits

    def _on_document_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._pasting or self._loading:
            return
        after = self.toPlainText()
        positions = TextPositions(after)
        start = positions.to_python(position)
        end = positions.to_python(min(position + added, positions.qt_length))
        inserted = end - start
        removed_py = len(self._text) - len(after) + inserted
        if removed_py < 0:
            inserted -= removed_py
            removed_py = 0
        self._apply_edit(after, start, removed_py, inserted, pasted=False)

    def _apply_edit(
        self, after: str, start: int, removed: int, inserted: int, *, pasted: bool
    ) -> None:
        before_findings = self._all
        self._spans = spans_after_edit(self._spans, start, removed, inserted)
        if pasted and inserted > 0:
            self._spans = add_pasted_span(self._spans, start, inserted)
        self._text = after
        if inserted > CHECK_IN_ONE_GO or self._pending is not None:
            self._start_check()
        else:
            found = self._checker.check_around(after, before_findings, start, removed, inserted)
            self._publish(found)
        self.edited.emit()

    def _start_check(self) -> None:
        self._generation += 1
        if len(self._text) <= CHECK_IN_ONE_GO:
            self._pending = None
            self._slice_timer.stop()
            self._publish(self._checker.check(self._text))
            return
        self._pending = (0, [], self._text)
        self._slice_timer.start()
        self._mark()

    def _on_slice_timer_timeout(self) -> None:
        if self._pending is None:
            return
        offset, found, text = self._pending
        if text is not self._text:
            self._start_check()
            return
        if offset >= len(text):  # every slice checked: showing the findings is a tick of its own
            self._pending = None
            self._publish(tuple(found))
            return
        started = time.perf_counter()
        while offset < len(text):
            slice_started = time.perf_counter()
            end, following = _slice_end(text, offset)
            found.extend(f.shifted(offset) for f in self._checker.check(text[offset:end]))
            offset = following
            now = time.perf_counter()
            # Another slice only if one more as long as this one still fits in the budget.
            if now - started + (now - slice_started) > SLICE_BUDGET_SECONDS:
                break
        self._pending = (offset, found, text)
        self._slice_timer.start()

    def _publish(self, found: tuple[Finding, ...]) -> None:
        self._all = found
        self._visible = _visible(found, self._ignored)
        self._mark()
        self.findings_changed.emit()

    # Marking

    def _mark(self) -> None:
        positions = TextPositions(self._text)
        selections = []
        pasted_format = QTextCharFormat()
        pasted_format.setBackground(PASTED_COLOUR)
        pasted_format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        for span in self._spans:
            selections.append(self._selection(positions, span.start, span.end, pasted_format))
        finding_format = QTextCharFormat()
        finding_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        finding_format.setUnderlineColor(FINDING_COLOUR)
        for finding in self._visible[:MARKED_FINDINGS]:
            selections.append(
                self._selection(positions, finding.start, finding.end, finding_format)
            )
        self.setExtraSelections(selections)

    def _selection(
        self, positions: TextPositions, start: int, end: int, char_format: QTextCharFormat
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(positions.to_qt(start), positions.qt_length))
        cursor.setPosition(
            min(positions.to_qt(end), positions.qt_length), QTextCursor.MoveMode.KeepAnchor
        )
        selection.cursor = cursor
        selection.format = char_format
        return selection

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_entered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()
