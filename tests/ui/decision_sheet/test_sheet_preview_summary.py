"""The preview shows page 1's box for the executives in the same words as the PDF: the
decision, the vote, why it differs from the vote (when it does), the reason and what is asked."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from rrdesk.domain.decision_sheet.decision_sheet_content import (
    DecisionSheetContent,
    SignOffParty,
    VoteTally,
)
from rrdesk.domain.decision_sheet.decision_sheet_template import DecisionSheetTemplate
from rrdesk.domain.decision_sheet.sheet_summary import SUMMARY_HEADING
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.ui.decision_sheet.sheet_preview import sheet_preview_html
from tests.exports.samples import decision_sheet_content

AGREED = replace(
    decision_sheet_content(agencies=4),
    rationale="The agencies did not share what they knew about the baby's injuries.",
)
AGAINST_THE_VOTE = replace(
    AGREED,
    vote=VoteTally(
        recommend=2,
        do_not_recommend=3,
        abstain=0,
        eligible=5,
        outcome="Do not recommend a local review (majority of votes cast)",
        decision_differs_because=(
            "The chair used the casting decision the partnership's process gives: the police "
            "investigation will not cover the health visiting gap."
        ),
    ),
)
NOT_DECIDED = replace(AGREED, vote=None, recommendation="", rationale="")
POLICE_ANSWERED = replace(
    AGREED,
    sign_off=(
        SignOffParty("Local authority"),
        SignOffParty(
            "Police",
            "Sam Inspector",
            "Detective Superintendent",
            answer="Agreed on 24 November 2026",
            comments="Content with the scope.",
        ),
        SignOffParty("Health"),
    ),
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _preview_box(content: DecisionSheetContent, template: DecisionSheetTemplate) -> str:
    document = QTextDocument()
    document.setHtml(sheet_preview_html(content, template))
    text = _flat(document.toPlainText())
    start = text.index(SUMMARY_HEADING)
    return text[start : text.index(template.sections[0].title, start)].strip()


def _pdf_box(content: DecisionSheetContent, template: DecisionSheetTemplate) -> str:
    """Page 1's box as pdftotext reads it, up to the page's footer."""
    pdf = render_decision_sheet(content, template)
    page_one = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    text = _flat(page_one)
    start = text.index(SUMMARY_HEADING)
    return text[start : text.index(template.title, start)].strip()


@pytest.fixture(scope="module")
def template() -> DecisionSheetTemplate:
    return load_decision_sheet_template()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
@pytest.mark.parametrize(
    "content",
    [
        pytest.param(AGREED, id="decided as voted"),
        pytest.param(AGAINST_THE_VOTE, id="decided against the vote"),
        pytest.param(NOT_DECIDED, id="nothing decided yet"),
        pytest.param(POLICE_ANSWERED, id="one partner's answer recorded from a reply"),
    ],
)
def test_the_preview_shows_page_ones_box_in_the_pdfs_words(
    qtbot: QtBot, content: DecisionSheetContent, template: DecisionSheetTemplate
) -> None:
    preview = _preview_box(content, template)
    assert preview == _pdf_box(content, template)
    assert preview.startswith(f"{SUMMARY_HEADING} Decision ")
    assert "The vote" in preview
    assert "What is asked of you" in preview
    assert "Monday 23 November 2026" in preview


def test_the_box_says_why_the_decision_went_against_the_vote(
    qtbot: QtBot, template: DecisionSheetTemplate
) -> None:
    box = _preview_box(AGAINST_THE_VOTE, template)
    assert (
        "The vote 2 for a local review, 3 against, 0 abstaining (5 members could vote). "
        "Outcome: Do not recommend a local review (majority of votes cast). "
        "Why the decision differs from the vote The chair used the casting decision"
    ) in box
    assert "Why the decision differs" not in _preview_box(AGREED, template)
    nothing = _preview_box(NOT_DECIDED, template)
    assert "Decision Not recorded yet The vote No vote was held. Why Not recorded yet" in nothing


def test_an_answer_recorded_from_a_reply_shows_in_that_partners_block_and_on_page_one(
    qtbot: QtBot, template: DecisionSheetTemplate
) -> None:
    recorded = (
        "Answer recorded Agreed on 24 November 2026, recorded by the partnership; nothing more"
        " is needed here. Comments: Content with the scope."
    )
    document = QTextDocument()
    document.setHtml(sheet_preview_html(POLICE_ANSWERED, template))
    preview = _flat(document.toPlainText())
    pdf = _flat(
        subprocess.run(
            ["pdftotext", "-", "-"],
            input=render_decision_sheet(POLICE_ANSWERED, template),
            capture_output=True,
            check=True,
        ).stdout.decode()
    )
    for text in (preview, pdf):
        police = text[text.rindex("Police Name") : text.rindex("Health Name")]
        assert recorded in police
        assert "Answer recorded" not in text[text.rindex("Local authority Name") :].replace(
            police, ""
        )
    box = _preview_box(POLICE_ANSWERED, template)
    assert "(local authority, health) is asked" in box
    assert "Police has already answered: agreed on 24 November 2026." in box
