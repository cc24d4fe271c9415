"""The meeting record as one JSON-safe document (dates as ISO strings), and back again."""

from __future__ import annotations

from datetime import date, time
from fractions import Fraction
from typing import Any

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.after_meeting.panel_response import PanelAnswer, PanelResponse
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import ExecutiveDecision
from rrdesk.domain.decision_sheet.sheet_version import SheetHistory, SheetVersion
from rrdesk.domain.decision_sheet.sign_off import ChairMeeting, PartnerSignOff, SignOff
from rrdesk.domain.meeting.agenda import AgendaItem, AgendaItemKind
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee, ConflictOfInterest
from rrdesk.domain.meeting.criteria import (
    CriteriaAssessment,
    Criterion,
    CriterionAnswer,
    CriterionGroup,
    CriterionResponse,
)
from rrdesk.domain.meeting.decision import Decision, DecisionKind, LearningRoute
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import (
    REFERRED_TO_EXECUTIVE,
    Ballot,
    Dissent,
    NotVoting,
    Reopening,
    Tally,
    Vote,
    VoteChoice,
    Voter,
    VoteRule,
)

FORMAT = 1
_LEARNING_FIELDS = (
    "good_practice",
    "could_have_been_better",
    "single_agency",
    "multi_agency",
    "theme_keys",
    "already_acted_on",
)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _to_day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _tally(t: Tally) -> dict[str, int]:
    return {"yes": t.yes, "no": t.no, "abstain": t.abstain, "not_voted": t.not_voted}


def _vote(v: Vote) -> dict[str, Any]:
    return {
        "voters": [
            {
                "member_id": x.member_id,
                "name": x.name,
                "in_place_of": x.in_place_of,
                "in_place_of_name": x.in_place_of_name,
            }
            for x in v.voters
        ],
        "not_voting": [
            {"member_id": x.member_id, "name": x.name, "reason": x.reason} for x in v.not_voting
        ],
        "rule": {
            "share_needed": str(v.rule.share_needed),
            "abstentions_count": v.rule.abstentions_count,
            "tie_outcome": v.rule.tie_outcome,
            "rrdesk_rule": v.rule.rrdesk_rule,
        },
        "ballots": [{"member_id": b.member_id, "choice": b.choice.value} for b in v.ballots],
        "closed": v.closed,
        "reopenings": [
            {"reason": r.reason, "tally_when_closed": _tally(r.tally_when_closed)}
            for r in v.reopenings
        ],
        "dissents": [{"member_id": d.member_id, "words": d.words} for d in v.dissents],
        "names_on_projector": v.names_on_projector,
    }


def _sign_off(s: SignOff) -> dict[str, Any]:
    return {
        "partners": [
            {
                "partner": p.partner.value,
                "sent_on": _day(p.sent_on),
                "agreed": p.agreed,
                "answered_on": _day(p.answered_on),
                "comments": p.comments,
                "signed_by": p.signed_by,
                "role": p.role,
            }
            for p in s.partners
        ],
        "chair_meetings": [
            {
                "partner": m.partner.value,
                "opened_on": _day(m.opened_on),
                "reason": m.reason,
                "held_on": _day(m.held_on),
                "outcome": m.outcome,
            }
            for m in s.chair_meetings
        ],
        "national_panel_sent_on": _day(s.national_panel_sent_on),
        "national_panel_working_day": s.national_panel_working_day,
        "executive_decisions": [
            {
                "partner": x.partner.value,
                "decided_on": _day(x.decided_on),
                "decided_by": x.decided_by,
                "outcome": x.outcome,
            }
            for x in s.executive_decisions
        ],
    }


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """A JSON-safe dictionary of the whole record: only str, int, bool, None, lists and dicts."""
    m = meeting
    return {
        "format": FORMAT,
        "case_reference": m.case_reference,
        "held_on": _day(m.held_on),
        "starts_at": None if m.starts_at is None else m.starts_at.isoformat(timespec="minutes"),
        "place": m.place,
        "online": m.online,
        "chair_id": m.chair_id,
        "attendees": [
            {
                "member_id": a.member_id,
                "name": a.name,
                "agency": a.agency,
                "role": a.role,
                "status": a.status.value,
                "voting": a.voting,
                "substitute_for": a.substitute_for,
            }
            for a in m.attendees
        ],
        "conflicts": [{"member_id": c.member_id, "note": c.note} for c in m.conflicts],
        "agenda": [
            {"kind": i.kind.value, "minutes": i.minutes, "agency": i.agency, "label": i.label}
            for i in m.agenda
        ],
        "learning": {name: list(getattr(m.learning, name)) for name in _LEARNING_FIELDS},
        "criteria": {
            "definitions": [
                {"key": c.key, "question": c.question, "group": c.group.value}
                for c in m.criteria.definitions
            ],
            "responses": [
                {"key": r.key, "answer": r.answer.value, "note": r.note}
                for r in m.criteria.responses
            ],
        },
        "actions": [
            {"action": a.action, "owner_agency": a.owner_agency, "due": _day(a.due)}
            for a in m.actions
        ],
        "vote": None if m.vote is None else _vote(m.vote),
        "decision": None
        if m.decision is None
        else {
            "kind": m.decision.kind.value,
            "rationale": m.decision.rationale,
            "learning_route": None
            if m.decision.learning_route is None
            else m.decision.learning_route.value,
            "differs_reason": m.decision.differs_reason,
        },
        "sign_off": _sign_off(m.sign_off),
        "panel_response": None
        if m.panel_response is None
        else {
            "received_on": _day(m.panel_response.received_on),
            "answer": m.panel_response.answer.value,
            "notes": m.panel_response.notes,
        },
    }


def _vote_from(d: dict[str, Any]) -> Vote:
    return Vote(
        voters=tuple(
            Voter(x["member_id"], x["name"], x["in_place_of"], x["in_place_of_name"])
            for x in d["voters"]
        ),
        not_voting=tuple(
            NotVoting(x["member_id"], x["name"], x["reason"]) for x in d["not_voting"]
        ),
        rule=VoteRule(
            share_needed=Fraction(d["rule"]["share_needed"]),
            abstentions_count=d["rule"]["abstentions_count"],
            tie_outcome=d["rule"].get("tie_outcome", REFERRED_TO_EXECUTIVE),
            rrdesk_rule=d["rule"].get("rrdesk_rule", False),
        ),
        ballots=tuple(Ballot(b["member_id"], VoteChoice(b["choice"])) for b in d["ballots"]),
        closed=d["closed"],
        reopenings=tuple(
            Reopening(r["reason"], Tally(**r["tally_when_closed"])) for r in d["reopenings"]
        ),
        dissents=tuple(Dissent(x["member_id"], x["words"]) for x in d["dissents"]),
        names_on_projector=d["names_on_projector"],
    )


def _sign_off_from(d: dict[str, Any]) -> SignOff:
    return SignOff(
        partners=tuple(
            PartnerSignOff(
                partner=StatutoryPartner(p["partner"]),
                sent_on=_to_day(p["sent_on"]),
                agreed=p["agreed"],
                answered_on=_to_day(p["answered_on"]),
                comments=p["comments"],
                signed_by=p["signed_by"],
                role=p["role"],
            )
            for p in d["partners"]
        ),
        chair_meetings=tuple(
            ChairMeeting(
                partner=StatutoryPartner(m["partner"]),
                opened_on=date.fromisoformat(m["opened_on"]),
                reason=m["reason"],
                held_on=_to_day(m["held_on"]),
                outcome=m["outcome"],
            )
            for m in d["chair_meetings"]
        ),
        national_panel_sent_on=_to_day(d["national_panel_sent_on"]),
        national_panel_working_day=d["national_panel_working_day"],
        executive_decisions=tuple(
            ExecutiveDecision(
                partner=StatutoryPartner(x["partner"]),
                decided_on=date.fromisoformat(x["decided_on"]),
                decided_by=x["decided_by"],
                outcome=x["outcome"],
            )
            for x in d.get("executive_decisions", [])  # records kept before dissent routes
        ),
    )


def _meeting_from(d: dict[str, Any]) -> Meeting:
    decision = d["decision"]
    route = None if decision is None else decision["learning_route"]
    return Meeting(
        case_reference=d["case_reference"],
        held_on=_to_day(d["held_on"]),
        starts_at=None if d["starts_at"] is None else time.fromisoformat(d["starts_at"]),
        place=d["place"],
        online=d["online"],
        chair_id=d["chair_id"],
        attendees=tuple(
            Attendee(
                member_id=a["member_id"],
                name=a["name"],
                agency=a["agency"],
                role=a["role"],
                status=AttendanceStatus(a["status"]),
                voting=a["voting"],
                substitute_for=a["substitute_for"],
            )
            for a in d["attendees"]
        ),
        conflicts=tuple(ConflictOfInterest(c["member_id"], c["note"]) for c in d["conflicts"]),
        agenda=tuple(
            AgendaItem(AgendaItemKind(i["kind"]), i["minutes"], i["agency"], i["label"])
            for i in d["agenda"]
        ),
        learning=Learning(**{name: tuple(d["learning"][name]) for name in _LEARNING_FIELDS}),
        criteria=CriteriaAssessment(
            definitions=tuple(
                Criterion(c["key"], c["question"], CriterionGroup(c["group"]))
                for c in d["criteria"]["definitions"]
            ),
            responses=tuple(
                CriterionResponse(r["key"], CriterionAnswer(r["answer"]), r["note"])
                for r in d["criteria"]["responses"]
            ),
        ),
        actions=tuple(
            ImmediateAction(a["action"], a["owner_agency"], _to_day(a["due"])) for a in d["actions"]
        ),
        vote=None if d["vote"] is None else _vote_from(d["vote"]),
        decision=None
        if decision is None
        else Decision(
            DecisionKind(decision["kind"]),
            decision["rationale"],
            None if route is None else LearningRoute(route),
            decision.get("differs_reason", ""),  # older records have none
        ),
        sign_off=_sign_off_from(d["sign_off"]),
        panel_response=_panel_response_from(d.get("panel_response")),  # older records: none
    )


def _panel_response_from(d: dict[str, Any] | None) -> PanelResponse | None:
    if d is None:
        return None
    return PanelResponse(date.fromisoformat(d["received_on"]), PanelAnswer(d["answer"]), d["notes"])


def meeting_from_dict(d: dict[str, Any]) -> Meeting:
    """The meeting from :func:`meeting_to_dict`'s output, or :class:`MeetingError` if damaged."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise MeetingError("The meeting record is not in a form this version of rrdesk can read")
    try:
        return _meeting_from(d)
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as error:
        raise MeetingError(f"The meeting record is damaged ({type(error).__name__})") from None


def sheet_history_to_dict(history: SheetHistory) -> dict[str, Any]:
    """Every exported version with the record it was made from, JSON-safe."""
    return {
        "format": FORMAT,
        "versions": [
            {
                "number": v.number,
                "exported_on": v.exported_on.isoformat(),
                "changes": list(v.changes),
                "meeting": meeting_to_dict(v.meeting),
            }
            for v in history.versions
        ],
    }


def sheet_history_from_dict(d: dict[str, Any]) -> SheetHistory:
    """The history from :func:`sheet_history_to_dict`, or :class:`MeetingError` if damaged."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise MeetingError("The decision sheet history is not in a form rrdesk can read")
    try:
        versions = tuple(
            SheetVersion(
                number=v["number"],
                exported_on=date.fromisoformat(v["exported_on"]),
                meeting=meeting_from_dict(v["meeting"]),
                changes=tuple(v["changes"]),
            )
            for v in d["versions"]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise MeetingError(
            f"The decision sheet history is damaged ({type(error).__name__})"
        ) from None
    return SheetHistory(versions)
