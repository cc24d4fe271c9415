"""Places rrdesk will not keep a store or its backups: folders synced by OneDrive, network paths.

A sync tool copies the store while SQLite is writing it, and SQLite's write-ahead log does not
work over a network file system; either can lose saved work. Each check reads only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from rrdesk.storage.errors import StoreLocationError

ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "fuse.sshfs", "afs", "9p", "ncpfs"}
)
DRIVE_REMOTE = 4
MOUNTS_FILE = Path("/proc/mounts")

DriveType = Callable[[str], int | None]


def _windows_drive_type(root: str) -> int | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return None
    import ctypes

    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    except (AttributeError, OSError):
        return None


def _read_mounts() -> str:
    try:
        return MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _is_within(path: PurePath, folder: PurePath) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _unescape_mount(text: str) -> str:
    return text.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def network_file_system(path: Path, mounts_text: str) -> str | None:
    """The network file-system type holding ``path`` according to a /proc/mounts text, if any."""
    best: tuple[int, str] | None = None
    text = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        if not text.startswith(point):  # a quick test first: most mounts hold something else
            continue
        mount_point = PurePath(point)
        if _is_within(path, mount_point):
            depth = len(mount_point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fields[2].lower())
    if best is not None and (best[1] in NETWORK_FILE_SYSTEMS or best[1].startswith("nfs")):
        return best[1]
    return None


def location_problem(
    path: Path,
    *,
    what: str = "the store",
    environ: Mapping[str, str] | None = None,
    mounts_text: str | None = None,
    drive_type: DriveType | None = None,
    windows: bool | None = None,
) -> str | None:
    """Why ``what`` must not be kept at ``path``, in plain words, or ``None`` if the place is fine.

    ``environ``, ``mounts_text``, ``drive_type`` and ``windows`` stand in for this computer in
    tests.
    """
    environ = os.environ if environ is None else environ
    windows = sys.platform == "win32" if windows is None else windows
    text = str(path)
    pure: PurePath = PureWindowsPath(text) if windows else PurePosixPath(text)
    if text.startswith(("\\\\", "//")):
        return (
            f"rrdesk will not keep {what} on a network share ({text}): the store can be damaged "
            "when it is written over a network. Choose a folder on this computer."
        )
    if any(part.lower().startswith("onedrive") for part in pure.parts):
        return _onedrive(what, text)
    for variable in ONEDRIVE_VARIABLES:
        folder = environ.get(variable, "").strip()
        if folder and _is_within(pure, type(pure)(folder)):
            return _onedrive(what, text)
    if windows:
        drive = pure.drive
        if drive:
            kind = (drive_type or _windows_drive_type)(drive + "\\")
            if kind == DRIVE_REMOTE:
                return (
                    f"rrdesk will not keep {what} on {drive}, which is a network drive: the store "
                    "can be damaged when it is written over a network. Choose a folder on this "
                    "computer."
                )
        return None
    file_system = network_file_system(
        Path(os.path.abspath(text)), _read_mounts() if mounts_text is None else mounts_text
    )
    if file_system is not None:
        return (
            f"rrdesk will not keep {what} in {text}: that folder is on a network file system "
            f"({file_system}), where the store can be damaged. Choose a folder on this computer."
        )
    return None


def _onedrive(what: str, text: str) -> str:
    return (
        f"rrdesk will not keep {what} in {text}: OneDrive syncs that folder, and a sync tool can "
        "copy the store half-written or keep copies outside your control. Choose a folder that "
        "is not synced, such as the one rrdesk suggests."
    )


def check_location(path: Path, *, what: str = "the store") -> None:
    """Raise :class:`StoreLocationError` if ``path`` is a place rrdesk refuses to use."""
    problem = location_problem(path, what=what)
    if problem is not None:
        raise StoreLocationError(f"{problem} Nothing has been changed.")
