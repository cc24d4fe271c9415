"""A button that cannot be used now is plainly greyed in the house style, whatever its role, and
the words it still shows meet WCAG 1.4.3 (4.5:1), read from the pixels drawn."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.ui.shell.application import house_style_sheet


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def _contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _background_and_text(button: QPushButton) -> tuple[QColor, QColor]:
    """The commonest colour inside the border, and the darkest (the words)."""
    image = button.grab().toImage()
    counts: Counter[int] = Counter(
        image.pixel(x, y) for x in range(4, image.width() - 4) for y in range(4, image.height() - 4)
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    text = min((QColor.fromRgb(p) for p in counts), key=_luminance)
    return background, text


def test_disabled_buttons_are_plainly_greyed_and_readable(qtbot: QtBot, tmp_path: Path) -> None:
    page = QWidget()
    page.setStyleSheet(house_style_sheet())
    row = QHBoxLayout(page)
    buttons = {}
    for role in ("", "primary", "warning", "enabled primary"):
        button = QPushButton("Build the panel pack")
        if role:
            button.setProperty("role", role.removeprefix("enabled "))
        button.setEnabled(role.startswith("enabled"))
        row.addWidget(button)
        buttons[role] = button
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.grab().save(str(tmp_path / "disabled-buttons.png"))
    looks = {role: _background_and_text(button) for role, button in buttons.items()}
    plain_background = looks[""][0]
    for role in ("", "primary", "warning"):
        background, text = looks[role]
        assert background == plain_background, f"{role or 'plain'} is greyed as every other"
        assert _contrast(text, background) >= 4.5, role
    assert looks["enabled primary"][0] != plain_background, "an enabled primary looks different"
