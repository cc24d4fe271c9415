"""The demo: a throwaway store of fictional cases, made afresh each time and removed after."""

from __future__ import annotations

import secrets
import shutil
from datetime import date
from pathlib import Path

from rrdesk.app.context import local_now
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session


def remove_old_demo_stores(parent: Path) -> None:
    """Demo stores left by a demo that was killed: removed unless another demo has them open."""
    from rrdesk.storage.errors import StoreError as LockError
    from rrdesk.storage.lock_file import StoreLock

    if not parent.is_dir():
        return
    for folder in parent.iterdir():
        store = folder / "demo.rrdesk"
        if not folder.is_dir() or not store.exists():
            continue
        lock = StoreLock(store)
        try:
            lock.acquire()
        except LockError:
            continue
        lock.release()
        shutil.rmtree(folder, ignore_errors=True)


def demo_passphrase(store: Path) -> str:
    """The demo store's passphrase, shown on the demo's banner so that a locked demo can be
    unlocked: "demo" and the name of the store's throwaway folder (its data is all fictional)."""
    return f"demo {store.parent.name}"


def demo_session(today: date) -> tuple[Session, Path]:
    from rrdesk.services.platform.locations import data_folder

    remove_old_demo_stores(data_folder() / "demo")
    folder = data_folder() / "demo" / secrets.token_hex(6)
    folder.mkdir(parents=True, exist_ok=False)
    store = folder / "demo.rrdesk"
    passphrase = demo_passphrase(store)
    created = store_access.create_store(
        store,
        partnership="Northmoor Safeguarding Children Partnership (demo: all fictional)",
        owner="Rory Penhallow (demo coordinator)",
        passphrase=passphrase,
        profile="tower-hamlets",
    )
    from rrdesk.demo.cases import add_demo_data
    from rrdesk.services.partnership.signing_service import SigningService

    SigningService(created.session).ensure_identity(local_now(), passphrase)
    add_demo_data(created.session, today=today)
    return created.session, folder
