"""Finding a case by its number, or saying plainly that it is not there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rrdesk.domain.errors import UserError

if TYPE_CHECKING:
    from rrdesk.domain.cases.cases import Case
    from rrdesk.services.store.session import Session

CASE_NOT_FOUND = "That case is no longer in the store. Choose it again from the list of cases."


class CaseNotFoundError(UserError):
    """The case asked for is not in the open store."""

    def __init__(self, message: str = CASE_NOT_FOUND) -> None:
        super().__init__(message)


def find_case(session: Session, case_id: int) -> Case:
    """The case numbered ``case_id``; :class:`CaseNotFoundError` when the store has none."""
    case = session.cases.get(case_id)
    if case is None:
        raise CaseNotFoundError
    return case
