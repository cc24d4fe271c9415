"""Text that looks copied from case notes, whether pasted or typed."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.text_checks import FindingKind, TextChecker

CASE_NOTES = {
    "date and time": ("12/03/2026 14:32 home visit", "12/03/2026 14:32"),
    "short dotted date": ("24.11.25 visit completed", "24.11.25"),
    "date with dashes": ("Seen 03-02-2026 by the nurse", "03-02-2026"),
    "ISO date": ("Seen 2026-02-03 by the nurse", "2026-02-03"),
    "date at the end of a sentence": ("The nurse saw T on 12/03/26.", "12/03/26"),
    "time with seconds": ("Logged 9:05:33 by the system", "9:05:33"),
    "time in hours": ("Visit at 1430hrs", "1430hrs"),
    "time at the start of a line": ("9:30 phone call to school", "9:30"),
    "case note heading": ("Case Note 14", "Case Note"),
    "case note heading in capitals": ("CASE NOTE - home visit", "CASE NOTE"),
    "contact type": ("Contact Type: Home visit", "Contact Type:"),
    "recorded by": ("Recorded by: J Smith", "Recorded by:"),
    "entered by mid-line": ("Home visit. Entered by: J Smith", "Entered by:"),
    "from": ("From: Jane Smith", "From:"),
    "sent": ("Sent: 12 March 2026", "Sent:"),
    "subject": ("Subject: Child T", "Subject:"),
    "quoted email": ("> To: the school", "To:"),
    "auto-saved": ("[Auto-saved] The nurse visited.", "[Auto-saved]"),
    "case ID": ("Case ID: 123456", "Case ID: 123456"),
    "record number": ("Mosaic number 9876543", "Mosaic number 9876543"),
    "workflow step": ("Workflow step completed", "Workflow step"),
    "confidential banner": ("*** Confidential ***", "*** Confidential ***"),
    "page numbers": ("Page 2 of 7", "Page 2 of 7"),
    "sent from a phone": ("Sent from my iPhone", "Sent from my iPhone"),
    "original message": ("-----Original Message-----", "-----Original Message-----"),
    "Mum": ("Mum said T was fine.", "Mum"),
    "Dad's": ("Dad's car was outside.", "Dad"),
    "Mo": ("Seen with Mo at home.", "Mo"),
    "Fa": ("Fa not present.", "Fa"),
    "NFA": ("Outcome NFA.", "NFA"),
    "DNA": ("T DNA appointment.", "DNA"),
    "DNA'd": ("T DNA'd the clinic.", "DNA"),
    "week commencing": ("Visit planned w/c 3 March.", "w/c"),
    "complained of": ("T c/o headache.", "c/o"),
    "SW": ("SW visited the home.", "SW"),
    "telephone call": ("t/c to school.", "t/c"),
    "appointment": ("Next appt in May.", "appt"),
    "grandmother": ("MGM collects T.", "MGM"),
    "Tel": ("Tel call to the school.", "Tel"),
    "Msg": ("Msg left for the nurse.", "Msg"),
    "msgs": ("Sent two msgs to the school.", "msgs"),
}


@pytest.mark.parametrize(("text", "flagged"), CASE_NOTES.values(), ids=CASE_NOTES.keys())
def test_case_note_text_is_flagged(checker: TextChecker, text: str, flagged: str) -> None:
    findings = [f for f in checker.check(text) if f.kind is FindingKind.CASE_NOTE]
    assert [f.text for f in findings] == [flagged]
    (finding,) = findings
    assert text[finding.start : finding.end] == flagged
    assert "own words" in finding.message or "shorthand" in finding.message


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("12/03/2026", "12 March 2026"),
        ("24.11.25", "24 November 2025"),
        ("2026-02-03", "3 February 2026"),
    ],
    ids=["slashes", "two-digit year", "ISO"],
)
def test_dates_are_offered_in_words(checker: TextChecker, text: str, suggestion: str) -> None:
    (finding,) = checker.check(f"Seen {text} at home")
    assert finding.suggestions == (suggestion,)


def test_shorthand_offers_its_meanings(checker: TextChecker) -> None:
    (finding,) = checker.check("T DNA the clinic.")
    assert finding.suggestions == ("did not attend", "was not brought")


def test_a_pasted_case_note_gives_a_finding_per_artefact(checker: TextChecker) -> None:
    pasted = (
        "Case Note\n"
        "Contact Type: Home visit\n"
        "Recorded by: J Smith 12/03/2026 14:32\n"
        "Mum seen. SW to visit w/c 16/03. NFA."
    )
    texts = [f.text for f in checker.check(pasted)]
    assert texts == [
        "Case Note",
        "Contact Type:",
        "Recorded by:",
        "12/03/2026 14:32",
        "Mum",
        "SW",
        "w/c",
        "NFA",
    ]


def test_not_a_real_date_is_not_flagged(checker: TextChecker) -> None:
    assert checker.check("Scores were 45/67/89 overall") == ()


def test_a_pasted_email_is_flagged(checker: TextChecker) -> None:
    pasted = (
        "From: Smith, Jane\n"
        "Sent: 12 March 2026 14:32\n"
        "To: Duty Team\n"
        "Subject: RE: T - concerns\n"
        "\n"
        "Hi, just to let you know Mum rang school today. Thanks\n"
        "Sent from my iPhone"
    )
    texts = [f.text for f in checker.check(pasted) if f.kind is FindingKind.CASE_NOTE]
    assert texts == ["From:", "Sent:", "To:", "Subject:", "Mum", "Sent from my iPhone"]


def test_a_printed_record_is_flagged(checker: TextChecker) -> None:
    pasted = (
        "*** OFFICIAL - SENSITIVE ***\n"
        "Person ID: 4455667   Episode ref: 12345\n"
        "Date/Time: 24.11.25 09:15\n"
        "Worker: J Bloggs (SW)\n"
        "[Note locked by system]\n"
        "Printed on 25/11/2025 by jbloggs   Page 1 of 3"
    )
    texts = [f.text for f in checker.check(pasted) if f.kind is FindingKind.CASE_NOTE]
    assert texts == [
        "*** OFFICIAL - SENSITIVE ***",
        "Person ID: 4455667",
        "Episode ref: 12345",
        "Date/Time:",
        "24.11.25 09:15",
        "Worker:",
        "SW",
        "[Note locked by system]",
        "Printed on",
        "25/11/2025",
        "Page 1 of 3",
    ]
