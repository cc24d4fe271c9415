"""A person at the keyboard: rrdesk in a real window on a virtual screen (Xvfb), driven with real
key presses, clicks and wheel turns (xdotool), and read back the way a person reads it, from a
screenshot (ImageMagick's ``import``) turned into words (tesseract).

Used by the walks in this folder. On a machine without those programs the walks are skipped,
except in CI, where ``.ci/run`` installs them and a missing one is a failure.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.walks.screen_reading import EDGES, Word, ocr, shows

PROGRAMS = ("Xvfb", "xdotool", "import", "tesseract")
ROOT = Path(__file__).resolve().parents[2]
# libfaketime (Debian's faketime package): the app's clock moved on. Its multi-threaded build:
# rrdesk reads the clock on several threads (Qt's, the task runner's), and the plain build keeps
# the faked time in static variables it reads and rewrites without a lock (its README says to use
# this one with threads). With the plain one, rrdesk twice ended hard in the chair's walk on a
# busy machine, with no error of its own.
FAKE_CLOCK_LIBRARIES = (
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1",
    "/usr/lib/faketime/libfaketimeMT.so.1",
)


def require_programs() -> None:
    missing = [name for name in PROGRAMS if shutil.which(name) is None]
    if not missing:
        return
    message = f"the walks need {', '.join(missing)} (see .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def fake_clock_library() -> str:
    """libfaketime, which moves rrdesk's clocks on without waiting (see Walker.pass_time)."""
    found = next((path for path in FAKE_CLOCK_LIBRARIES if Path(path).is_file()), None)
    if found is not None:
        return found
    message = "this walk needs libfaketime (the faketime package, see .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def words_in(image: Path, *, sparse: bool = False) -> list[Word]:
    """The words tesseract reads in ``image``, with where they are; ``sparse`` reads it as
    scattered words rather than as a page of blocks and lines."""
    table = ocr(image, "tsv", sparse=sparse)
    rows = csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [
        Word(row["text"], int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]))
        for row in rows
        if row.get("text", "").strip() and row.get("conf", "-1") != "-1"
    ]


def find_words(words: list[Word], wanted: Sequence[str]) -> list[Word]:
    """Where the words ``wanted`` stand next to each other among ``words``: a Word spanning them."""
    target = "".join(wanted).casefold()
    hits = []
    for index in range(len(words)):
        # The reader sometimes runs two words together ("Decisionsheet"), reads a button's
        # edge as a bracket ("[open") or a capital as small: compare the letters alone.
        for length in range(1, len(wanted) + 1):
            run = words[index : index + length]
            if "".join(w.text.strip(EDGES) for w in run).casefold() == target:
                left, top = run[0].left, min(w.top for w in run)
                right = max(w.left + w.width for w in run)
                bottom = max(w.top + w.height for w in run)
                hits.append(Word(" ".join(wanted), left, top, right - left, bottom - top))
                break
    return hits


class Walker:
    """One rrdesk on one virtual screen (or two: ``second`` is the other screen's size, as a
    projector beside the laptop). ``start`` it, walk, and ``stop`` (the fixture does).

    With ``fake_clock`` rrdesk runs under libfaketime and :meth:`pass_time` moves every clock it
    reads (the wall clock, the monotonic clock its timers and the agenda timer use) forward.
    """

    def __init__(
        self,
        folder: Path,
        size: str = "1366x768",
        *,
        second: str | None = None,
        fake_clock: bool = False,
    ) -> None:
        self.folder = folder
        self.size = size
        self.second = second
        self.clock_file = folder / "clock.txt" if fake_clock else None
        self._clock_library = fake_clock_library() if fake_clock else ""
        self._minutes_passed = 0
        self.display = ""  # the virtual screen's number, chosen when it starts
        self.home = folder / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.log = folder / "rrdesk.log"
        self._xvfb: subprocess.Popen[bytes] | None = None
        self._app: subprocess.Popen[bytes] | None = None
        self.shots = 0

    # Starting and stopping -----------------------------------------------------------------

    @property
    def environment(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "XDG_")) and key != "DISPLAY"
        }
        env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),
            # a crash inside Qt leaves the Python stack of every thread in the walk's log
            PYTHONFAULTHANDLER="1",
        )
        return env

    def rrdesk(self, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        """Run a command-line rrdesk command (no window) as the same person."""
        return subprocess.run(
            [sys.executable, "-m", "rrdesk", *arguments],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.environment,
            check=True,
            timeout=120,
        )

    def start(self, *arguments: str) -> None:
        screens = ["-screen", "0", f"{self.size}x24"]
        if self.second:  # a second X screen, which Qt reports as a second QScreen
            screens += ["-screen", "1", f"{self.second}x24"]
        self._start_screen(screens)
        environment = self.environment
        if self.clock_file is not None:
            self.clock_file.write_text("+0\n", encoding="utf-8")
            environment.update(
                LD_PRELOAD=self._clock_library,
                FAKETIME_TIMESTAMP_FILE=str(self.clock_file),
                FAKETIME_CACHE_DURATION="1",
            )
        with open(self.log, "wb") as log:
            self._app = subprocess.Popen(
                [sys.executable, "-m", "rrdesk", *arguments],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=environment,
            )
        self._wait_for(lambda: bool(self.windows()), "rrdesk's first window")
        self.focus()

    def _start_screen(self, screens: list[str]) -> None:
        """Start Xvfb on a screen number no other walk is using (make test runs two processes,
        so two walks may start at once). The number is chosen at random, not the lowest free:
        a screen just given up by another walk can still be taking its socket away as it ends.
        The screen is this walk's once its lock file names this Xvfb; if another took the
        number first, this Xvfb ends and another number is tried."""
        for _ in range(20):
            number = random.randint(200, 899)
            if Path(f"/tmp/.X{number}-lock").exists():
                continue
            self.display = f":{number}"
            xvfb = subprocess.Popen(
                ["Xvfb", self.display, *screens, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self._xvfb = xvfb

            def answered(xvfb: subprocess.Popen[bytes] = xvfb, number: int = number) -> bool:
                ours = _lock_holder(number) == xvfb.pid
                return xvfb.poll() is not None or (ours and self._x("xdpyinfo_ok"))

            self._wait_for(answered, "the virtual screen")
            if xvfb.poll() is None:
                return
        raise AssertionError("no free screen number for Xvfb after 20 tries")

    def stop(self) -> None:
        ended = None if self._app is None else self._app.poll()
        if ended is not None and ended < 0:  # ended by a signal: a crash, shown with the failure
            logging.getLogger("walks").error(self.hard_end_report(-ended))
        for process in (self._app, self._xvfb):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    @property
    def alive(self) -> bool:
        return self._app is not None and self._app.poll() is None

    @property
    def exit_code(self) -> int | None:
        return None if self._app is None else self._app.poll()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def hard_end_report(self, signal_number: int) -> str:
        """What rrdesk left when it ended hard: its crash trace (every thread's Python stack, see
        rrdesk.services.platform.logging_setup) and the end of its output."""
        logs = self.home / "data" / "rrdesk" / "logs"
        traces = [
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(logs.glob("crash-trace*.txt"))
            if path.stat().st_size
        ]
        return (
            f"rrdesk ended by signal {signal_number}. Its crash trace:\n"
            + ("\n".join(traces) or "(none)")
            + f"\nThe end of its output:\n{self.output()[-3000:]}"
        )

    def pass_time(self, minutes: int) -> None:
        """Move rrdesk's clocks ``minutes`` on at once, as if that long passed untouched."""
        assert self.clock_file is not None, "start the walker with fake_clock=True"
        self._minutes_passed += minutes
        self.clock_file.write_text(f"+{self._minutes_passed}m\n", encoding="utf-8")
        time.sleep(1.5)  # rrdesk reads the clock file again within a second
        self.settle()

    # Windows -------------------------------------------------------------------------------

    def windows(self) -> list[str]:
        """rrdesk's visible top-level windows, newest last."""
        if self._app is None:
            return []
        found = self._xdotool("search", "--onlyvisible", "--pid", str(self._app.pid), check=False)
        return [line for line in found.split() if line.strip()]

    def window_names(self) -> list[str]:
        return [self._xdotool("getwindowname", window).strip() for window in self.windows()]

    def wait_for_windows(self, names: list[str], attempts: int = 20) -> list[str]:
        """rrdesk's visible windows' names once they are ``names`` (a window closing or opening
        takes a moment to reach the screen, and the search can miss them meanwhile), or as
        they are after ``attempts`` looks."""
        shown = self.window_names()
        for _ in range(attempts):
            if shown == names:
                break
            self.settle()
            shown = self.window_names()
        return shown

    def window_sizes(self) -> list[tuple[int, int]]:
        sizes = []
        for window in self.windows():
            shape = self._xdotool("getwindowgeometry", "--shell", window)
            values = dict(line.split("=", 1) for line in shape.split() if "=" in line)
            sizes.append((int(values["WIDTH"]), int(values["HEIGHT"])))
        return sizes

    def focus_window(self, name: str) -> None:
        """Give the keyboard to rrdesk's visible window called ``name``."""
        for window in self.windows():
            if self._xdotool("getwindowname", window).strip() == name:
                self._xdotool("windowfocus", "--sync", window, check=False)
                self.settle()
                return
        raise AssertionError(f"no window {name!r}; there are {self.window_names()}")

    def focus(self) -> None:
        """Give the newest window the keyboard (there is no window manager to do it)."""
        windows = self.windows()
        if windows:
            self._xdotool("windowfocus", "--sync", windows[-1], check=False)
        self.settle()

    # Input ---------------------------------------------------------------------------------

    def key(self, *keys: str) -> None:
        for key in keys:
            self._xdotool("key", "--clearmodifiers", key)
            self.settle()

    def type(self, text: str) -> None:
        self._xdotool("type", "--delay", "15", text)
        self.settle()

    def paste(self, text: str) -> None:
        """Paste ``text`` with Ctrl+V, as a person pastes notes copied from another program."""
        if shutil.which("xclip") is None:
            message = "this walk pastes with xclip (see .ci/run)"
            if os.environ.get("CI"):
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        subprocess.run(  # xclip stays on, holding the clipboard, until the screen is stopped
            ["xclip", "-selection", "clipboard"],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.environment,
            check=True,
            timeout=30,
        )
        held = ["xclip", "-selection", "clipboard", "-out"]  # not rrdesk's last copy (a password)
        for _ in range(60):  # until xclip, gone into the background, holds the clipboard
            got = subprocess.run(held, capture_output=True, env=self.environment, timeout=30)
            if got.stdout == text.encode("utf-8"):
                break
            time.sleep(0.3)
        self.key("ctrl+v")

    def click(self, x: int, y: int, *, double: bool = False) -> None:
        self._xdotool(
            "mousemove", str(x), str(y), "click", *(["--repeat", "2"] if double else []), "1"
        )
        self.settle()

    def click_text(self, *words: str, double: bool = False) -> None:
        """Click the words where they are on screen (the first place they are found)."""
        found = self.find(*words)
        assert found, f"{' '.join(words)!r} is not on screen; it shows:\n{self.read()}"
        self.click(*found[0].centre, double=double)

    def point_at(self, x: int, y: int) -> None:
        """Move the pointer without clicking (away from a tooltip, say)."""
        self._xdotool("mousemove", str(x), str(y))
        self.settle()

    def wheel(self, x: int, y: int, direction: str, notches: int = 3) -> None:
        button = "4" if direction == "up" else "5"
        self._xdotool("mousemove", str(x), str(y), "click", "--repeat", str(notches), button)
        self.settle()

    # Reading the screen ------------------------------------------------------------------------

    def shot(self, name: str | None = None, screen: int = 0) -> Path:
        """A screenshot of screen ``screen`` (1 is the second screen)."""
        self.shots += 1
        path = self.folder / f"{self.shots:02d}-{name or 'screen'}.png"
        subprocess.run(
            ["import", "-display", f"{self.display}.{screen}", "-window", "root", str(path)],
            env=self.environment,
            check=True,
            timeout=30,
        )
        return path

    def read(self, name: str | None = None, screen: int = 0) -> str:
        """The words on the screen, line by line, as tesseract reads them."""
        return ocr(self.shot(name, screen), "txt")

    def words(self, screen: int = 0) -> list[Word]:
        return words_in(self.shot(screen=screen))

    def find(
        self, *wanted: str, screen: int = 0, where: Callable[[Word], bool] = lambda _word: True
    ) -> list[Word]:
        """Where the words ``wanted`` stand next to each other on screen (those ``where`` says
        are in the right place): a Word spanning them. Words the reader misses reading the
        screen as a page (a large heading above a short line can take them into another block)
        are looked for again read as scattered words."""
        shot = self.shot(screen=screen)
        for sparse in (False, True):
            found = [w for w in find_words(words_in(shot, sparse=sparse), wanted) if where(w)]
            if found:
                return found
        return []

    def heading(self) -> str:
        """The words of the section's heading: top left of the page, right of the sections."""
        words = sorted(
            (w for w in self.words() if w.top < 60 and 215 < w.left < 900 and w.height > 8),
            key=lambda w: w.left,
        )
        heading = [w for w in words if w.height > 14][:1]  # it starts with a capital
        line = [w for w in words if heading and w.left > heading[0].left]
        line = [w for w in line if abs(w.top + w.height - heading[0].top - heading[0].height) <= 6]
        for word in line:  # the words that follow on, not others further along the line
            last = heading[-1]
            if word.left - (last.left + last.width) > 30:
                break
            heading.append(word)
        return " ".join(w.text for w in heading)

    def wait_for_heading(self, expected: str, timeout: float = 15.0) -> str:
        """Wait until the page's heading is ``expected``; the heading last read."""
        deadline = time.monotonic() + timeout
        seen = self.heading()
        while seen != expected and time.monotonic() < deadline:
            time.sleep(0.5)
            seen = self.heading()
        return seen

    def wait_to_read(self, text: str, timeout: float = 20.0, screen: int = 0) -> str:
        """Wait until ``text`` is on screen ``screen``; the screen's words."""
        deadline = time.monotonic() + timeout
        seen = ""
        while time.monotonic() < deadline:
            seen = self.read(screen=screen)
            if shows(seen, text):
                return seen
            time.sleep(0.5)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{seen}")

    # Plumbing ------------------------------------------------------------------------------

    def settle(self) -> None:
        time.sleep(float(os.environ.get("WALK_SETTLE", "0.6")))

    def _x(self, _what: str) -> bool:
        done = subprocess.run(
            ["xdotool", "getdisplaygeometry"],
            env=self.environment,
            capture_output=True,
            timeout=10,
        )
        return done.returncode == 0

    def _xdotool(self, *arguments: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *arguments],
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=30,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(arguments)}: {done.stderr.strip()}")
        return done.stdout

    def _wait_for(self, ready: object, what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if callable(ready) and ready():
                return
            if self._app is not None and self._app.poll() is not None:
                raise AssertionError(f"rrdesk ended before {what} appeared:\n{self.output()}")
            time.sleep(0.3)
        raise AssertionError(f"{what} did not appear within {timeout:.0f} seconds")


def _lock_holder(number: int) -> int | None:
    """The process holding X screen ``number``, as its lock file says."""
    try:
        return int(Path(f"/tmp/.X{number}-lock").read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def no_tracebacks(walker: Walker) -> None:
    output = walker.output()
    assert "Traceback" not in output, output
    assert "Internal C++ object" not in output, output


def within(sizes: Sequence[tuple[int, int]], size: str) -> bool:
    width, height = (int(part) for part in size.split("x"))
    return all(w <= width and h <= height for w, h in sizes)
