"""The demo store as a fixture, for the tests of the demo itself (tests/demo) and of the
composition root, which shows every screen with something in it (tests/app). Every other test
builds what it relies on with ``tests.builders``; a folder's conftest imports these."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def demo_session(session, today: date):  # type: ignore[no-untyped-def]
    from rrdesk.demo.cases import add_demo_data

    add_demo_data(session, today=today)
    return session


@pytest.fixture
def context(demo_session, messages, today: date, memory_secrets):  # type: ignore[no-untyped-def]
    """What a main window is built from, over the demo store."""
    from tests.seams import app_context

    return app_context(demo_session, memory_secrets, messages, lambda: today)
