"""The wheel installs cleanly into a new virtual environment and carries resources/ and forms/."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("rrdesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "rrdesk/resources/style.qss" in names
    assert "rrdesk/forms/profiles/statutory.toml" in names

    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True
    )
    rrdesk = bin_dir / "rrdesk"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = subprocess.run(
        [str(rrdesk), "--version"], capture_output=True, text=True, check=True, cwd=elsewhere
    )
    assert version.stdout.startswith("rrdesk ")
    passphrase = elsewhere / "passphrase"
    passphrase.write_text("lantern orchard pebble\n", encoding="utf-8")
    created = subprocess.run(
        [
            str(rrdesk),
            "init",
            "--store",
            str(elsewhere / "p.rrdesk"),
            "--passphrase-file",
            str(passphrase),
            "--partnership",
            "Northmoor",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=elsewhere,
        env={**os.environ, "HOME": str(elsewhere)},
    )
    assert "Recovery key" in created.stdout
    deadlines = subprocess.run(
        [str(rrdesk), "deadlines", "2026-12-21", "--profile", "tower-hamlets"],
        capture_output=True,
        text=True,
        check=True,
        cwd=elsewhere,
    )
    assert "Thursday 14 January 2027" in deadlines.stdout
