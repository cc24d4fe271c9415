"""``rrdesk selftest``: one line per check, a final verdict, exit 0 passed and 1 failed."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rrdesk.commands.selftest import EXIT_FAILED, EXIT_PASSED, add_selftest_parser, run_selftest
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.platform import selftest
from rrdesk.services.platform.selftest import CheckFailed, SelftestCheck, SelftestRun

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def _args(folder: Path, *extra_checks: SelftestCheck) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_selftest_parser(parser.add_subparsers(dest="command"), extra_checks=extra_checks)
    return parser.parse_args(["selftest", "--folder", str(folder)])


def _run(args: argparse.Namespace, **options: object) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_selftest(
        args,
        out,
        secret_store=options.pop("secret_store", MemorySecretStore()),  # type: ignore[arg-type]
        now=NOW,
        **options,  # type: ignore[arg-type]
    )
    return code, out.getvalue().splitlines()


def test_the_parser_names_the_handler_and_folder(tmp_path: Path) -> None:
    args = _args(tmp_path)

    assert args.handler is run_selftest
    assert args.folder == tmp_path
    assert args.selftest_extra_checks == ()


def test_a_working_installation_passes(tmp_path: Path) -> None:
    code, lines = _run(_args(tmp_path))

    assert code == EXIT_PASSED
    assert lines[0].startswith("rrdesk ")
    assert "self-test" in lines[0]
    assert "PASS  Encrypted store: created, written and read back" in lines
    assert [line[:6] for line in lines[1:-1]] == ["PASS  "] * (len(lines) - 2)
    assert lines[-1] == "Self-test passed"
    assert list(tmp_path.iterdir()) == []


def test_a_failing_check_prints_fail_and_exits_1(tmp_path: Path) -> None:
    def broken(run: SelftestRun) -> str:
        raise CheckFailed("SQLCipher is not loaded")

    checks = [
        SelftestCheck("Private folder", selftest.check_private_folder),
        SelftestCheck("SQLCipher", broken),
        SelftestCheck("Timetable", selftest.check_timetable),
    ]

    code, lines = _run(_args(tmp_path), checks=checks)

    assert code == EXIT_FAILED
    assert "FAIL  SQLCipher: SQLCipher is not loaded" in lines
    assert any(line.startswith("PASS  Timetable: ") for line in lines)
    assert lines[-2].startswith("PASS  Clean-up: removed ")
    assert lines[-1] == "Self-test failed (1 check failed)"
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_keyring_warns_but_passes(tmp_path: Path) -> None:
    checks = [SelftestCheck("Keyring", selftest.check_keyring)]
    no_keyring = MemorySecretStore(broken="This computer has no keyring that rrdesk can use.")

    code, lines = _run(_args(tmp_path), checks=checks, secret_store=no_keyring)

    assert code == EXIT_PASSED
    assert lines[1].startswith("WARN  Keyring: This computer has no keyring")
    assert lines[-1] == "Self-test passed"


def test_extra_checks_given_to_the_parser_run_after_the_built_in_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = (SelftestCheck("Timetable", selftest.check_timetable),)
    monkeypatch.setattr("rrdesk.commands.selftest.DEFAULT_CHECKS", quick)
    extra = SelftestCheck("Display", lambda run: "drew a window")

    code, lines = _run(_args(tmp_path, extra))

    assert code == EXIT_PASSED
    assert [line.split(":")[0] for line in lines[1:-1]] == [
        "PASS  Timetable",
        "PASS  Display",
        "PASS  Clean-up",
    ]
