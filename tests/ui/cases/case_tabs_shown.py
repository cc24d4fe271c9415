"""A case with every tab shown once, in a store of its own: for a fresh Python to see what
showing them loads."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from rrdesk.app import build_main_window
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store import store_access
from rrdesk.ui.cases.cases_section import CasesSection
from tests.builders import add_case, add_directory
from tests.fakes import RecordingMessages
from tests.seams import app_context

TODAY = date(2026, 11, 23)


def screens_loaded_by_showing_every_tab() -> list[str]:
    """The modules of rrdesk's screens that opening a case and showing each tab loads."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        store = store_access.create_store(
            Path(folder) / "partnership.rrdesk",
            partnership="Northmoor Safeguarding Children Partnership",
            owner="Priya Test-Coordinator",
            passphrase="correct horse battery staple",
        )
        session = store.session
        add_directory(session)
        case = add_case(session, today=TODAY, notified=date(2026, 11, 16))
        assert case.case_id is not None
        window = build_main_window(
            app_context(session, MemorySecretStore(), RecordingMessages(), lambda: TODAY)
        )
        window.show()
        section = window.section("cases")
        assert isinstance(section, CasesSection)
        before = set(sys.modules)
        section.open_case(case.case_id)
        for index in range(section.tabs.count()):
            section.tabs.setCurrentIndex(index)
            app.processEvents()
        loaded = sorted(m for m in set(sys.modules) - before if m.startswith("rrdesk.ui."))
        window.close()
        session.close()
    return loaded
