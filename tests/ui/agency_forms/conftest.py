"""The agency forms screens' stand-in dialogs, and the cases their tests start from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case
from rrdesk.services.store.session import Session
from tests.builders import add_case
from tests.ui.agency_forms.forms_setup import FakeDialogs, agencies, booked_case, collecting_case


@pytest.fixture
def dialogs(tmp_path: Path) -> FakeDialogs:
    folder = tmp_path / "chosen"
    folder.mkdir()
    return FakeDialogs(folder)


@pytest.fixture
def notified(session: Session, today: date) -> Case:
    """A case notified on 16 November 2026, no agency chosen yet; the agencies in the directory."""
    agencies(session)
    return add_case(session, today=today, notified=date(2026, 11, 16))


@pytest.fixture
def collecting(session: Session, today: date) -> Case:
    """``forms_setup.collecting_case``: a request at every status."""
    agencies(session)
    return collecting_case(session, today)


@pytest.fixture
def booked(session: Session, today: date) -> Case:
    """``forms_setup.booked_case``: the meeting booked, every form quality assured."""
    agencies(session)
    return booked_case(session, today)
