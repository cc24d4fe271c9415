"""The Rapid Review decision sheet as a PDF, laid out from the partnership's template.

The words come from :func:`rrdesk.domain.decision_sheet.sheet_text.sheet_text`, as the
on-screen preview's do; this module only lays them out."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from rrdesk.domain.decision_sheet.decision_sheet_content import (
    DecisionSheetContent,
    SignOffParty,
)
from rrdesk.domain.decision_sheet.decision_sheet_template import (
    DecisionSheetTemplate,
    SheetSection,
    SheetSectionKey,
)
from rrdesk.domain.decision_sheet.sheet_summary import SUMMARY_HEADING
from rrdesk.domain.decision_sheet.sheet_text import SheetTable, SheetText, sheet_text
from rrdesk.exports.pdf import fonts
from rrdesk.exports.pdf.house_style import (
    CONTENT_WIDTH,
    INK,
    RULE,
    SHADE,
    data_table,
    grid_style,
    heading,
    markup,
    para,
    styles,
    summary_table,
)
from rrdesk.exports.pdf.page_layout import (
    PREVIEW_NOT_SIGNED,
    CancelCallback,
    DocumentInfo,
    ProgressCallback,
    RenderCancelled,
    build_pdf,
)
from rrdesk.exports.pdf.sign_off_fields import (
    DecisionChoice,
    SignatureSpace,
    add_executive_fields,
    comments_space,
    date_space,
    field_placements,
)

__all__ = ["RenderCancelled", "render_decision_sheet"]

SUBJECT = "Rapid Review decision sheet"

_Builder = Callable[[SheetText], list[Flowable]]


def _table_or_none(table: SheetTable, widths: tuple[float, ...], text: SheetText) -> list[Flowable]:
    if not table.rows:
        return [para(text.none_recorded)]
    return [data_table(table.headers, table.rows, widths)]


def _opening(text: SheetText) -> list[Flowable]:
    return [summary_table(text.opening), Spacer(1, 4 * mm), *_summary_box(text)]


def _summary_box(text: SheetText) -> list[Flowable]:
    """Page 1's answer for the executives, in a ruled box; the detail starts on page 2."""
    if not text.summary:
        return []
    house = styles()
    rows: list[list[Flowable]] = [[para(SUMMARY_HEADING, house.heading3), Spacer(0, 0)]]
    rows += [[para(key, house.cell_header), para(value, house.cell)] for key, value in text.summary]
    box = Table(rows, colWidths=[CONTENT_WIDTH * 0.27, CONTENT_WIDTH * 0.73], splitInRow=1)
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # the table's own default
                ("SPAN", (0, 0), (1, 0)),
                ("BOX", (0, 0), (-1, -1), 2, INK),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [box, PageBreak()]


def _timetable(text: SheetText) -> list[Flowable]:
    return [summary_table(text.timetable), para(text.timetable_note, styles().small)]


def _attendance(text: SheetText) -> list[Flowable]:
    story: list[Flowable] = []
    for group in text.attendance:
        story.append(heading(group.heading, 3))
        story.extend(_table_or_none(group.people, (0.24, 0.26, 0.26, 0.24), text))
    return story


def _conflicts(text: SheetText) -> list[Flowable]:
    return _table_or_none(text.conflicts, (0.25, 0.45, 0.30), text)


def _incident(text: SheetText) -> list[Flowable]:
    return [para(text.incident)]


def _agencies(text: SheetText) -> list[Flowable]:
    return _table_or_none(text.agencies, (0.27, 0.18, 0.55), text)


def _learning(text: SheetText) -> list[Flowable]:
    story: list[Flowable] = []
    for point in text.learning:
        story.extend([heading(point.heading, 3), para(point.text)])
    return story or [para(text.none_recorded)]


def _criteria(text: SheetText) -> list[Flowable]:
    return _table_or_none(text.criteria, (0.48, 0.13, 0.39), text)


def _vote(text: SheetText) -> list[Flowable]:
    if not text.vote:
        return [para(text.no_vote)]
    return [summary_table(text.vote, key_share=0.4)]


def _dissent(text: SheetText) -> list[Flowable]:
    if not text.dissent:
        return [para(text.none_recorded)]
    return [summary_table(text.dissent)]


def _recommendation(text: SheetText) -> list[Flowable]:
    return [
        Paragraph(f"<b>{markup(text.recommendation)}</b>", styles().body),
        heading(text.rationale_heading, 3),
        para(text.rationale),
    ]


def _actions(text: SheetText) -> list[Flowable]:
    return _table_or_none(text.actions, (0.55, 0.25, 0.20), text)


def _parallel(text: SheetText) -> list[Flowable]:
    story: list[Flowable] = [para(f"• {item}") for item in text.parallel_processes]
    return story or [para(text.none_recorded)]


def _version(text: SheetText) -> list[Flowable]:
    return [summary_table(text.version)]


def _recorded(party: SignOffParty) -> Paragraph:
    """The answer the partnership already holds from this partner (from a reply, say), so the
    executive reading the sheet sees it where they would sign."""
    words = markup(party.recorded_words)
    answer = markup(party.answer)
    return Paragraph(words.replace(answer, f"<b>{answer}</b>", 1), styles().cell)


def _sign_off(text: SheetText) -> list[Flowable]:
    house = styles()
    words = text.sign_off_words
    story: list[Flowable] = []
    for party in text.sign_off:
        data = [
            [Paragraph(f"<b>{markup(party.partner)}</b>", house.cell), ""],
            [para(words.name, house.cell_header), para(party.name, house.cell)],
            [para(words.role, house.cell_header), para(party.role, house.cell)],
            [
                para(words.decision, house.cell_header),
                [
                    para(f"Choose {words.agree} or {words.do_not_agree}", house.cell),
                    DecisionChoice(party.partner, words.agree, words.do_not_agree),
                ],
            ],
            [
                para(words.comments, house.cell_header),
                comments_space(party.partner, words.comments),
            ],
            [para(words.date, house.cell_header), date_space(party.partner, words.date)],
            [
                para("Signature", house.cell_header),
                [para("Sign in the PDF", house.cell), SignatureSpace(party.partner)],
            ],
        ]
        if party.answer:
            data.insert(3, [para(words.recorded, house.cell_header), _recorded(party)])
        table = Table(
            data,
            colWidths=[CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.75],
            hAlign="LEFT",
        )
        commands = grid_style(header=True)
        commands.append(("SPAN", (0, 0), (1, 0)))
        table.setStyle(TableStyle(commands))
        story.append(KeepTogether([table, Spacer(1, 4 * mm)]))
    return story


_BUILDERS: dict[SheetSectionKey, _Builder] = {
    SheetSectionKey.TIMETABLE: _timetable,
    SheetSectionKey.ATTENDANCE: _attendance,
    SheetSectionKey.CONFLICTS: _conflicts,
    SheetSectionKey.INCIDENT: _incident,
    SheetSectionKey.AGENCIES: _agencies,
    SheetSectionKey.LEARNING: _learning,
    SheetSectionKey.CRITERIA: _criteria,
    SheetSectionKey.VOTE: _vote,
    SheetSectionKey.DISSENT: _dissent,
    SheetSectionKey.RECOMMENDATION: _recommendation,
    SheetSectionKey.ACTIONS: _actions,
    SheetSectionKey.PARALLEL_PROCESSES: _parallel,
    SheetSectionKey.VERSION: _version,
    SheetSectionKey.SIGN_OFF: _sign_off,
}


def _section(text: SheetText, section: SheetSection) -> list[Flowable]:
    opening: list[Flowable] = [heading(section.title, 1)]
    if section.intro:
        opening.append(para(section.intro, styles().small))
    body = _BUILDERS[section.key](text)
    if section.key is SheetSectionKey.SIGN_OFF and body:
        # Keep the heading with the first partner's block rather than alone at a page foot.
        return [KeepTogether([*opening, body[0]]), *body[1:]]
    return [*opening, *body]


def render_decision_sheet(
    content: DecisionSheetContent,
    template: DecisionSheetTemplate,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
    *,
    preview: bool = False,
) -> bytes:
    """The unsigned decision sheet as PDF bytes.

    Sign it with :func:`rrdesk.exports.signatures.signing.sign_pdf`; the stamp goes in the box
    the first page keeps for it (:data:`rrdesk.exports.pdf.page_layout.SIGNATURE_BOX`). A
    ``preview`` is never signed: it says PREVIEW — NOT SIGNED on every page and in its title.
    """
    text = sheet_text(content, template.wording)
    story = _opening(text)
    for section in template.sections:
        story.extend(_section(text, section))
    info = DocumentInfo(
        title=f"{template.title}: {content.case_reference}",
        heading=template.title,
        partnership=content.partnership_name,
        subject=SUBJECT,
        subtitle=f"{content.partnership_name}\n{text.subtitle}",
        reserve_signature_box=True,
        status=PREVIEW_NOT_SIGNED if preview else "",
    )
    with field_placements() as placements:
        pdf = build_pdf(info, story, progress=progress, cancelled=cancelled)
    return add_executive_fields(pdf, placements)
