"""The panel pack: case summary, timetable and every quality-assured agency form in one PDF."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from rrdesk.domain.agency_forms.panel_pack_content import AgencyForm, FormSection, PanelPackContent
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.house_style import (
    DAY_ZERO_SENTENCE,
    contents_table,
    data_table,
    heading,
    para,
    styles,
    summary_table,
)
from rrdesk.exports.pdf.page_layout import (
    CancelCallback,
    DocumentInfo,
    ProgressCallback,
    RenderCancelled,
    build_pdf,
)

__all__ = ["RenderCancelled", "render_panel_pack"]

TITLE = "Rapid Review panel pack"
NO_ANSWER = "Not answered."


def _agencies(content: PanelPackContent) -> list[Flowable]:
    """How many agencies were chosen and how far each got, and every form not in the pack."""
    forms = len(content.forms)
    story: list[Flowable] = []
    if content.agencies is not None:
        story.append(para(f"{content.agencies.words}."))
    story.append(
        para(
            f"{forms} quality-assured form{' follows' if forms == 1 else 's follow'}, one "
            "agency to a section."
            if forms
            else "No forms have been quality assured yet."
        )
    )
    if content.missing:
        story.append(heading("Forms not in this pack", 2))
        story.append(
            data_table(
                ("Agency", "Why its form is not here"),
                [(item.agency, item.why) for item in content.missing],
                (0.34, 0.66),
            )
        )
    return story


def _table_widths(columns: int) -> tuple[float, ...]:
    if columns == 4:
        return (0.16, 0.18, 0.38, 0.28)
    return tuple(1 / columns for _ in range(columns))


def _form_section(section: FormSection) -> list[Flowable]:
    story: list[Flowable] = []
    opening: list[Flowable] = [heading(section.title, 3)]
    house = styles()
    for answer in section.answers:
        # A question never ends a page with its answer on the next (nor a section's heading).
        pair = [para(answer.question, house.cell_header), para(answer.answer.strip() or NO_ANSWER)]
        story.append(KeepTogether([*opening, *pair]))
        opening = []
    story.extend(opening)
    for table in section.tables:
        if table.rows:
            story.append(data_table(table.columns, table.rows, _table_widths(len(table.columns))))
        else:
            story.append(para("No entries."))
    return story


def _form(form: AgencyForm) -> list[Flowable]:
    assured = format_date(form.quality_assured_on) if form.quality_assured_on else "Not recorded"
    story: list[Flowable] = [
        PageBreakIfNotEmpty(),  # each form on a new page, and never an empty page before it
        heading(form.agency, 2),
        *([para(form.assured_with + ".")] if form.assured_with else []),
        summary_table(
            [
                ("Agency", form.agency),
                ("Completed by", f"{form.author}, {form.role}" if form.role else form.author),
                ("Quality assured", assured),
            ]
        ),
    ]
    for section in form.sections:
        story.extend(_form_section(section))
    return story


def render_panel_pack(
    content: PanelPackContent,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
) -> bytes:
    """One PDF for the panel; raises :class:`RenderCancelled` if ``cancelled()`` turns true."""
    if cancelled is not None and cancelled():
        raise RenderCancelled
    pseudonyms = ", ".join(content.pseudonyms) or "Not recorded"
    contents = heading("Contents", 1, contents=False)
    contents.keepWithNext = 0  # a contents too long for the first page starts there all the same
    story: list[Flowable] = [
        contents,
        contents_table(),
        PageBreak(),
        heading("Case summary", 1),
        summary_table(
            [
                ("Partnership", content.partnership_name),
                ("Case reference", content.case_reference),
                (
                    "Child (pseudonym)" if len(content.pseudonyms) < 2 else "Children (pseudonyms)",
                    pseudonyms,
                ),
                ("Pack prepared on", format_date(content.prepared_on)),
                *content.case_summary,
            ]
        ),
        heading("Summary of the incident", 3),
        para(content.incident_summary or NO_ANSWER),
        heading("Timetable", 1),
        data_table(
            ("Milestone", "Working day", "Due"),
            [
                (item.label, f"Day {item.working_day}", format_date(item.due_date))
                for item in content.timetable
            ],
            (0.5, 0.18, 0.32),
        ),
        para(DAY_ZERO_SENTENCE, styles().small),
        heading("Agency check forms", 1),
        *_agencies(content),
    ]
    for form in content.forms:
        story.extend(_form(form))
    info = DocumentInfo(
        title=f"{TITLE}: {content.case_reference}",
        partnership=content.partnership_name,
        subject=TITLE,
        subtitle=f"{content.partnership_name}\nCase {content.case_reference} · {pseudonyms}",
    )
    return build_pdf(info, story, with_contents=True, progress=progress, cancelled=cancelled)
