"""The demo's documents read as their readers would: every case's panel pack."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from rrdesk.exports.pdf.panel_pack import render_panel_pack
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from tests.services.agency_forms.pack_reading import (
    OTHER_DATES,
    PAGE_FURNITURE,
    WEEKDAY,
    pack_pages,
)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_demos_packs_read_the_same_way(demo_session: Session, today: date) -> None:
    service = AgencyFormsService(demo_session)
    for summary in demo_session.cases.summaries():
        pages = pack_pages(render_panel_pack(service.panel_pack_content(summary.case_id, today)))
        text = " ".join(pages)
        assert WEEKDAY.findall(text) == [], summary.reference
        assert OTHER_DATES.findall(text) == [], summary.reference
        assert [p for p in pages if not PAGE_FURNITURE.sub("", p).strip()] == []
        assert not any(PAGE_FURNITURE.sub("", p).strip().endswith("?") for p in pages)
        assert "meeting held" not in text or "(booked)" not in text, summary.reference
