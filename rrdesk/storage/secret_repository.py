"""The partnership's signing certificate and private key, kept only inside the encrypted store,
the key wrapped in a slot of its own (:mod:`rrdesk.storage.keys.signing_slot`).

One identity is current at a time. Replacing it retires the old one: its certificate is kept (so
sheets signed with it can still be checked) and its private key is wiped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rrdesk.storage.database import Database


@dataclass(frozen=True)
class StoredIdentity:
    certificate_der: bytes
    private_key_der: bytes
    """Empty for a retired identity."""
    chain_der: tuple[bytes, ...]
    source: str
    """``created`` (self-signed by rrdesk) or ``imported`` (from a PKCS#12 file)."""
    created_at: str
    retired_at: str | None = None
    identity_id: int | None = None


class SecretRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def current(self) -> StoredIdentity | None:
        row = self._db.query_one(
            "SELECT id, certificate, private_key, source, created_at, retired_at"
            " FROM signing_identities WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1"
        )
        return None if row is None else self._identity(row)

    def all_certificates(self) -> list[StoredIdentity]:
        """Every identity the store has held, newest first (retired ones without their key)."""
        rows = self._db.query(
            "SELECT id, certificate, private_key, source, created_at, retired_at"
            " FROM signing_identities ORDER BY id DESC"
        )
        return [self._identity(row) for row in rows]

    def replace(
        self,
        certificate_der: bytes,
        private_key_der: bytes,
        chain_der: tuple[bytes, ...],
        source: str,
    ) -> StoredIdentity:
        """Make this the current identity, retiring (and wiping the key of) any before it.

        Call inside a transaction.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.execute(
            "UPDATE signing_identities SET retired_at = ?, private_key = zeroblob(0)"
            " WHERE retired_at IS NULL",
            (now,),
        )
        cursor = self._db.execute(
            "INSERT INTO signing_identities (certificate, private_key, source, created_at)"
            " VALUES (?, ?, ?, ?)",
            (certificate_der, private_key_der, source, now),
        )
        identity_id = int(cursor.lastrowid)
        self._db.executemany(
            "INSERT INTO signing_chain (identity_id, position, certificate) VALUES (?, ?, ?)",
            [(identity_id, position, der) for position, der in enumerate(chain_der)],
        )
        return StoredIdentity(
            certificate_der, private_key_der, chain_der, source, now, None, identity_id
        )

    def set_private_key(self, identity_id: int, blob: bytes) -> None:
        """Replace an identity's key as kept (wrapped, or wiped with ``b""``). In a transaction.

        The space the old key took is overwritten with zeros (SQLite's secure_delete), so a key
        from an earlier rrdesk, kept plain, leaves no copy in the file's free pages."""
        self._db.execute("PRAGMA secure_delete = ON")
        try:
            self._db.execute(
                "UPDATE signing_identities SET private_key = ? WHERE id = ?", (blob, identity_id)
            )
        finally:
            self._db.execute("PRAGMA secure_delete = OFF")

    def retire(self, identity_id: int) -> None:
        """Retire an identity and wipe its key (its certificate stays, to check what it signed)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.execute(
            "UPDATE signing_identities SET retired_at = coalesce(retired_at, ?),"
            " private_key = zeroblob(0) WHERE id = ?",
            (now, identity_id),
        )

    def _identity(self, row: tuple[Any, ...]) -> StoredIdentity:
        identity_id = int(row[0])
        chain = self._db.query(
            "SELECT certificate FROM signing_chain WHERE identity_id = ? ORDER BY position",
            (identity_id,),
        )
        return StoredIdentity(
            certificate_der=bytes(row[1]),
            private_key_der=bytes(row[2]),
            chain_der=tuple(bytes(item[0]) for item in chain),
            source=str(row[3]),
            created_at=str(row[4]),
            retired_at=None if row[5] is None else str(row[5]),
            identity_id=identity_id,
        )
