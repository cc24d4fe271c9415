"""The 7-minute briefing for sharing: names, places and addresses out; what is done only; a
recommendation until signed off; a warning while the police investigate."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rrdesk.domain.after_meeting.briefing_anonymising import replace_found
from rrdesk.domain.after_meeting.learning_briefing import (
    CRIMINAL_PROCESS_WARNING,
    anonymise,
    build_briefing,
)
from rrdesk.domain.cases.cases import ParallelProcess
from tests.domain.after_meeting.learning_samples import sample_case, sample_meeting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "They lived at 14 Acacia Road with Jade's brother.",
            "They lived at [address] with [name]'s brother.",
            id="street address and a sibling's first name",
        ),
        pytest.param(
            "The flat in WB1 2CD was cold.", "The flat in [address] was cold.", id="postcode"
        ),
        pytest.param(
            "Mary Jones visited on Monday 3 March. The Police were told.",
            "[name] visited on Monday 3 March. The Police were told.",
            id="a full name opening a sentence; days, months and agencies kept",
        ),
        pytest.param(
            "The children stayed with their grandmother in Dunmore.",
            "The children stayed with their grandmother in [name].",
            id="a place inside a sentence",
        ),
        pytest.param(
            "Child T's school and the GP shared records with the NHS.",
            "Child T's school and the GP shared records with the NHS.",
            id="pseudonym and acronyms kept",
        ),
    ],
)
def test_names_and_addresses_found_are_replaced(text: str, expected: str) -> None:
    assert replace_found(text) == expected


def test_places_the_store_knows_are_replaced() -> None:
    text = "Northfield Primary School told Westbury Police; the meeting was held online."
    assert (
        anonymise(
            text,
            sample_case(),
            use_pseudonym=True,
            places=("Northfield Primary School", "Westbury Police", "Online", "Police"),
        )
        == "[place] told [place]; the meeting was held online."
    )


def _briefing(**changes):  # type: ignore[no-untyped-def]
    options = {
        "partnership": "Northmoor",
        "use_pseudonym": False,
        "theme_label": lambda key: key.replace("_", " "),
    }
    options.update(changes)
    case = options.pop("case", sample_case())
    return build_briefing(case, sample_meeting(), **options)


def test_only_completed_actions_are_what_has_changed() -> None:
    briefing = _briefing(completed_actions=("Checked the partner's history",))
    assert briefing.boxes[5].points == (
        "Health visitors now ask about new adults.",
        "Checked the partner's history",
    )


def test_the_outcome_is_a_recommendation_until_signed_off() -> None:
    (_, recommended) = _briefing().boxes[1].points
    assert recommended.startswith("Recommendation: ")
    assert recommended.endswith("(awaiting the statutory partners' sign-off).")
    (_, decided) = _briefing(signed_off=True).boxes[1].points
    assert decided.startswith("Decision: ")


def test_an_open_police_investigation_puts_a_warning_on_it() -> None:
    no_investigation = replace(sample_case(), parallel_processes=frozenset())
    assert _briefing(case=no_investigation).criminal_process_warning == ""
    case = replace(
        sample_case(), parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION})
    )
    assert _briefing(case=case).criminal_process_warning == CRIMINAL_PROCESS_WARNING


def test_marked_official_for_sharing_unless_the_partnership_says_otherwise() -> None:
    assert _briefing().marking == "OFFICIAL"
    assert _briefing(marking="OFFICIAL-SENSITIVE").marking == "OFFICIAL-SENSITIVE"
