"""What a text check reports: a kind, the exact span of text, a plain-English reason and fixes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from rrdesk.domain.errors import UserError


class FindingKind(StrEnum):
    """The four kinds of finding. The values are the words used in ``--json`` output."""

    ACRONYM = "acronym"
    CASE_NOTE = "case-note"
    OUT_OF_DATE_TERM = "out-of-date-term"
    FOREIGN_NAME = "foreign-name"


@dataclass(frozen=True)
class Finding:
    """One thing worth a second look in an answer.

    ``start`` and ``end`` are Python string indices into the checked text, so
    ``text[start:end] == finding.text`` always holds.
    """

    kind: FindingKind
    text: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()

    def shifted(self, by: int) -> Finding:
        """The same finding moved ``by`` characters (for text checked a line at a time)."""
        if by == 0:
            return self
        return replace(self, start=self.start + by, end=self.end + by)

    def as_dict(self) -> dict[str, object]:
        """The finding as plain values, in the shape ``rrdesk check-text --json`` prints."""
        return {
            "kind": str(self.kind),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


class TextCheckDataError(UserError):
    """A dictionary or area list that cannot be used, with a reason fit to show the user."""


def quoted(text: str) -> str:
    """Text in curly quotes, as the messages show it."""
    return f"\u201c{text}\u201d"


def either(options: tuple[str, ...]) -> str:
    """``a``, ``a or b``, ``a, b or c`` — each option quoted."""
    parts = [quoted(option) for option in options]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


_SENTENCE_END = frozenset(".!?\n")
_COUNT_WORDS = {
    FindingKind.ACRONYM: ("acronym", "acronyms"),
    FindingKind.OUT_OF_DATE_TERM: ("out-of-date term", "out-of-date terms"),
    FindingKind.CASE_NOTE: (
        "place that looks copied from case notes",
        "places that look copied from case notes",
    ),
    FindingKind.FOREIGN_NAME: ("name from another area", "names from other areas"),
}


class StaleFindingError(UserError):
    """The text changed since the finding was made: check again before applying a fix."""


def apply_suggestion(text: str, finding: Finding, suggestion: str) -> str:
    """``text`` with the finding replaced by ``suggestion`` (one click on a fix).

    At the start of a sentence the suggestion gets a capital letter.
    """
    if text[finding.start : finding.end] != finding.text:
        raise StaleFindingError("The answer has changed since it was checked")
    before = text[: finding.start].rstrip(" \t\"'\u2018\u201c(")
    if suggestion and (not before or before[-1] in _SENTENCE_END):
        suggestion = suggestion[0].upper() + suggestion[1:]
    return text[: finding.start] + suggestion + text[finding.end :]


def count_findings(findings: tuple[Finding, ...] | list[Finding]) -> dict[FindingKind, int]:
    """How many findings of each kind, in a fixed order, leaving out kinds with none."""
    counts = {kind: 0 for kind in FindingKind}
    for finding in findings:
        counts[finding.kind] += 1
    return {kind: n for kind, n in counts.items() if n}


def describe_findings(findings: tuple[Finding, ...] | list[Finding]) -> str:
    """The counts in words, for quality assurance: "2 acronyms and 1 out-of-date term"."""
    parts = [
        f"{n} {_COUNT_WORDS[kind][0 if n == 1 else 1]}"
        for kind, n in count_findings(findings).items()
    ]
    if not parts:
        return "No findings"
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
