"""The shipped acronym dictionary and area names load, and a case's checker uses them."""

from __future__ import annotations

from rrdesk.domain.agency_forms.text_checks import FindingKind
from rrdesk.services.agency_forms.text_checks_loader import (
    build_text_checker,
    shipped_acronym_dictionary,
    shipped_area_names,
)


def test_shipped_data_loads() -> None:
    dictionary = shipped_acronym_dictionary()
    assert len(dictionary.meanings) >= 200
    assert dictionary.out_of_date["CRB"].current == "Disclosure and Barring Service check"
    assert "Warwickshire" in shipped_area_names().names


def test_every_shipped_meaning_is_plain_text() -> None:
    dictionary = shipped_acronym_dictionary()
    for acronym, meanings in dictionary.meanings.items():
        assert meanings, acronym
        assert all(m.strip() == m and m for m in meanings), acronym
        assert len(set(meanings)) == len(meanings), acronym


def test_a_case_checker() -> None:
    checker = build_text_checker(case_names=["Child T"], own_areas=["Wolverhampton"])
    kinds = [f.kind for f in checker.check("Child T was seen by Warwickshire CAMHS.")]
    assert kinds == [FindingKind.FOREIGN_NAME, FindingKind.ACRONYM]
