"""Agency requests and check forms for the demo store. Everything here is fictional.

The case collecting returns has a request at every status, and forms that give the text checks
something to show (acronyms, a passage pasted from case notes). The case with its meeting booked
has every form quality assured, so its panel pack is worth reading. The decided cases' forms,
dated by their own timetables, are in :mod:`rrdesk.demo.decided_forms`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from rrdesk.demo.decided_forms import add_decided_case_forms
from rrdesk.demo.form_records import answers, day, put_form, put_requests, record
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    ReturnReason,
    record_quality_assured,
    record_received,
    record_returned,
    record_sent,
)
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow
from rrdesk.domain.agency_forms.text_checks import TextSpan
from rrdesk.domain.cases.cases import Case, Stage
from rrdesk.services.store.session import Session

_LA = "Northmoor Council Children's Social Care"
_POLICE = "Northmoor Police Public Protection Unit"
_ICB = "Northmoor Integrated Care Board"
_EDU = "Northmoor Education Safeguarding Service"
_HOSP = "Northmoor General Hospital"
_MH = "Northmoor Community Mental Health Trust"
_HOUSING = "Northmoor Housing"
_EH = "Northmoor Early Help"

PASTED_NOTES = (
    "12/10/2026 14:32 Case Note\n"
    "Contact Type: Home visit\n"
    "Recorded by: PC 4471\n"
    "Attended address re MISPER. Mum states Child M went out w/c Monday and NFA given. "
    "Referred to MASH, S47 not progressed."
)


def _working_days_back(today: date, days: int) -> date:
    back = today
    while days > 0:
        back -= timedelta(days=1)
        if back.weekday() < 5:
            days -= 1
    return back


def _school_form(today: date, agency: str, pseudonym: str) -> dict[str, object]:
    return answers(
        agency,
        "Bronwen Tregarthen",
        "Designated safeguarding lead",
        today - timedelta(days=2),
        today - timedelta(days=400),
        (
            ChronologyRow(
                day(today - timedelta(days=90)),
                "Form tutor and designated safeguarding lead",
                f"{pseudonym} missed six days of school in three weeks and seemed withdrawn.",
                "Meeting with the parent; attendance plan agreed and early help offered.",
            ),
            ChronologyRow(
                day(today - timedelta(days=30)),
                "Designated safeguarding lead and the child's parent",
                f"{pseudonym} was seen with older young people outside the school gates.",
                "Concern shared with children's social care the same day.",
            ),
        ),
        went_well=f"Staff knew {pseudonym} well and noticed changes in attendance quickly. "
        "Concerns were shared with children's social care on the day they were raised.",
        could_be_better="The attendance plan relied on the parent alone. We did not ask other "
        "agencies what they knew before agreeing it.",
        prevention="Share attendance concerns with the early help team as soon as a pattern "
        "appears, rather than after a set number of days.",
        practice_episodes="When attendance fell, the school treated it as a parenting matter. "
        "Looking back, the pattern of absences on the same days each week suggested someone "
        "was drawing the child away from school.",
        lived_experience=f"{pseudonym} enjoyed art and football and had a small group of "
        "friends. He told staff he felt that teachers expected trouble from him, and he was "
        "one of few Black pupils in his year. His autism made new situations hard.",
        themes="Missing education as an early sign of exploitation; adultification.",
        immediate_actions="Attendance concerns now go to the early help team after three "
        "unexplained absences in a month.",
    )


def _health_form(
    today: date, agency: str, pseudonym: str, author: str, role: str
) -> dict[str, object]:
    return answers(
        agency,
        author,
        role,
        today - timedelta(days=3),
        today - timedelta(days=200),
        (
            ChronologyRow(
                day(today - timedelta(days=150)),
                "Health visitor and the baby's mother",
                "New birth visit. The family were settled and the baby was feeding well.",
                "Universal service; safer sleep advice given.",
            ),
            ChronologyRow(
                day(today - timedelta(days=60)),
                "Family doctor and the baby's mother",
                "Routine check. The mother said she was finding nights hard.",
                "Follow-up visit offered by the health visitor.",
            ),
        ),
        went_well="Safer sleep advice was given at the new birth visit and recorded.",
        could_be_better="Advice was given to the mother only. The father, who often cared for "
        f"{pseudonym} at night, was not seen.",
        prevention="Give safer sleep advice to every carer, including fathers and partners, "
        "and ask about alcohol and sofa sleeping at each contact.",
        practice_episodes="At the routine check the mother's tiredness was noted, but nobody "
        "asked who else cared for the baby at night or where the baby slept.",
        lived_experience=f"{pseudonym} was a much-wanted baby in a family with no known "
        "difficulties. The family lived in a one-bedroom flat, which made a separate sleep "
        "space hard to arrange.",
        themes="Safer sleep; the invisibility of fathers to universal services.",
        immediate_actions="A reminder about including fathers has gone to every health visitor.",
    )


def _police_form_with_problems(today: date, pseudonym: str) -> dict[str, object]:
    return answers(
        _POLICE,
        "Tomasz Wąsik",
        "Detective inspector",
        today - timedelta(days=2),
        today - timedelta(days=60),
        (
            ChronologyRow(
                day(today - timedelta(days=40)),
                "PC on duty and Mum",
                "MISPER report taken. Child M returned next day, NFA.",
                "",
            ),
        ),
        went_well="Quick response to each MISPER report and return home interviews by CAMHS.",
        could_be_better=PASTED_NOTES,
        prevention="Better info sharing with the MASH and CSC.",
        practice_episodes="See above.",
        lived_experience=f"{pseudonym} was frequently missing from home.",
        themes="CCE, county lines.",
        immediate_actions="Reviewed by the DSL.",
    )


def _requests_collecting(today: date, add: Callable[[date, int], date]) -> list[AgencyRequest]:
    sent = _working_days_back(today, 5)
    received = _working_days_back(today, 2)
    requests = [
        record_quality_assured(
            record_received(record_sent(AgencyRequest(_LA), sent, add(sent, 8)), received),
            _working_days_back(today, 1),
        ),
        record_returned(
            record_received(record_sent(AgencyRequest(_POLICE), sent, add(sent, 8)), received),
            _working_days_back(today, 1),
            (ReturnReason.CONTAINS_ACRONYMS, ReturnReason.COPIED_FROM_CASE_NOTES),
            "Please summarise the contacts in your own words.",
            due_on=add(today, 2),
        ),
        record_sent(AgencyRequest(_ICB), _working_days_back(today, 6), add(today, 2)),
        record_received(record_sent(AgencyRequest(_EDU), sent, add(sent, 8)), today),
        record_sent(AgencyRequest(_MH), sent, _working_days_back(today, 1)),
        record_sent(AgencyRequest(_EH), _working_days_back(today, 1), add(today, 7)),
        AgencyRequest(_HOUSING),
    ]
    return sorted(requests, key=lambda r: r.agency.casefold())


def _add_collecting(session: Session, case: Case, today: date, add: Callable[..., date]) -> None:
    assert case.case_id is not None
    pseudonym = case.children[0].pseudonym
    put_requests(session, case.case_id, _requests_collecting(today, add))
    ready = _working_days_back(today, 2)
    put_form(session, case.case_id, record(_LA, _school_form(today, _LA, pseudonym), ready))
    put_form(session, case.case_id, record(_EDU, _school_form(today, _EDU, pseudonym), today))
    police = _police_form_with_problems(today, pseudonym)
    put_form(
        session,
        case.case_id,
        record(
            _POLICE,
            police,
            None,
            pasted={"could_be_better": (TextSpan(0, len(PASTED_NOTES)),)},
        ),
    )


def _add_meeting_booked(
    session: Session, case: Case, today: date, add: Callable[..., date], *, days_ago: int = 0
) -> None:
    """Every form quality assured (``days_ago`` moves the dates back for a case further on)."""
    assert case.case_id is not None
    pseudonym = case.children[0].pseudonym
    sent = _working_days_back(today, 9 + days_ago)
    received = _working_days_back(today, 3 + days_ago)
    assured = _working_days_back(today, 2 + days_ago)
    requests = []
    authors = (
        (_ICB, "Nguyễn Thị Hương", "Designated nurse for safeguarding"),
        (_HOSP, "Gethin ap Rhys", "Lead named nurse for safeguarding children"),
        (_LA, "Harriet Vale", "Head of service for quality assurance"),
        (_POLICE, "Tomasz Wąsik", "Detective inspector"),
    )
    for agency, author, role in authors:
        request = record_sent(AgencyRequest(agency), sent, add(sent, 8))
        requests.append(record_quality_assured(record_received(request, received), assured))
        put_form(
            session,
            case.case_id,
            record(agency, _health_form(today, agency, pseudonym, author, role), received),
        )
    put_requests(session, case.case_id, requests)


def add_agency_forms_demo_data(session: Session, today: date, *, sent: Case, review: Case) -> None:
    """Requests and forms for the demo's cases collecting returns, with a meeting booked and
    awaiting sign-off, and for the case ``sent`` to the National Panel and the case with a local
    ``review``, whose meetings were held with every form in."""
    calendar = session.calendar
    with session.db.transaction():
        add_decided_case_forms(session, sent, review)
        for case in session.cases.all_cases():
            if case.stage is Stage.COLLECTING_RETURNS:
                _add_collecting(session, case, today, calendar.add_working_days)
            elif case.stage is Stage.MEETING_BOOKED:
                _add_meeting_booked(session, case, today, calendar.add_working_days)
            elif case.stage is Stage.AWAITING_SIGN_OFF:
                _add_meeting_booked(session, case, today, calendar.add_working_days, days_ago=5)
        session.record(
            "agency_forms", "Added the demo agency requests and forms", detail={"note": "demo"}
        )
