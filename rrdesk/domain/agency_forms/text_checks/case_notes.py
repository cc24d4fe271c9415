"""Text that looks copied from case notes: time stamps, record headings, email headers,
record-system artefacts and worker shorthand."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Mapping
from datetime import date

from rrdesk.domain.agency_forms.text_checks.findings import Finding, FindingKind, either, quoted
from rrdesk.domain.timetable.dates import format_date

_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]*(?:hrs|hours|am|pm|h)\b)?"
_NUMERIC_DATE = re.compile(
    r"(?=\d)(?<![\w/.:\-])"
    r"(?:(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))"
    r"(?![\d/:\-]|\.\d|[^\W\d])"
    r"(?:,?[ \t]*(?:at[ \t]+)?" + _TIME + r"(?![\d:]|\.\d))?"
)
_CLOCK = re.compile(
    r"(?<![\w:.,£$€/\-])(?P<hour>\d{1,2})(?P<sep>[:.])(?P<minute>\d{2})(?P<seconds>:\d{2})?"
    r"(?P<suffix>[ \t]*(?:hrs|hours|h)\b)?(?![\d:]|\.\d|[^\W\d])"
    r"(?![ \t]*(?:am|pm|a\.m\.|p\.m\.)\b)"
)
_HOURS = re.compile(r"(?<![\w:.£$€])\d{4}[ \t]?hrs\b", re.IGNORECASE)
_LINE_START = re.compile(r"[ \t>*•\-–—]*")

_CASE_NOTE = re.compile(r"(?<!\w)(?:Case[ \t]+Notes?|CASE[ \t]+NOTES?)(?!\w)")
# Labels from record systems, found by looking back from each colon.
_LABEL_BEFORE_COLON = re.compile(
    r"(?<!\w)(?:Contact[ \t]+type|Recorded[ \t]+by|Entered[ \t]+by|Created[ \t]+by"
    r"|Updated[ \t]+by|Modified[ \t]+by|Authorised[ \t]+by|Case[ \t]+note[ \t]+type|Note[ \t]+type"
    r"|Date[ \t]+of[ \t]+contact|Time[ \t]+of[ \t]+contact|Contact[ \t]+date|Contact[ \t]+time"
    r"|Date[ \t]*/[ \t]*time|Date[ \t]+&[ \t]+time|Persons?[ \t]+present"
    r"|Method[ \t]+of[ \t]+contact"
    r"|Contact[ \t]+method|Reason[ \t]+for[ \t]+contact|Outcome[ \t]+of[ \t]+contact"
    r"|Last[ \t]+(?:updated|modified)|Recorded[ \t]+on|Entered[ \t]+on|Created[ \t]+on"
    r"|Visit[ \t]+type|Record[ \t]+type)[ \t]*\Z",
    re.IGNORECASE,
)
_LINE_HEADINGS = re.compile(
    r"(?:Case[ \t]+note\b(?=[ \t]*[:\-–—#(\d])|(?:Worker|Practitioner)[ \t]*:)",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?:From|Sent|To|Cc|Bcc|Subject|Date|Importance|Attachments?|Re|Fw|Fwd)[ \t]*:",
    re.IGNORECASE,
)
# Record numbers, found by looking back from each run of three or more digits.
_RECORD_NUMBER = re.compile(r"\d{3,}+")
_LABEL_BEFORE_NUMBER = re.compile(
    r"(?<!\w)(?:Case|Client|Person|Child|Episode|Task|Form|Step|Record|Event|Referral|Contact"
    r"|Subject|Mosaic|LCS|EMIS|SystmOne|Rio|Liquidlogic)[ \t]*(?:ID|No\.?|Number|Ref(?:erence)?"
    r"|#)[ \t]*[:#]?[ \t]*\Z",
    re.IGNORECASE,
)
# Other artefacts, each tried only when its tell-tale text is in the line (in lower case).
_ARTEFACTS = (
    (
        "[",
        re.compile(
            r"\[[ \t]*(?:auto[ \t\-]?saved?|autosave|draft|saved|locked|unlocked|edited|amended"
            r"|deleted|system|auto|note|attachment|image|signed|record|scanned|document)"
            r"[^\]\n]{0,40}\]",
            re.IGNORECASE,
        ),
    ),
    ("workflow", re.compile(r"\bWorkflow(?:[ \t]+step\b|[ \t]*:)", re.IGNORECASE)),
    ("page", re.compile(r"\bPage[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}\b", re.IGNORECASE)),
    ("printed", re.compile(r"\bPrinted[ \t]+(?:on|by)\b", re.IGNORECASE)),
    (
        "sent from",
        re.compile(
            r"\bSent[ \t]+from[ \t]+my[ \t]+(?:iPhone|iPad|Android|Samsung|phone|mobile"
            r"|BlackBerry)\b",
            re.IGNORECASE,
        ),
    ),
    ("original message", re.compile(r"-{3,}[ \t]*Original[ \t]+Message[ \t]*-{3,}", re.I)),
    ("***", re.compile(r"\*{3,}[^*\n]{0,60}?\*{3,}|\*{3,}")),
)
_NUMBER_HINTS = ("id", "no", "number", "ref", "#")
_DIGIT = re.compile(r"\d")
_LOOK_BACK = 48
_DNA_TEST = re.compile(
    r"[ \t]+(?:tests?|testing|samples?|results?|evidence|profiles?|swabs?|analysis)\b",
    re.IGNORECASE,
)

_DATE_MESSAGE = (
    "{text} looks like a time stamp copied from case notes. Summarise what happened in your own "
    "words and write dates in full, like 12 March 2026."
)
_TIME_MESSAGE = (
    "{text} looks like a time from a case record. Summarise what happened in your own words; "
    "if the time matters, write it like 2:30pm."
)
_HEADING_MESSAGE = (
    "{text} looks like a heading from a case record. Write a summary in your own words rather "
    "than copying from case notes."
)
_EMAIL_MESSAGE = (
    "{text} looks like an email header. Say in your own words what the email said and what was "
    "decided, rather than pasting it."
)
_ARTEFACT_MESSAGE = (
    "{text} looks like text from a record system. Remove it and summarise in your own words."
)


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans`` (sorted, not overlapping)."""
    at = bisect.bisect_right(spans, (position, sys.maxsize)) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def _two_digit_year(year: int) -> int:
    return 2000 + year if year < 100 else year


def _date_from(match: re.Match[str]) -> date | None:
    try:
        if match.group("iso_year") is not None:
            return date(
                int(match.group("iso_year")),
                int(match.group("iso_month")),
                int(match.group("iso_day")),
            )
        return date(
            _two_digit_year(int(match.group("year"))),
            int(match.group("month")),
            int(match.group("day")),
        )
    except ValueError:
        return None


class CaseNoteScanner:
    """Finds text in one line that looks like it came from case notes."""

    def __init__(self, shorthand: Mapping[str, tuple[str, ...]]) -> None:
        self._shorthand = dict(shorthand)
        exact = sorted((k for k in shorthand if k != k.lower()), key=len, reverse=True)
        loose = sorted((k for k in shorthand if k == k.lower()), key=len, reverse=True)
        self._lower_keys = {k.lower(): k for k in loose}
        tail = r"(?=(?:['’][sd]|s)?(?![\w&/]))"
        first = "".join(sorted({re.escape(k[0]) for k in exact}))
        self._exact = (
            re.compile(
                f"(?=[{first}])"
                + r"(?<![\w&/'’])(?:"
                + "|".join(map(re.escape, exact))
                + ")"
                + tail
            )
            if exact
            else None
        )
        # Lower-case keys are ordinary words too: part of a hyphenated word ("mum-and-toddler
        # group") is not shorthand.
        self._loose = (
            re.compile(
                r"(?<![\w&/'’-])(?:" + "|".join(map(re.escape, loose)) + ")" + tail + r"(?!-)",
                re.IGNORECASE,
            )
            if loose
            else None
        )

    def scan(self, line: str, *, at_line_start: bool = True) -> list[Finding]:
        """Findings for one line (or a later part of one, when ``at_line_start`` is false);
        offsets are relative to the text given."""
        found: list[Finding] = []
        lowered = line.lower()
        if _DIGIT.search(line) is not None:
            dated_spans: list[tuple[int, int]] = []
            for match in _NUMERIC_DATE.finditer(line):
                when = _date_from(match)
                if when is None:
                    continue
                dated_spans.append(match.span())
                found.append(self._date(match, when))
            found.extend(self._clocks(line, lowered, dated_spans, at_line_start))
            found.extend(self._record_numbers(line))
        if at_line_start:
            found.extend(self._line_headings(line))
        if "case note" in lowered:
            found.extend(self._simple(m, _HEADING_MESSAGE) for m in _CASE_NOTE.finditer(line))
        if ":" in line:
            found.extend(self._labels(line))
        for needle, pattern in _ARTEFACTS:
            if needle in lowered:
                found.extend(self._simple(m, _ARTEFACT_MESSAGE) for m in pattern.finditer(line))
        found.extend(self._shorthand_findings(line, lowered))
        return found

    def _line_headings(self, line: str) -> list[Finding]:
        start = _LINE_START.match(line)
        first = start.end() if start is not None else 0
        heading = _LINE_HEADINGS.match(line, first)
        if heading is not None:
            return [self._simple(heading, _HEADING_MESSAGE)]
        email = _EMAIL.match(line, first)
        if email is not None:
            return [self._simple(email, _EMAIL_MESSAGE)]
        return []

    def _labels(self, line: str) -> list[Finding]:
        found = []
        colon = line.find(":")
        while colon != -1:
            window = max(0, colon - _LOOK_BACK)
            label = _LABEL_BEFORE_COLON.search(line, window, colon)
            if label is not None:
                text = line[label.start() : colon + 1]
                message = _HEADING_MESSAGE.format(text=quoted(text))
                found.append(
                    Finding(FindingKind.CASE_NOTE, text, label.start(), colon + 1, message)
                )
            colon = line.find(":", colon + 1)
        return found

    def _record_numbers(self, line: str) -> list[Finding]:
        found = []
        for number in _RECORD_NUMBER.finditer(line):
            window = max(0, number.start() - _LOOK_BACK)
            before = line[window : number.start()].lower()
            if not any(hint in before for hint in _NUMBER_HINTS):
                continue
            label = _LABEL_BEFORE_NUMBER.search(line, window, number.start())
            if label is not None:
                text = line[label.start() : number.end()]
                message = _ARTEFACT_MESSAGE.format(text=quoted(text))
                found.append(
                    Finding(FindingKind.CASE_NOTE, text, label.start(), number.end(), message)
                )
        return found

    @staticmethod
    def _simple(match: re.Match[str], template: str) -> Finding:
        text = match.group(0)
        return Finding(
            FindingKind.CASE_NOTE,
            text,
            match.start(),
            match.end(),
            template.format(text=quoted(text)),
        )

    @staticmethod
    def _date(match: re.Match[str], when: date) -> Finding:
        text = match.group(0)
        return Finding(
            FindingKind.CASE_NOTE,
            text,
            match.start(),
            match.end(),
            _DATE_MESSAGE.format(text=quoted(text)),
            (format_date(when),),
        )

    def _clocks(
        self, line: str, lowered: str, dated: list[tuple[int, int]], at_line_start: bool
    ) -> list[Finding]:
        found = []
        line_start = _LINE_START.match(line)
        first = line_start.end() if line_start is not None and at_line_start else -1
        for match in _CLOCK.finditer(line):
            if _within(dated, match.start()):
                continue
            hour, minute = int(match.group("hour")), int(match.group("minute"))
            if hour > 23 or minute > 59:
                continue
            colon = match.group("sep") == ":"
            log_like = (
                match.group("seconds") is not None
                or match.group("suffix") is not None
                or (colon and match.start() == first)
            )
            if log_like:
                found.append(self._simple(match, _TIME_MESSAGE))
        if "hrs" in lowered:
            found.extend(
                self._simple(m, _TIME_MESSAGE)
                for m in _HOURS.finditer(line)
                if not _within(dated, m.start())
            )
        return found

    def _shorthand_findings(self, line: str, lowered: str) -> list[Finding]:
        found = []
        loose = self._loose if any(k in lowered for k in self._lower_keys) else None
        for pattern in (self._exact, loose):
            if pattern is None:
                continue
            for match in pattern.finditer(line):
                text = match.group(0)
                key = text if text in self._shorthand else self._lower_keys.get(text.lower(), "")
                meanings = self._shorthand.get(key)
                if meanings is None:
                    continue
                if key == "DNA" and _DNA_TEST.match(line, match.end()):
                    continue
                message = (
                    f"{quoted(text)} is shorthand from case notes. Write it out so that any agency "
                    f"can follow it: {either(meanings)}."
                )
                found.append(
                    Finding(
                        FindingKind.CASE_NOTE,
                        text,
                        match.start(),
                        match.end(),
                        message,
                        meanings,
                    )
                )
        return found
