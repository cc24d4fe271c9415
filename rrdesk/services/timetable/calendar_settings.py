"""The calendar of bank holidays in use and the partnership's process profile.

A newer GOV.UK ``bank-holidays.json`` can be imported: it is checked first, and a file that
cannot be used is refused with the reason and changes nothing. The file's text is kept in the
store under the setting ``bank_holidays_import``; the session reads it (``Session.calendar``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar, calendar_with_import
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION
from rrdesk.domain.timetable.profiles import ProcessProfile
from rrdesk.services.store.session import CALENDAR_SETTING, Session
from rrdesk.services.timetable.profile_catalogue import (
    DEFAULT_PROFILE,
    UnknownProfileError,
    load_profile,
    profile_names,
)

PROFILE_SETTING = "profile"


@dataclass(frozen=True)
class CalendarStatus:
    """Which calendar is in use and how far the official list reaches."""

    description: str
    covered_from: date
    covered_until: date
    imported: bool
    convention: str = DAY_ZERO_CONVENTION

    @property
    def reach_words(self) -> str:
        return (
            f"The official list covers {format_date(self.covered_from)} to "
            f"{format_date(self.covered_until)}."
        )


class CalendarSettings:
    """Reads and changes the calendar and the process profile, auditing each change."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._profiles: dict[str, ProcessProfile] = {}

    # The calendar -------------------------------------------------------------------------

    def imported_text(self) -> str | None:
        return self._session.settings.get(CALENDAR_SETTING) or None

    def calendar(self) -> BankHolidayCalendar:
        return self._session.calendar

    def status(self) -> CalendarStatus:
        calendar = self.calendar()
        return CalendarStatus(
            description=calendar.source_description,
            covered_from=calendar.covered_from,
            covered_until=calendar.covered_until,
            imported=self.imported_text() is not None,
        )

    def import_bank_holidays(self, text: str) -> CalendarStatus:
        """Check and keep a GOV.UK ``bank-holidays.json``.

        Raises :class:`~rrdesk.domain.timetable.bank_holiday_files.BankHolidayFileError` with the
        reason if the file cannot be used; then nothing is stored.
        """
        calendar = calendar_with_import(text)
        session = self._session
        with session.db.transaction():
            session.settings.set(CALENDAR_SETTING, text)
            session.record(
                "calendar",
                "Imported a list of bank holidays",
                detail={"note": f"Official list now reaches {format_date(calendar.covered_until)}"},
            )
        session.calendar_changed()
        return self.status()

    def remove_import(self) -> CalendarStatus:
        """Go back to the list shipped with rrdesk."""
        if self.imported_text() is None:
            return self.status()
        session = self._session
        with session.db.transaction():
            session.settings.set(CALENDAR_SETTING, "")
            session.record("calendar", "Went back to the shipped list of bank holidays")
        session.calendar_changed()
        return self.status()

    # The process profile ------------------------------------------------------------------

    @property
    def profile_name(self) -> str:
        return self._session.profile_name

    def profile_titles(self) -> dict[str, str]:
        return {name: self.profile(name).title for name in profile_names()}

    def profile(self, name: str | None = None) -> ProcessProfile:
        """A profile by name (the partnership's by default); an unknown name gives the
        statutory profile, so an old case never stops the board."""
        wanted = name or self.profile_name
        if wanted not in self._profiles:
            try:
                self._profiles[wanted] = load_profile(wanted)
            except UnknownProfileError:
                return self.profile(DEFAULT_PROFILE) if wanted != DEFAULT_PROFILE else self._bad()
        return self._profiles[wanted]

    def _bad(self) -> ProcessProfile:
        raise UnknownProfileError("The statutory process profile is missing from this copy")

    def set_profile(self, name: str) -> None:
        """Use another process profile for new cases (each case keeps the one it began with)."""
        profile = load_profile(name)
        if name == self.profile_name:
            return
        session = self._session
        with session.db.transaction():
            before = self.profile_name
            session.settings.set(PROFILE_SETTING, name)
            session.record(
                "settings",
                "Changed the process profile",
                detail={"note": f"From {before} to {name} ({profile.title})"},
            )
