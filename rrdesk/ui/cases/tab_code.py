"""The code of a case's tabs, loaded once the window is on screen, a module at a time.

Start-up loads none of it (docs/startup.md, "Loaded when first used"): some 450 modules, 0.7 to
1 second, which the first case opened would otherwise wait for. Loaded in the moments after the
first paint, one module to a turn of the event loop, the window answers between them (the
largest turn takes about a fifth of a second), and a case opened seconds later opens at once.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

CASE_TABS_CODE = (
    # the libraries the tabs' code loads, each on its own turn: they are the largest parts
    "docx",
    "reportlab.platypus",
    "rrdesk.ui.cases.case_editor",
    "rrdesk.ui.timetable.case_timetable_widget",
    "rrdesk.services.agency_forms.agency_forms_service",
    "rrdesk.ui.agency_forms.agency_forms_widget",
    "rrdesk.ui.agency_forms.agency_dialogs",
    "rrdesk.ui.meeting.meeting_widget",
    "rrdesk.ui.decision_sheet.decision_sheet_panel",
    "rrdesk.ui.cases.audit_widget",
    "rrdesk.ui.after_meeting.submission_tab",
    "rrdesk.ui.after_meeting.local_review_tab",
    "rrdesk.ui.after_meeting.threshold_letter_tab",
)


def load_case_tabs_code(owner: QObject, modules: Sequence[str] = CASE_TABS_CODE) -> None:
    """Import ``modules`` in turn, one to each turn of the event loop, while ``owner`` lives.
    A module that cannot be loaded is logged and left to load when its tab is first shown."""
    waiting = list(modules)

    def load_next() -> None:
        if not waiting:
            return
        name = waiting.pop(0)
        try:
            importlib.import_module(name)
        except ImportError as error:  # the tab says so itself when it is shown
            log.warning("the code of a case tab did not load: %s", type(error).__name__)
        QTimer.singleShot(0, owner, load_next)

    QTimer.singleShot(0, owner, load_next)
