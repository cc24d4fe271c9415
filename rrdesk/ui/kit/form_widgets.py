"""Question-page building blocks in the GOV.UK pattern, shaped for the desktop.

A :class:`FormField` is a label, hint text under it, an error message slot and the input. The
:class:`ErrorSummary` says "There is a problem", lists each error, and moves focus to the field
when an entry is clicked. :class:`DateInput` is three boxes: day, month and year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6 import QtCore  # QtCore.Qt named where used, not at start-up (ui.item_roles)
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.timetable.dates import DateError, parse_date_parts


def fits_the_page(combo: QComboBox, characters: int = 16) -> QComboBox:
    """A drop-down list that long entries (names, agencies) do not make wider than the page: it
    is as wide as the room allows, and the list that opens shows each entry whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def name_widget(widget: QWidget, object_name: str, accessible: str) -> QWidget:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def heading_label(text: str, *, level: int = 1, object_name: str = "page_heading") -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * {1: 1.8, 2: 1.4, 3: 1.15}.get(level, 1.0))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setObjectName(object_name)
    label.setAccessibleName(text)
    label.setProperty("role", f"heading{level}")
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    return label


class FormField(QWidget):
    """Label, hint, error message and input, stacked as on a GOV.UK question page."""

    def __init__(
        self,
        label: str,
        field: QWidget,
        *,
        hint: str = "",
        object_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.label.setProperty("role", "label")
        font = QFont(self.label.font())
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBuddy(field)
        self.hint = hint_label(hint) if hint else None
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        if self.hint is not None:
            layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(field)
        _limit_width(field)
        if object_name:
            self.setObjectName(f"{object_name}_field")
            if not field.objectName():
                field.setObjectName(object_name)
        if not field.accessibleName():
            field.setAccessibleName(label)
        if hint and not field.accessibleDescription():
            field.setAccessibleDescription(hint)

    def set_error(self, message: str) -> None:
        self.error.setText(f"Error: {message}" if message else "")
        self.error.setVisible(bool(message))
        self.setProperty("invalid", bool(message))
        self.field.setProperty("invalid", bool(message))
        for widget in (self, self.field):
            restyle(widget)

    def focus(self) -> None:
        target = self.field
        if isinstance(target, DateInput):
            target.focus_first_problem()
        else:
            target.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)


FIELD_WIDTHS = {"QLineEdit": 560, "QComboBox": 560, "QSpinBox": 160, "QPlainTextEdit": 760}


def _limit_width(field: QWidget) -> None:
    """Inputs are as wide as what goes in them, as on a GOV.UK question page."""
    for cls in type(field).__mro__:
        width = FIELD_WIDTHS.get(cls.__name__)
        if width is not None:
            field.setMaximumWidth(width)
            return


class ErrorSummary(QFrame):
    """'There is a problem': each error is a link that moves focus to its field (a
    :class:`FormField`, or any widget, such as a section's row in a task list)."""

    link_followed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_summary")
        self.setAccessibleName("There is a problem")
        self.setProperty("role", "error_summary")
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self._title = heading_label(
            "There is a problem", level=2, object_name="error_summary_title"
        )
        self._list = QLabel()
        self._list.setObjectName("error_summary_list")
        self._list.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self._list.setWordWrap(True)
        self._list.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.LinksAccessibleByMouse
            | QtCore.Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._list.linkActivated.connect(self._on_list_link_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._list)
        self._fields: dict[str, QWidget] = {}
        self.messages: list[str] = []
        self.hide()

    def show_errors(self, errors: Sequence[tuple[QWidget, str]], *, focus: bool = True) -> None:
        """List ``errors`` and take the focus (as GOV.UK does after Continue); ``focus=False``
        updates the list as the person puts problems right, leaving the cursor where it is."""
        self._fields = {}
        items = []
        self.messages = []
        for index, (field, message) in enumerate(errors):
            key = f"e{index}"
            self._fields[key] = field
            self.messages.append(message)
            items.append(f'<li><a href="{key}">{_escape(message)}</a></li>')
        self._list.setText(f"<ul>{''.join(items)}</ul>")
        self.setVisible(bool(errors))
        if errors and focus:
            self.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.show_errors([])

    def follow(self, index: int) -> None:
        """Move focus to the field of the ``index``-th error (as a click on its link does)."""
        self._on_list_link_activated(f"e{index}")

    def _on_list_link_activated(self, key: str) -> None:
        field = self._fields.get(key)
        if isinstance(field, FormField):
            field.focus()
        elif field is not None:
            field.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        if field is not None:
            self.link_followed.emit(key)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DateInput(QWidget):
    """Day, month and year boxes. No auto-advance; "mar" and "March" are accepted for the month."""

    changed = Signal()

    def __init__(self, object_name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible)
        self.day = self._box("Day", f"{object_name}_day", 3)
        self.month = self._box("Month", f"{object_name}_month", 6)
        self.year = self._box("Year", f"{object_name}_year", 5)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for caption, box in (("Day", self.day), ("Month", self.month), ("Year", self.year)):
            column = QVBoxLayout()
            label = QLabel(caption)
            label.setBuddy(box)
            column.addWidget(label)
            column.addWidget(box)
            layout.addLayout(column)
        layout.addStretch(1)
        self._accessible = accessible

    def _box(self, caption: str, name: str, width_chars: int) -> QLineEdit:
        box = QLineEdit()
        box.setObjectName(name)
        box.setAccessibleName(f"{caption}")
        box.setMaxLength(12)
        box.setFixedWidth(box.fontMetrics().horizontalAdvance("M") * width_chars + 16)
        box.textChanged.connect(self.changed)
        return box

    def is_blank(self) -> bool:
        return not (
            self.day.text().strip() or self.month.text().strip() or self.year.text().strip()
        )

    def value(self, *, what: str = "The date") -> date | None:
        """The date, ``None`` when all three boxes are empty, or :class:`DateError`."""
        if self.is_blank():
            return None
        return parse_date_parts(self.day.text(), self.month.text(), self.year.text(), what=what)

    def set_value(self, value: date | None) -> None:
        for box, text in (
            (self.day, "" if value is None else str(value.day)),
            (self.month, "" if value is None else str(value.month)),
            (self.year, "" if value is None else str(value.year)),
        ):
            box.setText(text)

    def focus_first_problem(self) -> None:
        for box in (self.day, self.month, self.year):
            if not box.text().strip():
                box.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
                return
        self.day.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)


def read_date(field: FormField, *, what: str, required: bool = False) -> tuple[date | None, str]:
    """The date in a :class:`FormField` holding a :class:`DateInput`, and an error message."""
    assert isinstance(field.field, DateInput)
    try:
        value = field.field.value(what=what)
    except DateError as error:
        return None, str(error)
    if value is None and required:
        return None, f"Enter {what[0].lower()}{what[1:]}"
    return value, ""


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet to ``widget`` again, after a property its rules look at changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's house-style role (``success``, ``banner``, ``inset``, ``primary``...)."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    restyle(widget)
