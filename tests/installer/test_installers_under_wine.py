"""Both Windows installers, compiled by the real Inno Setup compiler and installed under wine.

``installer/build_installer.sh`` compiles ``installer/rrdesk.iss`` from the one-folder build in
``dist/rrdesk`` (the Linux build stands in for the Windows one). Each installer is then installed
silently, as Intune would, in a fresh wine prefix on a virtual screen: the files land where the
IT guide says, the Start menu entry is made, a second install upgrades in place, and a silent
uninstall removes the program and keeps the partnership's store and backups.

Needs wine (with its 32-bit half), Xvfb, npm (build_installer.sh installs the compiler from the
npm registry into build/innosetup) and dist/rrdesk (``make frozen``). Elsewhere it is skipped;
in CI, where ``.ci/run`` installs them all and makes the frozen build first, a missing one is a
failure. It takes about two minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import rrdesk

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "rrdesk"
UNINSTALL_KEY = (
    "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\"
    "{6F2B4C1E-8A4D-4E57-9C39-2D7B0E5A41C3}_is1"
)
SILENT = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"]
UNINSTALLER = {"unins000.exe", "unins000.dat"}


def _missing() -> str:
    for tool in ("wine", "wineserver", "Xvfb", "npm"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (see installer/build_installer.sh)"
    if not (DIST / "rrdesk").is_file():
        return "dist/rrdesk is not built (run make frozen)"
    return ""


@pytest.fixture(autouse=True, scope="module")
def _ready() -> None:
    missing = _missing()
    if not missing:
        return
    message = f"the installer test cannot run: {missing}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


pytestmark = [pytest.mark.slow]


def _files(folder: Path) -> set[str]:
    """Every file under ``folder``, relative to it (a link counts as the file it names)."""
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


class WineMachine:
    """A fresh wine prefix standing in for a Windows 10 laptop, on its own virtual screen."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        read, write = os.pipe()
        # Setup's wizard window is made even when silent, so wine needs a display.
        self._screen = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as display:
            number = display.readline().strip()
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            "DISPLAY": f":{number}",
        }
        self.run("wineboot", "--init")
        # The installers ask for Windows 10 or later; wine says Windows 7 unless told.
        self.run("winecfg", "/v", "win10")
        users = [path for path in (self.drive_c / "users").iterdir() if path.name != "Public"]
        assert len(users) == 1, users
        self.profile = users[0]

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def local_app_data(self) -> Path:
        return self.profile / "AppData" / "Local"

    def windows_path(self, path: Path) -> str:
        return "C:\\" + str(path.relative_to(self.drive_c)).replace("/", "\\")

    def run(self, *command: str) -> int:
        """Runs a Windows program and waits until every process it started has ended."""
        result = subprocess.run(
            ["wine", *command], env=self.env, capture_output=True, timeout=300, check=False
        )
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=True)
        return result.returncode

    def install(self, installer: Path, log_name: str) -> str:
        log = self.drive_c / log_name
        code = self.run(str(installer), *SILENT, f"/LOG={self.windows_path(log)}")
        text = log.read_text(encoding="utf-8-sig", errors="replace")
        assert code == 0, text[-2000:]
        return text

    def registry_key(self, hive: str, key: str) -> str:
        """The values of a registry key, as wine keeps them in system.reg or user.reg."""
        text = (self.prefix / hive).read_text(encoding="utf-8", errors="replace")
        header = "[" + key.replace("\\", "\\\\") + "]"
        for section in text.split("\n\n"):
            if section.startswith(header):
                return section
        return ""

    def close(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60, check=False)
        self._screen.terminate()
        self._screen.wait(timeout=30)


@pytest.fixture(scope="module")
def installers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("installers")
    subprocess.run(
        ["bash", str(ROOT / "installer" / "build_installer.sh")],
        env={**os.environ, "RRDESK_INSTALLERS_OUT": str(out)},
        check=True,
        timeout=900,
    )
    version = rrdesk.__version__
    return {variant: out / f"rrdesk-{version}-{variant}.exe" for variant in VARIANTS}


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WineMachine]:
    machine = WineMachine(tmp_path_factory.mktemp("wine"))
    yield machine
    machine.close()


VARIANTS = ("per-machine", "per-user")


def _where(variant: str, laptop: WineMachine) -> tuple[Path, Path, str]:
    """Where the IT guide says a variant installs: program folder, Start menu entry, hive."""
    if variant == "per-machine":
        start_menu = laptop.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu"
        return laptop.drive_c / "Program Files" / "rrdesk", start_menu, "system.reg"
    start_menu = laptop.profile / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu"
    return laptop.local_app_data / "Programs" / "rrdesk", start_menu, "user.reg"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_installer_installs_upgrades_and_uninstalls_silently_keeping_the_data(
    variant: str, installers: dict[str, Path], laptop: WineMachine
) -> None:
    program, start_menu, hive = _where(variant, laptop)
    shortcut = start_menu / "Programs" / "rrdesk.lnk"

    log = laptop.install(installers[variant], f"{variant}-install.log")

    assert "Installation process succeeded." in log
    assert _files(program) == _files(DIST) | UNINSTALLER
    assert shortcut.is_file()
    key = laptop.registry_key(hive, UNINSTALL_KEY)
    assert f'"DisplayVersion"="{rrdesk.__version__}"' in key

    # The partnership's store and backups, which rrdesk keeps in %LOCALAPPDATA%\rrdesk, and a
    # file an older version had in its program folder that this one does not.
    data = laptop.local_app_data / "rrdesk"
    (data / "backups").mkdir(parents=True, exist_ok=True)
    (data / "partnership.rrdesk").write_bytes(b"the encrypted store")
    (data / "partnership.rrdesk-keys").write_bytes(b"the wrapped key")
    (data / "backups" / "partnership-2026-11-22.rrdesk-backup").write_bytes(b"a backup")
    leftover = program / "_internal" / "from_an_older_version.so"
    leftover.write_bytes(b"old")

    log = laptop.install(installers[variant], f"{variant}-upgrade.log")

    assert "Installation process succeeded." in log
    assert _files(program) == _files(DIST) | UNINSTALLER, "upgraded in place, old files gone"
    assert shortcut.is_file()

    code = laptop.run(laptop.windows_path(program / "unins000.exe"), *SILENT)

    assert code == 0
    assert not program.exists() or _files(program) == set()
    assert not shortcut.exists()
    assert laptop.registry_key(hive, UNINSTALL_KEY) == ""
    assert (data / "partnership.rrdesk").read_bytes() == b"the encrypted store"
    assert (data / "partnership.rrdesk-keys").read_bytes() == b"the wrapped key"
    assert _files(data / "backups") == {"partnership-2026-11-22.rrdesk-backup"}


def _innoextract_list(installer: Path) -> tuple[int, str]:
    result = subprocess.run(
        ["innoextract", "--list", str(installer)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("innoextract") is None, reason="innoextract is not installed")
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_installer_holds_exactly_the_program_folder(
    variant: str, installers: dict[str, Path]
) -> None:
    code, listing = _innoextract_list(installers[variant])
    unreadable = re.search(r"Unexpected setup data version: \S+", listing)
    if unreadable:
        # Debian 12's innoextract 1.9 reads the installers of Inno Setup 6.1 and older only.
        pytest.skip(f"this innoextract cannot read the installer ({unreadable.group()})")

    assert code == 0, listing
    listed = set(re.findall(r'^ - "app/([^"]+)"', listing, flags=re.MULTILINE))
    assert listed == _files(DIST)
