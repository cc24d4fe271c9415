"""Render and sign one decision sheet for a case with 12 agencies, as a ratio to one second.

One second is the limit for keeping a user's flow (target: ratio <= 1). The first run in a
process also pays for importing reportlab and pyHanko and registering the fonts; it is shown
separately, then the median of later runs.

Run: python tests/bench/bench_decision_sheet.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, when not installed

BUDGET_SECONDS = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs

    started = time.perf_counter()
    from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
    from rrdesk.exports.signatures.signing import create_signing_identity, sign_pdf
    from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
    from tests.exports.samples import PARTNERSHIP, decision_sheet_content

    imported = time.perf_counter() - started
    identity = create_signing_identity(PARTNERSHIP, now=datetime(2026, 11, 22, tzinfo=UTC))
    content = decision_sheet_content(agencies=12)
    assert len(content.agency_involvement) == 12

    def once() -> tuple[float, float, int]:
        start = time.perf_counter()
        template = load_decision_sheet_template()
        pdf = render_decision_sheet(content, template)
        rendered = time.perf_counter()
        signed = sign_pdf(
            pdf, identity, reason="Decision sheet", location="Here", signing_time_text="now"
        )
        return rendered - start, time.perf_counter() - rendered, len(signed)

    first_render, first_sign, size = once()
    print(f"Importing reportlab, pyHanko and the exports layer: {imported * 1000:.0f} ms")
    print(
        f"First run (fonts registered, pyHanko warmed): render {first_render * 1000:.0f} ms, "
        f"sign {first_sign * 1000:.0f} ms; ratio to 1 s: "
        f"{(imported + first_render + first_sign) / BUDGET_SECONDS:.2f} (with imports)"
    )
    renders, signs = [], []
    for _ in range(runs):
        render, sign, _ = once()
        renders.append(render)
        signs.append(sign)
    total = statistics.median(r + s for r, s in zip(renders, signs, strict=True))
    print(
        f"Median of {runs} later runs: render {statistics.median(renders) * 1000:.0f} ms, "
        f"sign {statistics.median(signs) * 1000:.0f} ms, {size // 1024} KiB"
    )
    print(f"Render + sign, ratio to one second: {total / BUDGET_SECONDS:.2f} (target <= 1)")


if __name__ == "__main__":
    main()
