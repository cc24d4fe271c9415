"""Turning cases into rows and back. JSON for the parts that are not searched or sorted on."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from rrdesk.domain.cases.cases import (
    Case,
    Child,
    ChildStatus,
    Outcome,
    ParallelProcess,
    Referral,
    ReferralRoute,
    Sex,
    Stage,
    ThresholdDiscussion,
)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: Any) -> date | None:
    return None if not value else date.fromisoformat(str(value))


def case_details(case: Case) -> dict[str, Any]:
    """Everything about a case except its children and the indexed columns."""
    return {
        "incident_date": _iso(case.incident_date),
        "la_aware_date": _iso(case.la_aware_date),
        "ofsted_told_on": _iso(case.ofsted_told_on),
        "notifying_authority": case.notifying_authority,
        "home_authority": case.home_authority,
        "summary": case.summary,
        "referral": {
            "route": case.referral.route.value,
            "referrer_name": case.referral.referrer_name,
            "referrer_role": case.referral.referrer_role,
            "referrer_agency": case.referral.referrer_agency,
            "referrer_email": case.referral.referrer_email,
            "referral_date": _iso(case.referral.referral_date),
            "discussed_on": _iso(case.referral.discussed_on),
        },
        "threshold": {
            "held_on": _iso(case.threshold.held_on),
            "participants": case.threshold.participants,
            "met": case.threshold.met,
            "reasons": case.threshold.reasons,
        },
        "parallel_processes": sorted(process.value for process in case.parallel_processes),
    }


def child_details(child: Child) -> dict[str, Any]:
    return {
        "age_years": child.age_years,
        "sex": child.sex.value,
        "ethnicity": child.ethnicity,
        "disability": child.disability,
        "outcome": child.outcome.value,
        "status": child.status.value,
    }


def case_to_dict(case: Case) -> dict[str, Any]:
    """The whole case as plain values, for comparing versions in the audit trail."""
    result = case_details(case)
    result.update(
        reference=case.reference,
        stage=case.stage.value,
        profile=case.profile,
        notification_sent=_iso(case.notification_sent),
        national_panel_reference=case.national_panel_reference,
        children=[
            {
                "pseudonym": child.pseudonym,
                "real_name": child.real_name,
                "date_of_birth": _iso(child.date_of_birth),
                **child_details(child),
            }
            for child in case.children
        ],
    )
    return result


def child_from_row(
    pseudonym: str, real_name: str, date_of_birth: str | None, details: str
) -> Child:
    extra = json.loads(details)
    return Child(
        pseudonym=pseudonym,
        real_name=real_name,
        date_of_birth=_date(date_of_birth),
        age_years=extra.get("age_years"),
        sex=Sex(extra.get("sex", Sex.NOT_KNOWN.value)),
        ethnicity=extra.get("ethnicity", ""),
        disability=extra.get("disability", ""),
        outcome=Outcome(extra.get("outcome", Outcome.SERIOUSLY_HARMED.value)),
        status=ChildStatus(extra.get("status", ChildStatus.NONE.value)),
    )


def case_from_row(
    case_id: int,
    reference: str,
    stage: str,
    profile: str,
    notification_sent: str | None,
    national_panel_reference: str,
    details: str,
    children: tuple[Child, ...],
) -> Case:
    extra = json.loads(details)
    referral = extra.get("referral", {})
    threshold = extra.get("threshold", {})
    return Case(
        case_id=case_id,
        reference=reference,
        stage=Stage(stage),
        profile=profile,
        notification_sent=_date(notification_sent),
        national_panel_reference=national_panel_reference,
        children=children,
        incident_date=_date(extra.get("incident_date")),
        la_aware_date=_date(extra.get("la_aware_date")),
        ofsted_told_on=_date(extra.get("ofsted_told_on")),
        notifying_authority=extra.get("notifying_authority", ""),
        home_authority=extra.get("home_authority", ""),
        summary=extra.get("summary", ""),
        referral=Referral(
            route=ReferralRoute(referral.get("route", ReferralRoute.PROFESSIONAL.value)),
            referrer_name=referral.get("referrer_name", ""),
            referrer_role=referral.get("referrer_role", ""),
            referrer_agency=referral.get("referrer_agency", ""),
            referrer_email=referral.get("referrer_email", ""),
            referral_date=_date(referral.get("referral_date")),
            discussed_on=_date(referral.get("discussed_on")),
        ),
        threshold=ThresholdDiscussion(
            held_on=_date(threshold.get("held_on")),
            participants=threshold.get("participants", ""),
            met=threshold.get("met"),
            reasons=threshold.get("reasons", ""),
        ),
        parallel_processes=frozenset(
            ParallelProcess(value) for value in extra.get("parallel_processes", [])
        ),
    )


def case_from_dict(data: dict[str, Any]) -> Case:
    """The inverse of :func:`case_to_dict` (used for drafts kept in the store)."""
    children = tuple(
        child_from_row(
            str(child.get("pseudonym", "")),
            str(child.get("real_name", "")),
            child.get("date_of_birth"),
            json.dumps(
                {
                    k: v
                    for k, v in child.items()
                    if k not in {"pseudonym", "real_name", "date_of_birth"}
                }
            ),
        )
        for child in data.get("children", [])
    )
    details = {
        key: value
        for key, value in data.items()
        if key
        not in {
            "reference",
            "stage",
            "profile",
            "notification_sent",
            "national_panel_reference",
            "children",
            "case_id",
        }
    }
    return case_from_row(
        int(data.get("case_id") or 0),
        str(data.get("reference", "")),
        str(data.get("stage", Stage.NOTIFIED.value)),
        str(data.get("profile", "statutory")),
        data.get("notification_sent"),
        str(data.get("national_panel_reference", "")),
        json.dumps(details),
        children,
    )
