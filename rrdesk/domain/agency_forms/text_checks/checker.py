"""The text checker: every check over an answer, a line at a time, with a cache so that
re-checking after one keystroke only looks at the line that changed."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from rrdesk.domain.agency_forms.text_checks.acronyms import AcronymDictionary, AcronymScanner
from rrdesk.domain.agency_forms.text_checks.case_notes import CaseNoteScanner
from rrdesk.domain.agency_forms.text_checks.findings import Finding, FindingKind
from rrdesk.domain.agency_forms.text_checks.foreign_names import AreaNames, ForeignNameScanner

# When two findings overlap, the more specific one wins.
_PRIORITY = {
    FindingKind.CASE_NOTE: 0,
    FindingKind.OUT_OF_DATE_TERM: 1,
    FindingKind.FOREIGN_NAME: 2,
    FindingKind.ACRONYM: 3,
}
_CACHE_LIMIT = 20_000
# A line longer than this is checked a sentence at a time, so that a keystroke in a long
# paragraph re-checks one sentence. No finding crosses the space after a full stop.
_LONG_LINE = 2_000
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[ \t]+")


class TextChecker:
    """Checks answers for acronyms, out-of-date terms, case-note text and other areas' names.

    ``allowed`` adds to the dictionary's list of universally known acronyms. ``case_names`` are
    the pseudonym, names and initials used in this case ("Child T", "JT"): never flagged.
    ``own_areas`` are the case's own area and partnership names; other names in ``areas`` are
    flagged. Without ``areas`` or without ``own_areas`` names of areas are not checked.
    ``other_names`` are names that belong to other cases (their pseudonyms): flagged anywhere.

    Every finding lies within one line, so a line's findings depend only on that line; they are
    remembered, so checking again after a keystroke only checks the changed line (or sentence,
    in a long paragraph). Not thread-safe: use one checker per thread.
    """

    def __init__(
        self,
        dictionary: AcronymDictionary,
        *,
        allowed: Iterable[str] = (),
        case_names: Iterable[str] = (),
        areas: AreaNames | None = None,
        own_areas: Iterable[str] = (),
        other_names: Iterable[str] = (),
    ) -> None:
        own = tuple(own_areas)
        others = tuple(other_names)
        self._acronyms = AcronymScanner(dictionary, allowed)
        self._case_notes = CaseNoteScanner(dictionary.shorthand)
        self._foreign = (
            ForeignNameScanner(areas, own, others)
            if (areas is not None and own) or others
            else None
        )
        names = sorted({n.strip() for n in case_names if n.strip()}, key=len, reverse=True)
        self._case_keys = frozenset(n.replace(" ", "") for n in names)
        self._longest_name = max((len(n) for n in names), default=0)
        self._case_pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
            if names
            else None
        )
        self._cache: dict[tuple[str, bool], tuple[Finding, ...]] = {}

    def check(self, text: str) -> tuple[Finding, ...]:
        """Every finding in ``text``, in order. Offsets are string indices into ``text``."""
        return self._check_lines(text, 0, len(text))

    def check_around(
        self,
        text: str,
        previous: Sequence[Finding],
        edit_start: int,
        removed: int,
        inserted: int,
    ) -> tuple[Finding, ...]:
        """Findings for ``text`` after an edit, re-checking only the lines the edit touched.

        ``previous`` are the findings for the text before the edit. At ``edit_start``,
        ``removed`` characters were replaced by ``inserted`` new ones (Qt's contentsChange gives
        exactly these three numbers). The result equals ``check(text)``.
        """
        if edit_start < 0 or removed < 0 or inserted < 0 or edit_start + inserted > len(text):
            return self.check(text)
        delta = inserted - removed
        line_start = text.rfind("\n", 0, edit_start) + 1
        line_end = text.find("\n", edit_start + inserted)
        if line_end == -1:
            line_end = len(text)
        old_line_end = line_end - delta
        before = [f for f in previous if f.start < line_start]
        after = [f.shifted(delta) for f in previous if f.start > old_line_end]
        return (*before, *self._check_lines(text, line_start, line_end), *after)

    def clear_cache(self) -> None:
        """Forget the findings remembered for lines already checked."""
        self._cache.clear()

    def _check_lines(self, text: str, start: int, end: int) -> tuple[Finding, ...]:
        found: list[Finding] = []
        offset = start
        for line in text[start:end].split("\n"):
            if line:
                found.extend(f.shifted(offset) for f in self._line_findings(line))
            offset += len(line) + 1
        return tuple(found)

    def _cached(self, text: str, at_line_start: bool) -> tuple[Finding, ...]:
        key = (text, at_line_start)
        findings = self._cache.get(key)
        if findings is None:
            findings = self._check_part(text, at_line_start)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = findings
        return findings

    def _line_findings(self, line: str) -> tuple[Finding, ...] | list[Finding]:
        if len(line) <= _LONG_LINE:
            return self._cached(line, True)
        found: list[Finding] = []
        start = 0
        for gap in [*_SENTENCE_BREAK.finditer(line), None]:
            end = gap.start() if gap is not None else len(line)
            if end > start:
                found.extend(f.shifted(start) for f in self._cached(line[start:end], start == 0))
            if gap is not None:
                start = gap.end()
        return found

    def _is_case_name(self, line: str, finding: Finding) -> bool:
        """Whether the finding is, or overlaps, one of this case's names."""
        if finding.text.replace(" ", "") in self._case_keys:
            return True
        assert self._case_pattern is not None
        reach = self._longest_name
        window_start = max(0, finding.start - reach)
        for match in self._case_pattern.finditer(line, window_start, finding.end + reach):
            if match.start() < finding.end and finding.start < match.end():
                return True
        return False

    def _check_part(self, line: str, at_line_start: bool) -> tuple[Finding, ...]:
        candidates = self._case_notes.scan(line, at_line_start=at_line_start)
        candidates += self._acronyms.scan(line)
        if self._foreign is not None:
            candidates += self._foreign.scan(line)
        if not candidates:
            return ()
        if self._case_pattern is not None:
            candidates = [f for f in candidates if not self._is_case_name(line, f)]
        candidates.sort(key=lambda f: (_PRIORITY[f.kind], f.start, f.start - f.end))
        starts: list[int] = []
        kept: list[Finding] = []
        for finding in candidates:
            at = bisect.bisect_right(starts, finding.start)
            if at > 0 and kept[at - 1].end > finding.start:
                continue
            if at < len(kept) and kept[at].start < finding.end:
                continue
            starts.insert(at, finding.start)
            kept.insert(at, finding)
        return tuple(kept)
