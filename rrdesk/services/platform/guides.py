"""The short guides shipped in ``resources/guides/``: one for each person who uses rrdesk, read
on this computer, with no network."""

from __future__ import annotations

from dataclasses import dataclass

from rrdesk.resource_files import resource


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    """As the Help menu names it."""

    @property
    def file_name(self) -> str:
        return f"{self.key}.md"


GUIDES = (
    Guide("coordinator", "Guide for coordinators"),
    Guide("chair", "Guide for chairs"),
    Guide("executive", "Guide for executives"),
)


def guide_text(guide: Guide) -> str:
    """The guide's words, in Markdown."""
    return resource("guides", guide.file_name).read_text(encoding="utf-8")
