"""The Windows version resource of rrdesk.exe and rrdesk-cli.exe, made from ``rrdesk.__version__``.

AppLocker publisher rules and Intune detection rules read the product name and file version from
it, so they stay the same from release to release. Run by the spec at build time; also runnable
on its own: ``python installer/version_info.py OUT.txt`` writes the file,
``--print-version`` prints the version.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPANY = "rrdesk developers"
PRODUCT = "rrdesk"
DESCRIPTION = "rrdesk: Rapid Review desk for safeguarding children partnerships"
COPYRIGHT = "Copyright rrdesk developers. MIT licence."


def package_version(root: Path = ROOT) -> str:
    """``__version__`` from ``rrdesk/__init__.py``, read as text (the package is not imported)."""
    text = (root / "rrdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise ValueError("rrdesk/__init__.py has no __version__")
    return found.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows: ``0.1.0`` is (0, 1, 0, 0); ``1.2.3rc1`` is (1, 2, 3, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_info_text(version: str, *, file_name: str, description: str = DESCRIPTION) -> str:
    """The version resource in PyInstaller's text form (a ``VSVersionInfo`` expression)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": ".".join(map(str, numbers)),
        "InternalName": file_name.removesuffix(".exe"),
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": file_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# The Windows version resource of {file_name}, generated from rrdesk.__version__ = {version!r}.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080904B0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""


def write_version_file(
    target: Path, *, file_name: str, description: str = DESCRIPTION, root: Path = ROOT
) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = version_info_text(package_version(root), file_name=file_name, description=description)
    target.write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    if sys.argv[1:] == ["--print-version"]:
        print(package_version())
    else:
        out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("version_info.txt")
        print(write_version_file(out, file_name="rrdesk.exe"))
