"""The log file: written and rotated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ROTATE = """
import logging, sys
from pathlib import Path
from rrdesk.services.platform import logging_setup

logging_setup.MAX_BYTES = 400
path = logging_setup.configure_logging(Path(sys.argv[1]))
log = logging.getLogger("rrdesk.test")
for number in range(40):
    log.info("event %d", number)
logging_setup.stop_logging()
print(sorted(p.name for p in path.parent.iterdir()))
"""


def test_the_log_rotates_and_keeps_the_newest_events(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ROTATE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    (files,) = done.stdout.splitlines()
    assert files == str([f"rrdesk.log{suffix}" for suffix in ("", ".1", ".2", ".3", ".4", ".5")])
    newest = (tmp_path / "rrdesk.log").read_text(encoding="utf-8")
    assert "event 39" in newest
