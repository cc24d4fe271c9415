"""What the decision sheet will say, as simple HTML for an in-app preview before signing."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th align='left' valign='top' width='34%'>{escape(key)}</th>"
        f"<td valign='top'>{escape(value)}</td></tr>"
        for key, value in pairs
    )
    return f"<table cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td valign='top'>{escape(c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return (
        "<table border='1' cellspacing='0' cellpadding='4' width='100%' "
        f"style='border-collapse: collapse; border-color: #b1b4b6'><tr>{head}</tr>{body}</table>"
    )


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}"


def _none() -> str:
    return "<p><i>None recorded</i></p>"


def sheet_preview_html(content: DecisionSheetContent) -> str:
    """The sheet's main content in reading order; the PDF adds the form's wording and layout."""
    c = content
    t = c.timetable
    parts = [
        "<p style='color:#b10e1e'><b>OFFICIAL-SENSITIVE</b></p>",
        f"<h2>Decision sheet: {escape(c.case_reference)}, version {c.version}</h2>",
        _rows(
            [
                ("Partnership", c.partnership_name),
                ("Child (pseudonym)", ", ".join(c.pseudonyms) or "Not recorded"),
                ("Prepared on", format_date(c.prepared_on)),
                ("Notification sent (day 0)", format_date(t.notification_date)),
                (
                    "Meeting",
                    (format_date_with_weekday(t.meeting_date) if t.meeting_date else "Not held")
                    + (f", {c.meeting_time}" if c.meeting_time else ""),
                ),
                ("Place", c.meeting_place or "Not recorded"),
                ("Chair", c.chair or "Not recorded"),
                (
                    "Working days used",
                    "Not known" if t.working_days_used is None else str(t.working_days_used),
                ),
                ("Due to the National Panel", format_date(t.due_date) if t.due_date else ""),
            ]
        ),
    ]
    if c.version > 1:
        parts.append(
            _section("What changed since the last version", f"<p>{escape(c.change_note)}</p>")
        )
    present = [
        (p.name, p.role, p.agency, "" if p.voting else "Non-voting") for p in c.attendance.present
    ]
    parts.append(
        _section(
            f"Present ({len(present)})",
            _table(("Name", "Role", "Agency", ""), present) if present else _none(),
        )
    )
    apologies = ", ".join(p.name for p in c.attendance.apologies)
    parts.append(_section("Apologies", f"<p>{escape(apologies)}</p>" if apologies else _none()))
    conflicts = [(x.member, x.note) for x in c.conflicts]
    parts.append(
        _section(
            "Conflicts of interest",
            _table(("Member", "Conflict (recused from the vote)"), conflicts)
            if conflicts
            else _none(),
        )
    )
    criteria = [(x.question, x.answer, x.note) for x in c.criteria]
    parts.append(
        _section(
            "The criteria",
            _table(("Criterion", "Panel's view", "Note"), criteria) if criteria else _none(),
        )
    )
    if c.vote is None:
        parts.append(_section("The vote", "<p>No vote was held.</p>"))
    else:
        v = c.vote
        parts.append(
            _section(
                "The vote",
                _rows(
                    [
                        ("Recommend a local review", str(v.recommend)),
                        ("Do not recommend", str(v.do_not_recommend)),
                        ("Abstain", str(v.abstain)),
                        ("Eligible voters", str(v.eligible)),
                        ("Outcome", v.outcome),
                    ]
                ),
            )
        )
    if c.dissent:
        parts.append(_section("Dissent", _rows([(d.member, d.words) for d in c.dissent])))
    parts.append(
        _section(
            "Recommendation",
            f"<p><b>{escape(c.recommendation or 'None recorded')}</b></p>"
            f"<p>{escape(c.rationale)}</p>",
        )
    )
    actions = [
        (a.action, a.owner_agency, format_date(a.due_date) if a.due_date else "")
        for a in c.immediate_actions
    ]
    parts.append(
        _section(
            "Immediate actions",
            _table(("Action", "Owner", "Due by"), actions) if actions else _none(),
        )
    )
    partners = ", ".join(p.partner for p in c.sign_off)
    parts.append(
        _section(
            "Executive sign-off",
            f"<p>A block for each partner to complete: {escape(partners)}.</p>",
        )
    )
    return "".join(parts)
