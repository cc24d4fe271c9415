"""What can go wrong with a store, for the screens: the storage layer's errors, each a
``UserError`` with a plain message, named here so screens reach the store through services."""

from rrdesk.storage.errors import NOTHING_CHANGED, StoreError, TamperedError, WrongSecretError

__all__ = ["NOTHING_CHANGED", "StoreError", "TamperedError", "WrongSecretError"]
