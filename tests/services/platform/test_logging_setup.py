"""The log file: written and rotated; and the crash trace: written when the process ends hard,
put aside at the next start, emptied when a run ends well."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rrdesk.services.platform import logging_setup

ROOT = Path(__file__).resolve().parents[2]
REPOSITORY = Path(__file__).resolve().parents[3]

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


# rrdesk's start-up set-up of the crash trace, then a crash inside C code (a segmentation
# fault) while a second thread waits: the process ends at once, with no Python error.
CRASH = """
import sys, threading
from pathlib import Path
from rrdesk.services.platform.logging_setup import start_crash_trace

assert start_crash_trace(Path(sys.argv[1]))
waiting = threading.Event()


def wait_for_the_backup():
    waiting.wait()


def open_the_case_list():
    import faulthandler

    faulthandler._sigsegv()


threading.Thread(target=wait_for_the_backup, daemon=True).start()
open_the_case_list()
"""

# A later start that ends well: the trace is put aside as it starts; on Windows faulthandler
# also writes exceptions that are then handled, which a run that ends well empties.
START_AND_END_WELL = """
import faulthandler, sys
from pathlib import Path
from rrdesk.services.platform import logging_setup

folder = Path(sys.argv[1])
assert logging_setup.start_crash_trace(folder)
faulthandler.dump_traceback(logging_setup._trace_file[0])
print((folder / logging_setup.TRACE_NAME).stat().st_size > 0)
logging_setup.end_crash_trace()
"""


def _python(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env=dict(os.environ, PYTHONPATH=str(REPOSITORY)),
        timeout=60,
    )


def test_a_crash_inside_c_code_leaves_every_threads_python_stack_in_the_trace(
    tmp_path: Path,
) -> None:
    crashed = _python(CRASH, tmp_path)
    assert crashed.returncode != 0
    assert "Traceback" not in crashed.stderr, crashed.stderr
    trace = (tmp_path / logging_setup.TRACE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in trace
    assert "in open_the_case_list" in trace
    assert "in wait_for_the_backup" in trace  # every thread's stack, not only the crashing one
    assert crashed.stderr == ""  # written to the trace file, not to the console

    ended_well = _python(START_AND_END_WELL, tmp_path)
    assert ended_well.returncode == 0, ended_well.stderr
    assert ended_well.stdout.split() == ["True"]
    # The crashed run's trace is put aside to be told; this run's, ending well, is emptied.
    assert (tmp_path / logging_setup.UNTOLD_TRACE_NAME).read_text(encoding="utf-8") == trace
    assert (tmp_path / logging_setup.TRACE_NAME).read_bytes() == b""
    assert logging_setup.untold_crash_trace(tmp_path) is not None


def test_an_empty_or_missing_trace_is_nothing_to_tell(tmp_path: Path) -> None:
    assert logging_setup.untold_crash_trace(tmp_path) is None
    (tmp_path / logging_setup.UNTOLD_TRACE_NAME).write_text("\n")
    assert logging_setup.untold_crash_trace(tmp_path) is None
