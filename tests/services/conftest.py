"""Fixtures for service tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_session_for_involvement(session, today):  # type: ignore[no-untyped-def]
    from rrdesk.demo.cases import add_demo_data

    add_demo_data(session, today=today)
    return session, today
