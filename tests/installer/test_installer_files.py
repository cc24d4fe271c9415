"""The installer folder: version resource, PyInstaller spec, Inno Setup script, entry script.

The frozen build itself is built and run by ``installer/build_frozen.sh`` (a CI step); these
tests pin the promises that build makes to IT so that an edit cannot quietly break them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import rrdesk

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def _version_info() -> ModuleType:
    spec = importlib.util.spec_from_file_location("version_info", INSTALLER / "version_info.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        pytest.param("0.1.0", (0, 1, 0, 0), id="release"),
        pytest.param("1.2", (1, 2, 0, 0), id="two numbers"),
        pytest.param("1.2.3rc1", (1, 2, 3, 0), id="release candidate"),
        pytest.param("2.0.1+local.7", (2, 0, 1, 0), id="local version"),
    ],
)
def test_windows_gets_four_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert _version_info().version_tuple(version) == numbers


def test_the_version_comes_from_the_package() -> None:
    assert _version_info().package_version() == rrdesk.__version__


def _evaluate(text: str) -> dict[str, Any]:
    """Evaluate the version file as PyInstaller does, with stand-ins that record what they got."""
    found: dict[str, Any] = {}

    def record(name: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> dict[str, Any]:
            found.setdefault(name, []).append((args, kwargs))
            return {"kind": name, "args": args, "kwargs": kwargs}

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    eval(text, {name: record(name) for name in names})  # the file's format is a Python expression
    return found


def test_the_version_resource_names_the_product_for_publisher_rules() -> None:
    text = _version_info().version_info_text("1.4.2", file_name="rrdesk-cli.exe")

    found = _evaluate(text)

    strings = {args[0]: args[1] for args, _ in found["StringStruct"]}
    assert strings["ProductName"] == "rrdesk"
    assert strings["FileVersion"] == "1.4.2.0"
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "rrdesk-cli.exe"
    assert strings["InternalName"] == "rrdesk-cli"
    fixed = found["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 4, 2, 0)


def test_the_spec_builds_one_folder_without_upx_and_a_console_program_for_it() -> None:
    spec = (INSTALLER / "rrdesk.spec").read_text(encoding="utf-8")

    assert re.search(r'"exclude_binaries": True', spec), "one-folder: binaries stay out of the exe"
    assert "COLLECT(" in spec
    assert '"upx": False' in spec
    assert "upx=False" in spec
    assert 'name="rrdesk-cli"' in spec
    assert "console=True" in spec
    assert '(str(ROOT / "resources"), "rrdesk/resources")' in spec
    assert '(str(ROOT / "forms"), "rrdesk/forms")' in spec
    assert 'collect_data_files("govuk_bank_holidays")' in spec
    for module in ("QtWebEngineCore", "QtQuick", "QtQml", "QtMultimedia", "Qt3DCore"):
        assert f'"{module}"' in spec


def test_the_inno_script_makes_both_installers_with_auto_constants() -> None:
    script = (INSTALLER / "rrdesk.iss").read_text(encoding="utf-8")

    assert "#ifdef PerUser\nPrivilegesRequired=lowest\n#else\nPrivilegesRequired=admin" in script
    # Per user, the folder {autopf} means on Windows, named so that wine can install it too.
    assert re.search(
        r"#ifdef PerUser\n(;.*\n)*DefaultDirName=\{localappdata\}\\Programs\\rrdesk\n"
        r"#else\nDefaultDirName=\{autopf\}\\rrdesk\n#endif",
        script,
    )
    for fixed in ("{commonpf}", "{pf}", "{userpf}", "HKLM", "HKCU", "{commonprograms}"):
        assert fixed not in script.split("[Setup]", 1)[1], f"{fixed} would fix one mode"


def test_the_uninstaller_deletes_data_only_when_a_person_ticks_the_box() -> None:
    script = (INSTALLER / "rrdesk.iss").read_text(encoding="utf-8")

    assert (
        "'Also delete the partnership''s encrypted store and backups (this cannot be undone)'"
        in script
    )
    assert "Box.Checked := False;" in script
    assert "if UninstallSilent() then\n    Exit;" in script
    assert "DeleteData and (not UninstallSilent())" in script
    assert script.count("DelTree(") == 1


def test_the_entry_script_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "rrdesk_main.py"), "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(INSTALLER.parent)},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"rrdesk {rrdesk.__version__}"
