"""This folder's tests run on the demo store (see tests/demo_store.py)."""

from tests.demo_store import context, demo_session  # noqa: F401
