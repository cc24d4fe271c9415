"""What page 1 of a decision sheet answers for the executive who signs it off: the decision,
the vote, the reason (and why the decision differs from the vote, if it does) and what is asked
of them. The detail follows on the later pages."""

from __future__ import annotations

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent, VoteTally
from rrdesk.domain.timetable.dates import format_date_with_weekday

Pairs = tuple[tuple[str, str], ...]

SUMMARY_HEADING = "For the executives: the decision at a glance"
NOTHING_RECORDED = "Not recorded yet"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def vote_words(vote: VoteTally | None) -> str:
    """``4 for a local review, 1 against, 0 abstaining (6 could vote): Recommend …``."""
    if vote is None:
        return "No vote was held."
    counts = (
        f"{vote.recommend} for a local review, {vote.do_not_recommend} against, "
        f"{vote.abstain} abstaining ({_plural(vote.eligible, 'member', 'members')} could vote)"
    )
    return f"{counts}. Outcome: {vote.outcome}." if vote.outcome else f"{counts}."


def asked_of_executives(content: DecisionSheetContent) -> str:
    """What each statutory partner's executive is asked to do, and by when."""
    answered = [p for p in content.sign_off if p.answer]
    if answered and len(answered) == len(content.sign_off):
        return (
            "Nothing more: every statutory partner's answer is recorded under Executive sign-off."
        )
    recorded = "".join(
        f" {p.partner} has already answered: {p.answer[0].lower()}{p.answer[1:]}." for p in answered
    )
    partners = ", ".join(p.partner.lower() for p in content.sign_off if not p.answer)
    due = content.timetable.due_date
    when = (
        f" by {format_date_with_weekday(due)}, so the decision reaches the National Panel "
        "within 15 working days"
        if due is not None
        else ""
    )
    return (
        f"The executive for each statutory partner ({partners}) is asked to say whether they "
        f"agree with this decision{when}: choose Agree or Do not agree in your block under "
        "Executive sign-off, add any comments, and sign there. If you do not agree, say why."
        f"{recorded}"
    )


def sheet_summary(content: DecisionSheetContent) -> Pairs:
    """The page 1 box, as label and words."""
    pairs = [
        ("Decision", content.recommendation or NOTHING_RECORDED),
        ("The vote", vote_words(content.vote)),
    ]
    if content.vote is not None and content.vote.decision_differs_because:
        pairs.append(
            ("Why the decision differs from the vote", content.vote.decision_differs_because)
        )
    pairs.append(("Why", content.rationale or NOTHING_RECORDED))
    pairs.append(("What is asked of you", asked_of_executives(content)))
    return tuple(pairs)
