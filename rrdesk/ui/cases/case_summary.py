"""What a case page shows in "Check your answers": rows of question, answer and a Change link."""

from __future__ import annotations

from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.notification_duty import NotificationGap, ofsted_prompt
from rrdesk.domain.timetable.dates import format_date
from rrdesk.ui.cases.stage_questions import stage_is_notified, threshold_met

Row = tuple[str, str, str]  # (question, answer, page key)

NOTIFICATION_ROWS = (
    "Notification sent (day 0)",
    "National Panel reference",
    "Time to notify",
)


def _date(value: object) -> str:
    from datetime import date

    return format_date(value) if isinstance(value, date) else "Not given"


def case_summary_rows(case: Case, *, notification_gap: NotificationGap | None) -> list[Row]:
    """The rows, the stage first as it is asked first; a question the stage does not ask (the
    notification date of a referral not notified) has no row. ``notification_gap`` is the
    working days from the local authority becoming aware to the notification, when known."""
    rows: list[Row] = [("Stage", case.stage.label, "stage")]
    for index, child in enumerate(case.children):
        prefix = f"Child {index + 1}" if len(case.children) > 1 else "Child"
        details = [child.pseudonym or "No pseudonym"]
        age = child.age_in_words(case.incident_date or case.notification_sent)
        if age is not None:
            details.append(f"aged {age}")
        details.append(child.sex.label.lower())
        details.append(child.outcome.label.lower())
        rows.append((prefix, ", ".join(details), "children"))
        rows.append((f"{prefix}: status at the time", child.status.label, "children"))
        if child.ethnicity or child.disability:
            rows.append(
                (
                    f"{prefix}: ethnicity and disability",
                    ", ".join(v for v in (child.ethnicity, child.disability) if v),
                    "children",
                )
            )
    rows.extend(
        [
            ("Date of the incident", _date(case.incident_date), "dates"),
            ("Local authority became aware", _date(case.la_aware_date), "dates"),
            ("Notification sent (day 0)", _date(case.notification_sent), "dates"),
            ("National Panel reference", case.national_panel_reference or "Not given", "dates"),
            *(
                [("Time to notify", notification_gap.words, "dates")]
                if notification_gap is not None
                else []
            ),
            *(
                [("Ofsted and the Secretary of State", prompt, "dates")]
                if (prompt := ofsted_prompt(case)) is not None
                else []
            ),
            ("Notifying local authority", case.notifying_authority or "Not given", "authorities"),
            ("Home local authority", case.home_authority or "Not given", "authorities"),
            ("What happened", case.summary or "Not given", "summary"),
            ("How the case came in", case.referral.route.label, "referral"),
            (
                "Referrer",
                ", ".join(
                    v
                    for v in (
                        case.referral.referrer_name,
                        case.referral.referrer_role,
                        case.referral.referrer_agency,
                    )
                    if v
                )
                or "Not given",
                "referral",
            ),
            (
                "Threshold",
                {None: "Not decided yet", True: "Met", False: "Not met"}[
                    threshold_met(case.stage, case.threshold.met)
                ]
                + (f" on {format_date(case.threshold.held_on)}" if case.threshold.held_on else ""),
                "threshold",
            ),
            (
                "Parallel processes",
                ", ".join(sorted(p.label for p in case.parallel_processes)) or "None",
                "parallel",
            ),
        ]
    )
    if not stage_is_notified(case.stage):
        rows = [row for row in rows if row[0] not in NOTIFICATION_ROWS]
    return rows
