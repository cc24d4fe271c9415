"""A store with the cases the learning and sign-off export commands' tests share, and those
commands run as a person runs them."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from rrdesk import cli
from rrdesk.domain.after_meeting.action_plan import ActionStatus, ActionTracking
from rrdesk.domain.cases.cases import Referral, Stage, ThresholdDiscussion
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.store.session import Session
from tests import builders
from tests.builders import HEALTH, HOUSING, LA, SCHOOLS

TODAY = date(2026, 11, 22)
COMPLETE = "RR-2026-001"  # everything the National Panel asks for
INCOMPLETE = "RR-2026-002"  # notified on 9 November 2026, nothing more
NOT_NOTIFIED = "RR-2026-003"  # a referral, never notified
THRESHOLD = "RR-2026-004"  # the threshold not met
OVERDUE = TODAY - timedelta(days=9)


def record_learning_cases(session: Session) -> None:
    """Four cases (the fourth a threshold not met), five actions (two overdue, two Housing's)
    and a theme in each log."""
    people = builders.add_directory(session)
    soon = TODAY + timedelta(days=20)
    complete = builders.ready_to_submit(
        session,
        people,
        today=TODAY,
        notified=date(2026, 11, 2),
        actions=(ImmediateAction("Review declined referrals", HEALTH, soon),),
    )
    incomplete = builders.add_case(session, today=TODAY, notified=date(2026, 11, 9))
    referral = builders.add_case(session, today=TODAY, notified=None, stage=Stage.REFERRED)
    threshold = builders.add_case(
        session,
        today=TODAY,
        notified=None,
        stage=Stage.THRESHOLD_NOT_MET,
        referral=Referral(referrer_name="A parent", referral_date=date(2026, 10, 20)),
        threshold=ThresholdDiscussion(date(2026, 10, 23), "The partners", False, "An accident."),
    )
    references = [complete.reference, incomplete.reference, referral.reference]
    assert references == [COMPLETE, INCOMPLETE, NOT_NOTIFIED]
    assert complete.case_id is not None
    assert incomplete.case_id is not None
    assert threshold.case_id is not None
    plan = ActionPlanService(session)
    plan.add_action(complete.case_id, "Audit attendance", SCHOOLS, OVERDUE)
    plan.add_action(complete.case_id, "Tell social care of new tenants", HOUSING, OVERDUE)
    plan.add_action(complete.case_id, "Check tenancy records", HOUSING, soon)
    done = plan.add_action(complete.case_id, "Brief staff", LA, OVERDUE)
    evidence = ActionTracking(ActionStatus.COMPLETED, "Briefed on 1 November", OVERDUE)
    plan.update_tracking(complete.case_id, done.key, evidence)
    ThemeService(session).record_theme(incomplete.case_id, "safer_sleep", TODAY)
    ThemeService(session).record_theme(threshold.case_id, "multi_agency_working", TODAY)


def closed_store_options(
    session: Session, store_path: Path, tmp_path: Path, passphrase: str
) -> list[str]:
    """The session closed, and the options that open its store on the command line with the
    passphrase in a file."""
    session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    return ["--store", str(store_path), "--passphrase-file", str(secret)]


def export_cli(*argv: str) -> tuple[int, str]:
    """``rrdesk export`` run with ``argv``: its exit code and what it printed."""
    out = io.StringIO()
    return cli.main(["export", *argv], out=out), out.getvalue()
