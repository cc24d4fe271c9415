"""Text checks for agency check form answers: acronyms, out-of-date terms, text that looks
copied from case notes, and names of areas that do not belong to the case.

Pure: the dictionary and the list of areas are parsed from text handed in by a service.
"""

from rrdesk.domain.text_checks.acronyms import (
    AcronymDictionary,
    AcronymScanner,
    OutOfDateTerm,
    normalise_acronym,
    parse_acronym_dictionary,
)
from rrdesk.domain.text_checks.case_notes import CaseNoteScanner
from rrdesk.domain.text_checks.checker import TextChecker
from rrdesk.domain.text_checks.findings import Finding, FindingKind, TextCheckDataError
from rrdesk.domain.text_checks.foreign_names import (
    AreaNames,
    ForeignNameScanner,
    parse_area_names,
)

__all__ = [
    "AcronymDictionary",
    "AcronymScanner",
    "AreaNames",
    "CaseNoteScanner",
    "Finding",
    "FindingKind",
    "ForeignNameScanner",
    "OutOfDateTerm",
    "TextCheckDataError",
    "TextChecker",
    "normalise_acronym",
    "parse_acronym_dictionary",
    "parse_area_names",
]
