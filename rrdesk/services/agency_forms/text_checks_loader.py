"""Builds a text checker from the shipped acronym dictionary and list of area names."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import cache

from rrdesk.domain.agency_forms.text_checks import (
    AcronymDictionary,
    AreaNames,
    TextChecker,
    parse_acronym_dictionary,
    parse_area_names,
)
from rrdesk.resource_files import resource

ACRONYMS_FILE = "acronyms.toml"
AREA_NAMES_FILE = "area_names.toml"
_KEPT = 8
"""How many checkers :class:`TextCheckers` keeps (each remembers what it found in the text)."""


@cache
def shipped_acronym_dictionary() -> AcronymDictionary:
    """The acronym dictionary in ``resources/acronyms.toml``."""
    return parse_acronym_dictionary(resource(ACRONYMS_FILE).read_text(encoding="utf-8"))


@cache
def shipped_area_names() -> AreaNames:
    """The area names in ``resources/area_names.toml``."""
    return parse_area_names(resource(AREA_NAMES_FILE).read_text(encoding="utf-8"))


def build_text_checker(
    *,
    case_names: Iterable[str] = (),
    own_areas: Iterable[str] = (),
    other_names: Iterable[str] = (),
    allowed: Iterable[str] = (),
    dictionary: AcronymDictionary | None = None,
    areas: AreaNames | None = None,
) -> TextChecker:
    """A checker for one case: its names and initials, its own areas, and names that belong to
    other cases (flagged as likely pastes). The shipped word lists are used unless others are
    given (a partnership's edited copies)."""
    return TextChecker(
        shipped_acronym_dictionary() if dictionary is None else dictionary,
        allowed=allowed,
        case_names=case_names,
        areas=shipped_area_names() if areas is None else areas,
        own_areas=own_areas,
        other_names=other_names,
    )


class TextCheckers:
    """Text checkers built once and shared, each until what it was built from changes.

    Building one compiles patterns over every area name and every other case's pseudonym, so the
    tabs of a case share one. A checker is built again when the partnership's word lists change
    (they are read each time; an unchanged list is the same object) or its own inputs do.
    """

    def __init__(
        self, dictionary: Callable[[], AcronymDictionary], areas: Callable[[], AreaNames]
    ) -> None:
        self._dictionary = dictionary
        self._areas = areas
        self._built: dict[Hashable, tuple[object, AcronymDictionary, AreaNames, TextChecker]] = {}

    def get(
        self,
        purpose: Hashable,
        inputs: object,
        build: Callable[[AcronymDictionary, AreaNames], TextChecker],
    ) -> TextChecker:
        """The checker for ``purpose`` built from ``inputs`` and the word lists in use."""
        dictionary, areas = self._dictionary(), self._areas()
        kept = self._built.get(purpose)
        if kept is not None and kept[0] == inputs and kept[1] is dictionary and kept[2] is areas:
            return kept[3]
        checker = build(dictionary, areas)
        self._built.pop(purpose, None)
        self._built[purpose] = (inputs, dictionary, areas, checker)
        if len(self._built) > _KEPT:  # the cases opened longest ago are let go
            del self._built[next(iter(self._built))]
        return checker
