"""Storage errors, split in two.

:class:`StoreError` and its subclasses are things the user can fix or must be told about in plain
English; each carries a ``message`` fit to show as it is. Anything else from storage is a bug.
"""

from __future__ import annotations

from rrdesk.domain.errors import UserError

NOTHING_CHANGED = "Nothing has been changed."


class StoreError(UserError):
    """A problem the user can understand; ``message`` is shown as it is."""


class WrongSecretError(StoreError):
    """The passphrase or recovery key does not open the store."""


class NotAStoreError(StoreError):
    """The file is not an rrdesk store, or its key-slot file is missing or unreadable."""


class KeyFileDamagedError(NotAStoreError):
    """The store's key file is missing or damaged (a backup holds the store and its key file)."""


class StoreDamagedError(StoreError):
    """The store cannot be read (the key is right, or is not needed to tell), or it is gone while
    its key file is still there. A backup is the way past it."""


class KeyFileMismatchError(StoreDamagedError):
    """The key file beside the store belongs to another store file (another store's, or this
    one's from before its key changed)."""


class TamperedError(StoreDamagedError):
    """The store, its audit trail or its key file was changed outside rrdesk."""


class StoreInUseError(StoreError):
    """Another rrdesk window has the store open."""


class StoreTooNewError(StoreError):
    """The store was written by a newer rrdesk."""


class StoreLocationError(StoreError):
    """The store's folder is missing, read-only or unsuitable."""


class StoreMissingError(StoreError):
    """There is no store at the path given."""


class StoreExistsError(StoreError):
    """A new store would overwrite an existing file."""


class NotSavedError(StoreError):
    """A write failed (disk full, file too large, device gone); everything saved before is kept."""


class KeySlotError(StoreError):
    """A key-slot operation was refused (for example, a passphrase that is too short)."""


class StoreClosedError(StoreError):
    """The store was closed (for example, rrdesk locked) and must be unlocked again."""
