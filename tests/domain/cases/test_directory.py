"""Voting rights are a directory flag per member, set from the profile's non-voting roles."""

import pytest

from rrdesk.domain.cases.directory import voting_for_role
from rrdesk.services.timetable.profile_catalogue import load_profile

TOWER_HAMLETS = load_profile("tower-hamlets").non_voting_roles


@pytest.mark.parametrize(
    ("role", "votes"),
    [
        pytest.param("THSCP Manager", False, id="THSCP Manager: non-voting (line 48)"),
        pytest.param("THSCP Co-ordinator", False, id="THSCP Co-ordinator: non-voting (line 49)"),
        pytest.param("thscp  coordinator", False, id="spelt without the hyphen, in lower case"),
        pytest.param(
            "Education Safeguarding Coordinator", True, id="a coordinator of another service"
        ),
        pytest.param("Designated Nurse for Safeguarding", True, id="a panel member"),
        pytest.param("Head of Service for Quality Assurance", True, id="the chair"),
    ],
)
def test_tower_hamlets_panel_membership_names_the_non_voting_members(
    role: str, votes: bool
) -> None:
    assert TOWER_HAMLETS == ("THSCP Manager", "THSCP Co-ordinator")
    assert voting_for_role(role, TOWER_HAMLETS) is votes


def test_a_profile_naming_no_non_voting_roles_gives_everyone_the_vote() -> None:
    assert voting_for_role("Partnership manager", ()) is True
