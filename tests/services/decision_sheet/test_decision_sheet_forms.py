"""The shipped decision sheet form loads and covers every section."""

from __future__ import annotations

from rrdesk.domain.decision_sheet.decision_sheet_template import SheetSectionKey
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template


def test_shipped_form_has_every_section_once() -> None:
    template = load_decision_sheet_template()
    assert sorted(section.key.value for section in template.sections) == sorted(
        key.value for key in SheetSectionKey
    )
    assert template.sections[-1].key is SheetSectionKey.SIGN_OFF
    assert template.title == "Rapid Review decision sheet"
