"""Whether a signed version of the decision sheet is the one to send for sign-off, and if not, why.

A version is out of date when a newer one is signed, or when the record has changed since the
newest was signed (so signing now would make another). Sent anyway, its sign-off blocks may name
people the email no longer goes to.
"""

from __future__ import annotations

from dataclasses import dataclass

_SHOWN_CHANGES = 5
"""At most this many changes are listed in a question; the rest are counted."""


@dataclass(frozen=True)
class OutOfDate:
    """Why version ``chosen`` is not what the record would sign now."""

    chosen: int
    newest: int
    """The newest signed version."""
    next_version: int | None = None
    """The version signing now would make, when the record has changed since ``newest``."""
    changes: tuple[str, ...] = ()
    """What changed since ``newest`` was signed."""
    executives_changed: bool = False
    """Whether a sign-off block would name another executive now."""

    @property
    def newer(self) -> str:
        """``version 3 is newer``, ``versions 2 and 3 are newer``, ``versions 2 to 5 are newer``."""
        first, last = self.chosen + 1, self.newest
        if first == last:
            return f"version {last} is newer"
        joined = "and" if last == first + 1 else "to"
        return f"versions {first} {joined} {last} are newer"

    @property
    def question(self) -> str:
        """The question asked before the version is emailed anyway."""
        text = f"Version {self.chosen} is out of date"
        if self.chosen < self.newest:
            text += f": {self.newer}."
        else:
            text += "."
        if self.next_version is None:
            return f"{text} Choose version {self.newest} in the list and email that instead."
        since = f"version {self.newest}" if self.chosen < self.newest else "it"
        shown = list(self.changes[:_SHOWN_CHANGES])
        more = len(self.changes) - len(shown)
        if more:
            shown.append(f"and {more} more")
        listed = f": {'; '.join(shown)}" if shown else ""
        why = (
            "names the people it goes to"
            if self.executives_changed
            else "says what the record says now"
        )
        return (
            f"{text} The record has changed since {since} was signed{listed}. Sign and save "
            f"version {self.next_version} first, so that the sheet {why}."
        )

    @property
    def note(self) -> str:
        """One short sentence, shown while the version is chosen."""
        start = f"Version {self.chosen}, chosen, is out of date"
        if self.next_version is None:
            return f"{start}: {self.newer}."
        return f"{start}: sign version {self.next_version} first."

    @property
    def send_anyway(self) -> str:
        return f"Email version {self.chosen} anyway"


def version_out_of_date(
    chosen: int,
    newest: int,
    next_version: int | None = None,
    changes: tuple[str, ...] = (),
    *,
    executives_changed: bool = False,
) -> OutOfDate | None:
    """None when ``chosen`` is the newest signed version and the record has not changed since
    (``next_version`` None); otherwise why it is out of date."""
    if chosen >= newest and next_version is None:
        return None
    return OutOfDate(chosen, newest, next_version, changes, executives_changed)
