"""``rrdesk export decision-sheet`` and ``rrdesk export certificate`` on a demo store."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from rrdesk import cli
from rrdesk.commands.export_commands import add_export_parsers
from rrdesk.exports.signatures.verification import verify_pdf
from rrdesk.services.store import store_access

DECIDED = "RR-2026-004"
NOT_DECIDED = "RR-2026-007"


@pytest.fixture(autouse=True)
def _export_wired(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until cli.py adds it, put ``export`` into the real parser for these tests."""
    original = cli.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) and "export" not in action.choices:
                add_export_parsers(action)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)


@pytest.fixture
def passphrase_file(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


@pytest.fixture
def demo_store(tmp_path: Path, passphrase_file: Path) -> Path:
    store = tmp_path / "demo.rrdesk"
    code, _ = _run(
        "init",
        "--store",
        str(store),
        "--passphrase-file",
        str(passphrase_file),
        "--partnership",
        "Northmoor Safeguarding Children Partnership",
        "--demo-data",
    )
    assert code == 0
    return store


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(args), out=out)
    return code, out.getvalue()


def _export(store: Path, passphrase_file: Path, *args: str) -> tuple[int, str]:
    return _run("export", *args, "--store", str(store), "--passphrase-file", str(passphrase_file))


def test_exported_sheet_verifies_against_the_exported_certificate(
    demo_store: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "out" / "sheet.pdf"
    sheet.parent.mkdir()
    code, text = _export(
        demo_store, passphrase_file, "decision-sheet", "--case", DECIDED, "--out", str(sheet)
    )
    assert code == 0, text
    assert f"Saved version 1 of the decision sheet for {DECIDED}" in text
    certificate = tmp_path / "out" / "partnership.pem"
    code, text = _export(demo_store, passphrase_file, "certificate", "--out", str(certificate))
    assert code == 0
    assert "Trusted Certificates" in text
    assert "Valid until:" in text
    result = verify_pdf(sheet.read_bytes(), certificate.read_bytes())
    assert result.valid, result.verdict
    assert result.trusted is True
    assert sorted(p.name for p in sheet.parent.iterdir()) == ["partnership.pem", "sheet.pdf"]

    code, verdict = _run("verify", str(sheet), "--trust", str(certificate))
    assert code == 0
    assert "Valid: signed with the trusted certificate" in verdict


def test_exporting_again_gives_the_same_frozen_sheet(
    demo_store: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert (
        _export(
            demo_store, passphrase_file, "decision-sheet", "--case", DECIDED, "--out", str(first)
        )[0]
        == 0
    )
    assert (
        _export(
            demo_store, passphrase_file, "decision-sheet", "--case", DECIDED, "--out", str(second)
        )[0]
        == 0
    )
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        pytest.param(NOT_DECIDED, "has no recorded decision", id="no decision"),
        pytest.param("RR-2099-999", "There is no case RR-2099-999", id="no such case"),
    ],
)
def test_no_sheet_exits_2_with_a_plain_message(
    demo_store: Path,
    passphrase_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    message: str,
) -> None:
    out = tmp_path / "sheet.pdf"
    code, _ = _export(
        demo_store, passphrase_file, "decision-sheet", "--case", case, "--out", str(out)
    )
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_folder_exits_2(
    demo_store: Path, passphrase_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nowhere" / "sheet.pdf"
    code, _ = _export(
        demo_store, passphrase_file, "decision-sheet", "--case", DECIDED, "--out", str(out)
    )
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_wrong_passphrase_exits_2(
    demo_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all", encoding="utf-8")
    code, _ = _export(demo_store, wrong, "certificate", "--out", str(tmp_path / "c.pem"))
    assert code == 2
    assert capsys.readouterr().err.startswith("rrdesk: ")


def test_certificate_export_keeps_the_same_certificate(
    demo_store: Path, passphrase_file: Path, tmp_path: Path, passphrase: str
) -> None:
    one, two = tmp_path / "one.pem", tmp_path / "two.pem"
    assert _export(demo_store, passphrase_file, "certificate", "--out", str(one))[0] == 0
    assert _export(demo_store, passphrase_file, "certificate", "--out", str(two))[0] == 0
    assert one.read_bytes() == two.read_bytes()
    session = store_access.unlock_with_passphrase(demo_store, passphrase)
    try:
        actions = [entry.action for entry in session.audit.entries()]
    finally:
        session.close()
    assert actions.count("Created a signing certificate") == 1


def test_the_invitation_is_exported_for_a_booked_meeting(
    demo_store: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    import icalendar

    from rrdesk.services.store.store_access import unlock_with_passphrase
    from rrdesk.services.timetable.timetable_service import TimetableService

    session = unlock_with_passphrase(demo_store, passphrase_file.read_text().strip())
    try:
        service = TimetableService(session)
        booked = [
            s.reference
            for s in session.cases.summaries()
            if service.record(s.case_id).meeting_start is not None
        ]
    finally:
        session.close()
    assert booked
    target = tmp_path / "meeting.ics"
    code, text = _export(
        demo_store, passphrase_file, "invitation", "--case", booked[0], "--out", str(target)
    )
    assert code == 0, text
    assert f"Saved the meeting invitation for {booked[0]}" in text
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["LOCATION"]) == "Northmoor Civic Centre, Room 4"
    assert event["ORGANIZER"].params["CN"] == "Rory Penhallow"
    code, text = _export(
        demo_store, passphrase_file, "invitation", "--case", "RR-1999-999", "--out", str(target)
    )
    assert code == 2
