"""A text checker built from the shipped dictionary and area names, for a Wolverhampton case."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.text_checks import (
    AcronymDictionary,
    AreaNames,
    TextChecker,
    parse_acronym_dictionary,
    parse_area_names,
)
from rrdesk.resource_files import resource


@pytest.fixture(scope="session")
def dictionary() -> AcronymDictionary:
    return parse_acronym_dictionary(resource("acronyms.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def areas() -> AreaNames:
    return parse_area_names(resource("area_names.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def checker(dictionary: AcronymDictionary, areas: AreaNames) -> TextChecker:
    return TextChecker(
        dictionary,
        case_names=["Child T", "T", "JT", "Tariq", "Mo Khan"],
        areas=areas,
        own_areas=["Wolverhampton", "Wolverhampton Safeguarding Together"],
    )
