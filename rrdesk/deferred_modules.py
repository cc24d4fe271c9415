"""Modules loaded when first used rather than when a library is loaded.

Some libraries import, as they load, modules for features rrdesk never uses: the keyring
library's helpers import the modules for downloading files and unpacking archives, which cost
more at start-up than the keyring itself. :func:`defer` puts a placeholder in ``sys.modules`` for
each such module. ``import`` statements get the placeholder; the first time anything reads a name
from it, the real module is loaded and the placeholder takes on its names.

Only modules that exist and are not loaded yet are deferred, so ``import`` still fails for a
module that is not installed. Reading a ``__dunder__`` name does not load the module, so tools
that look modules over (for example to find their source) leave it unloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types

_loading = threading.RLock()


class DeferredModule(types.ModuleType):
    """A placeholder for a module that has not been loaded yet."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(load(self), name)


def defer(*names: str) -> list[str]:
    """Put placeholders in ``sys.modules`` for ``names``; returns the names deferred."""
    deferred = []
    with _loading:
        for name in names:
            if name in sys.modules:
                continue
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                continue
            if spec is None:
                continue
            placeholder = DeferredModule(name)
            placeholder.__spec__ = spec
            sys.modules[name] = placeholder
            parent, _, child = name.rpartition(".")
            if parent:
                setattr(sys.modules[parent], child, placeholder)
            deferred.append(name)
    return deferred


def load(placeholder: DeferredModule) -> types.ModuleType:
    """Load the real module behind ``placeholder`` (once), giving the placeholder its names."""
    name = placeholder.__name__
    with _loading:
        current = sys.modules.get(name)
        if current is not placeholder and current is not None:
            return current
        sys.modules.pop(name, None)
        real = importlib.import_module(name)
        placeholder.__dict__.update(
            (key, value) for key, value in vars(real).items() if key != "__class__"
        )
        return real


def is_deferred(name: str) -> bool:
    """Whether ``name`` is still a placeholder that has not been loaded."""
    return isinstance(sys.modules.get(name), DeferredModule)
