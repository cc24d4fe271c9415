"""``rrdesk check-text --store``: the partnership's own area is the case's own by default, so its
name is never flagged and other areas' names are, with the output in the usual shape."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from rrdesk.commands.check_text import add_check_text_parser
from tests.conftest import PASSPHRASE


def _run(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_check_text_parser(parser.add_subparsers())
    args = parser.parse_args(["check-text", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.handler(args, out, err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def _leeds_store(tmp_path: Path) -> tuple[Path, Path]:
    from rrdesk.services.store.store_access import create_store

    path = tmp_path / "leeds.rrdesk"
    create_store(
        path,
        partnership="Leeds Safeguarding Children Partnership",
        owner="Priya Test-Coordinator",
        passphrase=PASSPHRASE,
    ).session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path, secret


def test_the_store_partnerships_own_area_is_used_without_area(tmp_path: Path) -> None:
    store, secret = _leeds_store(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text("Leeds Children's Services saw T.\nT moved from Northumberland.\n", "utf-8")
    code, output = _run(str(draft), "--store", str(store), "--passphrase-file", str(secret))
    assert code == 1
    (line,) = output.splitlines()
    assert line.startswith("2:14: Northumberland: ")
    assert "This case is about \u201cLeeds Safeguarding Children Partnership\u201d." in line


def test_area_adds_to_the_partnerships_own_area(tmp_path: Path) -> None:
    store, secret = _leeds_store(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text("Leeds and Northumberland police shared records.", "utf-8")
    code, output = _run(
        str(draft),
        "--store",
        str(store),
        "--passphrase-file",
        str(secret),
        "--area",
        "Northumberland",
        "--json",
    )
    assert (code, json.loads(output)) == (0, [])


def test_without_a_store_or_area_no_area_is_flagged(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("T moved from Northumberland.", "utf-8")
    assert _run(str(draft)) == (0, "No problems found.\n")
