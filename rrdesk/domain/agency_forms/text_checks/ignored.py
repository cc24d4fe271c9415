"""Findings the author chose to ignore "here", remembered across edits.

An ignored finding is remembered by its kind, its text and which occurrence of that text it is
(the second "CAMHS" in the answer), so edits elsewhere in the answer do not bring it back.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rrdesk.domain.agency_forms.text_checks.findings import Finding, FindingKind


@dataclass(frozen=True)
class IgnoredFinding:
    """One "ignore here": the finding's kind and text, and its occurrence (from 1)."""

    kind: FindingKind
    text: str
    occurrence: int


def _occurrences(findings: Iterable[Finding]) -> list[tuple[Finding, IgnoredFinding]]:
    seen: dict[tuple[FindingKind, str], int] = {}
    keyed = []
    for finding in findings:
        number = seen.get((finding.kind, finding.text), 0) + 1
        seen[(finding.kind, finding.text)] = number
        keyed.append((finding, IgnoredFinding(finding.kind, finding.text, number)))
    return keyed


def ignore_here(findings: Iterable[Finding], finding: Finding) -> IgnoredFinding:
    """What to record when the author ignores ``finding`` (one of ``findings``)."""
    for candidate, key in _occurrences(findings):
        if candidate == finding:
            return key
    raise ValueError("The finding is not one of the findings given")


def visible_findings(
    findings: Iterable[Finding], ignored: Collection[IgnoredFinding]
) -> tuple[Finding, ...]:
    """The findings still to show: those not ignored here."""
    return tuple(f for f, key in _occurrences(findings) if key not in ignored)
