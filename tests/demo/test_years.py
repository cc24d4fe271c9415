"""Years of the fictional partnership: cases dated across each year on working days, forms of a
real form's size, actions, signed sheets in the newest year, and an audit trail that verifies.

Built here at a small scale (two years of nine cases, a few hundred audit entries a year);
``rrdesk demo-data`` builds the full size with the same code.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from rrdesk.demo.year_forms import YEAR_AGENCIES
from rrdesk.demo.years import YearsBuilt, add_years_of_data
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.document_kinds import DocumentKind, ExportKind
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session


@pytest.fixture
def built(session: Session, today: date, passphrase: str) -> YearsBuilt:
    from datetime import UTC, datetime

    from rrdesk.services.partnership.signing_service import SigningService

    # As rrdesk demo-data does: the signing key opened once, with the passphrase, for them all.
    SigningService(session).ensure_identity(datetime.now(UTC), passphrase)
    return add_years_of_data(
        session,
        years=2,
        today=today,
        cases_a_year=9,
        audit_entries_a_year=400,
        signed_years=1,
    )


def test_each_year_has_its_cases_on_working_days(
    session: Session, built: YearsBuilt, today: date
) -> None:
    cases = CaseService(session).all_cases()
    assert built.cases == len(cases) == 9 + 9
    by_year = Counter(case.reference[3:7] for case in cases)
    assert by_year == {"2025": 9, "2026": 9}
    calendar = session.calendar
    made = [case for case in cases if "Fictional-20" in case.children[0].real_name]
    assert len(made) == 9 + 2  # the current year ends with the ordinary demo's seven
    for case in made:
        if case.notification_sent is not None:
            assert calendar.is_working_day(case.notification_sent), case.reference
            assert case.notification_sent.year == int(case.reference[3:7])
            assert case.notification_sent <= today
    stages = {case.stage for case in cases}
    assert set(Stage) - stages <= {Stage.REFERRED}


def test_returned_forms_are_a_real_forms_size(session: Session, built: YearsBuilt) -> None:
    case = next(c for c in session.cases.all_cases() if c.reference == "RR-2025-001")
    assert case.case_id is not None
    names = session.documents.names(case.case_id, DocumentKind.CHECK_FORM)
    assert sorted(names) == sorted(YEAR_AGENCIES)
    assert len(YEAR_AGENCIES) == 12
    form = session.documents.get(case.case_id, DocumentKind.CHECK_FORM, YEAR_AGENCIES[0])
    assert form is not None
    words = len(str(form["answers"]["could_be_better"]).split())
    assert 200 <= words <= 450
    assert built.agency_forms >= 8 * 6
    pack = AgencyFormsService(session).panel_pack_content(case.case_id, date(2025, 3, 1))
    assert len(pack.forms) == 12


def test_actions_are_in_the_plan(session: Session, built: YearsBuilt) -> None:
    plan = ActionPlanService(session).actions()
    from_years = [a for a in plan if a.case_reference.startswith("RR-2025")]
    assert len(from_years) == 8 * 7  # five added and the meeting's two, in each decided case
    assert built.actions >= len(from_years)


def test_sheets_are_signed_in_the_newest_year_only(session: Session, built: YearsBuilt) -> None:
    signed = {
        case.reference[3:7]
        for case in session.cases.all_cases()
        if case.case_id is not None
        and session.documents.exports(case.case_id, ExportKind.DECISION_SHEET)
    }
    assert signed == {"2026"}
    assert built.signed_sheets == 1  # nine cases in 2026: seven are the ordinary demo's


def test_the_audit_trail_is_whole_and_dated_across_the_years(
    session: Session, built: YearsBuilt
) -> None:
    checked, broken = session.audit.verify()
    assert broken is None
    assert checked == built.audit_entries >= 800
    years = Counter(entry.at[:4] for entry in session.audit.entries())
    assert years["2025"] >= 400
