"""The findings of one narrative answer, each with its reason and a fix: one click replaces the
text with the expansion, or "Ignore here" records that the author looked and kept it.

The agency check form shows the panel beside its answers. :class:`CheckedText` is a box for any
other free text that reaches a document (what happened, the threshold discussion's reasons, a
meeting's notes), with the same checks and the same panel under it while there is something
to look at."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.text_checks import Finding, FindingKind
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.kit.scrolling_page import page_scroll

SHOWN_FINDINGS = 40
SHOWN_SUGGESTIONS = 4
KIND_WORDS = {
    FindingKind.ACRONYM: "Acronym",
    FindingKind.OUT_OF_DATE_TERM: "Out-of-date term",
    FindingKind.CASE_NOTE: "Looks copied from case notes",
    FindingKind.FOREIGN_NAME: "Name from elsewhere",
}


def finding_summary(findings: tuple[Finding, ...]) -> str:
    """The line under an answer: "2 things to look at: “CAMHS” (acronym), …"."""
    if not findings:
        return ""
    shown = ", ".join(f"\u201c{f.text}\u201d ({KIND_WORDS[f.kind].lower()})" for f in findings[:5])
    more = f" and {len(findings) - 5} more" if len(findings) > 5 else ""
    things = "thing" if len(findings) == 1 else "things"
    return f"{len(findings)} {things} to look at: {shown}{more}. Each has a fix in the panel."


class FindingsPanel(QFrame):
    """The side panel: the findings of the answer being written."""

    fix_applied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings_panel")
        self.setAccessibleName("Things to look at in this answer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(360)
        self._edit: NarrativeEdit | None = None
        self._title = heading_label(
            "Things to look at", level=3, object_name="findings_panel_title"
        )
        self._intro = hint_label("Click in an answer to see what the checks found in it.")
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.addStretch(1)
        scroll = page_scroll(self._list)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addWidget(scroll, 1)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh)
        self.buttons: list[QPushButton] = []
        self.shown: tuple[Finding, ...] = ()

    def show_for(self, edit: NarrativeEdit | None) -> None:
        if self._edit is edit:
            return
        if self._edit is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._edit.findings_changed.disconnect(self._refresh_timer.start)
        self._edit = edit
        if edit is not None:
            edit.findings_changed.connect(self._refresh_timer.start)
        self.refresh()

    def refresh(self) -> None:
        while self._list_layout.count() > 1:
            item = self._list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons = []
        self.shown = ()
        edit = self._edit
        if edit is None:
            self._intro.setText("Click in an answer to see what the checks found in it.")
            return
        findings = edit.findings
        self.shown = findings
        if edit.checking:
            self._intro.setText("Checking this answer\u2026")
        elif not findings:
            self._intro.setText("Nothing to look at in this answer.")
        else:
            self._intro.setText(
                f"{len(findings)} in this answer. These are warnings: fix them, or ignore one "
                "here if it is right."
            )
        for index, finding in enumerate(findings[:SHOWN_FINDINGS]):
            self._list_layout.insertWidget(index, self._entry(edit, finding, index))
        if len(findings) > SHOWN_FINDINGS:
            more = hint_label(f"And {len(findings) - SHOWN_FINDINGS} more further on.")
            self._list_layout.insertWidget(SHOWN_FINDINGS, more)

    def button(self, name: str) -> QPushButton:
        """A fix or ignore button of the findings shown now, by its object name."""
        return next(b for b in self.buttons if b.objectName() == name)

    def _entry(self, edit: NarrativeEdit, finding: Finding, index: int) -> QWidget:
        box = QFrame()
        box.setObjectName(f"finding_{index}")
        box.setProperty("role", "finding")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 6)
        title = QLabel(
            f"<b>\u201c{_escape(finding.text)}\u201d</b> \u2014 {KIND_WORDS[finding.kind]}"
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        reason = QLabel(finding.message)
        reason.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(reason)
        row = QHBoxLayout()
        for number, suggestion in enumerate(finding.suggestions[:SHOWN_SUGGESTIONS]):
            button = QPushButton(f"Replace with \u201c{suggestion}\u201d")
            button.setObjectName(f"finding_{index}_fix_{number}")
            button.setToolTip(button.text())
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(f"Replace {finding.text} with {suggestion}")
            button.clicked.connect(lambda _c=False, f=finding, s=suggestion: self._fix(edit, f, s))
            layout.addWidget(button)
            self.buttons.append(button)
        ignore = QPushButton("Ignore here")
        ignore.setObjectName(f"finding_{index}_ignore")
        ignore.setAccessibleName(f"Ignore {finding.text} here")
        ignore.setProperty("role", "secondary")
        ignore.clicked.connect(lambda _c=False, f=finding: edit.ignore(f))
        row.addWidget(ignore)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons.append(ignore)
        return box

    def _fix(self, edit: NarrativeEdit, finding: Finding, suggestion: str) -> None:
        edit.apply_fix(finding, suggestion)
        edit.setFocus()  # the fix's button is gone: what is typed next goes in the answer
        self.fix_applied.emit()


class CheckedText(QWidget):
    """A :class:`NarrativeEdit` with the findings panel under it, shown while the checks have
    found something. Read and write the text with ``edit`` (a ``QPlainTextEdit``)."""

    def __init__(self, edit: NarrativeEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        object_name = edit.objectName()
        self.summary = QLabel()
        self.summary.setObjectName(f"{object_name}_findings")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "warning")
        self.panel = FindingsPanel()
        self.panel.setObjectName(f"{object_name}_findings_panel")
        self.panel.setMinimumWidth(0)
        self.panel.setMinimumHeight(220)
        self.panel.setMaximumHeight(320)
        self.panel.show_for(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.panel)
        self.edit.findings_changed.connect(self._on_edit_findings_changed)
        self._on_edit_findings_changed()

    def _on_edit_findings_changed(self) -> None:
        findings = self.edit.findings
        self.summary.setText(finding_summary(findings).replace(" in the panel", " below"))
        self.summary.setVisible(bool(findings))
        self.panel.setVisible(bool(findings))

    def setFocus(self, *args: object) -> None:
        self.edit.setFocus()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
