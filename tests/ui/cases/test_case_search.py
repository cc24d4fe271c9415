"""The case list's search and stage filter: what a coordinator types narrows the cases already
listed, by any of their words (an authority too), and the list follows a case saved meanwhile."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.services.cases.case_service import CaseService, matches_search
from rrdesk.services.store.session import Session
from rrdesk.ui.cases.case_list_widget import CaseListWidget
from rrdesk.ui.cases.case_table_model import CaseTableModel
from tests.builders import add_case


def shown(listing: CaseListWidget) -> list[str]:
    model = listing.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_typing_and_choosing_a_stage_narrow_the_list(
    qtbot: QtBot, session: Session, today: date, qtmodeltester: ModelTester
) -> None:
    for reference, stage, authority, child in (
        ("RR-2025-011", Stage.CLOSED, "Northmoor Council", "Child K"),
        ("RR-2026-001", Stage.NOTIFIED, "Northmoor  Council", "Child A"),
        ("RR-2026-002", Stage.NOTIFIED, "Eastbrook Council", "Child B"),
        ("RR-2026-003", Stage.CLOSED, "Eastbrook Council", "Child Northmoor-Smith"),
    ):
        add_case(
            session,
            today=today,
            notified=date(2026, 11, 2),
            stage=stage,
            reference=reference,
            notifying_authority=authority,
            children=(Child(child),),
        )
    cases = CaseService(session)
    listing = CaseListWidget(cases, CaseTableModel(lambda _sent: 5))
    qtbot.addWidget(listing)
    listing.show()
    assert listing.count_label.text() == "4 cases"

    qtbot.keyClicks(listing.search, "northmoor COUNCIL")
    assert shown(listing) == ["RR-2026-001", "RR-2025-011"]
    assert listing.count_label.text() == "2 cases"
    listing.stage_filter.setCurrentIndex(listing.stage_filter.findData(Stage.CLOSED.value))
    assert shown(listing) == ["RR-2025-011"]
    assert listing.count_label.text() == "1 case"
    qtmodeltester.check(listing.model)

    listing.search.clear()
    assert shown(listing) == ["RR-2026-003", "RR-2025-011"]
    qtbot.keyClicks(listing.search, "Westfield")
    assert shown(listing) == []
    assert listing.count_label.text() == "No cases match"

    # A case saved elsewhere: the list reads the cases again and keeps what is typed.
    listing.search.setText("eastbrook")
    moved = cases.by_reference("RR-2026-002")
    assert moved is not None
    cases.save_case(replace(moved, stage=Stage.CLOSED))
    listing.refresh()
    assert shown(listing) == ["RR-2026-003", "RR-2026-002"]
    assert listing.model.case_at(1).case_id == moved.case_id
    listing.stage_filter.setCurrentIndex(0)
    listing.search.clear()
    assert len(shown(listing)) == 4


def test_a_new_store_says_how_to_enter_the_first_case(qtbot: QtBot, session: Session) -> None:
    listing = CaseListWidget(CaseService(session), CaseTableModel(lambda _sent: 5))
    qtbot.addWidget(listing)
    listing.show()
    assert listing.count_label.text() == (
        "No cases yet. To enter the first, a referral or a notification, press New case (Ctrl+N)."
    )
    qtbot.keyClicks(listing.search, "Westfield")
    assert listing.count_label.text().startswith("No cases yet"), "nothing to search yet"


def test_search_words_compare_as_the_store_compares_them() -> None:
    text = "rr-2026-001 | child a | notified | northmoor council"
    assert matches_search(text, "  Northmoor   COUNCIL ")
    assert matches_search(text, "")
    assert not matches_search(text, "northmoor  county")
