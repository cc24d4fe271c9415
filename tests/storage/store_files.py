"""What the store's file tests share: a file's digest, every file beside a store, and a plain
(unencrypted) SQLite database."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plain_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()


def files_beside(path: Path) -> dict[str, str]:
    return {
        p.name: digest(p)
        for p in sorted(path.parent.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }
