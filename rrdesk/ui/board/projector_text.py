"""The projector's words for a case and the vote: reference and stage, never a child's name."""

from __future__ import annotations

from rrdesk.domain.meeting.vote import ProjectorTally
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.timetable.board_rows import BoardRow

STATUS_COLOURS = {
    ReviewStatus.ON_TRACK: "#5fd35f",
    ReviewStatus.DUE_SOON: "#ffdd00",
    ReviewStatus.OVERDUE: "#ff7b7b",
    ReviewStatus.DONE: "#ffffff",
}
PAUSED_WORDS = "Meeting paused"
HINT_WORDS = (
    "Esc: leave   Space: start or pause   N: next item   R: reset   V: record the vote"
    "   Ctrl+L: lock"
)


def days_left_figure(row: BoardRow) -> tuple[str, str]:
    """The big figure and the words under it."""
    progress = row.progress
    left = progress.working_days_left
    if row.status is ReviewStatus.DONE:
        return "\u2713", "Decision sent"
    if progress.today > row.deadline:
        return str(max(1, -left)), "working days overdue"
    if left == 0:
        return "0", "Due today"
    return str(left), "working day left" if left == 1 else "working days left"


def other_case_text(row: BoardRow) -> str:
    return (
        f"{row.reference}    {row.stage.label}    {row.day_of_total}    "
        f"{row.days_left_words}    {row.status.words}"
    )


def vote_lines(tally: ProjectorTally) -> list[str]:
    """While voting is open, only that it is open and how many have voted: never the tally, which
    a room would read as the outcome. Once closed, the outcome once, then the counts; voters'
    names only when the chair has chosen to show them."""
    total = tally.yes + tally.no + tally.abstain + tally.not_voted
    recorded = total - tally.not_voted
    if not tally.closed:
        return ["Voting open", f"{recorded} of {total} votes recorded"]
    lines = [
        f"Outcome: {tally.outcome}",
        f"Yes {tally.yes}   No {tally.no}   Abstain {tally.abstain}   Not voted {tally.not_voted}",
    ]
    lines.extend(f"{name}: {choice}" for name, choice in tally.names)
    return lines
