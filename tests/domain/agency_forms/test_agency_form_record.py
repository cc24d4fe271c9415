"""An agency check form's draft and its requests survive the trip to JSON and back."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.agency_forms.agency_form_record import (
    CHECK_ANSWERS,
    EnteredBy,
    FormPosition,
    FormRecord,
    record_from_dict,
    record_to_dict,
)
from rrdesk.domain.agency_forms.agency_request_codec import requests_from_dict, requests_to_dict
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    ReturnReason,
    record_received,
    record_reminder,
    record_returned,
    record_sent,
)
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.text_checks import FindingKind, IgnoredFinding, TextSpan

answers = st.dictionaries(
    st.sampled_from(["agency", "went_well", "involved", "completed_on", "chronology"]),
    st.one_of(
        st.text(),
        st.builds(DateAnswer, st.text(max_size=4), st.text(max_size=4), st.text(max_size=4)),
        st.lists(
            st.builds(
                ChronologyRow,
                st.builds(
                    DateAnswer, st.text(max_size=3), st.text(max_size=3), st.text(max_size=5)
                ),
                st.text(max_size=20),
                st.text(max_size=40),
                st.text(max_size=40),
            ),
            max_size=3,
        ).map(tuple),
    ),
)


@given(answers, st.sampled_from(list(EnteredBy)), st.text(max_size=20), st.booleans())
def test_any_draft_round_trips_through_json(
    values: dict[str, object], who: EnteredBy, name: str, looked_at: bool
) -> None:
    record = FormRecord(
        agency="Northmoor Housing",
        answers=values,
        entered_by=who,
        entered_by_name=name,
        position=FormPosition("went_well", "went_well"),
        pasted={"went_well": (TextSpan(0, 4), TextSpan(9, 12))},
        ignored={"went_well": (IgnoredFinding(FindingKind.ACRONYM, "SW", 2),)},
        confirmed_sections=frozenset({"about", "went_well"}),
        findings_looked_at=looked_at,
        ready_on=date(2026, 11, 22),
    )
    stored = json.loads(json.dumps(record_to_dict(record)))
    assert record_from_dict(stored) == record


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        pytest.param({}, FormRecord("Northmoor Housing"), id="empty document"),
        pytest.param(
            {"entered_by": "someone else", "position": {"section": CHECK_ANSWERS}},
            FormRecord("Northmoor Housing", position=FormPosition(CHECK_ANSWERS)),
            id="unknown author kind falls back to the coordinator",
        ),
        pytest.param(
            {"ignored": {"went_well": [["not-a-kind", "SW", 1], ["acronym", "SW"]]}},
            FormRecord("Northmoor Housing", ignored={"went_well": ()}),
            id="unreadable ignored findings are left out",
        ),
    ],
)
def test_awkward_documents_are_read_plainly(
    stored: dict[str, object], expected: FormRecord
) -> None:
    assert record_from_dict(stored, "Northmoor Housing") == expected


def test_pasted_places_are_counted_per_answer() -> None:
    record = FormRecord(
        "A",
        pasted={"went_well": (TextSpan(0, 5),), "themes": (TextSpan(0, 5), TextSpan(8, 9))},
    )
    assert record.pasted_places == 3
    assert record.pasted_words == "Contains pasted text in 3 places"
    assert FormRecord("A").pasted_words == ""


def test_requests_round_trip_with_their_history() -> None:
    request = record_sent(
        AgencyRequest("Northmoor Housing", 4), date(2026, 11, 2), date(2026, 11, 12)
    )
    request = record_reminder(request, date(2026, 11, 10), "Telephoned")
    request = record_received(request, date(2026, 11, 12))
    request = record_returned(
        request,
        date(2026, 11, 13),
        [ReturnReason.OTHER],
        "Say what was decided",
        due_on=date(2026, 11, 18),
    )
    stored = json.loads(
        json.dumps(requests_to_dict([request, AgencyRequest("Northmoor Early Help")]))
    )
    assert requests_from_dict(stored) == [request, AgencyRequest("Northmoor Early Help")]
    assert requests_from_dict(None) == []
