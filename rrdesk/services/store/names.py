"""The names a new store is given (the partnership's, the coordinator's): checked before anything
is made, so a name that cannot be kept never leaves a store behind whose recovery key was not
shown."""

from __future__ import annotations

from rrdesk.domain.errors import UserError

MAX_NAME_CHARACTERS = 200


class NameRefusedError(UserError):
    """A name that cannot be used; the message says why, in plain words."""


def clean_name(text: str, *, what: str) -> str:
    """``text`` with its spaces tidied (runs of spaces, tabs or line breaks become one space), or
    :class:`NameRefusedError` if it is empty, longer than :data:`MAX_NAME_CHARACTERS`, has
    control characters or is not valid text (bytes that were not UTF-8 on the command line)."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise NameRefusedError(
            f"{what} is not valid text: some of its bytes are not UTF-8. Type it again."
        )
    clean = " ".join(text.split())
    if not clean:
        raise NameRefusedError(f"Enter {what[0].lower()}{what[1:]}")
    if not clean.isprintable():
        raise NameRefusedError(f"{what} must not contain control characters")
    if len(clean) > MAX_NAME_CHARACTERS:
        raise NameRefusedError(
            f"{what} must be {MAX_NAME_CHARACTERS} characters or fewer (it has {len(clean)})"
        )
    return clean
