"""Loading the agency check form: a broken edit is refused and the last good form stays."""

from __future__ import annotations

from rrdesk.domain.agency_forms.check_form import parse_form_definition
from rrdesk.services.agency_forms.check_form_loader import (
    load_form_definition,
    shipped_form_definition,
)

EDITED = """\
title = "Our agency check form"

[[section]]
key = "about"
title = "About you"

[[section.question]]
key = "agency"
label = "Name of the agency"
kind = "text"
required = true
"""


def test_no_override_uses_the_shipped_form() -> None:
    definition, problem = load_form_definition(None)
    assert definition == shipped_form_definition()
    assert definition.title == "Agency check form"
    assert problem is None


def test_a_good_edit_is_used() -> None:
    definition, problem = load_form_definition(EDITED)
    assert definition.title == "Our agency check form"
    assert problem is None


def test_a_broken_edit_keeps_the_last_good_form() -> None:
    last_good = parse_form_definition(EDITED)
    definition, problem = load_form_definition(
        EDITED.replace('kind = "text"', 'kind = "txt"'), last_good
    )
    assert definition is last_good
    assert problem is not None
    assert "Line 10: Kind 'txt' is not one of" in problem
    assert "last form that worked is still in use" in problem


def test_a_broken_edit_with_nothing_before_keeps_the_shipped_form() -> None:
    definition, problem = load_form_definition("title = ")
    assert definition == shipped_form_definition()
    assert problem is not None
    assert "Line 1:" in problem
