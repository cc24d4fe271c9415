"""The acronym dictionary and the scanner that finds acronyms in a line of text.

Acronyms are caught in the forms people write them: ``CAMHS``, ``S47`` and ``s.47``, ``CiN``,
``LACs`` and ``LAC's``, ``A&E``, ``C.A.M.H.S.``. Dictionary acronyms are offered with every
meaning; unknown ones in capitals are still flagged, without a suggestion.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rrdesk.domain.agency_forms.text_checks.findings import (
    Finding,
    FindingKind,
    TextCheckDataError,
    either,
    quoted,
)


@dataclass(frozen=True)
class OutOfDateTerm:
    """A term that has been replaced: what it meant, what to write now, and why."""

    term: str
    meaning: str
    current: str
    why: str
    other_meanings: tuple[str, ...] = ()
    """Current meanings the same letters also have ("SCR": summary care record)."""
    current_plural: str = ""
    """What to write for the plural ("LACs": children looked after), when it is not ``current``
    with an s."""


@dataclass(frozen=True)
class AcronymDictionary:
    """Acronyms with every meaning, out-of-date terms, shorthand and the allow-list.

    Keys of ``meanings`` and ``out_of_date`` are in capitals without full stops. Keys of
    ``shorthand`` are as written in the data: with capitals they match exactly, in lower case
    they match in any case.
    """

    meanings: Mapping[str, tuple[str, ...]]
    out_of_date: Mapping[str, OutOfDateTerm] = field(default_factory=dict)
    out_of_date_words: Mapping[str, OutOfDateTerm] = field(default_factory=dict)
    shorthand: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    allowed: frozenset[str] = frozenset()
    emphasis: frozenset[str] = frozenset()


def normalise_acronym(text: str) -> str:
    """``C.A.M.H.S.`` and ``CaMHS`` both become ``CAMHS``."""
    return text.replace(".", "").upper()


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise TextCheckDataError(f"{where} must be a list of words")
    return tuple(v.strip() for v in value if v.strip())


def _table(data: Mapping[str, object], name: str) -> Mapping[str, object]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise TextCheckDataError(f"[{name}] must be a table")
    return value


def _out_of_date(term: str, value: object, where: str) -> OutOfDateTerm:
    if not isinstance(value, dict):
        raise TextCheckDataError(f"{where} must be a table with current and why")
    current = value.get("current")
    if not isinstance(current, str) or not current.strip():
        raise TextCheckDataError(f"{where} needs current: the term to use now")
    meaning = value.get("meaning", term)
    why = value.get("why", "")
    if not isinstance(meaning, str) or not isinstance(why, str):
        raise TextCheckDataError(f"{where}: meaning and why must be text")
    others = value.get("other_meanings", [])
    plural = value.get("current_plural", "")
    if not isinstance(plural, str):
        raise TextCheckDataError(f"{where}: current_plural must be text")
    return OutOfDateTerm(
        term=term,
        meaning=meaning.strip(),
        current=current.strip(),
        why=why.strip(),
        other_meanings=_strings(others, f"{where} other_meanings") if others else (),
        current_plural=plural.strip(),
    )


def parse_acronym_dictionary(text: str) -> AcronymDictionary:
    """Read the acronym dictionary from TOML text, or raise :class:`TextCheckDataError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TextCheckDataError(f"The acronym dictionary is not valid TOML: {error}") from error
    meanings = {
        normalise_acronym(key): _strings(value, f"Acronym {key}")
        for key, value in _table(data, "acronyms").items()
    }
    out_of_date = {
        normalise_acronym(key): _out_of_date(key, value, f"Out-of-date term {key}")
        for key, value in _table(data, "out_of_date").items()
    }
    words = {
        key.lower(): _out_of_date(key, value, f"Out-of-date term {key}")
        for key, value in _table(data, "out_of_date_words").items()
    }
    shorthand = {
        key: _strings(value, f"Shorthand {key}") for key, value in _table(data, "shorthand").items()
    }
    allowed = _strings(data.get("allowed", ["UK"]), "allowed")
    emphasis = _strings(data.get("emphasis", ["I"]), "emphasis")
    return AcronymDictionary(
        meanings=meanings,
        out_of_date=out_of_date,
        out_of_date_words=words,
        shorthand=shorthand,
        allowed=frozenset(normalise_acronym(a) for a in allowed),
        emphasis=frozenset(e.upper() for e in emphasis),
    )


# A word that starts with a capital and has another capital, digit or ampersand in it; a dotted
# acronym; or a lower-case section number ("s47", "s.47"). Possessive quantifiers keep this linear.
_CANDIDATE = re.compile(
    r"(?<![\w&/'’])"
    r"(?:"
    r"(?P<dotted>(?:[A-Z]\.){2,}+)"
    r"|(?P<word>[A-Z](?=[a-z]*+[A-Z0-9&])[A-Za-z0-9&]*+)(?![\w&])"
    r"|(?P<section>s\.?\d{1,2}+|S\.\d{1,2}+)(?![\w&])"
    r")"
)
_AMPERSAND = re.compile(r"[A-Z]{1,3}&[A-Z]{1,3}")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_CAPITALS_WORD = re.compile(r"(?<![\w&])[A-Z][A-Z0-9&'’]*+(?![\w&])")
_JOINER = re.compile(r"[\s,;:.!?()\-–—/]*")
_LOWER_CASE = re.compile(r"[^\W\d_A-Z]")
_SUFFIX_CHECK = re.compile(r"[ \t]+check\b")
# "PM" after a time ("at 3 PM", "3.30 P.M.") is the time of day, not an acronym to write out.
_TIME_OF_DAY = frozenset({"AM", "PM"})
_AFTER_A_TIME = re.compile(r"\d[ \t]?\Z")


def _without_explanation(meaning: str) -> str:
    """``section 47 (a child protection enquiry)`` -> ``section 47``: the replacement text."""
    cut = meaning.find(" (")
    return meaning[:cut] if cut > 0 and meaning.endswith(")") else meaning


class AcronymScanner:
    """Finds acronyms and out-of-date terms in one line of text."""

    def __init__(self, dictionary: AcronymDictionary, allowed: Iterable[str] = ()) -> None:
        self._dictionary = dictionary
        self._allowed = dictionary.allowed | {normalise_acronym(a) for a in allowed}
        self._shorthand_exact = frozenset(k for k in dictionary.shorthand if k != k.lower())
        words = sorted(dictionary.out_of_date_words, key=len, reverse=True)
        self._old_words = (
            re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")s?(?![\w-])",
                re.IGNORECASE | re.ASCII,
            )
            if words
            else None
        )

    def scan(self, line: str) -> list[Finding]:
        """Findings for one line; offsets are relative to the line."""
        found: list[Finding] = []
        unknown: list[Finding] = []
        for match in _CANDIDATE.finditer(line):
            finding = self._classify(line, match)
            if finding is None:
                continue
            if finding.suggestions or finding.kind is not FindingKind.ACRONYM:
                found.append(finding)
            else:
                unknown.append(finding)
        if unknown:
            found.extend(self._not_shouting(line, unknown))
        if self._old_words is not None:
            lowered = line.lower()
            if any(w in lowered for w in self._dictionary.out_of_date_words):
                found.extend(self._old_word_findings(line))
        return found

    def _classify(self, line: str, match: re.Match[str]) -> Finding | None:
        token = match.group(0)
        start, end = match.span()
        if match.group("section") is not None:
            key = "S" + token[1:].lstrip(".")
            return self._known(token, key, start, end) if key in self._dictionary.meanings else None
        if match.group("dotted") is not None:
            key = normalise_acronym(token)
            if len(key) < 2 or key in self._allowed or self._time_of_day(line, key, start):
                return None
            return self._known(token, key, start, end) or self._unknown(token, start, end)
        if token in self._shorthand_exact:
            return None
        core = token
        if core.endswith("s") and len(core) > 2 and sum(c.isupper() for c in core[:-1]) >= 2:
            stem = core[:-1]
            if stem.isupper() or stem.upper() in self._dictionary.meanings:
                core = stem
        key = core.upper()
        if key in self._allowed or core in self._shorthand_exact:
            return None
        if self._time_of_day(line, key, start):
            return None
        if "&" in core and not _AMPERSAND.fullmatch(core):
            return None
        mixed = core != key
        if mixed and (len(core) > 6 or sum(c.isupper() for c in core) < 2):
            return None
        old = self._dictionary.out_of_date.get(key)
        if old is not None:
            if mixed:
                return None
            if old.current.endswith(" check"):
                tail = _SUFFIX_CHECK.match(line, end)
                if tail is not None:
                    end = tail.end()
                    token = line[start:end]
            return self._old(token, old, start, end, plural=core != token)
        known = self._known(token, key, start, end)
        if known is not None or mixed or any(c.isdigit() for c in key):
            return known
        if key in self._dictionary.emphasis or _ROMAN.fullmatch(key):
            return None
        return self._unknown(token, start, end)

    def _known(self, token: str, key: str, start: int, end: int) -> Finding | None:
        meanings = self._dictionary.meanings.get(key)
        if meanings is None:
            return None
        if len(meanings) == 1:
            message = (
                f"{quoted(token)} is an acronym. Not everyone who reads the form will know it: "
                f"write it out in full as {quoted(meanings[0])}."
            )
        else:
            message = (
                f"{quoted(token)} is an acronym with more than one meaning. Write out the one you "
                f"mean: {either(meanings)}."
            )
        suggestions = tuple(dict.fromkeys(_without_explanation(m) for m in meanings))
        return Finding(FindingKind.ACRONYM, token, start, end, message, suggestions)

    @staticmethod
    def _unknown(token: str, start: int, end: int) -> Finding:
        message = (
            f"{quoted(token)} looks like an acronym. Write it out in full so that every agency "
            "can understand it. If it is a name or initials used in this case, add it to the "
            "case's names."
        )
        return Finding(FindingKind.ACRONYM, token, start, end, message)

    @staticmethod
    def _time_of_day(line: str, key: str, start: int) -> bool:
        """Whether ``key`` is "AM" or "PM" straight after a number ("3 PM")."""
        return (
            key in _TIME_OF_DAY and _AFTER_A_TIME.search(line, max(0, start - 2), start) is not None
        )

    @staticmethod
    def _old(
        token: str, old: OutOfDateTerm, start: int, end: int, *, plural: bool = False
    ) -> Finding:
        meaning = f" ({old.meaning})" if old.meaning.lower() != token.lower() else ""
        why = f" {old.why}" if old.why else ""
        current = old.current_plural if plural and old.current_plural else old.current
        message = (
            f"{quoted(token)}{meaning} is an out-of-date term.{why} "
            f"Write {quoted(current)} instead."
        )
        if old.other_meanings:
            message += f" If you mean {either(old.other_meanings)}, write that out in full instead."
        suggestions = (current, *old.other_meanings)
        return Finding(FindingKind.OUT_OF_DATE_TERM, token, start, end, message, suggestions)

    def _not_shouting(self, line: str, unknown: list[Finding]) -> list[Finding]:
        """Drop unknown acronyms that sit in a run of three or more words in capitals, or in a
        line of two or more words written wholly in capitals.

        A heading or sentence typed in capitals is not a string of acronyms.
        """
        words = list(_CAPITALS_WORD.finditer(line))
        if len(words) >= 2 and _LOWER_CASE.search(line) is None:
            return []
        in_runs: set[int] = set()
        run: list[re.Match[str]] = []
        for word in [*words, None]:
            joined = (
                word is not None
                and run
                and _JOINER.fullmatch(line, run[-1].end(), word.start()) is not None
            )
            if word is not None and (not run or joined):
                run.append(word)
                continue
            if len(run) >= 3:
                in_runs.update(w.start() for w in run)
            run = [word] if word is not None else []
        return [f for f in unknown if f.start not in in_runs]

    def _old_word_findings(self, line: str) -> list[Finding]:
        assert self._old_words is not None
        found = []
        for match in self._old_words.finditer(line):
            text = match.group(0)
            key = text.lower()
            old = self._dictionary.out_of_date_words.get(key)
            if old is None:
                old = self._dictionary.out_of_date_words.get(key[:-1])
            if old is None:
                continue
            found.append(self._old(text, old, match.start(), match.end()))
        return found
