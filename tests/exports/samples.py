"""Sample content for PDF tests and the benchmark: a full meeting with Unicode names."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.agency_forms.panel_pack_content import (
    AgencyForm,
    FormAnswer,
    FormSection,
    FormTable,
    PackMilestone,
    PanelPackContent,
)
from rrdesk.domain.decision_sheet.decision_sheet_content import (
    AgencyInvolvement,
    ConflictDeclared,
    DecisionSheetContent,
    LearningPoint,
    SheetAction,
    SheetAttendance,
    SheetAttendee,
    SheetCriterion,
    SheetDissent,
    SheetTimetable,
    SignOffParty,
    VoteTally,
)

PARTNERSHIP = "Caerwysg & Dyffryn Safeguarding Children Partnership"
UNICODE_NAMES = (
    "Siân Ŵyn Llŷr",
    "Łucja Wąsik of Łódź",
    "Ștefan Țurcanu",
    "Ayşe Yılmaz-Doğan İnce",
    "Nguyễn Thị Hương",
)
AGENCY_NAMES = (
    "Children's social care",
    "Police",
    "Integrated care board",
    "Acute hospital trust",
    "Community health services",
    "Mental health trust",
    "Education: primary school",
    "Early help",
    "Youth justice service",
    "Housing",
    "Probation service",
    "Ambulance service",
)
LONG_TEXT = (
    "The family moved into the area in the spring and registered with a general practice. "
    "Health visiting contacts were offered and two were missed; the third took place at home. "
    "Concerns about the home conditions were shared with children's social care by telephone "
    "and followed up in writing, but the referral was not progressed to an assessment. "
) * 3


def decision_sheet_content(agencies: int = 6) -> DecisionSheetContent:
    present = (
        *(
            SheetAttendee(name, "Designated lead", agency)
            for name, agency in zip(UNICODE_NAMES, AGENCY_NAMES, strict=False)
        ),
        SheetAttendee("Grace Adebayo", "Partnership manager", "Business unit", voting=False),
        SheetAttendee(
            "Tomasz Nowak", "Detective inspector", "Police", substitute_for="Łucja Wąsik of Łódź"
        ),
    )
    return DecisionSheetContent(
        partnership_name=PARTNERSHIP,
        case_reference="RR-2026-014",
        pseudonyms=("Child T",),
        prepared_on=date(2026, 11, 20),
        timetable=SheetTimetable(
            notification_date=date(2026, 11, 2),
            meeting_date=date(2026, 11, 16),
            due_date=date(2026, 11, 23),
            working_days_used=10,
            extension_or_lateness="",
        ),
        meeting_time="10:00am",
        meeting_place="Online (Microsoft Teams)",
        chair="Siân Ŵyn Llŷr",
        attendance=SheetAttendance(
            present=present,
            apologies=(SheetAttendee("Nguyễn Văn An", "Head teacher", "Education"),),
            absent=(),
        ),
        conflicts=(
            ConflictDeclared(
                "Ayşe Yılmaz-Doğan İnce", "Line-managed the allocated health visitor."
            ),
        ),
        incident_summary=LONG_TEXT,
        agency_involvement=tuple(
            AgencyInvolvement(
                name,
                involved=index % 4 != 3,
                summary="" if index % 4 == 3 else "Contacts in the six months before the incident.",
            )
            for index, name in enumerate(AGENCY_NAMES[:agencies])
        ),
        themes_and_learning=(
            LearningPoint("Good practice", "The school shared concerns on the same day."),
            LearningPoint("What could have been better", LONG_TEXT),
            LearningPoint("Multi-agency learning", "Telephone referrals were not confirmed."),
        ),
        criteria=(
            SheetCriterion(
                "The case highlights or may highlight improvements needed to safeguard and "
                "promote the welfare of children",
                "Yes",
                "Referral pathways between health and children's social care.",
            ),
            SheetCriterion("The case highlights recurrent themes", "Not clear", ""),
            SheetCriterion(
                "Two or more agencies may not have worked together effectively", "Yes", LONG_TEXT
            ),
            SheetCriterion("Possibly complex or of national importance", "No", ""),
        ),
        vote=VoteTally(
            recommend=4,
            do_not_recommend=1,
            abstain=0,
            eligible=5,
            outcome="Recommend a local review (majority of votes cast)",
        ),
        dissent=(
            SheetDissent("Ștefan Țurcanu", "The learning is already in hand in a single agency."),
        ),
        recommendation="Recommend a local child safeguarding practice review",
        rationale=LONG_TEXT,
        immediate_actions=(
            SheetAction(
                "Confirm telephone referrals in writing", "Integrated care board", date(2026, 12, 4)
            ),
            SheetAction("Brief school staff on escalation", "Education", None),
        ),
        parallel_processes=("Police investigation", "Child death review"),
        version=2,
        change_note="Corrected the meeting start time.",
        sign_off=(
            SignOffParty("Local authority", "Nguyễn Thị Hương", "Director of children's services"),
            SignOffParty("Police", "Łucja Wąsik", "Detective chief superintendent"),
            SignOffParty("Health", "Ayşe İnce", "Chief nurse"),
        ),
    )


def panel_pack_content(forms: int = 3) -> PanelPackContent:
    return PanelPackContent(
        partnership_name=PARTNERSHIP,
        case_reference="RR-2026-014",
        pseudonyms=("Child T",),
        prepared_on=date(2026, 11, 13),
        case_summary=(
            ("Incident", "Seriously harmed"),
            ("Notification sent", "2 November 2026"),
        ),
        incident_summary=LONG_TEXT,
        timetable=(
            PackMilestone("Notification sent", 0, date(2026, 11, 2)),
            PackMilestone("Agency checks due", 5, date(2026, 11, 9)),
            PackMilestone("Rapid Review meeting", 10, date(2026, 11, 16)),
            PackMilestone("Sent to the National Panel", 15, date(2026, 11, 23)),
        ),
        forms=tuple(
            AgencyForm(
                agency=AGENCY_NAMES[index],
                author=UNICODE_NAMES[index % len(UNICODE_NAMES)],
                role="Safeguarding lead",
                quality_assured_on=date(2026, 11, 11),
                sections=(
                    FormSection(
                        "About the agency and author",
                        answers=(
                            FormAnswer("Agency", AGENCY_NAMES[index]),
                            FormAnswer("Author", UNICODE_NAMES[index % len(UNICODE_NAMES)]),
                        ),
                    ),
                    FormSection(
                        "Chronology of significant contacts",
                        tables=(
                            FormTable(
                                columns=("Date", "Who", "What happened", "What was decided"),
                                rows=(
                                    ("3 March 2026", "Health visitor", LONG_TEXT, "Follow up"),
                                    ("9 April 2026", "Nguyễn Thị Hương", "Home visit", "None"),
                                ),
                            ),
                        ),
                    ),
                    FormSection(
                        "What went well",
                        answers=(FormAnswer("What went well", LONG_TEXT),),
                    ),
                ),
            )
            for index in range(forms)
        ),
    )
