"""Settings › Verify a PDF, as the coordinator uses it: a decision sheet exported from the store,
then answered and signed by the three executives with pyHanko (as their PDF reader would), is
chosen in the file dialog; the screen lists every signature and says the sheet is valid."""

from __future__ import annotations

import time

import pytest

from tests.exports.countersigning import countersigned_by_all
from tests.walks.screen_reading import shows
from tests.walks.walker import Walker, no_tracebacks

PASSPHRASE = "a walk in the park on Tuesday"
PARTNERSHIP = "Northmoor Safeguarding Children Partnership"


@pytest.mark.parametrize("walker", ["1024x768"], indirect=True)
def test_every_signature_on_a_countersigned_sheet_is_listed(walker: Walker) -> None:
    secret = walker.folder / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    store = walker.folder / "northmoor.rrdesk"
    common = ("--store", str(store), "--passphrase-file", str(secret))
    walker.rrdesk(
        "init", *common, "--partnership", PARTNERSHIP, "--owner", "Rory Penhallow", "--demo-data"
    )
    sheet = walker.folder / "RR-2026-004.pdf"
    walker.rrdesk("export", "decision-sheet", *common, "--case", "RR-2026-004", "--out", str(sheet))
    countersigned = walker.folder / "countersigned.pdf"
    countersigned.write_bytes(countersigned_by_all(sheet.read_bytes()))

    walker.start("--store", str(store))
    walker.wait_to_read("Unlock rrdesk")
    walker.type(PASSPHRASE)
    walker.key("Return")
    walker.wait_to_read("RR-2026-004")
    walker.focus()
    walker.key("ctrl+5")
    walker.wait_for_heading("Partnership settings")
    walker.wheel(600, 450, "down", 15)
    # The reader cannot read the white words of the primary button "Verify a PDF…": it stands
    # above the result's File and Verdict rows, at the left of the box.
    (verdict,) = walker.find("Verdict")
    walker.click(verdict.left + 60, verdict.top - 45)
    for _ in range(40):  # the file dialog takes a moment to open
        if "Verify a signed PDF" in walker.window_names():
            break
        time.sleep(0.5)
    walker.focus_window("Verify a signed PDF")
    walker.key("ctrl+a")
    walker.type(str(countersigned))
    walker.key("Return")
    walker.focus()
    walker.wheel(600, 450, "down", 15)

    # The verdict is in green, which the reader does not read reliably: the partnership's
    # signature's own line says it was made with the partnership's certificate.
    seen = walker.wait_to_read("Signature 4")
    for words in (
        "Signature 1: the partnership's, certifying the sheet",
        "Intact, and made with the partnership's certificate.",
        "Signature 2: the local authority executive's",
        "Signature 3: the police executive's",
        "Signature 4: the health executive's",
        "Signed by Health executive",
    ):
        assert shows(seen, words), f"{words!r} not on screen:\n{seen}"
    no_tracebacks(walker)
