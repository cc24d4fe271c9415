"""A new passphrase an attacker would guess in fewer than 10 billion tries is refused, in the
command line, the set-up screen and a change of passphrase, with one plain message."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.services.store import store_access
from rrdesk.storage.errors import KeySlotError
from rrdesk.storage.keys import key_file, strength
from rrdesk.storage.keys.key_slots import TOO_EASY, passphrase_problem

WEAK = ["Password1234", "qwertyuiop123", "Northmoor2026!", "iloveyou12345", "P@ssw0rd2026"]
STRONG = ["correct horse battery staple", "lantern orchard pebble ten years"]


@pytest.mark.parametrize("passphrase", WEAK)
def test_a_guessable_passphrase_is_refused(passphrase: str) -> None:
    assert strength.guesses_log10(passphrase, ["Northmoor"]) < strength.MIN_GUESSES_LOG10
    assert passphrase_problem(passphrase, about=["Northmoor"]) == TOO_EASY


@pytest.mark.parametrize("passphrase", STRONG)
def test_random_words_are_accepted(passphrase: str) -> None:
    assert passphrase_problem(passphrase) is None


def test_the_partnerships_name_counts_as_guessed_first() -> None:
    assert passphrase_problem("Eastbrook Safeguarding") is None
    about = ["Eastbrook Safeguarding Children Partnership"]
    assert passphrase_problem("Eastbrook Safeguarding", about=about) == TOO_EASY


def test_init_refuses_password1234_before_anything_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    phrase = tmp_path / "p.txt"
    phrase.write_text("Password1234\n", encoding="utf-8")
    store = tmp_path / "p.rrdesk"
    code = main(
        ["init", "--store", str(store), "--passphrase-file", str(phrase)], out=io.StringIO()
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err == f"rrdesk: {TOO_EASY}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.txt"]


def test_a_change_to_a_guessable_passphrase_changes_nothing(session, store_path: Path) -> None:
    before = store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()
    with pytest.raises(KeySlotError, match="too easy to guess"):
        store_access.change_passphrase(session, "Password1234")
    assert (store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()) == before


def test_a_very_long_passphrase_is_checked_all_the_same() -> None:
    long_one = "lantern orchard pebble ten years on the quiet harbour wall " + "x" * 2_000
    assert passphrase_problem(long_one) is None
    assert passphrase_problem("a" * 5_000) == TOO_EASY
