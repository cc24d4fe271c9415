"""What the agency forms tests set up, through the services: the agencies, a case collecting
returns with a request at every status, and a case with its meeting booked whose forms are all
quality assured. Today is Sunday 22 November 2026 (``tests.conftest.TODAY``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.domain.agency_forms.agency_form_record import CHECK_ANSWERS, FormPosition, FormRecord
from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.text_checks import TextSpan
from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from rrdesk.ui.agency_forms.agency_dialogs import AgencyFormsDialogs, ReturnChoice
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from tests.builders import (
    HEALTH,
    HOUSING,
    LA,
    PANEL,
    POLICE,
    SCHOOLS,
    Person,
    add_case,
    add_directory,
    book_meeting,
    requests_sent,
)
from tests.fakes import RecordingOpener, ScriptedFileDialogs

MENTAL_HEALTH = "Westbury Mental Health Trust"
EARLY_HELP = "Westbury Early Help"
HOSPITAL = "Westbury General Hospital"
OTHERS = (
    Person("Kit Therapist", MENTAL_HEALTH, on_panel=False, voting=False),
    Person("Lee Family-Worker", EARLY_HELP, on_panel=False, voting=False),
    Person("Gethin ap Rhys", HOSPITAL, "Lead named nurse", on_panel=False, voting=False),
)

# The police form the collecting case's tests open: acronyms, and a passage pasted from notes.
PASTED_NOTES = (
    "12/10/2026 14:32 Case Note\n"
    "Contact Type: Home visit\n"
    "Recorded by: PC 4471\n"
    "Attended address re MISPER. Mum states Child M went out w/c Monday and NFA given. "
    "Referred to MASH, S47 not progressed."
)
RETURN_NOTE = "Please summarise the contacts in your own words."
SECTIONS = frozenset(
    {
        "about",
        "involvement",
        "period",
        "chronology",
        "went_well",
        "could_be_better",
        "prevention",
        "practice_episodes",
        "lived_experience",
        "themes",
        "immediate_actions",
        "other_children",
        "own_processes",
        "records",
    }
)


class FakeDialogs(AgencyFormsDialogs):
    """The agency questions answered as told; files saved under the suggested name in
    ``folder``; opening files recorded (and failing when ``open_works`` is False)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.agencies: list[str] | None = None
        self.offered: list[str] = []
        self.questions: list[str] = []
        self.date: date | None = None
        self.return_choice: ReturnChoice | None = None
        self.suggested_due: date | None = None
        self.files = ScriptedFileDialogs(save_folder=folder)
        self.opener = RecordingOpener()

    def choose_agencies(self, parent, names, chosen):  # type: ignore[no-untyped-def]
        self.offered = list(names)
        return self.agencies

    def ask_date(self, parent, title, question, default):  # type: ignore[no-untyped-def]
        self.questions.append(question)
        return self.date or default

    def ask_return(self, parent, agency, due=None):  # type: ignore[no-untyped-def]
        self.suggested_due = due
        return self.return_choice

    @property
    def saved_as(self) -> str:
        """The file name of the last save, as suggested by the screen."""
        return self.files.asked[-1][1]

    @property
    def opened(self) -> list[Path]:
        return self.opener.opened

    @property
    def folders(self) -> list[Path]:
        return self.opener.folders

    @property
    def open_works(self) -> bool:
        return self.opener.works

    @open_works.setter
    def open_works(self, works: bool) -> None:
        self.opener.works = works


def _day(value: date) -> DateAnswer:
    return DateAnswer(str(value.day), str(value.month), str(value.year))


def _answers(agency: str, author: str, role: str, **narrative: object) -> dict[str, object]:
    """Every question answered: completed on 20 November 2026, involved since 1 June 2026."""
    answers: dict[str, object] = {
        "agency": agency,
        "author": author,
        "role": role,
        "contact": author.lower().replace(" ", ".") + "@westbury.example",
        "completed_on": _day(date(2026, 11, 20)),
        "involved": "yes",
        "involved_from": _day(date(2026, 6, 1)),
        "themes_elsewhere": "not_known",
        "other_children": "no",
        "own_processes": "no",
        "records_secured": "yes",
        "records_secured_on": _day(date(2026, 11, 18)),
    }
    answers.update(narrative)
    return answers


def clean_answers(agency: str, author: str, role: str, pseudonym: str) -> dict[str, object]:
    """A whole form in plain words, as a careful author writes it."""
    return _answers(
        agency,
        author,
        role,
        chronology=(
            ChronologyRow(
                _day(date(2026, 8, 24)),
                "Family doctor and the baby's mother",
                "Routine check. The mother said she was finding nights hard.",
                "Follow-up visit offered by the health visitor.",
            ),
        ),
        went_well="Safer sleep advice was given at the new birth visit and recorded.",
        could_be_better="Advice was given to the mother only. The father, who often cared for "
        f"{pseudonym} at night, was not seen.",
        prevention="Give safer sleep advice to every carer, including fathers and partners.",
        practice_episodes="At the routine check the mother's tiredness was noted, but nobody "
        "asked who else cared for the baby at night.",
        lived_experience=f"{pseudonym} was a much-wanted baby in a family with no known "
        "difficulties.",
        themes="Safer sleep; the invisibility of fathers to universal services.",
        immediate_actions="A reminder about including fathers has gone to every health visitor.",
    )


def police_answers(pseudonym: str) -> dict[str, object]:
    """A whole police form with acronyms, and ``PASTED_NOTES`` in "What could be better"."""
    return _answers(
        POLICE,
        "Tomasz Wasik",
        "Detective inspector",
        chronology=(
            ChronologyRow(
                _day(date(2026, 10, 13)),
                "PC on duty and Mum",
                f"MISPER report taken. {pseudonym} returned next day, NFA.",
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


def _entered(
    service: AgencyFormsService, case: Case, answers: dict[str, object], ready_on: date, **extra
) -> None:  # type: ignore[no-untyped-def]
    """A whole form entered and marked ready (so received) on ``ready_on``."""
    assert case.case_id is not None
    agency = str(answers["agency"])
    record = FormRecord(
        agency=agency,
        answers=answers,
        position=FormPosition(CHECK_ANSWERS),
        confirmed_sections=SECTIONS,
        findings_looked_at=True,
        **extra,
    )
    service.save_form(case.case_id, record)
    service.mark_ready(case.case_id, record, ready_on)


def agencies(session: Session) -> None:
    """The builders' panel and agencies, with mental health, early help and a hospital."""
    add_directory(session, (*PANEL, *OTHERS))


def collecting_case(session: Session, today: date) -> Case:
    """Child M, notified on 13 November 2026, collecting returns from seven agencies:

    - the local authority's form received on 19 November, quality assured on 20 November;
    - the police form received on 19 November, returned on 20 November (acronyms, copied
      from case notes; due again 24 November), with ``PASTED_NOTES`` marked as pasted;
    - health asked on 13 November (due soon); schools asked on 16 November, their clean form
      received today; mental health asked on 2 November (overdue); early help asked on
      20 November, nothing entered; housing chosen, not asked yet.
    """
    case = add_case(
        session,
        today=today,
        notified=date(2026, 11, 13),
        stage=Stage.COLLECTING_RETURNS,
        children=(Child("Child M", "Milo Example-Fictional"),),
    )
    assert case.case_id is not None
    service = AgencyFormsService(session)
    service.choose_agencies(
        case.case_id, (LA, POLICE, HEALTH, SCHOOLS, MENTAL_HEALTH, EARLY_HELP, HOUSING)
    )
    for agency, sent in (
        (LA, date(2026, 11, 16)),
        (POLICE, date(2026, 11, 16)),
        (HEALTH, date(2026, 11, 13)),
        (SCHOOLS, date(2026, 11, 16)),
        (MENTAL_HEALTH, date(2026, 11, 2)),
        (EARLY_HELP, date(2026, 11, 20)),
    ):
        service.record_sent(case.case_id, agency, sent)
    _entered(
        service,
        case,
        clean_answers(LA, "Harriet Vale", "Head of service", "Child M"),
        date(2026, 11, 19),
    )
    service.record_quality_assured(case.case_id, LA, date(2026, 11, 20))
    pasted = {"could_be_better": (TextSpan(0, len(PASTED_NOTES)),)}
    _entered(service, case, police_answers("Child M"), date(2026, 11, 19), pasted=pasted)
    service.record_returned(
        case.case_id,
        POLICE,
        date(2026, 11, 20),
        (ReturnReason.CONTAINS_ACRONYMS, ReturnReason.COPIED_FROM_CASE_NOTES),
        RETURN_NOTE,
        due_on=date(2026, 11, 24),
    )
    school = clean_answers(SCHOOLS, "Bronwen Tregarthen", "Safeguarding lead", "Child M")
    _entered(service, case, school, today)
    return case


def booked_case(session: Session, today: date) -> Case:
    """Child R (Rosie Example-Fictional), her meeting booked for 26 November 2026, and forms
    from health (Nguyen Thi Huong), the hospital (Gethin ap Rhys) and the local authority, each
    received on 18 November and quality assured on 19 November."""
    case = add_case(
        session,
        today=today,
        notified=date(2026, 11, 6),
        stage=Stage.MEETING_BOOKED,
        children=(Child("Child R", "Rosie Example-Fictional"),),
    )
    assert case.case_id is not None
    service = AgencyFormsService(session)
    authors = (
        (HEALTH, "Nguyen Thi Huong", "Designated nurse"),
        (HOSPITAL, "Gethin ap Rhys", "Lead named nurse"),
        (LA, "Harriet Vale", "Head of service"),
    )
    requests_sent(session, case, [agency for agency, _, _ in authors], sent_on=date(2026, 11, 9))
    for agency, author, role in authors:
        _entered(service, case, clean_answers(agency, author, role, "Child R"), date(2026, 11, 18))
        service.record_quality_assured(case.case_id, agency, date(2026, 11, 19))
    book_meeting(session, case, date(2026, 11, 26))
    return case


# The Agency forms tab, as the tests drive it.


def open_tab(qtbot, context, dialogs: FakeDialogs, case: Case, *, height: int = 900):  # type: ignore[no-untyped-def]
    """The case's Agency forms tab on screen, 1200 pixels wide, and its service."""
    assert case.case_id is not None
    service = AgencyFormsService(context.session)
    widget = AgencyFormsWidget(
        service,
        case.case_id,
        context.messages,
        context.today,
        context.runner,
        dialogs,
        files=dialogs.files,
        opener=dialogs.opener,
    )
    qtbot.addWidget(widget)
    widget.resize(1200, height)
    widget.show()
    return widget, service


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def status_words(widget: AgencyFormsWidget) -> dict[str, str]:
    """Each agency's status as the requests table shows it."""
    return {
        widget.table.item(r, 0).text(): widget.table.item(r, 1).text()
        for r in range(widget.table.rowCount())
    }


def due_back(widget: AgencyFormsWidget) -> dict[str, str]:
    """Each agency's "Due back" as the requests table shows it."""
    return {
        widget.table.item(r, 0).text(): widget.table.item(r, 2).text()
        for r in range(widget.table.rowCount())
    }


def open_police_form(qtbot, widget):  # type: ignore[no-untyped-def]
    widget.select_agency(POLICE)
    click(qtbot, widget.buttons["open"])
    entry = widget.entry
    assert entry is not None
    return entry
