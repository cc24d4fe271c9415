"""The case tabs after the meeting in the real main window, reached as a person reaches them
(the case opened, its tab clicked), and the cases those tabs' tests share."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.after_meeting.threshold_letter import LetterDetails
from rrdesk.domain.cases.cases import Child, Referral, Stage, ThresholdDiscussion
from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
from rrdesk.services.store.session import Session
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.main_window import MainWindow
from tests import builders
from tests.fakes import RecordingMessages


def open_case_tab(
    qtbot: QtBot, context: AppContext, case_id: int, title: str
) -> tuple[MainWindow, CasesSection, QWidget]:
    """The main window at 1366 by 768, the case open and its tab ``title`` clicked."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case_id)
    click_tab(qtbot, section, title)
    return window, section, section.tabs.currentWidget()


def click_tab(qtbot: QtBot, section: CasesSection, title: str) -> None:
    """A click on the case tab named ``title``."""
    bar = section.tabs.tabBar()
    index = next(i for i in range(section.tabs.count()) if section.tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def asked(messages: RecordingMessages) -> list[str]:
    """The titles of the questions asked (Save, Discard or Stay), in order."""
    return [title for kind, title, _text in messages.shown if kind == "choose"]


def shown_title(section: CasesSection) -> str:
    """The name of the case tab on show."""
    return section.tabs.tabText(section.tabs.currentIndex())


def threshold_not_met(session: Session, today: date) -> int:
    """Child J: not an abuse or neglect case; a first letter made on 26 October 2026."""
    case = builders.add_case(
        session,
        today=today,
        notified=None,
        stage=Stage.THRESHOLD_NOT_MET,
        children=(Child("Child J", "Jade Real-Name"),),
        referral=Referral(referrer_name="A parent", referral_date=date(2026, 10, 20)),
        threshold=ThresholdDiscussion(
            date(2026, 10, 23),
            "The partners",
            False,
            "An accident; no abuse or neglect known or suspected.",
        ),
    )
    assert case.case_id is not None
    builders.add_contact_details(session)
    letters = ThresholdLetterService(session)
    letters.save_details(case.case_id, LetterDetails(signatory="Alex Chair"))
    letters.export(case.case_id, date(2026, 10, 26))
    return case.case_id
