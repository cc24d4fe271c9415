"""The 7-minute briefing: seven boxes, and no names or dates of birth."""

from __future__ import annotations

import pytest

from rrdesk.domain.after_meeting.learning_briefing import anonymise, build_briefing
from tests.domain.after_meeting.learning_samples import sample_case, sample_meeting


@pytest.mark.parametrize(
    ("use_pseudonym", "expected"),
    [
        pytest.param(False, "the child was found; the child's mother", id="no pseudonym"),
        pytest.param(True, "Child T was found; Child T's mother", id="pseudonym chosen"),
    ],
)
def test_anonymise_replaces_every_name(use_pseudonym: bool, expected: str) -> None:
    text = "Tamsin was found; Tamsin Quellyn-Fictional's mother"
    assert anonymise(text, sample_case(), use_pseudonym=use_pseudonym) == expected


def test_pseudonym_is_removed_unless_chosen() -> None:
    case = sample_case()
    assert anonymise("Child T was born 2024-03-09", case, use_pseudonym=False) == (
        "the child was born [date removed]"
    )


def test_briefing_has_seven_boxes_without_names() -> None:
    briefing = build_briefing(
        sample_case(),
        sample_meeting(),
        partnership="Northmoor",
        use_pseudonym=False,
        theme_label=lambda key: key.replace("_", " "),
    )
    assert [box.number for box in briefing.boxes] == [1, 2, 3, 4, 5, 6, 7]
    text = repr(briefing)
    for private in ("Tamsin", "Quellyn", "Child T", "2024-03-09"):
        assert private not in text
    # Only what is done is "what has changed": the meeting's action is not yet completed.
    assert briefing.boxes[5].points == ("Health visitors now ask about new adults.",)
    assert any("men in this child's life" in q for q in briefing.boxes[6].points)


def test_practitioners_are_not_named() -> None:
    text = "Dr Siân Prydderch saw Tamsin; Prydderch referred her. Dr Price agreed."
    assert anonymise(
        text, sample_case(), use_pseudonym=True, people=("Dr Siân Prydderch", "Dr Price")
    ) == ("a practitioner saw Child T; a practitioner referred her. a practitioner agreed.")


def test_every_shipped_theme_has_a_reflection_question() -> None:
    from rrdesk.domain.after_meeting.learning_briefing import REFLECTION_QUESTIONS
    from rrdesk.domain.after_meeting.themes import parse_taxonomy
    from rrdesk.resource_files import resource

    taxonomy = parse_taxonomy(resource("themes.toml").read_text(encoding="utf-8"))
    assert set(taxonomy.keys) <= set(REFLECTION_QUESTIONS)
    for required in (
        "information_sharing",
        "risk_assessment",
        "professional_curiosity",
        "voice_of_the_child",
        "invisible_men",
        "parental_mental_health",
        "domestic_abuse",
        "substance_misuse",
        "neglect",
        "non_mobile_babies",
        "safer_sleep",
        "exploitation",
        "transitions",
    ):
        assert required in taxonomy.keys
