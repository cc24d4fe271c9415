"""``rrdesk demo-data``: a new store of fictional years, never over an existing one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.services.store.store_access import unlock_with_passphrase


@pytest.fixture
def passphrase_file(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def test_an_existing_file_is_refused_and_left_as_it_was(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "kept.rrdesk"
    store.write_bytes(b"someone's work")
    code, text = _run("demo-data", "--store", str(store), "--passphrase-file", str(passphrase_file))
    assert code == 2
    assert text == ""
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "There is already a store or file at" in error
    assert "Nothing changed" in error
    assert store.read_bytes() == b"someone's work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.rrdesk", "passphrase.txt"]


def test_a_store_whose_key_file_is_left_is_refused(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "gone.rrdesk"
    keys = tmp_path / "gone.rrdesk-keys"
    keys.write_bytes(b"sealed key slots")
    code, _text = _run(
        "demo-data", "--store", str(store), "--passphrase-file", str(passphrase_file)
    )
    assert code == 2
    assert "already a store" in capsys.readouterr().err
    assert not store.exists()
    assert keys.read_bytes() == b"sealed key slots"


def test_a_year_is_built_and_its_audit_trail_verifies(
    tmp_path: Path, passphrase_file: Path, passphrase: str
) -> None:
    store = tmp_path / "year.rrdesk"
    code, text = _run(
        "demo-data",
        "--years",
        "1",
        "--cases-a-year",
        "8",
        "--store",
        str(store),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert code == 0, text
    assert f"Made the store {store} with 1 years of fictional records" in text
    assert "8 cases, 12 agency forms, 7 actions, 1 signed decision sheets" in text
    assert "Recovery key" in text
    session = unlock_with_passphrase(store, passphrase)
    try:
        assert session.cases.count() == 8
        assert session.partnership.endswith("(demo: all fictional)")
    finally:
        session.close()
    code, text = _run(
        "audit", "verify", "--store", str(store), "--passphrase-file", str(passphrase_file)
    )
    assert code == 0
    assert "The audit trail is whole" in text


@pytest.mark.parametrize("years", ["0", "31", "ten"])
def test_a_number_of_years_out_of_range_is_refused(
    tmp_path: Path, passphrase_file: Path, years: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "never.rrdesk"
    with pytest.raises(SystemExit) as stopped:
        main(["demo-data", "--years", years, "--store", str(store)])
    assert stopped.value.code == 2
    assert "--years" in capsys.readouterr().err
    assert not store.exists()
