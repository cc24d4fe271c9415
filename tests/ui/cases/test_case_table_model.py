from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt

from rrdesk.domain.cases.cases import CaseSummary, Stage
from rrdesk.ui.cases.case_table_model import CASE_ID_ROLE, SORT_ROLE, CaseTableModel
from rrdesk.ui.kit import item_roles


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
    assert [model.index(1, c).data() for c in range(5)] == [
        "RR-2026-001",
        "Child T",
        "Notified",
        "20 November 2026",
        "Day 2",
    ]
    assert model.index(0, 3).data() == "Not notified"
    assert model.index(0, 4).data() == ""
    assert model.index(0, 0).data(CASE_ID_ROLE) == 2
    assert [model.case_id_at(row) for row in range(3)] == [2, 1, None]
    assert model.case_at(1).pseudonyms == "Child T"
    assert model.index(1, 3).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Notification sent: 20 November 2026"
    )
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Reference",
        "Child or children",
        "Stage",
        "Notification sent",
        "Working day",
    ]
    assert not model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_the_roles_are_qts() -> None:
    assert Qt.ItemDataRole.AccessibleTextRole.value == item_roles.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.UserRole.value == item_roles.USER_ROLE


def test_the_newest_case_comes_first_and_references_sort_by_number() -> None:
    model = CaseTableModel(lambda notified: 2)
    references = ["RR-2026-999", "RR-2025-1200", "RR-2026-1000", "RR-2026-004", "Imported 7"]
    model.set_cases(
        [
            CaseSummary(n, ref, Stage.NOTIFIED, "statutory", None, f"Child {n}")
            for n, ref in enumerate(references, start=1)
        ]
    )
    assert _column(model, 0) == [
        "RR-2026-1000",
        "RR-2026-999",
        "RR-2026-004",
        "RR-2025-1200",
        "Imported 7",
    ]


def _many() -> list[CaseSummary]:
    return [
        CaseSummary(1, "RR-2026-003", Stage.NOTIFIED, "statutory", date(2026, 11, 20), "Child T"),
        CaseSummary(2, "RR-2026-001", Stage.THRESHOLD_NOT_MET, "statutory", None, "Child J"),
        CaseSummary(
            3, "RR-2026-002", Stage.COLLECTING_RETURNS, "statutory", date(2026, 11, 2), "b"
        ),
    ]


def _column(model: CaseTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_sorts_by_each_column_and_keeps_the_order_for_new_cases() -> None:
    days = {date(2026, 11, 20): 2, date(2026, 11, 2): 14}
    model = CaseTableModel(days.get)
    model.set_cases(_many())
    assert _column(model, 0) == ["RR-2026-003", "RR-2026-002", "RR-2026-001"]
    model.sort_by(0, descending=False)
    assert _column(model, 0) == ["RR-2026-001", "RR-2026-002", "RR-2026-003"]
    model.sort_by(3, descending=True)
    assert _column(model, 3) == ["20 November 2026", "2 November 2026", "Not notified"]
    model.sort_by(4, descending=True)
    assert _column(model, 4) == ["Day 14", "Day 2", ""]
    model.set_cases(list(reversed(_many())))
    assert _column(model, 4) == ["Day 14", "Day 2", ""]
    model.sort_by(1, descending=False)  # letters compared without regard to case
    assert _column(model, 1) == ["b", "Child J", "Child T"]
    model.set_cases(list(reversed(_many())))
    assert _column(model, 1) == ["b", "Child J", "Child T"]


def test_a_selected_row_follows_its_case_when_sorted() -> None:
    model = CaseTableModel(lambda notified: 2)
    model.set_cases(_many())
    kept = QPersistentModelIndex(model.index(0, 1))
    assert kept.data() == "Child T"
    model.sort_by(1, descending=False)
    assert kept.row() == 2
    assert kept.data() == "Child T"


def test_sorted_model_is_well_behaved(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(lambda notified: 2)
    model.set_cases(_many())
    model.sort_by(4, descending=True)
    qtmodeltester.check(model)


def test_the_order_qt_sorted_in_is_kept_for_new_cases() -> None:
    model = CaseTableModel(lambda notified: 2)
    model.set_cases(_many())
    model.sort(2, Qt.SortOrder.AscendingOrder)  # as a clicked heading does
    model.remember_sort(2, Qt.SortOrder.AscendingOrder)
    expected = ["Collecting agency returns", "Notified", "Threshold not met"]
    assert _column(model, 2) == expected
    model.set_cases(list(reversed(_many())))
    assert _column(model, 2) == expected


_summaries = st.lists(
    st.builds(
        CaseSummary,
        case_id=st.integers(1, 10_000),
        reference=st.one_of(
            st.builds("RR-{}-{:03d}".format, st.integers(2018, 2030), st.integers(1, 2_000)),
            st.text(min_size=1, max_size=12),
        ),
        stage=st.sampled_from(Stage),
        profile=st.just("statutory"),
        notification_sent=st.none() | st.dates(date(2018, 1, 1), date(2030, 12, 31)),
        pseudonyms=st.text(max_size=20),
    ),
    max_size=25,
    unique_by=lambda summary: summary.case_id,
)


@given(rows=_summaries, column=st.integers(0, 4), descending=st.booleans())
def test_qt_sorting_a_heading_and_a_new_list_agree(
    rows: list[CaseSummary], column: int, descending: bool
) -> None:
    # The cases Qt sorts when a heading is clicked, and the same cases set again afterwards (a
    # search, say), which the model sorts itself, come in the same order of that column.
    model = CaseTableModel(lambda notified: (date(2030, 12, 31) - notified).days % 40)
    model.set_cases(rows)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    model.remember_sort(column, order)
    keys = [model.index(row, column).data(SORT_ROLE) for row in range(model.rowCount())]
    model.set_cases(list(reversed(rows)))
    assert [model.index(row, column).data(SORT_ROLE) for row in range(model.rowCount())] == keys
    assert keys == sorted(keys, key=_as_qt_compares, reverse=descending)


def _as_qt_compares(key: object) -> object:
    return key.encode("utf-16-be") if isinstance(key, str) else key  # Qt compares code units


def test_a_new_list_keeps_qts_order_for_characters_beyond_the_basic_plane() -> None:
    # Qt puts an emoji (two UTF-16 code units, from U+D800) before a full-width letter (U+FF54);
    # Python, comparing characters, would put it after.
    rows = [
        CaseSummary(1, "RR-2026-001", Stage.NOTIFIED, "statutory", None, "Child \U0001f476"),
        CaseSummary(2, "RR-2026-002", Stage.NOTIFIED, "statutory", None, "Child \uff54"),
    ]
    model = CaseTableModel(lambda notified: 2)
    model.set_cases(rows)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    model.remember_sort(1, Qt.SortOrder.AscendingOrder)
    assert _column(model, 1) == ["Child \U0001f476", "Child \uff54"]
    model.set_cases(list(reversed(rows)))
    assert _column(model, 1) == ["Child \U0001f476", "Child \uff54"]
