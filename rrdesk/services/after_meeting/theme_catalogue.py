"""The taxonomy of themes: shipped in ``resources/themes.toml``, or the partnership's own copy."""

from __future__ import annotations

from rrdesk.domain.after_meeting.themes import (
    ThemeError,
    ThemeTaxonomy,
    parse_taxonomy,
    taxonomy_to_toml,
)
from rrdesk.resource_files import resource
from rrdesk.services.store.session import Session

THEMES_FILE = "themes.toml"
OVERRIDE_SETTING = "themes_taxonomy"


def shipped_taxonomy() -> ThemeTaxonomy:
    try:
        text = resource(THEMES_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ThemeError(f"The list of themes could not be read: {error}") from None
    return parse_taxonomy(text)


def load_taxonomy(session: Session) -> ThemeTaxonomy:
    """The partnership's list when it has one, otherwise the shipped list."""
    text = session.settings.get(OVERRIDE_SETTING)
    if text:
        try:
            return parse_taxonomy(text)
        except ThemeError:
            return shipped_taxonomy()
    return shipped_taxonomy()


def save_taxonomy(session: Session, taxonomy: ThemeTaxonomy) -> None:
    """Keep the partnership's edited list in the store (checked first), with an audit entry."""
    text = taxonomy_to_toml(taxonomy)
    parse_taxonomy(text)
    with session.db.transaction():
        session.settings.set(OVERRIDE_SETTING, text)
        session.record(
            "themes",
            "Changed the list of themes",
            detail={"note": f"{len(taxonomy.themes)} themes"},
        )


def reset_taxonomy(session: Session) -> None:
    with session.db.transaction():
        session.settings.set(OVERRIDE_SETTING, "")
        session.record("themes", "Went back to the shipped list of themes")
