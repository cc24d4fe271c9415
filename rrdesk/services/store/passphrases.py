"""The rules for a passphrase and a new recovery key, for the screens that ask for them."""

from rrdesk.storage.keys.key_slots import (
    MIN_PASSPHRASE_LENGTH,
    new_recovery_key,
    passphrase_problem,
)

__all__ = ["MIN_PASSPHRASE_LENGTH", "new_recovery_key", "passphrase_problem"]
