"""The themes logs: every case's themes, and the other cases that share a theme."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rrdesk.domain.after_meeting.learning_documents import (
    case_themes_from_dict,
    case_themes_to_dict,
)
from rrdesk.domain.after_meeting.themes import (
    CaseThemes,
    ThemeError,
    ThemeLog,
    ThemeTaxonomy,
    cases_sharing_theme,
    merged_theme_keys,
)
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.after_meeting.theme_catalogue import load_taxonomy
from rrdesk.services.cases.case_records import case_date
from rrdesk.services.store.session import Session


class ThemeService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def taxonomy(self) -> ThemeTaxonomy:
        return load_taxonomy(self._session)

    def recorded_keys(self, case_id: int) -> tuple[str, ...]:
        """Themes recorded for the case outside its meeting (at notification, for example)."""
        return case_themes_from_dict(self._session.documents.get(case_id, DocumentKind.CASE_THEMES))

    def themes_by_case(self) -> dict[int, tuple[str, ...]]:
        """Every case's themes (its meeting's and those recorded outside it), by case: only
        the themes are read from the store, not the whole meeting records."""
        documents = self._session.documents
        in_meetings = documents.values_at(DocumentKind.MEETING, "$.learning.theme_keys")
        recorded = documents.values_at(DocumentKind.CASE_THEMES, "$.theme_keys")
        return {
            case_id: merged_theme_keys(
                _keys(in_meetings.get(case_id)), _keys(recorded.get(case_id))
            )
            for case_id in in_meetings.keys() | recorded.keys()
        }

    def log(self, which: ThemeLog | None = None) -> list[CaseThemes]:
        """Every case's themes (cases without themes too), newest first."""
        themes = self.themes_by_case()
        entries = [
            _entry(case, themes.get(case.case_id, ()))
            for case in self._session.cases.all_cases()
            if case.case_id is not None
        ]
        if which is not None:
            entries = [entry for entry in entries if entry.log is which]
        return sorted(entries, key=lambda e: (e.on or date.min, e.reference), reverse=True)

    def record_theme(self, case_id: int, key: str, today: date) -> tuple[CaseThemes, ...]:
        """Add theme ``key`` to the case; returns the other cases with it in the last 24 months."""
        if self.taxonomy().get(key) is None:
            raise ThemeError(f"'{key}' is not in the list of themes")
        keys = self.recorded_keys(case_id)
        session = self._session
        if key not in keys:
            with session.db.transaction():
                session.documents.put(
                    case_id, DocumentKind.CASE_THEMES, case_themes_to_dict((*keys, key))
                )
                session.record(
                    "themes",
                    "Recorded a theme",
                    case_id=case_id,
                    detail={"note": self.taxonomy().label_of(key)},
                )
        return self.others_with_theme(case_id, key, today)

    def remove_theme(self, case_id: int, key: str) -> None:
        keys = self.recorded_keys(case_id)
        if key not in keys:
            return
        session = self._session
        with session.db.transaction():
            remaining = tuple(k for k in keys if k != key)
            session.documents.put(case_id, DocumentKind.CASE_THEMES, case_themes_to_dict(remaining))
            session.record(
                "themes",
                "Removed a theme",
                case_id=case_id,
                detail={"note": self.taxonomy().label_of(key)},
            )

    def others_with_theme(self, case_id: int, key: str, today: date) -> tuple[CaseThemes, ...]:
        return self.others_with_themes(case_id, [key], today)[0]

    def others_with_themes(
        self, case_id: int, keys: Sequence[str], today: date
    ) -> list[tuple[CaseThemes, ...]]:
        """For each of ``keys``, the other cases with that theme in the last 24 months: the
        store is read once for all of them."""
        if not keys:
            return []
        themes = self.themes_by_case()
        entries = [
            _entry(case, themes[case.case_id])
            for case in self._session.cases.all_cases()
            if case.case_id in themes and any(key in themes[case.case_id] for key in keys)
        ]
        return [cases_sharing_theme(key, entries, today, excluding=case_id) for key in keys]


def _keys(found: object) -> tuple[str, ...]:
    """Theme keys as a record holds them: a list of words (anything else counts as none)."""
    if not isinstance(found, list):
        return ()
    return tuple(key for key in found if isinstance(key, str))


def _entry(case: Case, theme_keys: tuple[str, ...]) -> CaseThemes:
    assert case.case_id is not None
    return CaseThemes(
        case_id=case.case_id,
        reference=case.reference,
        pseudonyms=case.pseudonyms,
        stage=case.stage,
        on=case_date(case),
        theme_keys=theme_keys,
    )
