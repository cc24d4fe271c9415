"""Email addresses are checked as GOV.UK checks them."""

from __future__ import annotations

import pytest

from rrdesk.domain.cases.email_address import badly_formed_emails, is_email_address


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        pytest.param("jo.bloggs@northmoor.example", True, id="an address"),
        pytest.param("  jo@nhs.net ", True, id="spaces around it"),
        pytest.param("jo.bloggs@", False, id="no domain"),
        pytest.param("jo.bloggs@northmoor", False, id="a domain with no dot"),
        pytest.param("@northmoor.example", False, id="nothing before the @"),
        pytest.param("jo bloggs@northmoor.example", False, id="a space in it"),
        pytest.param("jo@@northmoor.example", False, id="two @s"),
        pytest.param("jo@northmoor..example", False, id="two dots together"),
        pytest.param("", False, id="empty"),
    ],
)
def test_is_email_address(text: str, valid: bool) -> None:
    assert is_email_address(text) is valid


def test_badly_formed_emails_in_a_contact_answer() -> None:
    assert badly_formed_emails("01632 960555 or jo@northmoor.example.") == []
    assert badly_formed_emails("01632 960555, jo.bloggs@") == ["jo.bloggs@"]
