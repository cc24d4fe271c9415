"""Positions cross between Python (code points) and Qt (UTF-16 units) without drifting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rrdesk.ui.kit.text_positions import TextPositions


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_every_python_index_maps_to_its_utf16_position_and_back(text: str) -> None:
    positions = TextPositions(text)
    assert positions.qt_length == len(text.encode("utf-16-le")) // 2
    for index in range(len(text) + 1):
        qt = positions.to_qt(index)
        assert qt == len(text[:index].encode("utf-16-le")) // 2
        assert positions.to_python(qt) == index


def test_emoji_count_twice_in_qt() -> None:
    positions = TextPositions("a\U0001f469b")
    assert [positions.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
