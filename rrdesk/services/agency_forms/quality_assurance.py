"""Quality assurance of agency check forms: the text checks and what the reviewer sees."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rrdesk.domain.agency_forms.agency_form_record import FormRecord
from rrdesk.domain.agency_forms.agency_requests import AgencyRequest, EventKind
from rrdesk.domain.agency_forms.check_form_answers import SectionStatus, section_statuses
from rrdesk.domain.agency_forms.check_form_findings import answer_findings
from rrdesk.domain.agency_forms.panel_pack_content import assured_with
from rrdesk.domain.agency_forms.text_checks import (
    Finding,
    TextChecker,
    describe_findings,
    visible_findings,
)
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.agency_forms.form_entry import FormEntry
from rrdesk.services.agency_forms.request_chasing import answers_entered
from rrdesk.services.agency_forms.text_checks_loader import TextCheckers, build_text_checker
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.partnership.partnership_forms import acronyms_in_use, area_names_in_use


@dataclass(frozen=True)
class QualityView:
    """What quality assurance sees about a form before deciding."""

    findings: str
    pasted: str
    looked_at: bool
    complete: bool
    returns: tuple[str, ...]
    warnings: bool = False
    """True when the checks found something or text was pasted."""
    unfinished: tuple[str, ...] = ()
    """The titles of the sections that need an answer and are not completed."""
    nothing_entered: bool = False
    """True when nothing is entered in the form beyond the agency's name: it cannot be quality
    assured."""

    @property
    def unconfirmed_warnings(self) -> bool:
        """Warnings the author has not confirmed looking at."""
        return self.warnings and not self.looked_at


class QualityAssurance(FormEntry):
    """The requests and forms, and the checks before a form goes in the panel pack."""

    def checker(self, case_id: int) -> TextChecker:
        """A text checker for this case: its pseudonyms are never flagged, other cases' are.

        Built once for what it checks against (the case's names and areas, other cases' names,
        the partnership's word lists) and shared until one of those changes."""
        case = find_case(self._session, case_id)
        own = tuple(c.pseudonym for c in case.children if c.pseudonym)
        others = tuple(
            sorted(
                {
                    name
                    for other, name in self._session.cases.pseudonyms()
                    if other != case_id and name not in own
                }
            )
        )
        areas = tuple(
            a
            for a in (case.notifying_authority, case.home_authority, self._session.partnership)
            if a.strip()
        )
        return self._checkers.get(
            ("case", case_id),
            (own, areas, others),
            lambda dictionary, names: build_text_checker(
                case_names=own,
                own_areas=areas,
                other_names=others,
                dictionary=dictionary,
                areas=names,
            ),
        )

    def general_checker(self) -> TextChecker:
        """A text checker for free text not yet tied to a case (a new case's summary): the
        partnership's word lists, with its own area's name never flagged."""
        partnership = self._session.partnership.strip()
        own_areas = (partnership,) if partnership else ()
        return self._checkers.get(
            ("general", 0),
            own_areas,
            lambda dictionary, names: build_text_checker(
                own_areas=own_areas, dictionary=dictionary, areas=names
            ),
        )

    @cached_property
    def _checkers(self) -> TextCheckers:
        return TextCheckers(
            lambda: acronyms_in_use(self._session), lambda: area_names_in_use(self._session)
        )

    def form_findings(
        self, checker: TextChecker, record: FormRecord
    ) -> dict[str, tuple[Finding, ...]]:
        """The findings still shown (not ignored here) in each narrative answer."""
        found = {}
        for field, findings in answer_findings(checker, self.form, record.answers).items():
            visible = visible_findings(findings, record.ignored.get(field, ()))
            if visible:
                found[field] = visible
        return found

    def quality_view(self, case_id: int, agency: str, checker: TextChecker) -> QualityView:
        record = self.load_form(case_id, agency)
        findings = [f for group in self.form_findings(checker, record).values() for f in group]
        pasted = record.pasted_words
        requests = {r.agency: r for r in self.requests(case_id)}
        request = requests.get(agency)
        returns = tuple(
            f"Returned {format_date(e.on)}: "
            + ", ".join(r.value.lower() for r in e.reasons)
            + (f". {e.note}" if e.note else "")
            for e in (request.returns if request else ())
        )
        statuses = section_statuses(
            self.form, record.answers, confirmed_sections=record.confirmed_sections
        )
        unfinished = tuple(
            self.form.section(key).title
            for key, status in statuses.items()
            if status not in (SectionStatus.COMPLETED, SectionStatus.NOT_NEEDED)
        )
        complete = not unfinished
        return QualityView(
            findings=describe_findings(findings),
            pasted=pasted or "No pasted text",
            looked_at=record.findings_looked_at,
            complete=complete,
            returns=returns,
            warnings=bool(findings) or bool(pasted),
            unfinished=unfinished,
            nothing_entered=not answers_entered(record),
        )

    def assured_with(self, case_id: int, agency: str) -> str:
        """What a quality-assured form still lacks, for its first line in the panel pack
        ("Quality assured with 9 sections not completed"); "" when nothing. Quality assurance
        keeps no list of what it passed, and a form changed since is no longer quality
        assured, so this is read from the form as stored."""
        view = self.quality_view(case_id, agency, self.checker(case_id))
        warnings = []
        if view.findings != describe_findings(()):
            warnings.append(view.findings)
        pasted = self.load_form(case_id, agency).pasted_words
        if pasted:
            warnings.append(pasted[0].lower() + pasted[1:])
        return assured_with(len(view.unfinished), tuple(warnings))

    def quality_assured(self, case_id: int) -> list[tuple[AgencyRequest, FormRecord]]:
        return [
            (request, self.load_form(case_id, request.agency))
            for request in self.requests(case_id)
            if request.stage is not None and request.stage.kind is EventKind.QUALITY_ASSURED
        ]
