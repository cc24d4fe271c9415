"""The demo store as a fixture, for the tests of the demo itself (tests/demo) and of the
composition root, which shows every screen with something in it (tests/app). Every other test
builds what it relies on with ``tests.builders``; a folder's conftest imports these."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from rrdesk.services.store.session import Session


def add_demo_store(session: Session, today: date, passphrase: str) -> None:
    """The demo's data, as the demo makes it: the partnership's certificate created first (its
    key opened with ``passphrase``), so that the decided cases' sheets are signed."""
    from rrdesk.demo.cases import add_demo_data
    from rrdesk.services.partnership.signing_service import SigningService

    now = datetime.combine(today, time(9, 0), tzinfo=UTC)
    SigningService(session).ensure_identity(now, passphrase)
    add_demo_data(session, today=today)


@pytest.fixture
def demo_session(session, today: date, passphrase: str):  # type: ignore[no-untyped-def]
    add_demo_store(session, today, passphrase)
    return session


@pytest.fixture
def context(demo_session, messages, today: date, memory_secrets):  # type: ignore[no-untyped-def]
    """What a main window is built from, over the demo store."""
    from tests.seams import app_context

    return app_context(demo_session, memory_secrets, messages, lambda: today)
