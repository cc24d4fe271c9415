"""Places rrdesk will not keep a store or backups: OneDrive, network shares and drives."""

from __future__ import annotations

from pathlib import Path

import pytest

from rrdesk.services.store import store_access
from rrdesk.services.store.sync_folders import check_location, location_problem
from rrdesk.storage.errors import StoreLocationError

MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
server:/export /mnt/shared nfs4 rw 0 0
//server/share /media/council\\040files cifs rw 0 0
/dev/sdb1 /mnt/shared/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "environ", "expected"),
    [
        ("/home/priya/rrdesk/partnership.rrdesk", {}, None),
        ("/home/priya/OneDrive/rrdesk/partnership.rrdesk", {}, "OneDrive syncs"),
        ("/home/priya/onedrive - council/x.rrdesk", {}, "OneDrive syncs"),
        ("/home/priya/notonedrive/x.rrdesk", {}, None),
        ("/home/priya/Documents/x.rrdesk", {"OneDrive": "/home/priya/Documents"}, "OneDrive"),
        ("/home/priya/Other/x.rrdesk", {"OneDriveCommercial": "/home/priya/Documents"}, None),
        ("//server/share/x.rrdesk", {}, "network share"),
        ("/mnt/shared/x.rrdesk", {}, "network file system (nfs4)"),
        ("/media/council files/x.rrdesk", {}, "network file system (cifs)"),
        ("/mnt/shared/local/x.rrdesk", {}, None),
        ("/tmp/x.rrdesk", {}, None),
    ],
    ids=[
        "home folder",
        "OneDrive in the path",
        "OneDrive for business folder name",
        "a name that only contains onedrive",
        "known folder moved into OneDrive",
        "outside the OneDrive folder",
        "UNC path",
        "NFS mount",
        "SMB mount with a space",
        "local disk mounted inside a share",
        "temporary folder",
    ],
)
def test_location_problem_on_posix(
    path: str, environ: dict[str, str], expected: str | None
) -> None:
    problem = location_problem(Path(path), environ=environ, mounts_text=MOUNTS, windows=False)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None
        assert expected in problem


@pytest.mark.parametrize(
    ("path", "drive_type", "expected"),
    [
        ("C:\\Users\\priya\\AppData\\Local\\rrdesk\\x.rrdesk", 3, None),
        ("H:\\rrdesk\\x.rrdesk", 4, "network drive"),
        ("\\\\council-fs01\\home$\\priya\\x.rrdesk", 3, "network share"),
        ("C:\\Users\\priya\\OneDrive - Northmoor\\x.rrdesk", 3, "OneDrive"),
    ],
    ids=["local disk", "mapped network drive", "UNC path", "OneDrive folder"],
)
def test_location_problem_on_windows(path: str, drive_type: int, expected: str | None) -> None:
    from pathlib import PureWindowsPath

    problem = location_problem(
        PureWindowsPath(path),  # type: ignore[arg-type]
        environ={},
        drive_type=lambda _root: drive_type,
        windows=True,
    )
    if expected is None:
        assert problem is None
    else:
        assert problem is not None
        assert expected in problem


def test_check_location_raises_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(StoreLocationError, match="Nothing has been changed"):
        check_location(tmp_path / "OneDrive" / "x.rrdesk")
    check_location(tmp_path / "x.rrdesk")


def test_new_store_refused_in_onedrive(tmp_path: Path, passphrase: str) -> None:
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    with pytest.raises(StoreLocationError, match="OneDrive syncs"):
        store_access.create_store(
            folder / "x.rrdesk", partnership="X", owner="Y", passphrase=passphrase
        )
    assert list(folder.iterdir()) == []
