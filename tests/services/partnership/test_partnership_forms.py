"""Edited copies of the partnership's forms are checked before use and kept in the store."""

from __future__ import annotations

import pytest

from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.partnership.partnership_forms import (
    AGENCY_CHECK_FORM,
    EDITABLE_FORMS,
    THRESHOLD_LETTER,
    FormRefused,
    PartnershipForms,
    standard_text,
)


@pytest.mark.parametrize("editable", EDITABLE_FORMS, ids=lambda e: e.key)
def test_every_standard_form_passes_its_own_check(editable) -> None:  # type: ignore[no-untyped-def]
    editable.check(standard_text(editable))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfe\x00", "not text saved as UTF-8"),
        (b"title = ", "The edited form was not used"),
        (b"x" * 600_000, "too large"),
    ],
    ids=["not UTF-8", "broken TOML", "too large"],
)
def test_refusals_change_nothing(session, raw: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    forms = PartnershipForms(session)
    with pytest.raises(FormRefused, match=message):
        forms.use_edited(THRESHOLD_LETTER, raw)
    assert not forms.is_edited(THRESHOLD_LETTER)


def test_the_agency_check_form_uses_the_edited_copy(session) -> None:  # type: ignore[no-untyped-def]
    text = standard_text(AGENCY_CHECK_FORM)
    edited = text.replace(
        'title = "Whether your agency was involved"', 'title = "Was your agency involved?"', 1
    )
    assert edited != text
    PartnershipForms(session).use_edited(AGENCY_CHECK_FORM, edited.encode())
    service = AgencyFormsService(session)
    assert service.form_notice is None
    assert service.form.section("involvement").title == "Was your agency involved?"


def test_an_edited_area_list_changes_which_names_look_pasted(session, today) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.domain.cases.cases import Case, Child
    from rrdesk.services.cases.case_service import CaseService
    from rrdesk.services.partnership.partnership_forms import AREA_NAMES_LIST

    case = CaseService(session).add_case(
        Case("", (Child("Child T"),), notification_sent=today), today=today
    )
    sentence = "The referral came from Eastmarsh Borough Council."

    def flagged() -> list[str]:
        checker = AgencyFormsService(session).checker(case.case_id or 0)
        return [f.kind for f in checker.check(sentence)]

    assert flagged() == []
    text = standard_text(AREA_NAMES_LIST)
    edited = text.replace("names = [\n", 'names = [\n  "Eastmarsh",\n', 1)
    assert edited != text
    PartnershipForms(session).use_edited(AREA_NAMES_LIST, edited.encode())
    assert flagged() == ["foreign-name"]
