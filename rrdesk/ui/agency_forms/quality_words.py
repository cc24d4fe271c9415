"""The words of quality assurance on the Agency forms tab: what the selected agency's form has
and lacks, the label they are shown in, and what the question before marking it quality assured
names."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel

from rrdesk.domain.agency_forms.agency_requests import RequestStatus
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.agency_forms.quality_assurance import QualityView
from rrdesk.services.agency_forms.request_chasing import RequestRow

QUALITY_LINES = 6
"""The lines kept for the chosen agency's words, however few it has."""


class QualityLabel(QLabel):
    """Where the chosen agency's words are shown. It keeps room for a form's usual words (its
    state, checks, pasted text, a return), so choosing an agency does not move the buttons above
    it under the pointer."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("quality_view")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def _kept(self) -> int:
        return QUALITY_LINES * self.fontMetrics().lineSpacing()  # in the font as styled

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self._kept())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._kept()))


def quality_text(row: RequestRow | None, view: QualityView | None) -> str:
    """The selected agency's form (``view`` is ``None`` when none is entered), its returns and
    reminders."""
    if row is None:
        return "Select an agency to see its form's findings and history."
    if view is None or view.nothing_entered:
        lines = [f"{row.agency}: no form entered yet."]
        if row.status.status is RequestStatus.RECEIVED:
            lines.append(
                "It cannot be quality assured with nothing in it: open the form and enter what "
                "the agency sent."
            )
    else:
        lines = [
            f"{row.agency}: {'complete' if view.complete else 'not complete yet'}.",
            f"Text checks: {view.findings}.",
            f"{view.pasted}.",
        ]
        if view.warnings:  # with nothing found, there is nothing for the author to look at
            lines.append(
                "The author confirmed they looked at the findings."
                if view.looked_at
                else "The author has not confirmed they looked at the findings."
            )
        if view.unfinished:
            lines.insert(1, "Sections not completed: " + ", ".join(view.unfinished) + ".")
    returns = row.request.returns
    if returns:
        lines.append("History of returns:")
        for event in returns:
            reasons = ", ".join(r.value.lower() for r in event.reasons)
            note = f". {event.note}" if event.note else ""
            lines.append(f"  Returned {format_date(event.on)}: {reasons}{note}")
    reminders = row.request.reminders
    if reminders:
        lines.append("Reminders sent: " + ", ".join(format_date(e.on) for e in reminders) + ".")
    return "\n".join(lines)


def quality_problems(agency: str, view: QualityView) -> str:
    """What is not done in a form, named, for the question before it is marked quality assured;
    "" when nothing is."""
    lines = []
    if view.unfinished:
        lines.append(
            f"{len(view.unfinished)} section{'' if len(view.unfinished) == 1 else 's'} not "
            "completed: " + ", ".join(view.unfinished) + "."
        )
    if view.warnings:
        lines.append(f"Text checks: {view.findings}. {view.pasted}.")
        if not view.looked_at:
            lines.append("Its author has not confirmed they looked at these.")
    if not lines:
        return ""
    opening = f"The form from {agency} is not ready for the panel pack:"
    closing = "A form marked quality assured goes in the panel pack as it is."
    return "\n\n".join([opening, *lines, closing])
