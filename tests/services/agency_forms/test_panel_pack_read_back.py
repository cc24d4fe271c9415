"""The panel pack as the panel reads it: built from the store, rendered, and its text read back
with pdftotext. Every date reads like "22 November 2026", the meeting has one date (the one
booked) and the decision is due on working day 15; no page is left empty, and no question is
left at the foot of a page with its answer on the next."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.exports.pdf.panel_pack import render_panel_pack
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from tests.builders import PANEL, Person, add_case, add_directory, book_meeting, requests_sent
from tests.services.agency_forms.pack_reading import (
    A_DATE,
    OTHER_DATES,
    PAGE_FURNITURE,
    WEEKDAY,
    pack_pages,
)
from tests.ui.agency_forms.forms_setup import _answers, _entered, clean_answers

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NOTIFIED = date(2026, 11, 16)  # a Monday; the meeting booked for day 10, 30 November
MORE_AGENCIES = tuple(
    f"Westbury {name}"
    for name in (
        "Mental Health Trust",
        "Early Help",
        "General Hospital",
        "Ambulance Service",
        "Probation Service",
        "Youth Justice Service",
        "Community Health Services",
        "Primary School",
        "Nursery",
        "Dental Practice",
    )
)


def _many_agencies(session: Session, today: date) -> Case:
    """Fifteen agencies asked: fourteen forms quality assured (every third a nil return, so a
    short form), one still outstanding; the meeting booked for day 10."""
    add_directory(
        session,
        (
            *PANEL,
            *(
                Person(f"Lead {i}", a, on_panel=False, voting=False)
                for i, a in enumerate(MORE_AGENCIES)
            ),
        ),
    )
    case = add_case(
        session,
        today=today,
        notified=NOTIFIED,
        stage=Stage.MEETING_BOOKED,
        children=(Child("Child R", "Rosie Example-Fictional"),),
    )
    assert case.case_id is not None
    service = AgencyFormsService(session)
    agencies = [agency.name for agency in session.directory.agencies()]
    assert len(agencies) == 15
    requests_sent(session, case, agencies, sent_on=date(2026, 11, 17))
    for number, agency in enumerate(agencies[:-1]):
        author = f"Author {number}"
        answers = (
            _answers(agency, author, "Safeguarding lead", involved="no")
            if number % 3 == 1
            else clean_answers(agency, author, "Safeguarding lead", "Child R")
        )
        _entered(service, case, answers, date(2026, 11, 24))
        service.record_quality_assured(case.case_id, agency, date(2026, 11, 25))
    book_meeting(session, case, date(2026, 11, 30))
    return case


@pytest.fixture
def pages(session: Session) -> list[str]:
    today = date(2026, 11, 27)
    case = _many_agencies(session, today)
    assert case.case_id is not None
    content = AgencyFormsService(session).panel_pack_content(case.case_id, today)
    assert len(content.forms) == 14
    return pack_pages(render_panel_pack(content))


def test_every_date_reads_like_22_november_2026(pages: list[str]) -> None:
    text = " ".join(pages)
    assert WEEKDAY.findall(text) == []
    assert OTHER_DATES.findall(text) == []
    assert len(A_DATE.findall(text)) > 40
    assert "Pack prepared on 27 November 2026" in text


def test_the_meeting_has_one_date_and_the_decision_is_due_on_day_15(pages: list[str]) -> None:
    summary = pages[1]
    assert "Rapid Review meeting 30 November 2026" in summary
    assert "Rapid Review meeting (booked) Day 10 30 November 2026" in summary
    assert "Decision sent to the National Panel Day 15 7 December 2026" in summary
    assert "held" not in summary  # not the profile's latest day, as if it had been held
    assert "3 December 2026" not in summary
    assert "Notification sent (day 0) 16 November 2026" in summary


def test_no_page_is_empty_and_each_form_starts_a_page(pages: list[str]) -> None:
    bare = [
        number
        for number, page in enumerate(pages, start=1)
        if not PAGE_FURNITURE.sub("", page).strip()
    ]
    assert bare == []
    assert sum("Completed by" in page for page in pages) == 14
    assert "Westbury Youth Justice Service" in pages[1]  # the form not in the pack is named


def test_no_question_ends_a_page_without_its_answer(pages: list[str]) -> None:
    for number, page in enumerate(pages, start=1):
        body = PAGE_FURNITURE.sub("", page).strip()
        assert not body.endswith("?"), f"page {number} ends on a question: {body[-80:]}"


def test_a_meeting_not_booked_reads_as_not_booked_yet_not_as_held(session: Session) -> None:
    """Before the meeting is booked, its row gives the latest day the process expects it, and
    says it is not booked yet: never the profile's "meeting held", as if it had been."""
    add_directory(session)
    today = date(2026, 11, 27)
    case = add_case(session, today=today, notified=NOTIFIED)
    assert case.case_id is not None
    content = AgencyFormsService(session).panel_pack_content(case.case_id, today)
    text = " ".join(pack_pages(render_panel_pack(content)))
    assert "Rapid Review meeting (not booked yet) Day 13 3 December 2026" in text
    assert "Decision sent to the National Panel Day 15 7 December 2026" in text
    assert "held" not in text
    assert "(booked)" not in text
