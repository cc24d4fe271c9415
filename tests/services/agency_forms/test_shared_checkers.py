"""A case's tabs share one text checker, built again only when what it checks against changes."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Child
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.partnership.partnership_forms import (
    ACRONYM_LIST,
    AREA_NAMES_LIST,
    PartnershipForms,
    standard_text,
)
from rrdesk.services.store.session import Session
from tests.builders import add_case

NOTIFIED = date(2026, 11, 16)
SENTENCE = "Child M met Child R from Eastmarsh; the MARF went to the MASH."


def _flagged(service: AgencyFormsService, case_id: int) -> list[str]:
    return [finding.text for finding in service.checker(case_id).check(SENTENCE)]


def test_the_tabs_of_a_case_share_its_checker(session: Session, today: date) -> None:
    case = add_case(session, today=today, notified=NOTIFIED, children=(Child("Child M"),))
    assert case.case_id is not None
    service = AgencyFormsService(session)
    assert service.checker(case.case_id) is service.checker(case.case_id)
    assert service.general_checker() is service.general_checker()


def test_another_case_added_is_flagged_by_a_checker_built_before(
    session: Session, today: date
) -> None:
    case = add_case(session, today=today, notified=NOTIFIED, children=(Child("Child M"),))
    assert case.case_id is not None
    service = AgencyFormsService(session)
    assert "Child R" not in _flagged(service, case.case_id)
    add_case(session, today=today, notified=NOTIFIED, children=(Child("Child R"),))
    assert "Child R" in _flagged(service, case.case_id)
    assert "Child M" not in _flagged(service, case.case_id)


def test_the_partnerships_edited_word_lists_are_used_at_once(session: Session, today: date) -> None:
    case = add_case(session, today=today, notified=NOTIFIED, children=(Child("Child M"),))
    assert case.case_id is not None
    service = AgencyFormsService(session)
    before = _flagged(service, case.case_id)
    assert "Eastmarsh" not in before
    assert "MARF" in before
    areas = standard_text(AREA_NAMES_LIST)
    PartnershipForms(session).use_edited(
        AREA_NAMES_LIST, areas.replace("names = [\n", 'names = [\n  "Eastmarsh",\n', 1).encode()
    )
    assert "Eastmarsh" in _flagged(service, case.case_id)
    assert "Eastmarsh" in [f.text for f in service.general_checker().check(SENTENCE)]
    acronyms = standard_text(ACRONYM_LIST)
    marf = 'MARF = ["multi-agency referral form"]'
    PartnershipForms(session).use_edited(
        ACRONYM_LIST, acronyms.replace("[acronyms]\n", f"[acronyms]\n{marf}\n", 1).encode()
    )
    suggested = {f.text: f.suggestions for f in service.checker(case.case_id).check(SENTENCE)}
    assert suggested["MARF"] == ("multi-agency referral form",)
