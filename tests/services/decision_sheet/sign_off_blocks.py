"""The statutory partners' executives in the Directory, and their sign-off blocks read back from
a decision sheet's words (the PDF's text or the preview's)."""

from __future__ import annotations

from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.store.session import Session
from tests.builders import HEALTH, LA, POLICE

EXECUTIVES = {
    "Local authority": ("Marisol Treharne", "Director of Children's Services"),
    "Police": ("Ch Supt Oluwaseun Pryce", "Head of Public Protection"),
    "Health": ("Dr Ingrid Halvorsen-Kaur", "Chief Nursing Officer"),
}
"""Each partner's block as the Directory's executive leads fill it."""

_AGENCIES = {"Local authority": LA, "Police": POLICE, "Health": HEALTH}
_PARTNERS = {
    "Local authority": StatutoryPartner.LOCAL_AUTHORITY,
    "Police": StatutoryPartner.POLICE,
    "Health": StatutoryPartner.HEALTH,
}
DEPUTY = ("Det Supt Morwenna Treloar", "Deputy Head of Public Protection")
"""The police's deputy executive (not its lead): someone who may answer for the police."""


def record_executives(session: Session, *, without: str = "") -> dict[str, Member]:
    """The executive lead of each statutory partner and the police's deputy, in the Directory,
    but none for ``without`` (a partner's heading). The builders' agencies must be there."""
    directory = DirectoryService(session)
    posts = [(h, name, role, False) for h, (name, role) in EXECUTIVES.items() if h != without]
    if without != "Police":
        posts.append(("Police", *DEPUTY, True))
    saved = {}
    for heading, name, role, deputy in posts:
        saved[name] = directory.save_member(
            Member(
                name,
                _AGENCIES[heading],
                role,
                email=name.lower().replace(" ", ".") + "@exec.example",
                executive_for=_PARTNERS[heading],
                executive_deputy=deputy,
            )
        )
    return saved


_HEADINGS = ("Local authority", "Police", "Health")


def sign_off_blocks(text: str) -> dict[str, tuple[str, str]]:
    """Each partner's Name and Role as a sheet's text gives them (one value a line, after the
    row's label), from the Executive sign-off heading on; empty where a row is blank."""
    lines = [line.strip() for line in text[text.rfind("Executive sign-off") :].splitlines()]
    lines = [line for line in lines if line]
    blocks: dict[str, tuple[str, str]] = {}
    for at, line in enumerate(lines):
        if line not in _HEADINGS or lines[at + 1] != "Name":
            continue
        name = lines[at + 2]
        if name == "Role":
            name, role_at = "", at + 2
        else:
            role_at = at + 3
        assert lines[role_at] == "Role", lines[at : at + 6]
        role = lines[role_at + 1]
        if role in ("Answer recorded", "Decision"):
            role = ""
        blocks[line] = (name, role)
    return blocks
