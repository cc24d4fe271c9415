"""The log file: written, rotated, and set up without loading modules rrdesk does not use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ROTATE = """
import logging, sys
from pathlib import Path
from rrdesk.deferred_modules import is_deferred
from rrdesk.services.platform import logging_setup

logging_setup.MAX_BYTES = 400
path = logging_setup.configure_logging(Path(sys.argv[1]))
log = logging.getLogger("rrdesk.test")
for number in range(40):
    log.info("event %d", number)
logging_setup.stop_logging()
print(sorted(p.name for p in path.parent.iterdir()))
print([name for name in logging_setup.HANDLERS_UNUSED_MODULES if is_deferred(name)])
import socket
print(bool(socket.gethostname()), is_deferred("socket"))
"""


def test_the_log_rotates_and_the_network_modules_load_only_when_asked_for(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ROTATE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    files, deferred, asked = done.stdout.splitlines()
    assert files == str([f"rrdesk.log{suffix}" for suffix in ("", ".1", ".2", ".3", ".4", ".5")])
    assert deferred == "['socket', 'pickle', 'queue']"
    assert asked == "True False"
    newest = (tmp_path / "rrdesk.log").read_text(encoding="utf-8")
    assert "event 39" in newest
