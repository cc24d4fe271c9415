"""Text checks for agency check form answers: acronyms, out-of-date terms, text that looks
copied from case notes, and names of areas that do not belong to the case.

Pure: the dictionary and the list of areas are parsed from text handed in by a service.
"""

from rrdesk.domain.agency_forms.text_checks.acronyms import (
    AcronymDictionary,
    AcronymScanner,
    OutOfDateTerm,
    normalise_acronym,
    parse_acronym_dictionary,
)
from rrdesk.domain.agency_forms.text_checks.case_notes import CaseNoteScanner
from rrdesk.domain.agency_forms.text_checks.checker import TextChecker
from rrdesk.domain.agency_forms.text_checks.findings import (
    Finding,
    FindingKind,
    StaleFindingError,
    TextCheckDataError,
    apply_suggestion,
    count_findings,
    describe_findings,
)
from rrdesk.domain.agency_forms.text_checks.foreign_names import (
    AreaNames,
    ForeignNameScanner,
    parse_area_names,
)
from rrdesk.domain.agency_forms.text_checks.ignored import (
    IgnoredFinding,
    ignore_here,
    visible_findings,
)
from rrdesk.domain.agency_forms.text_checks.pasted import (
    TextSpan,
    add_pasted_span,
    describe_pasted,
    spans_after_edit,
)

__all__ = [
    "AcronymDictionary",
    "AcronymScanner",
    "AreaNames",
    "CaseNoteScanner",
    "Finding",
    "FindingKind",
    "ForeignNameScanner",
    "IgnoredFinding",
    "OutOfDateTerm",
    "StaleFindingError",
    "TextCheckDataError",
    "TextChecker",
    "TextSpan",
    "add_pasted_span",
    "apply_suggestion",
    "count_findings",
    "describe_findings",
    "describe_pasted",
    "ignore_here",
    "normalise_acronym",
    "parse_acronym_dictionary",
    "parse_area_names",
    "spans_after_edit",
    "visible_findings",
]
