"""The composition root: the one place that builds and wires the app.

``context`` holds what every screen is built from, ``opening`` sets up or unlocks the store,
``demo`` makes the throwaway demo store, ``window`` assembles the main window from each
feature's ``install``, and ``run`` starts it all. Command-line use never comes here, so Qt is
only loaded when the app is opened.
"""

from rrdesk.app.context import AppContext
from rrdesk.app.run import run_app
from rrdesk.app.window import build_main_window

__all__ = ["AppContext", "build_main_window", "run_app"]
