"""The process profiles shipped in ``forms/profiles/``."""

from __future__ import annotations

from rrdesk.domain.timetable.profiles import ProcessProfile, ProfileError, parse_profile
from rrdesk.resource_files import form

DEFAULT_PROFILE = "statutory"


class UnknownProfileError(ProfileError):
    """No profile has that name."""


def profile_names() -> tuple[str, ...]:
    """The names of the shipped profiles, in alphabetical order."""
    folder = form("profiles")
    return tuple(
        sorted(
            item.name.removesuffix(".toml")
            for item in folder.iterdir()
            if item.name.endswith(".toml")
        )
    )


def load_profile(name: str) -> ProcessProfile:
    """One shipped profile by name, e.g. ``tower-hamlets``.

    Raises :class:`UnknownProfileError` for a name that does not exist and
    :class:`ProfileError` for a file that cannot be used.
    """
    names = profile_names()
    if name not in names:
        raise UnknownProfileError(
            f"There is no process profile called '{name}'. Choose from: {', '.join(names)}."
        )
    text = form("profiles", f"{name}.toml").read_text(encoding="utf-8")
    return parse_profile(text, name)


def load_profiles() -> dict[str, ProcessProfile]:
    """Every shipped profile, by name."""
    return {name: load_profile(name) for name in profile_names()}
