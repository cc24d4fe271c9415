"""The fictional partnership for the demo store: its agencies and the people in its directory.

Every person, agency and place here is invented. The partnership is the fictional "Northmoor";
the directory follows the shape of a real Rapid Review panel (Tower Hamlets).
"""

from __future__ import annotations

from dataclasses import dataclass

from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.partnership.contact_details import ContactDetails
from rrdesk.services.store.session import Session

DEMO_PARTNERSHIP = "Northmoor Safeguarding Children Partnership (demo: all fictional)"

AGENCIES = (
    Agency(
        "Northmoor Council Children's Social Care",
        StatutoryPartner.LOCAL_AUTHORITY,
        "childrens.services@northmoor.example",
    ),
    Agency(
        "Northmoor Police Public Protection Unit",
        StatutoryPartner.POLICE,
        "public.protection@police.northmoor.example",
    ),
    Agency(
        "Northmoor Integrated Care Board",
        StatutoryPartner.HEALTH,
        "safeguarding@icb.northmoor.example",
    ),
    Agency(
        "Northmoor Education Safeguarding Service", None, "education.safeguarding@northmoor.example"
    ),
    Agency("Northmoor General Hospital", None, "safeguarding@hospital.northmoor.example"),
    Agency(
        "Northmoor Community Mental Health Trust",
        None,
        "safeguarding@mentalhealth.northmoor.example",
    ),
    Agency("Northmoor Safeguarding Children Partnership", None, "partnership@northmoor.example"),
    Agency("Northmoor Housing", None, "housing@northmoor.example"),
    Agency("Northmoor Early Help", None, "earlyhelp@northmoor.example"),
)

(
    LA_AGENCY,
    POLICE_AGENCY,
    ICB_AGENCY,
    EDUCATION_AGENCY,
    HOSPITAL_AGENCY,
    MENTAL_HEALTH_AGENCY,
    PARTNERSHIP_AGENCY,
    HOUSING_AGENCY,
    EARLY_HELP_AGENCY,
) = (a.name for a in AGENCIES)


@dataclass(frozen=True)
class _Person:
    name: str
    agency: str
    role: str
    voting: bool = True
    on_panel: bool = True
    executive_for: StatutoryPartner | None = None
    executive_deputy: bool = False


def _executive(
    name: str, agency: str, role: str, partner: StatutoryPartner, *, deputy: bool = False
) -> _Person:
    """A statutory partner's executive lead or deputy: signs off decisions, not on the panel."""
    return _Person(name, agency, role, False, False, partner, deputy)


PEOPLE = (
    _Person("Harriet Vale", LA_AGENCY, "Head of Service for Quality Assurance (chair)"),
    _Person("Tomasz Wąsik", POLICE_AGENCY, "Detective Inspector, Public Protection Unit"),
    _Person("Dr Siân Prydderch", ICB_AGENCY, "Designated Doctor for Safeguarding"),
    _Person("Nguyễn Thị Hương", ICB_AGENCY, "Designated Nurse for Safeguarding"),
    _Person("Dr Emre Yıldız", ICB_AGENCY, "Named GP for Safeguarding"),
    _Person("Ioana Popescu-Ștefan", EDUCATION_AGENCY, "Lead, Education Safeguarding Service"),
    _Person("Gethin ap Rhys", HOSPITAL_AGENCY, "Lead Named Nurse for Safeguarding Children"),
    _Person("Adaeze Okonkwo-Byrne", MENTAL_HEALTH_AGENCY, "Named Safeguarding Professional"),
    _Person("Fern Ashdown", PARTNERSHIP_AGENCY, "Partnership Manager", voting=False),
    _Person("Rory Penhallow", PARTNERSHIP_AGENCY, "Rapid Review Coordinator", voting=False),
    _Person(
        "Bea Lindqvist", HOUSING_AGENCY, "Housing Safeguarding Lead", voting=False, on_panel=False
    ),
    _Person(
        "Kwame Asante-Hill",
        EARLY_HELP_AGENCY,
        "Early Help Service Manager",
        voting=False,
        on_panel=False,
    ),
    # The Executive: each statutory partner's lead, and a deputy who signs off in their absence.
    _executive(
        "Marisol Treharne",
        LA_AGENCY,
        "Director of Children's Services",
        StatutoryPartner.LOCAL_AUTHORITY,
    ),
    _executive(
        "Siobhán Achterberg",
        LA_AGENCY,
        "Assistant Director, Safeguarding",
        StatutoryPartner.LOCAL_AUTHORITY,
        deputy=True,
    ),
    _executive(
        "Ch Supt Oluwaseun Pryce",
        POLICE_AGENCY,
        "Head of Public Protection",
        StatutoryPartner.POLICE,
    ),
    _executive(
        "Det Supt Morwenna Treloar",
        POLICE_AGENCY,
        "Deputy Head of Public Protection",
        StatutoryPartner.POLICE,
        deputy=True,
    ),
    _executive(
        "Dr Ingrid Halvorsen-Kaur",
        ICB_AGENCY,
        "Chief Nursing Officer",
        StatutoryPartner.HEALTH,
    ),
    _executive(
        "Dr Kofi Mensah-Bright",
        ICB_AGENCY,
        "Deputy Chief Nursing Officer",
        StatutoryPartner.HEALTH,
        deputy=True,
    ),
)
SUBSTITUTES = (
    # (substitute, the member they may stand in for)
    (
        _Person(
            "Dafydd Morgan-Lewis",
            POLICE_AGENCY,
            "Detective Sergeant, Public Protection Unit",
            on_panel=False,
        ),
        "Tomasz Wąsik",
    ),
    (
        _Person("Łucja Kowalczyk", LA_AGENCY, "Service Manager, Quality Assurance", on_panel=False),
        "Harriet Vale",
    ),
)


def add_demo_directory(session: Session) -> None:
    """Fill the directory with the fictional partnership's agencies, panel, executives and
    substitutes, and its contact details."""
    ContactDetails(session).save(
        "Northmoor Town Hall\n1 Market Street\nNorthmoor NM1 1AA",
        "01632 960000",
        "safeguarding.partnership@northmoor.example",
    )
    directory = DirectoryService(session)
    for agency in AGENCIES:
        directory.save_agency(agency)
    ids: dict[str, int] = {}
    for person in PEOPLE:
        saved = directory.save_member(
            Member(
                person.name,
                person.agency,
                person.role,
                email=_email(person.name),
                phone="01632 960" + f"{len(ids):03d}",
                on_panel=person.on_panel,
                voting=person.voting,
                executive_for=person.executive_for,
                executive_deputy=person.executive_deputy,
            )
        )
        assert saved.member_id is not None
        ids[person.name] = saved.member_id
    for person, stands_in_for in SUBSTITUTES:
        directory.save_member(
            Member(
                person.name,
                person.agency,
                person.role,
                email=_email(person.name),
                on_panel=False,
                voting=True,
                substitute_for=ids[stands_in_for],
            )
        )


def _email(name: str) -> str:
    plain = "".join(ch for ch in name.lower() if ch.isascii() and (ch.isalpha() or ch == " "))
    parts = [part for part in plain.split() if part not in {"dr", "ch", "det", "supt"}]
    return ".".join(parts) + "@northmoor.example"
