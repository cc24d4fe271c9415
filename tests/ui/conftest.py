"""GUI fixtures: a real encrypted store, the message seam recorded, an immediate task runner."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.ui.messages import RecordingMessages


@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def demo_session(session, today: date):  # type: ignore[no-untyped-def]
    from rrdesk.services.demo_data import add_demo_data

    add_demo_data(session, today=today)
    return session


@pytest.fixture
def context(demo_session, messages, today: date, memory_secrets):  # type: ignore[no-untyped-def]
    from rrdesk.app import AppContext
    from rrdesk.ui.tasks import ImmediateRunner

    return AppContext(
        session=demo_session,
        secret_store=memory_secrets,
        messages=messages,
        runner=ImmediateRunner(),
        today=lambda: today,
    )
