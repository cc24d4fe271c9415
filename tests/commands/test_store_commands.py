"""The command line for IT staff and scripts: init, cases, audit verify, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.services.store import store_access


@pytest.fixture
def passphrase_file(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def test_init_with_demo_data_then_cases(
    tmp_path: Path, passphrase_file: Path, passphrase: str
) -> None:
    store = tmp_path / "p.rrdesk"
    code, text = _run(
        "init",
        "--store",
        str(store),
        "--passphrase-file",
        str(passphrase_file),
        "--partnership",
        "Northmoor",
        "--demo-data",
    )
    assert code == 0
    assert "Recovery key" in text
    recovery = text.strip().splitlines()[-1].strip()
    session = store_access.unlock_with_recovery_key(store, recovery)
    assert session.partnership == "Northmoor"
    session.close()
    session = store_access.unlock_with_passphrase(store, passphrase)
    private = [value for case in session.cases.all_cases() for value in case.private_values()]
    session.close()

    code, text = _run(
        "cases", "--json", "--store", str(store), "--passphrase-file", str(passphrase_file)
    )
    assert code == 0
    rows = json.loads(text)
    assert len(rows) == 7
    assert set(rows[0]) == {
        "reference",
        "stage",
        "notification_date",
        "working_day",
        "aware_date",
        "notification_gap_working_days",
        "notification_late",
    }
    assert all(isinstance(r["working_day"], int) for r in rows if r["notification_date"])
    code, plain = _run("cases", "--store", str(store), "--passphrase-file", str(passphrase_file))
    assert code == 0
    for value in private:
        assert value not in text
        assert value not in plain


def test_working_day_reached_is_computed(tmp_path: Path, passphrase_file: Path) -> None:
    from rrdesk.domain.timetable.bank_holidays import packaged_calendar

    store = tmp_path / "p.rrdesk"
    _run("init", "--store", str(store), "--passphrase-file", str(passphrase_file), "--demo-data")
    code, text = _run(
        "cases", "--json", "--store", str(store), "--passphrase-file", str(passphrase_file)
    )
    assert code == 0
    calendar = packaged_calendar()
    checked = 0
    for row in json.loads(text):
        if row["notification_date"] is None:
            assert row["working_day"] is None
            continue
        notified = date.fromisoformat(row["notification_date"])
        assert row["working_day"] == calendar.working_days_between(notified, date.today())
        checked += 1
    assert checked == 6


def test_cases_state_the_local_authority_notification_gap(
    new_store, store_path: Path, passphrase_file: Path
) -> None:
    """Working Together 2023, chapter 5: notified within 5 working days of becoming aware."""
    from tests.builders import add_case

    session = new_store.session
    today = date(2026, 11, 30)
    add_case(
        session,
        today=today,
        notified=date(2026, 11, 9),
        la_aware_date=date(2026, 11, 2),
        reference="RR-2026-001",
    )
    add_case(
        session,
        today=today,
        notified=date(2026, 11, 12),
        la_aware_date=date(2026, 11, 2),
        reference="RR-2026-002",
    )
    add_case(session, today=today, notified=date(2026, 11, 12), reference="RR-2026-003")
    session.close()
    store = ("--store", str(store_path), "--passphrase-file", str(passphrase_file))
    code, text = _run("cases", "--json", *store)
    assert code == 0
    rows = {row["reference"]: row for row in json.loads(text)}
    assert rows["RR-2026-001"]["aware_date"] == "2026-11-02"
    assert rows["RR-2026-001"]["notification_gap_working_days"] == 5
    assert rows["RR-2026-001"]["notification_late"] is False
    assert rows["RR-2026-002"]["notification_gap_working_days"] == 8
    assert rows["RR-2026-002"]["notification_late"] is True
    assert rows["RR-2026-003"]["aware_date"] is None
    assert rows["RR-2026-003"]["notification_late"] is None
    code, plain = _run("cases", *store)
    late_lines = [line for line in plain.splitlines() if "after aware" in line]
    assert len(late_lines) == 1
    assert late_lines[0].startswith("RR-2026-002")
    assert "notified 8 working days after aware" in late_lines[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [("wrong passphrase here\n", "The passphrase is not right"), ("", "is empty")],
    ids=["wrong passphrase", "empty passphrase file"],
)
def test_unusable_input_is_exit_2(
    tmp_path: Path,
    new_store,
    store_path: Path,
    content: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_store.session.close()
    bad = tmp_path / "bad.txt"
    bad.write_text(content, encoding="utf-8")
    code, _ = _run("cases", "--store", str(store_path), "--passphrase-file", str(bad))
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_not_a_store_is_exit_2(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _run(
        "cases", "--store", str(tmp_path / "none.rrdesk"), "--passphrase-file", str(passphrase_file)
    )
    assert code == 2
    assert "There is no rrdesk store" in capsys.readouterr().err


def test_trailing_newline_is_not_part_of_passphrase(
    tmp_path: Path, new_store, store_path: Path, passphrase: str
) -> None:
    new_store.session.close()
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(passphrase.encode() + b"\r\n")
    code, _ = _run("cases", "--store", str(store_path), "--passphrase-file", str(crlf))
    assert code == 0


def test_audit_verify(tmp_path: Path, new_store, store_path: Path, passphrase_file: Path) -> None:
    new_store.session.close()
    code, text = _run(
        "audit", "verify", "--store", str(store_path), "--passphrase-file", str(passphrase_file)
    )
    assert code == 0
    assert "The audit trail is whole: 1 entries checked." in text


def test_bad_arguments_are_exit_2() -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["cases", "--no-such-option"])
    assert stopped.value.code == 2


def test_version_and_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rrdesk", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0
    assert done.stdout.startswith("rrdesk ")


WELSH = "Partneriaeth Diogelu Plant Rhanbarthol Gorllewin Morgannwg"
WELSH_LONGER = "Partneriaeth Diogelu Plant Rhanbarthol Gorllewin Morgannwg, Powys a Cheredigion ŵŷâ"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(WELSH, id="a Welsh partnership"),
        pytest.param(WELSH_LONGER, id="Welsh, longer than a certificate's name, with accents"),
        pytest.param(("Bwrdd Diogelu ŵŷ " * 12)[:200], id="200 characters, 2 bytes a letter"),
    ],
)
def test_init_takes_any_unicode_name_up_to_200_characters(
    tmp_path: Path, passphrase_file: Path, passphrase: str, name: str
) -> None:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    store = tmp_path / "p.rrdesk"
    code, text = _run(
        "init", "--store", str(store), "--passphrase-file", str(passphrase_file),
        "--partnership", name,
    )  # fmt: skip
    assert code == 0
    assert "Recovery key" in text
    session = store_access.unlock_with_passphrase(store, passphrase)
    assert session.partnership == " ".join(name.split())
    session.close()

    pem = tmp_path / "partnership.pem"
    code, _ = _run(
        "export", "certificate", "--out", str(pem),
        "--store", str(store), "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert code == 0
    certificate = x509.load_pem_x509_certificate(pem.read_bytes())
    common_name = str(certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)
    assert len(common_name) <= 64
    clean = " ".join(name.split())
    if len(clean) <= 64:
        assert common_name == clean
    else:
        assert common_name.endswith("…")
        assert clean.startswith(common_name[:-1])
        assert len(common_name.encode("utf-8")) > len(common_name)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        pytest.param("", "Enter the partnership's name", id="empty"),
        pytest.param("   ", "Enter the partnership's name", id="spaces only"),
        pytest.param(
            "Gorllewin \udcff\udcfe Morgannwg", "some of its bytes are not UTF-8", id="not UTF-8"
        ),
        pytest.param("a" * 201, "200 characters or fewer (it has 201)", id="201 characters"),
        pytest.param("North\x1bmoor", "must not contain control characters", id="an escape"),
    ],
)
def test_init_refuses_a_name_it_cannot_keep_before_making_anything(
    tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str], name: str, said: str
) -> None:
    folder = tmp_path / "stores"
    folder.mkdir()
    code, text = _run(
        "init", "--store", str(folder / "p.rrdesk"), "--passphrase-file", str(passphrase_file),
        "--partnership", name,
    )  # fmt: skip
    assert code == 2
    assert text == ""
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert said in error
    assert list(folder.iterdir()) == []
