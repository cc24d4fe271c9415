"""Entry point of the frozen build: ``rrdesk`` (the app, windowed on Windows) and ``rrdesk-cli``
(the same program with a console, for IT: ``rrdesk-cli selftest``)."""

from __future__ import annotations

import multiprocessing
import os
import sys


def main() -> int:
    multiprocessing.freeze_support()
    # A windowed program on Windows has no console: print() would fail, so its output is dropped.
    # IT uses rrdesk-cli.exe, which has a console, to see it.
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(stream, "reconfigure"):
            # Output redirected to a file by Intune or a script uses the legacy code page there;
            # a user name with a letter outside it must not stop the self-test.
            stream.reconfigure(errors="replace")
    from rrdesk.cli import main as rrdesk_main

    return rrdesk_main()


if __name__ == "__main__":
    sys.exit(main())
