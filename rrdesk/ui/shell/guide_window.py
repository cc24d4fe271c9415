"""Help › the guides: each person's short guide, shipped with rrdesk and read offline, in a
window of its own that stays open beside the work."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from rrdesk.services.platform.guides import GUIDES, Guide, guide_text
from rrdesk.ui.shell.main_window import MainWindow


class GuideWindow(QDialog):
    """One guide, its words and a Close button; links are not followed (there is no network)."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.setObjectName(f"guide_{guide.key}")
        self.setWindowTitle(f"rrdesk: {guide.title}")
        self.setModal(False)
        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        self.text.setAccessibleName(guide.title)
        self.text.setOpenLinks(False)
        self.text.setMarkdown(guide_text(guide))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 600)

    def words(self) -> str:
        return self.text.toPlainText()


def install_guides(window: MainWindow) -> dict[str, GuideWindow]:
    """Put each guide on the Help menu (the coordinator's on F1 too). Returns the guides open,
    by key: each opens once and is brought to the front when asked for again."""
    shown: dict[str, GuideWindow] = {}

    def show(guide: Guide) -> None:
        opened = shown.get(guide.key)
        if opened is None:
            opened = GuideWindow(guide, window)  # closing hides it, to show again
            shown[guide.key] = opened
        opened.show()
        opened.raise_()
        opened.activateWindow()

    for guide in GUIDES:
        key = QKeySequence("F1") if guide.key == "coordinator" else None
        window.add_action(
            window.help_menu,
            guide.title,
            f"guide_{guide.key}",
            key,
            lambda _=False, g=guide: show(g),
        )
    window.help_menu.addSeparator()
    return shown
