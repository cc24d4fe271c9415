from datetime import date

from rrdesk.domain.cases import CaseSummary, Stage
from rrdesk.ui.case_table_model import CASE_ID_ROLE, CaseTableModel


def _rows() -> list[CaseSummary]:
    return [
        CaseSummary(1, "RR-2026-001", Stage.NOTIFIED, "statutory", date(2026, 11, 20), "Child T"),
        CaseSummary(2, "RR-2026-002", Stage.THRESHOLD_NOT_MET, "statutory", None, "Child J"),
    ]


def test_model_is_well_behaved(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(lambda notified: 2)
    model.set_cases(_rows())
    qtmodeltester.check(model)


def test_model_shows_what_a_coordinator_reads() -> None:
    model = CaseTableModel(lambda notified: 2)
    model.set_cases(_rows())
    assert [model.index(0, c).data() for c in range(5)] == [
        "RR-2026-001",
        "Child T",
        "Notified",
        "20 November 2026",
        "Day 2",
    ]
    assert model.index(1, 3).data() == "Not notified"
    assert model.index(1, 4).data() == ""
    assert model.index(1, 0).data(CASE_ID_ROLE) == 2
