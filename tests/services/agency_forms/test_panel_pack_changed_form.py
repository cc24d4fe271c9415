"""A form changed after quality assurance is left out of the panel pack until it is checked
again, and the pack says why once, plainly."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from rrdesk.domain.agency_forms.agency_counts import MissingForm
from rrdesk.domain.agency_forms.agency_form_record import FormPosition, FormRecord
from rrdesk.domain.cases.cases import Child
from rrdesk.exports.pdf.panel_pack import render_panel_pack
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from tests.builders import add_case, requests_sent
from tests.services.agency_forms.pack_reading import pack_pages
from tests.ui.agency_forms.forms_setup import CHECK_ANSWERS, SECTIONS, agencies, clean_answers

WHY = "Changed after quality assurance on 26 November 2026, so it needs checking again"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_a_form_changed_after_quality_assurance_is_missing_with_one_plain_reason(
    session: Session,
) -> None:
    agencies(session)
    today = date(2026, 11, 27)
    case = add_case(
        session,
        today=today,
        notified=date(2026, 11, 16),
        children=(Child("Child R", "Rosie Example-Fictional"),),
    )
    assert case.case_id is not None
    agency = session.directory.agencies()[0].name
    requests_sent(session, case, [agency], sent_on=date(2026, 11, 17))
    service = AgencyFormsService(session)
    answers = clean_answers(agency, "Sam Author", "Safeguarding lead", "Child R")
    record = FormRecord(
        agency=agency,
        answers=answers,
        position=FormPosition(CHECK_ANSWERS),
        confirmed_sections=SECTIONS,
        findings_looked_at=True,
    )
    service.save_form(case.case_id, record)
    service.mark_ready(case.case_id, record, date(2026, 11, 24))
    service.record_quality_assured(case.case_id, agency, date(2026, 11, 25))
    changed = FormRecord(
        agency=agency,
        answers={**answers, "prevention": f"{answers['prevention']} Added after the check."},
        position=FormPosition(CHECK_ANSWERS),
        confirmed_sections=SECTIONS,
        findings_looked_at=True,
    )
    assert service.save_form(case.case_id, changed, date(2026, 11, 26))

    content = service.panel_pack_content(case.case_id, today)
    assert content.forms == ()
    assert content.missing == (MissingForm(agency, WHY),)
    opening = pack_pages(render_panel_pack(content))[1]
    assert f"Forms not in this pack Agency Why its form is not here {agency} {WHY}" in opening
    assert opening.lower().count("changed after quality assurance") == 1
    assert "not yet quality assured" not in opening
