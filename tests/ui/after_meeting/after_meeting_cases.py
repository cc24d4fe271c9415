"""Cases the after-meeting screens' tests share."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.after_meeting.threshold_letter import LetterDetails
from rrdesk.domain.cases.cases import Child, Referral, Stage, ThresholdDiscussion
from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
from rrdesk.services.store.session import Session
from tests import builders


def threshold_not_met(session: Session, today: date) -> int:
    """Child J: not an abuse or neglect case; a first letter made on 26 October 2026."""
    case = builders.add_case(
        session,
        today=today,
        notified=None,
        stage=Stage.THRESHOLD_NOT_MET,
        children=(Child("Child J", "Jade Real-Name"),),
        referral=Referral(referrer_name="A parent", referral_date=date(2026, 10, 20)),
        threshold=ThresholdDiscussion(
            date(2026, 10, 23),
            "The partners",
            False,
            "An accident; no abuse or neglect known or suspected.",
        ),
    )
    assert case.case_id is not None
    builders.add_contact_details(session)
    letters = ThresholdLetterService(session)
    letters.save_details(case.case_id, LetterDetails(signatory="Alex Chair"))
    letters.export(case.case_id, date(2026, 10, 26))
    return case.case_id
