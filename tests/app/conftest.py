"""This folder's tests run on the demo store (see tests/demo_store.py); those that measure
what fits on a screen do so with the house style applied, as the screens' tests do."""

from tests.demo_store import context, demo_session  # noqa: F401
from tests.ui.conftest import styled  # noqa: F401
