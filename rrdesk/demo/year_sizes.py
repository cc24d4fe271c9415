"""How big the years-of-data demo store is: kept apart so the command line reads them cheaply."""

from __future__ import annotations

CASES_A_YEAR = 30
AUDIT_ENTRIES_A_YEAR = 50_000  # about half a million in ten years
ACTIONS_A_CASE = 5  # added to the plan, besides the meeting's two immediate actions
DEMO_CASES = 7  # the ordinary demo's cases, one at every open stage, added to the current year
