"""The decision sheet PDF: every section readable, fonts embedded, marking on every page."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent, SheetCriterion
from rrdesk.domain.decision_sheet.decision_sheet_template import (
    DecisionSheetTemplate,
    SheetSectionKey,
)
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.pdf.house_style import DAY_ZERO_SENTENCE, MARKING
from tests.exports.pdf_reading import all_text, fonts_embedded, page_texts, pdffonts_rows
from tests.exports.samples import AGENCY_NAMES, PARTNERSHIP, UNICODE_NAMES, decision_sheet_content
from tests.services.decision_sheet.sign_off_blocks import sign_off_blocks


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "expected",
    [
        pytest.param("Case reference RR-2026-014", id="case reference"),
        pytest.param("Child T", id="pseudonym"),
        pytest.param("Notification sent (day 0) 2 November 2026", id="notification date"),
        pytest.param("Time to notify Not recorded", id="time to notify"),
        pytest.param("16 November 2026, 10:00am", id="meeting date"),
        pytest.param("10 working days", id="working days used"),
        pytest.param("Extension or lateness None: on time", id="no lateness"),
        pytest.param(DAY_ZERO_SENTENCE, id="day 0 sentence"),
        pytest.param("Substitute for Łucja Wąsik of Łódź", id="substitute"),
        pytest.param("Sent apologies (1)", id="apologies"),
        pytest.param("Recused from this case's vote.", id="recusal"),
        pytest.param("Nil return: no involvement", id="nil return"),
        pytest.param("Multi-agency learning", id="learning"),
        pytest.param("The case highlights recurrent themes Not clear", id="criterion"),
        pytest.param("Recommend a local review (majority of votes cast)", id="outcome"),
        pytest.param("The learning is already in hand in a single agency.", id="dissent"),
        pytest.param("Recommend a local child safeguarding practice review", id="recommendation"),
        pytest.param("Confirm telephone referrals in writing", id="action"),
        pytest.param("4 December 2026", id="action due date"),
        pytest.param("Child death review", id="parallel process"),
        pytest.param("Corrected the meeting start time.", id="change note"),
        pytest.param("Director of children's services", id="sign-off role"),
        pytest.param("Agree", id="agree box"),
        pytest.param("Do not agree", id="do not agree box"),
    ],
)
def test_sheet_shows(sheet_pdf: bytes, expected: str) -> None:
    assert _flat(expected) in _flat(all_text(sheet_pdf))


def test_every_section_title_appears_in_template_order(
    sheet_pdf: bytes, template: DecisionSheetTemplate
) -> None:
    text = _flat(all_text(sheet_pdf))
    position = text.find("Prepared on")
    for section in template.sections:
        position = text.find(section.title, position + 1)
        assert position != -1, f"{section.title!r} missing or out of order"


def test_every_agency_is_listed(sheet_pdf: bytes) -> None:
    text = _flat(all_text(sheet_pdf))
    for agency in AGENCY_NAMES:
        assert agency in text


def test_sign_off_block_for_each_statutory_partner(sheet_pdf: bytes) -> None:
    text = all_text(sheet_pdf)
    sign_off = text[text.rfind("Executive sign-off") :]
    for partner in ("Local authority", "Police", "Health"):
        assert partner in sign_off
    assert sign_off.count("Do not agree") == 3
    assert sign_off.count("Comments") == 3


def test_each_sign_off_block_names_its_partners_executive(sheet_pdf: bytes) -> None:
    assert sign_off_blocks(all_text(sheet_pdf)) == {
        "Local authority": ("Nguyễn Thị Hương", "Director of children's services"),
        "Police": ("Łucja Wąsik", "Detective chief superintendent"),
        "Health": ("Ayşe İnce", "Chief nurse"),
    }


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_unicode_names_come_back_out(sheet_pdf: bytes, name: str) -> None:
    assert name in _flat(all_text(sheet_pdf))


def test_every_page_is_marked_and_numbered(sheet_pdf: bytes) -> None:
    pages = page_texts(sheet_pdf)
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert text.count(MARKING) >= 2, f"page {number} lacks header and footer marking"
        assert f"Page {number} of {len(pages)}" in _flat(text)


def test_every_font_is_embedded(sheet_pdf: bytes) -> None:
    fonts = fonts_embedded(sheet_pdf)
    assert fonts
    assert all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_pdffonts_agrees_every_font_is_embedded(sheet_pdf: bytes) -> None:
    rows = pdffonts_rows(sheet_pdf)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    assert rows
    assert all(row[-5] == "yes" for row in rows), rows


def test_metadata_is_set(sheet_pdf: bytes) -> None:
    metadata = PdfReader(io.BytesIO(sheet_pdf)).metadata
    assert metadata is not None
    assert metadata.title == "Rapid Review decision sheet: RR-2026-014"
    assert metadata.author == PARTNERSHIP
    assert metadata.subject == "Rapid Review decision sheet"
    assert metadata.creator == "rrdesk"


def test_metadata_and_text_hold_no_child_name_beyond_the_pseudonym(sheet_pdf: bytes) -> None:
    metadata = PdfReader(io.BytesIO(sheet_pdf)).metadata
    assert metadata is not None
    assert "Child T" not in str(dict(metadata))


def test_a_decision_against_the_vote_prints_its_reason_beside_the_vote(
    template: DecisionSheetTemplate,
) -> None:
    content = decision_sheet_content()
    assert content.vote is not None
    reason = "The police shared new information after the vote."
    vote = replace(content.vote, decision_differs_because=reason)
    printed = _flat(all_text(render_decision_sheet(replace(content, vote=vote), template)))
    assert f"{content.vote.outcome} Why the decision differs from the outcome {reason}" in printed


def test_markup_characters_in_answers_are_printed_as_typed(template: DecisionSheetTemplate) -> None:
    content = replace(
        decision_sheet_content(), incident_summary="Mother & partner <left> at 5 > 4 o'clock"
    )
    assert "Mother & partner <left> at 5 > 4 o'clock" in all_text(
        render_decision_sheet(content, template)
    )


def test_very_long_answers_wrap_across_pages(template: DecisionSheetTemplate) -> None:
    long_note = "A long note about what the agencies knew and when they knew it. " * 150
    content = replace(
        decision_sheet_content(),
        criteria=(
            SheetCriterion("Two or more agencies failed to work together", "Yes", long_note),
        ),
    )
    pages = page_texts(render_decision_sheet(content, template))
    # One sentence may straddle a page break, with the page footer and header between.
    assert _flat("\n".join(pages)).count("when they knew it") >= 149
    continued = [text for text in pages if "when they knew it" in text]
    assert len(continued) >= 2
    assert all("Criterion" in text for text in continued), "header row repeats on each page"


def test_edited_template_changes_titles_and_order(template: DecisionSheetTemplate) -> None:
    sections = tuple(
        replace(section, title="What the panel decided")
        if section.key is SheetSectionKey.RECOMMENDATION
        else section
        for section in reversed(template.sections)
    )
    edited = replace(template, title="Rapid Review record", sections=sections)
    text = _flat(all_text(render_decision_sheet(decision_sheet_content(), edited)))
    assert "Rapid Review record" in text
    assert "What the panel decided" in text
    assert text.find("Executive sign-off") < text.find("Timetable and meeting")


def test_progress_reaches_the_end(template: DecisionSheetTemplate) -> None:
    calls: list[tuple[int, int]] = []
    render_decision_sheet(
        decision_sheet_content(), template, progress=lambda d, t: calls.append((d, t))
    )
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_lateness_is_explained(template: DecisionSheetTemplate) -> None:
    content = decision_sheet_content()
    late: DecisionSheetContent = replace(
        content,
        timetable=replace(
            content.timetable,
            working_days_used=17,
            extension_or_lateness="Two days late: the police return arrived on day 16.",
        ),
    )
    text = _flat(all_text(render_decision_sheet(late, template)))
    assert "Two days late: the police return arrived on day 16." in text
    assert re.search(r"17 working days", text)


def test_a_sheet_with_nothing_recorded_yet_still_renders(template: DecisionSheetTemplate) -> None:
    from datetime import date

    from rrdesk.domain.decision_sheet.decision_sheet_content import SheetTimetable

    empty = DecisionSheetContent(
        partnership_name="Partnership",
        case_reference="RR-2026-001",
        pseudonyms=(),
        prepared_on=date(2026, 11, 22),
        timetable=SheetTimetable(date(2026, 11, 2), None, None, None),
    )
    text = _flat(all_text(render_decision_sheet(empty, template)))
    assert "No vote was held." in text
    assert "Not yet held" in text
    assert "None recorded." in text


def test_cancelling_stops_the_sheet(template: DecisionSheetTemplate) -> None:
    from rrdesk.exports.pdf.decision_sheet import RenderCancelled

    with pytest.raises(RenderCancelled):
        render_decision_sheet(decision_sheet_content(), template, cancelled=lambda: True)


def test_page_one_answers_the_executives_question(template: DecisionSheetTemplate) -> None:
    content = decision_sheet_content()
    assert content.vote is not None
    reason = "The police shared new information after the vote."
    vote = replace(content.vote, decision_differs_because=reason)
    pages = page_texts(render_decision_sheet(replace(content, vote=vote), template))
    first = _flat(pages[0])
    assert "For the executives: the decision at a glance" in first
    assert f"Decision {_flat(content.recommendation)}" in first
    assert (
        f"The vote {vote.recommend} for a local review, {vote.do_not_recommend} against, "
        f"{vote.abstain} abstaining ({vote.eligible} members could vote). "
        f"Outcome: {vote.outcome}." in first
    )
    assert f"Why the decision differs from the vote {reason}" in first
    assert f"Why {_flat(content.rationale)}" in first
    assert "What is asked of you The executive for each statutory partner" in first
    assert "(local authority, police, health)" in first
    assert "Attendance" not in first, "the detail follows on later pages"
    assert any("Attendance" in page for page in pages[1:])
