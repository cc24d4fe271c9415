"""The self-test: every check passes on a working installation, and a broken one says FAIL."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rrdesk.keystore import MemorySecretStore
from rrdesk.services.platform import selftest
from rrdesk.services.platform.selftest import (
    DEFAULT_CHECKS,
    CheckFailed,
    CheckResult,
    SelftestCheck,
    SelftestRun,
    all_passed,
    run_checks,
)
from rrdesk.storage.errors import StoreDamagedError

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture
def run(tmp_path: Path, today: date) -> SelftestRun:
    return SelftestRun(
        parent_folder=tmp_path / "data",
        secret_store=MemorySecretStore(),
        today=today,
        now=NOW,
    )


def _by_name(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {result.name: result for result in results}


def _leftovers(parent: Path) -> list[Path]:
    return list(parent.glob("selftest-*")) if parent.exists() else []


def test_every_check_passes_and_nothing_is_left_behind(run: SelftestRun) -> None:
    results = run_checks(run)

    assert [result.name for result in results] == [
        *(check.name for check in DEFAULT_CHECKS),
        "Clean-up",
    ]
    assert [result.label for result in results] == ["PASS"] * len(results), results
    assert all_passed(results)
    assert _by_name(results)["Encrypted store"].detail == "created, written and read back"
    assert "Wednesday 13 January 2027" in _by_name(results)["Timetable"].detail
    assert _by_name(results)["Word form"].detail.startswith(
        "an agency check form was written, encrypted and read back in memory"
    )
    assert _leftovers(run.parent_folder) == []
    assert run.session is not None
    assert not run.session.is_open


def test_the_keyring_entry_is_removed_afterwards(run: SelftestRun) -> None:
    assert isinstance(run.secret_store, MemorySecretStore)

    results = run_checks(run, [SelftestCheck("Keyring", selftest.check_keyring)])

    assert _by_name(results)["Keyring"].label == "PASS"
    assert run.secret_store.entries == {}


@pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX")
def test_the_private_folder_is_for_this_user_only(run: SelftestRun) -> None:
    selftest.check_private_folder(run)

    assert run.folder is not None
    assert run.folder.parent == run.parent_folder
    assert stat.S_IMODE(run.folder.stat().st_mode) == 0o700
    selftest.clean_up(run)
    assert not run.folder.exists()


def test_an_unreachable_keyring_is_a_warning_not_a_failure(run: SelftestRun) -> None:
    run.secret_store = MemorySecretStore(broken="This computer has no keyring that rrdesk can use.")

    results = run_checks(run, [SelftestCheck("Keyring", selftest.check_keyring)])

    keyring = _by_name(results)["Keyring"]
    assert keyring.label == "WARN"
    assert keyring.passed
    assert keyring.detail.startswith("This computer has no keyring that rrdesk can use.")
    assert "passphrase each time" in keyring.detail
    assert all_passed(results)


def _broken(run: SelftestRun) -> str:
    raise CheckFailed("the disk said no")


def _crashing(run: SelftestRun) -> str:
    raise RuntimeError("unexpected")


@pytest.mark.parametrize(
    ("check", "detail"),
    [
        pytest.param(_broken, "the disk said no", id="check found a problem"),
        pytest.param(_crashing, "RuntimeError: unexpected", id="check crashed"),
    ],
)
def test_a_failing_check_is_reported_and_the_rest_still_run(
    run: SelftestRun, check: object, detail: str
) -> None:
    checks = [
        SelftestCheck("Private folder", selftest.check_private_folder),
        SelftestCheck("Encrypted store", selftest.check_encrypted_store),
        SelftestCheck("Broken", check),  # type: ignore[arg-type]
        SelftestCheck("SQLCipher", selftest.check_sqlcipher),
    ]

    results = _by_name(run_checks(run, checks))

    assert results["Broken"] == CheckResult("Broken", False, detail)
    assert results["SQLCipher"].label == "PASS"
    assert results["Clean-up"].label == "PASS"
    assert not all_passed(results.values())
    assert _leftovers(run.parent_folder) == []


def test_a_check_that_needs_the_store_fails_plainly_without_it(run: SelftestRun) -> None:
    results = _by_name(run_checks(run, [SelftestCheck("SQLCipher", selftest.check_sqlcipher)]))

    assert results["SQLCipher"].label == "FAIL"
    assert results["SQLCipher"].detail == (
        "there is no test store (the encrypted store check failed)"
    )
    assert results["Clean-up"].detail == "nothing was made"


def test_a_store_error_is_reported_in_its_own_words(run: SelftestRun) -> None:
    def damaged(run: SelftestRun) -> str:
        raise StoreDamagedError("The store selftest.rrdesk is damaged.")

    results = run_checks(run, [SelftestCheck("Encrypted store", damaged)])

    assert results[0].line() == "FAIL  Encrypted store: The store selftest.rrdesk is damaged."


def test_a_wrong_deadline_fails_the_timetable_check(
    run: SelftestRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "TIMETABLE_DEADLINE", date(2027, 1, 12))

    result = run_checks(run, [SelftestCheck("Timetable", selftest.check_timetable)])[0]

    assert result.label == "FAIL"
    assert "came out due on 13 January 2027, not 12 January 2027" in result.detail


def test_a_missing_shipped_file_fails_the_shipped_files_check(
    run: SelftestRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "SHIPPED_FORMS", (("no-such-form.toml",),))

    result = run_checks(run, [SelftestCheck("Shipped files", selftest.check_shipped_files)])[0]

    assert result.line() == "FAIL  Shipped files: not found: forms/no-such-form.toml"


def test_clean_up_runs_even_when_the_run_is_interrupted(run: SelftestRun) -> None:
    def interrupted(run: SelftestRun) -> str:
        raise KeyboardInterrupt

    reported: list[CheckResult] = []
    checks = [
        SelftestCheck("Private folder", selftest.check_private_folder),
        SelftestCheck("Stopped", interrupted),
    ]

    with pytest.raises(KeyboardInterrupt):
        run_checks(run, checks, reported.append)

    assert [result.name for result in reported] == ["Private folder", "Clean-up"]
    assert _leftovers(run.parent_folder) == []


@pytest.mark.parametrize(
    ("result", "line"),
    [
        pytest.param(CheckResult("Store", True, "fine"), "PASS  Store: fine", id="pass"),
        pytest.param(
            CheckResult("Keyring", True, "not reachable", warning=True),
            "WARN  Keyring: not reachable",
            id="warning",
        ),
        pytest.param(CheckResult("Store", False, "broken"), "FAIL  Store: broken", id="fail"),
    ],
)
def test_each_result_is_one_line(result: CheckResult, line: str) -> None:
    assert result.line() == line
