"""The partnership's contact details (Partnership settings), printed on every letter."""

from __future__ import annotations

from rrdesk.domain.cases.partnership_contact import (
    PartnershipContact,
    checked_contact,
    contact_from_text,
    contact_to_text,
)
from rrdesk.services.store.session import Session

CONTACT_SETTING = "partnership_contact"


class ContactDetails:
    def __init__(self, session: Session) -> None:
        self._session = session

    def contact(self) -> PartnershipContact:
        return contact_from_text(self._session.settings.get(CONTACT_SETTING))

    def save(self, address: str, telephone: str, email: str) -> PartnershipContact:
        """Check and keep the details typed; raises ``ContactError`` and keeps nothing for
        details that cannot be used."""
        contact = checked_contact(address, telephone, email)
        session = self._session
        with session.db.transaction():
            session.settings.set(CONTACT_SETTING, contact_to_text(contact))
            session.record(
                "partnership",
                "Saved the partnership's contact details",
                detail={"note": "; ".join(contact.lines)},
            )
        return contact
