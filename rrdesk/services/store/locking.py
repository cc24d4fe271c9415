"""How long rrdesk waits before locking itself, kept in the store's settings."""

from __future__ import annotations

from rrdesk.services.store.session import Session
from rrdesk.storage.errors import StoreError

IDLE_SETTING = "lock_after_minutes"
DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60


def idle_minutes(session: Session) -> int:
    text = session.settings.get(IDLE_SETTING, str(DEFAULT_IDLE_MINUTES))
    try:
        value = int(text)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(MAX_IDLE_MINUTES, max(MIN_IDLE_MINUTES, value))


def set_idle_minutes(session: Session, minutes: int) -> None:
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise StoreError(
            f"Choose between {MIN_IDLE_MINUTES} and {MAX_IDLE_MINUTES} minutes before rrdesk locks"
        )
    with session.db.transaction():
        session.settings.set(IDLE_SETTING, str(minutes))
        session.record("store", "Changed when rrdesk locks", detail={"note": f"{minutes} minutes"})
