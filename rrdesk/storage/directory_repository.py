"""The directory of agencies and people."""

from __future__ import annotations

from dataclasses import replace

from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
from rrdesk.storage.database import Database

_MEMBER_COLUMNS = (
    "id, name, agency, role, email, phone, on_panel, voting, substitute_for, executive_for,"
    " executive_deputy"
)


def _member(row: tuple[object, ...]) -> Member:
    return Member(
        member_id=int(str(row[0])),
        name=str(row[1]),
        agency=str(row[2]),
        role=str(row[3]),
        email=str(row[4]),
        phone=str(row[5]),
        on_panel=bool(row[6]),
        voting=bool(row[7]),
        substitute_for=None if row[8] is None else int(str(row[8])),
        executive_for=None if row[9] is None else StatutoryPartner(str(row[9])),
        executive_deputy=bool(row[10]),
    )


def _executive_values(member: Member) -> tuple[str | None, int]:
    partner = member.executive_for
    return (None if partner is None else partner.value, int(member.executive_deputy))


class DirectoryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_agency(self, agency: Agency) -> Agency:
        cursor = self._db.execute(
            "INSERT INTO agencies (name, partner, email) VALUES (?, ?, ?)",
            (agency.name, agency.partner.value if agency.partner else None, agency.email),
        )
        return replace(agency, agency_id=int(cursor.lastrowid))

    def update_agency(self, agency: Agency) -> None:
        self._db.execute(
            "UPDATE agencies SET name = ?, partner = ?, email = ? WHERE id = ?",
            (
                agency.name,
                agency.partner.value if agency.partner else None,
                agency.email,
                agency.agency_id,
            ),
        )

    def agencies(self) -> list[Agency]:
        return [
            Agency(
                agency_id=int(row[0]),
                name=row[1],
                partner=None if row[2] is None else StatutoryPartner(row[2]),
                email=row[3],
            )
            for row in self._db.query("SELECT id, name, partner, email FROM agencies ORDER BY name")
        ]

    def add_member(self, member: Member) -> Member:
        cursor = self._db.execute(
            "INSERT INTO members (name, agency, role, email, phone, on_panel, voting,"
            " substitute_for, executive_for, executive_deputy)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                member.name,
                member.agency,
                member.role,
                member.email,
                member.phone,
                int(member.on_panel),
                int(member.voting),
                member.substitute_for,
                *_executive_values(member),
            ),
        )
        return replace(member, member_id=int(cursor.lastrowid))

    def update_member(self, member: Member) -> None:
        self._db.execute(
            "UPDATE members SET name = ?, agency = ?, role = ?, email = ?, phone = ?, on_panel = ?,"
            " voting = ?, substitute_for = ?, executive_for = ?, executive_deputy = ? WHERE id = ?",
            (
                member.name,
                member.agency,
                member.role,
                member.email,
                member.phone,
                int(member.on_panel),
                int(member.voting),
                member.substitute_for,
                *_executive_values(member),
                member.member_id,
            ),
        )

    def archive_member(self, member_id: int) -> None:
        self._db.execute("UPDATE members SET archived = 1 WHERE id = ?", (member_id,))

    def members(self) -> list[Member]:
        rows = self._db.query(
            f"SELECT {_MEMBER_COLUMNS} FROM members WHERE archived = 0 ORDER BY agency, name"
        )
        return [_member(row) for row in rows]

    def member(self, member_id: int) -> Member | None:
        row = self._db.query_one(
            f"SELECT {_MEMBER_COLUMNS} FROM members WHERE id = ?", (member_id,)
        )
        return None if row is None else _member(row)
