"""Cases and their children in the store. Takes and returns domain dataclasses."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from rrdesk.domain.cases.cases import Case, CaseSummary, Child, Stage, next_reference
from rrdesk.storage.case_codec import case_details, case_from_row, child_details, child_from_row
from rrdesk.storage.database import Database

_SUMMARY_SQL = """
SELECT c.id, c.reference, c.stage, c.profile, c.notification_sent,
       (SELECT group_concat(pseudonym, ' and ') FROM
            (SELECT pseudonym FROM children WHERE case_id = c.id ORDER BY position))
FROM cases c
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _search_text(case: Case) -> str:
    parts = [case.reference, case.national_panel_reference, case.stage.label]
    parts.extend(child.pseudonym for child in case.children)
    parts.extend([case.notifying_authority, case.home_authority])
    return " | ".join(" ".join(part.split()) for part in parts if part).casefold()


class CaseRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def next_reference(self, year: int) -> str:
        rows = self._db.query(
            "SELECT reference FROM cases WHERE reference LIKE ?", (f"RR-{year}-%",)
        )
        return next_reference(year, [row[0] for row in rows])

    def add(self, case: Case) -> Case:
        """Save a new case; returns it with its id (call inside a transaction)."""
        now = _now()
        cursor = self._db.execute(
            "INSERT INTO cases (reference, stage, profile, notification_sent,"
            " national_panel_reference, search_text, details, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case.reference,
                case.stage.value,
                case.profile,
                case.notification_sent.isoformat() if case.notification_sent else None,
                case.national_panel_reference,
                _search_text(case),
                json.dumps(case_details(case)),
                now,
                now,
            ),
        )
        saved = replace(case, case_id=int(cursor.lastrowid))
        self._write_children(saved)
        return saved

    def update(self, case: Case) -> None:
        if case.case_id is None:
            raise ValueError("an unsaved case cannot be updated")
        self._db.execute(
            "UPDATE cases SET reference = ?, stage = ?, profile = ?, notification_sent = ?,"
            " national_panel_reference = ?, search_text = ?, details = ?, updated_at = ?"
            " WHERE id = ?",
            (
                case.reference,
                case.stage.value,
                case.profile,
                case.notification_sent.isoformat() if case.notification_sent else None,
                case.national_panel_reference,
                _search_text(case),
                json.dumps(case_details(case)),
                _now(),
                case.case_id,
            ),
        )
        self._db.execute("DELETE FROM children WHERE case_id = ?", (case.case_id,))
        self._write_children(case)

    def _write_children(self, case: Case) -> None:
        self._db.executemany(
            "INSERT INTO children (case_id, position, pseudonym, real_name, date_of_birth, details)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    case.case_id,
                    position,
                    child.pseudonym,
                    child.real_name,
                    child.date_of_birth.isoformat() if child.date_of_birth else None,
                    json.dumps(child_details(child)),
                )
                for position, child in enumerate(case.children)
            ],
        )

    def get(self, case_id: int) -> Case | None:
        row = self._db.query_one(
            "SELECT id, reference, stage, profile, notification_sent, national_panel_reference,"
            " details FROM cases WHERE id = ?",
            (case_id,),
        )
        if row is None:
            return None
        return case_from_row(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], self._children(case_id)
        )

    def get_by_reference(self, reference: str) -> Case | None:
        row = self._db.query_one("SELECT id FROM cases WHERE reference = ?", (reference.strip(),))
        return None if row is None else self.get(int(row[0]))

    def _children(self, case_id: int) -> tuple[Child, ...]:
        rows = self._db.query(
            "SELECT pseudonym, real_name, date_of_birth, details FROM children"
            " WHERE case_id = ? ORDER BY position",
            (case_id,),
        )
        return tuple(child_from_row(*row) for row in rows)

    def pseudonyms(self) -> list[tuple[int, str]]:
        """Every child's pseudonym with its case's number, read without the cases."""
        rows = self._db.query(
            "SELECT case_id, pseudonym FROM children WHERE pseudonym != ''"
            " ORDER BY case_id, position"
        )
        return [(int(case_id), str(pseudonym)) for case_id, pseudonym in rows]

    def all_cases(self) -> list[Case]:
        return self._cases_where("", ())

    def cases_at(self, stages: Collection[Stage]) -> list[Case]:
        """Every case at one of ``stages``, oldest first, read without the others."""
        values = [stage.value for stage in stages]
        return self._cases_where(f"WHERE stage IN ({', '.join('?' * len(values))})", values)

    def _cases_where(self, where: str, parameters: Sequence[str]) -> list[Case]:
        """The cases ``where`` chooses, oldest first, with their children: two queries however
        many cases there are (ten years of them read in a few milliseconds)."""
        rows = self._db.query(
            "SELECT id, reference, stage, profile, notification_sent, national_panel_reference,"
            f" details FROM cases {where} ORDER BY id",
            parameters,
        )
        children: dict[int, list[Child]] = {}
        for case_id, *child in self._db.query(
            "SELECT case_id, pseudonym, real_name, date_of_birth, details FROM children"
            f" WHERE case_id IN (SELECT id FROM cases {where}) ORDER BY case_id, position",
            parameters,
        ):
            children.setdefault(int(case_id), []).append(child_from_row(*child))
        return [
            case_from_row(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                tuple(children.get(int(row[0]), ())),
            )
            for row in rows
        ]

    def summaries(self, *, stage: Stage | None = None, search: str = "") -> list[CaseSummary]:
        """The case list, newest notification first, optionally filtered by stage and words."""
        clauses: list[str] = []
        parameters: list[str] = []
        if stage is not None:
            clauses.append("c.stage = ?")
            parameters.append(stage.value)
        phrase = " ".join(search.casefold().split())
        if phrase:
            clauses.append("instr(c.search_text, ?) > 0")
            parameters.append(phrase)
        return self._summaries(clauses, parameters)

    def open_summaries(self) -> list[CaseSummary]:
        """The open cases with a notification date (the countdown board's), read without the
        closed ones, which after some years are nearly all of them."""
        stages = [stage.value for stage in Stage if stage.is_open]
        clauses = [
            f"c.stage IN ({', '.join('?' * len(stages))})",
            "c.notification_sent IS NOT NULL",
        ]
        return self._summaries(clauses, stages)

    def _summaries(self, clauses: list[str], parameters: list[str]) -> list[CaseSummary]:
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.query(
            _SUMMARY_SQL + where + " ORDER BY c.notification_sent DESC, c.reference DESC",
            parameters,
        )
        return [
            CaseSummary(
                case_id=int(row[0]),
                reference=row[1],
                stage=Stage(row[2]),
                profile=row[3],
                notification_sent=None if row[4] is None else datetime.fromisoformat(row[4]).date(),
                pseudonyms=row[5] or "Not yet named",
            )
            for row in rows
        ]

    def search_texts(self) -> dict[int, str]:
        """Each case's words the case list's search looks in (references, pseudonyms, stage,
        authorities), folded to lower case with single spaces, by case id."""
        rows = self._db.query("SELECT id, search_text FROM cases")
        return {int(case_id): text or "" for case_id, text in rows}

    def count(self) -> int:
        row = self._db.query_one("SELECT count(*) FROM cases")
        return 0 if row is None else int(row[0])
