"""``rrdesk check-text``: exit status, text output with line and column, JSON output."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from rrdesk.commands.check_text import add_check_text_parser, run_check_text


def run_with_errors(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_check_text_parser(parser.add_subparsers())
    args = parser.parse_args(["check-text", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.handler(args, out, err)
    assert args.handler is run_check_text
    return code, out.getvalue(), err.getvalue()


def run(*argv: str) -> tuple[int, str]:
    code, output, errors = run_with_errors(*argv)
    assert errors == ""
    return code, output


def test_clean_text_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text("The health visitor saw T on 12 March 2026 at 2pm.\n", encoding="utf-8")
    assert run(str(path)) == (0, "No problems found.\n")


def test_findings_exit_1_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text("The nurse visited.\nThe CAMHS worker called.\n", encoding="utf-8")
    code, output = run(str(path))
    assert code == 1
    assert output.startswith("2:5: CAMHS: ")
    assert "child and adolescent mental health services" in output
    assert len(output.splitlines()) == 1


def test_json_offsets_are_character_offsets(tmp_path: Path) -> None:
    text = "Zoë \u0645\u0631\u062d\u0628\u0627 \U0001f600 saw the SW.\nMum 12/03/2026 14:32"
    path = tmp_path / "answer.txt"
    path.write_text(text, encoding="utf-8")
    code, output = run(str(path), "--json")
    assert code == 1
    findings = json.loads(output)
    assert [f["text"] for f in findings] == ["SW", "Mum", "12/03/2026 14:32"]
    for finding in findings:
        assert text[finding["start"] : finding["end"]] == finding["text"]
        assert set(finding) == {"kind", "text", "start", "end", "message", "suggestions"}
    assert findings[0]["kind"] == "case-note"
    assert findings[2]["suggestions"] == ["12 March 2026"]


def test_json_for_clean_text_is_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text("All good.", encoding="utf-8")
    assert run(str(path), "--json") == (0, "[]\n")


def test_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_bytes("\ufeffThe SW called.".encode())
    code, output = run(str(path), "--json")
    assert code == 1
    assert json.loads(output)[0]["start"] == 4


def test_case_names_and_areas(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text("JT was referred to Warwickshire Safeguarding.", encoding="utf-8")
    assert run(str(path), "--name", "JT") == (0, "No problems found.\n")
    code, output = run(str(path), "--name", "JT", "--area", "Wolverhampton")
    assert code == 1
    assert output.startswith("1:20: Warwickshire: ")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "There is no file called"),
        (lambda p: (p.mkdir(), p)[1], "is a folder, not a text file."),
        (lambda p: (p.write_bytes(b"caf\xe9 latin-1"), p)[1], "is not UTF-8 text."),
        (lambda p: (p.write_bytes(b"PK\x03\x04\x00\x00"), p)[1], "is not a text file."),
    ],
    ids=["missing file", "a folder", "not UTF-8", "binary"],
)
def test_unusable_input_exits_2_with_one_line(tmp_path: Path, make: object, message: str) -> None:
    assert callable(make)
    path = make(tmp_path / "answer.txt")
    code, output, errors = run_with_errors(str(path), "--json")
    assert code == 2
    assert output == ""
    assert errors.startswith("rrdesk check-text: ")
    assert message in errors
    assert errors.count("\n") == 1


def test_names_from_other_cases(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text("Child R was seen.", encoding="utf-8")
    code, output = run(str(path), "--other-name", "Child R")
    assert code == 1
    assert output.startswith("1:1: Child R: ")


def test_a_store_brings_the_partnerships_own_word_lists(  # type: ignore[no-untyped-def]
    tmp_path: Path, new_store, store_path: Path, passphrase: str
) -> None:
    from rrdesk.services.partnership.partnership_forms import (
        ACRONYM_LIST,
        PartnershipForms,
        standard_text,
    )

    draft = tmp_path / "draft.txt"
    draft.write_text("The family were seen at the SARC.", encoding="utf-8")
    assert run(str(draft))[0] == 1
    edited = standard_text(ACRONYM_LIST).replace('"UK", "NHS",', '"UK", "NHS", "SARC",', 1)
    PartnershipForms(new_store.session).use_edited(ACRONYM_LIST, edited.encode())
    new_store.session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    code, output = run(str(draft), "--store", str(store_path), "--passphrase-file", str(secret))
    assert (code, output.strip()) == (0, "No problems found.")


def test_a_wrong_passphrase_for_the_store_exits_2(  # type: ignore[no-untyped-def]
    tmp_path: Path, new_store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rrdesk.cli import main

    new_store.session.close()
    draft = tmp_path / "draft.txt"
    draft.write_text("A clean sentence.", encoding="utf-8")
    secret = tmp_path / "passphrase.txt"
    secret.write_text("not the passphrase at all", encoding="utf-8")
    code = main(
        ["check-text", str(draft), "--store", str(store_path), "--passphrase-file", str(secret)]
    )
    assert code == 2
    assert "passphrase is not right" in capsys.readouterr().err


def test_a_store_brings_the_partnerships_own_area(tmp_path: Path, passphrase: str) -> None:
    from rrdesk.services.store.store_access import create_store

    store = tmp_path / "wolverhampton.rrdesk"
    created = create_store(
        store,
        partnership="Wolverhampton Safeguarding Together",
        owner="Priya Test-Coordinator",
        passphrase=passphrase,
    )
    created.session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Wolverhampton police referred the family to Warwickshire.", encoding="utf-8")
    assert run(str(draft)) == (0, "No problems found.\n")  # no area known: none flagged

    code, output = run(str(draft), "--store", str(store), "--passphrase-file", str(secret))

    assert code == 1
    assert output.startswith("1:45: Warwickshire: ")
    assert "Wolverhampton:" not in output
