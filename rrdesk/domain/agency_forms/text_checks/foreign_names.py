"""Names of other areas: a sign that text was pasted from another partnership's document."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass

from rrdesk.domain.agency_forms.text_checks.findings import (
    Finding,
    FindingKind,
    TextCheckDataError,
    either,
    quoted,
)


@dataclass(frozen=True)
class AreaNames:
    """Names of local authority areas, those that are also ordinary words, and the words that
    show an ambiguous name is meant as an organisation ("Kent Police")."""

    names: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()
    organisation_words: tuple[str, ...] = ()


def _names(data: dict[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TextCheckDataError(f"{key} must be a list of names")
    return tuple(v.strip() for v in value)


def parse_area_names(text: str) -> AreaNames:
    """Read the area names from TOML text, or raise :class:`TextCheckDataError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TextCheckDataError(f"The list of area names is not valid TOML: {error}") from error
    return AreaNames(
        names=_names(data, "names"),
        ambiguous=_names(data, "ambiguous"),
        organisation_words=_names(data, "organisation_words"),
    )


def _alternation(names: Iterable[str]) -> str:
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in ordered)


def _contains_word(haystack: str, needle: str) -> bool:
    if haystack.isascii() and needle.isascii() and needle.lower() not in haystack.lower():
        return False  # most names are in no area's name: no pattern to build for them
    pattern = r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])"
    return re.search(pattern, haystack, re.IGNORECASE) is not None


class ForeignNameScanner:
    """Flags names of areas that are not this case's own, and names that belong to other cases
    (their pseudonyms, say). Areas are checked only when the case's own areas are known."""

    def __init__(
        self,
        areas: AreaNames | None,
        own_areas: Iterable[str],
        other_names: Iterable[str] = (),
    ) -> None:
        own = tuple(a.strip() for a in own_areas if a.strip())
        self._own_areas = own
        if areas is None or not own:
            areas = AreaNames(names=())
        every = (*areas.names, *areas.ambiguous)
        self._own = frozenset(
            n.casefold() for n in every if any(_contains_word(area, n) for area in own)
        ) | {a.casefold() for a in own}
        plain = [n for n in areas.names if n.casefold() not in self._own]
        ambiguous = [n for n in areas.ambiguous if n.casefold() not in self._own]
        parts = []
        if plain:
            parts.append(r"(?:" + _alternation(plain) + r")")
        if ambiguous and areas.organisation_words:
            parts.append(
                r"(?:"
                + _alternation(ambiguous)
                + r")(?=[ \t]+(?:"
                + _alternation(areas.organisation_words)
                + r")(?![\w-]))"
            )
        self._pattern = (
            re.compile(r"(?=[A-Z])(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
            if parts
            else None
        )
        others = sorted({n.strip() for n in other_names if n.strip()}, key=len, reverse=True)
        self._other_pattern = (
            re.compile(r"(?<![\w-])(?:" + _alternation(others) + r")(?![\w-])") if others else None
        )
        self._own_pattern = (
            re.compile(r"(?<![\w-])(?:" + _alternation(own) + r")(?![\w-])", re.IGNORECASE)
            if own
            else None
        )

    def scan(self, line: str) -> list[Finding]:
        """Findings for one line; offsets are relative to the line."""
        found = []
        if self._other_pattern is not None:
            for match in self._other_pattern.finditer(line):
                text = match.group(0)
                message = (
                    f"{quoted(text)} is a name from another case. Check that this text was not "
                    "copied from another case\u2019s document."
                )
                found.append(Finding(FindingKind.FOREIGN_NAME, text, *match.span(), message))
        if self._pattern is None:
            return found
        own_spans: list[tuple[int, int]] | None = None
        for match in self._pattern.finditer(line):
            start, end = match.span()
            if own_spans is None:
                own_spans = (
                    [m.span() for m in self._own_pattern.finditer(line)]
                    if self._own_pattern
                    else []
                )
            if any(s < end and start < e for s, e in own_spans):
                continue
            text = match.group(0)
            fix = f" This case is about {either(self._own_areas)}." if self._own_areas else ""
            message = (
                f"{quoted(text)} is not one of this case\u2019s areas. Check that this text was "
                f"not copied from another partnership\u2019s or another case\u2019s document.{fix}"
            )
            found.append(
                Finding(FindingKind.FOREIGN_NAME, text, start, end, message, self._own_areas)
            )
        return found
