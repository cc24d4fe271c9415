"""The shared taxonomy of themes that recur in reviews, and which cases share a theme.

The taxonomy is TOML (``resources/themes.toml``, or the partnership's own copy kept in the store):
a list of ``[[theme]]`` tables, each with ``key``, ``label`` and ``description``.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.months import add_months

RECURRENCE_MONTHS = 24
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class ThemeError(UserError):
    """A taxonomy that cannot be used, with the reason in plain words."""


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class ThemeTaxonomy:
    themes: tuple[Theme, ...]

    def get(self, key: str) -> Theme | None:
        return next((theme for theme in self.themes if theme.key == key), None)

    def label_of(self, key: str) -> str:
        """The theme's label; a key no longer in the taxonomy is shown as itself."""
        theme = self.get(key)
        return theme.label if theme is not None else key.replace("_", " ").capitalize()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(theme.key for theme in self.themes)


def parse_taxonomy(text: str) -> ThemeTaxonomy:
    """Read a taxonomy from TOML text, or raise :class:`ThemeError` saying what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"The list of themes is not valid TOML: {error}") from None
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise ThemeError("The list of themes has no [[theme]] entries")
    themes: list[Theme] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ThemeError(f"Theme {number} is not a table")
        key = str(entry.get("key", "")).strip()
        label = str(entry.get("label", "")).strip()
        if not _KEY.match(key):
            raise ThemeError(
                f"Theme {number} needs a key of lower-case letters, digits and underscores"
            )
        if key in seen:
            raise ThemeError(f"The key '{key}' is used for more than one theme")
        if not label:
            raise ThemeError(f"The theme '{key}' needs a label")
        seen.add(key)
        themes.append(Theme(key, label, str(entry.get("description", "")).strip()))
    return ThemeTaxonomy(tuple(themes))


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def taxonomy_to_toml(taxonomy: ThemeTaxonomy) -> str:
    """TOML text that :func:`parse_taxonomy` reads back to the same taxonomy."""
    blocks = [
        f"[[theme]]\nkey = {_quoted(t.key)}\nlabel = {_quoted(t.label)}\n"
        f"description = {_quoted(t.description)}\n"
        for t in taxonomy.themes
    ]
    return "\n".join(blocks)


class ThemeLog(Enum):
    """Tower Hamlets keeps two logs: reviews, and cases considered at notification only."""

    REVIEWS = "reviews"
    NOTIFICATIONS = "notifications"

    @property
    def label(self) -> str:
        if self is ThemeLog.REVIEWS:
            return "Rapid Review and Child Safeguarding Practice Review themes"
        return "Themes from cases considered at Serious Incident Notification"


def log_for(stage: Stage) -> ThemeLog:
    """Threshold-not-met cases go to the notification-themes log; every other case to reviews."""
    return ThemeLog.NOTIFICATIONS if stage is Stage.THRESHOLD_NOT_MET else ThemeLog.REVIEWS


@dataclass(frozen=True)
class CaseThemes:
    """One case's line in a themes log. ``on`` is the case's date (notification or referral)."""

    case_id: int
    reference: str
    pseudonyms: str
    stage: Stage
    on: date | None
    theme_keys: tuple[str, ...]

    @property
    def log(self) -> ThemeLog:
        return log_for(self.stage)


def recurrence_window_start(today: date) -> date:
    """The first day counted as "in the last 24 months" on ``today``."""
    return add_months(today, -RECURRENCE_MONTHS)


def cases_sharing_theme(
    key: str, entries: Iterable[CaseThemes], today: date, *, excluding: int | None = None
) -> tuple[CaseThemes, ...]:
    """Other cases with theme ``key`` dated in the 24 months up to and including ``today``.

    A case dated exactly 24 months before ``today`` is included; one a day earlier is not.
    Cases with no date are left out: they cannot be placed in the window. Newest first.
    """
    start = recurrence_window_start(today)
    found = [
        entry
        for entry in entries
        if entry.case_id != excluding
        and key in entry.theme_keys
        and entry.on is not None
        and start <= entry.on <= today
    ]
    return tuple(sorted(found, key=lambda entry: entry.on or date.min, reverse=True))


def recurrence_sentence(others: Sequence[CaseThemes], label: str) -> str:
    """The answer to "is it coming up in other cases?", in one sentence."""
    if not others:
        return f"No other case has had '{label}' in the last {RECURRENCE_MONTHS} months."
    listed = "; ".join(
        f"{o.reference} ({o.pseudonyms}, {format_date(o.on) if o.on else 'no date'})"
        for o in others
    )
    count = len(others)
    return (
        f"'{label}' has come up in {count} other case{'' if count == 1 else 's'} "
        f"in the last {RECURRENCE_MONTHS} months: {listed}."
    )


def theme_frequencies(
    entries: Iterable[CaseThemes], *, log: ThemeLog | None = None
) -> tuple[tuple[str, int], ...]:
    """How many cases have each theme, most frequent first (ties in key order)."""
    counts: Counter[str] = Counter()
    for entry in entries:
        if log is None or entry.log is log:
            counts.update(set(entry.theme_keys))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def merged_theme_keys(*sources: Sequence[str]) -> tuple[str, ...]:
    """Theme keys from several records, each once, in the order first given."""
    return tuple(dict.fromkeys(k.strip() for source in sources for k in source if k.strip()))
