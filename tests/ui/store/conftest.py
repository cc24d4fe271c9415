"""The store screens' shared fixture: a store with one case, backed up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.backups import make_rolling_backup
from tests.ui.store.store_problems import MADE


@pytest.fixture
def backed_up(new_store, store_path: Path, tmp_path: Path, today: date) -> Path:
    """The store with one case, backed up to the backups folder, then closed."""
    session = new_store.session
    CaseService(session).add_case(
        Case("", (Child("Child T"),), notification_sent=today), today=today
    )
    backup = make_rolling_backup(session, MADE, folder=tmp_path / "backups")
    session.close()
    return backup
