"""The layers hold at run time too: the command line never loads Qt or the PDF libraries."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import sys
from rrdesk.cli import build_parser
build_parser()
heavy = {'PySide6', 'reportlab', 'pyhanko'}
loaded = sorted(name for name in sys.modules if name.split('.')[0] in heavy)
print(','.join(loaded))
"""


def test_command_line_loads_no_qt_or_pdf_libraries() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == ""


def test_domain_modules_do_no_io() -> None:
    forbidden = (r"(?<![\w.])open\(", r"sqlite", r"socket", r"datetime\.now\(", r"date\.today\(")
    allowed = {"bank_holidays.py"}  # reads the shipped GOV.UK list through importlib.resources
    for path in (ROOT / "rrdesk" / "domain").rglob("*.py"):
        if path.name in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in forbidden:
            assert not re.search(pattern, text), f"{path.relative_to(ROOT)} matches {pattern}"


STAND_IN = re.compile(r"(Recording|Scripted|Immediate|Fake|Stub)[A-Z]")
NOT_STAND_INS = {"ImmediateAction"}  # an action agreed at the meeting to keep a child safe


def test_the_product_holds_no_test_stand_ins() -> None:
    """Stand-ins for the seams (messages, file dialogs, the runner, the clock) live in tests/:
    nothing in rrdesk/ defines one or imports one from there."""
    found = []
    for path in sorted((ROOT / "rrdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and STAND_IN.match(node.name):
                if node.name not in NOT_STAND_INS:
                    found.append(f"{where} defines {node.name}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "tests":
                found.append(f"{where} imports from {node.module}")
            elif isinstance(node, ast.Import):
                found += [
                    f"{where} imports {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] == "tests"
                ]
    assert found == []


APP_START = """
import sys
import rrdesk.app
rrdesk.app.run_app = lambda **options: print(sorted(options.items())) or 0
from rrdesk.cli import main
main({arguments!r})
print(','.join(sorted(name for name in sys.modules if name.startswith('rrdesk.commands'))))
"""


@pytest.mark.parametrize(
    ("arguments", "options"),
    [
        pytest.param([], "[('demo', False), ('store', None)]", id="no options"),
        pytest.param(["--demo"], "[('demo', True), ('store', None)]", id="demo"),
        pytest.param(
            ["--store", "x.rrdesk"],
            "[('demo', False), ('store', PosixPath('x.rrdesk'))]",
            id="store",
        ),
        pytest.param(
            ["--store=x.rrdesk", "--demo"],
            "[('demo', True), ('store', PosixPath('x.rrdesk'))]",
            id="store and demo",
        ),
    ],
)
def test_opening_the_app_loads_no_command(arguments: list[str], options: str) -> None:
    if sys.platform == "win32":
        options = options.replace("PosixPath", "WindowsPath")
    done = subprocess.run(
        [sys.executable, "-c", APP_START.format(arguments=arguments)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stdout.splitlines() == [options, ""]


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["--demo"],
        ["--store", "x.rrdesk"],
        ["--store=x.rrdesk"],
        ["--store", "a.rrdesk", "--store", "b.rrdesk", "--demo"],
        ["--demo", "--demo"],
        ["--store", "Partnership store Ü.rrdesk"],
    ],
)
def test_the_quick_reading_of_app_options_agrees_with_the_full_parser(
    arguments: list[str],
) -> None:
    from rrdesk.cli import _read_app_options_without_parser, build_parser

    quick = _read_app_options_without_parser(arguments)
    full = build_parser().parse_args(arguments)
    assert quick is not None
    assert (quick.store, quick.demo) == (full.store, full.demo)
    assert full.command is None


@pytest.mark.parametrize(
    "arguments",
    [
        ["--store"],
        ["--store", "--demo"],
        ["--store="],
        ["--help"],
        ["--version"],
        ["--dem"],
        ["--demo=yes"],
        ["cases"],
        ["--store", "x.rrdesk", "cases"],
        ["-store", "x.rrdesk"],
    ],
)
def test_anything_else_goes_to_the_full_parser(arguments: list[str]) -> None:
    from rrdesk.cli import _read_app_options_without_parser

    assert _read_app_options_without_parser(arguments) is None
