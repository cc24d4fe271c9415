"""What the agencies wrote on their check forms for the demo's decided cases: Child K, in a
children's home, whose case was sent to the National Panel, and Child D, whose case has a local
review. Everything here is fictional; each story agrees with the case's meeting record and
National Panel submission.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from rrdesk.demo.form_records import answers, day, nil_return
from rrdesk.demo.partnership import (
    EDUCATION_AGENCY,
    HOUSING_AGENCY,
    ICB_AGENCY,
    LA_AGENCY,
    MENTAL_HEALTH_AGENCY,
    POLICE_AGENCY,
)
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow

Answers = Callable[[date, date], dict[str, object]]
"""An agency's answers, from the case's notification date and the day the form was completed."""


@dataclass(frozen=True)
class DemoForm:
    """One agency's form: its answers, and whether it is a nil return."""

    agency: str
    answers: Answers
    nil_return: bool = False


def _row(notified: date, days_before: int, who: str, what: str, decided: str) -> ChronologyRow:
    return ChronologyRow(day(notified - timedelta(days=days_before)), who, what, decided)


# Child K: a 16-year-old in a children's home who took an overdose after months of self-harm.


def _k_social_care(notified: date, completed: date) -> dict[str, object]:
    return answers(
        LA_AGENCY,
        "Olamide Fairbairn",
        "Team manager, children in care",
        completed,
        notified - timedelta(days=550),
        (
            _row(
                notified,
                540,
                "Allocated social worker and Child K",
                "Child K moved into the children's home after his foster placement ended.",
                "Placement plan agreed; weekly contact with his mother arranged.",
            ),
            _row(
                notified,
                160,
                "Independent reviewing officer, social worker and Child K",
                "At his placement review Child K asked to move to a foster family.",
                "His wish was recorded; no plan was made to consider it.",
            ),
            _row(
                notified,
                95,
                "Social worker and the home's manager",
                "The home told the social worker that the mental health service had declined a "
                "second referral.",
                "The social worker accepted the decision and did not escalate it.",
            ),
        ),
        went_well="Child K had the same social worker throughout, who visited on time and knew "
        "him well. His placement reviews were held when they were due.",
        could_be_better="His request to move was recorded but never acted on, and nobody "
        "challenged the mental health service when his referrals were declined.",
        prevention="Treat a child's repeated request to move placement as a sign of distress "
        "that needs a plan, and escalate a declined referral for a child in care.",
        practice_episodes="At the placement review Child K said he felt stuck. The review "
        "recorded what he said but set no action, and the next review did not return to it.",
        lived_experience="Child K told staff he felt nobody listened when he asked to move. He "
        "spent long periods alone in his room and missed his two younger siblings in foster care.",
        themes="The voice of the child; escalation when a referral is declined.",
        immediate_actions="Every placement review now records the child's wishes and what is "
        "being done about them.",
    )


def _k_mental_health(notified: date, completed: date) -> dict[str, object]:
    return answers(
        MENTAL_HEALTH_AGENCY,
        "Adaeze Okonkwo-Byrne",
        "Named safeguarding professional",
        completed,
        notified - timedelta(days=220),
        (
            _row(
                notified,
                220,
                "Referral team and the children's home",
                "The home referred Child K after repeated self-harm.",
                "Declined: the referral team judged that his needs did not meet the criteria.",
            ),
            _row(
                notified,
                100,
                "Referral team and the children's home",
                "A second referral described self-harm most weeks.",
                "Declined again; advice on managing self-harm sent to the home.",
            ),
            _row(
                notified,
                40,
                "Duty clinician and Child K",
                "The home asked for help after Child K cut himself badly.",
                "An assessment was offered for six weeks later.",
            ),
        ),
        went_well="The duty clinician saw Child K the day the home asked for help.",
        could_be_better="Two referrals were declined on paper without speaking to Child K, his "
        "social worker or the home, and nobody looked at the two together.",
        prevention="Review jointly with the social worker any declined referral for a child in "
        "care, and speak to the child before deciding.",
        practice_episodes="The second referral said the self-harm was getting worse. It was "
        "judged against the same criteria as the first, as though it were new.",
        lived_experience="Child K found it hard to talk about how he felt and had nobody at the "
        "home who spoke his family's language.",
        themes="Self-harm; access to mental health services for children in care.",
        immediate_actions="Declined referrals for children in care now go to a weekly joint "
        "review with children's social care.",
    )


def _k_education(notified: date, completed: date) -> dict[str, object]:
    return answers(
        EDUCATION_AGENCY,
        "Ruairí Penberthy",
        "Education safeguarding adviser, virtual school",
        completed,
        notified - timedelta(days=540),
        (
            _row(
                notified,
                200,
                "Designated teacher and the virtual school",
                "Child K's attendance fell to 60% over the spring.",
                "Attendance support plan agreed at his personal education plan meeting.",
            ),
            _row(
                notified,
                120,
                "Designated teacher and Child K",
                "Child K said he was too tired to come to school and had stopped football.",
                "Shared with his social worker; mentoring offered.",
            ),
        ),
        went_well="The school shared its worries about attendance with the social worker the "
        "same week.",
        could_be_better="Falling attendance was treated as an education matter and was not "
        "linked to what the home knew about his self-harm.",
        prevention="Ask the child's home and social worker what lies behind falling attendance "
        "before agreeing a plan.",
        practice_episodes="When Child K stopped football, the school saw it as a choice rather "
        "than as a sign that he was withdrawing.",
        lived_experience="Child K had liked school and football and had two close friends. He "
        "told his mentor he did not see the point of trying any more.",
        themes="Withdrawal as a sign of distress; sharing information about children in care.",
        immediate_actions="The virtual school now asks the home about wellbeing whenever a "
        "child in care's attendance falls below 90%.",
    )


def _k_police(notified: date, completed: date) -> dict[str, object]:
    return answers(
        POLICE_AGENCY,
        "Keren Abernethy-Osei",
        "Detective sergeant, missing persons",
        completed,
        notified - timedelta(days=180),
        (
            _row(
                notified,
                180,
                "Police officer and the children's home",
                "Child K was reported missing overnight and came back the next morning.",
                "Return home interview asked for from children's social care.",
            ),
            _row(
                notified,
                60,
                "Missing persons coordinator and the children's home",
                "The fourth time Child K was reported missing in six months.",
                "Shared with his social worker; a meeting about his missing episodes was held.",
            ),
        ),
        went_well="Each time he was missing Child K was found quickly and the home was told.",
        could_be_better="The four missing episodes were handled one at a time. Nobody asked "
        "what he was going missing from.",
        prevention="Look at repeated missing episodes together and share what they show with "
        "the child's social worker and health services.",
        practice_episodes="After the fourth missing episode the meeting focused on where he had "
        "been, not on how he was feeling.",
        lived_experience="Child K told officers he went out to be on his own and to get away "
        "from the noise of the home.",
        themes="Missing episodes as a sign of distress.",
        immediate_actions="The missing persons team now asks about self-harm when a child in "
        "care is reported missing.",
    )


def _k_housing(notified: date, completed: date) -> dict[str, object]:
    return nil_return(
        HOUSING_AGENCY,
        "Bea Lindqvist",
        "Housing safeguarding lead",
        completed,
        "The tenancy and homelessness records for Child K, his mother and the children's home's "
        "address: none about Child K or his family.",
    )


CHILD_K = (
    DemoForm(LA_AGENCY, _k_social_care),
    DemoForm(MENTAL_HEALTH_AGENCY, _k_mental_health),
    DemoForm(EDUCATION_AGENCY, _k_education),
    DemoForm(POLICE_AGENCY, _k_police),
    DemoForm(HOUSING_AGENCY, _k_housing, nil_return=True),
)


# Child D: a one-year-old who died from injuries after his mother's new partner moved in.


def _d_social_care(notified: date, completed: date) -> dict[str, object]:
    return answers(
        LA_AGENCY,
        "Henrietta Mbeki-Rowe",
        "Team manager, children in need",
        completed,
        notified - timedelta(days=300),
        (
            _row(
                notified,
                300,
                "Social worker and Child D's mother",
                "Assessment after the mother asked for help with low mood and money worries.",
                "Child in need plan agreed; nursery place and family support offered.",
            ),
            _row(
                notified,
                60,
                "Social worker and Child D's mother",
                "At the child in need review the mother said a new partner was staying often.",
                "Noted; the partner was not seen and no checks were asked for.",
            ),
        ),
        went_well="The family had a plan and a social worker who visited regularly, and the "
        "mother used the support she was offered.",
        could_be_better="Nobody asked who the new partner was or asked the police about him.",
        prevention="Ask who every new adult in the household is, meet them, and check with "
        "the police before the next review.",
        practice_episodes="When the mother mentioned a new partner, the review treated it as "
        "good news. The plan was not changed to take account of a new adult caring for Child D.",
        lived_experience="Child D was a happy baby who was starting to walk. His mother loved "
        "him and was proud of how he was doing at nursery.",
        themes="Men in the household who are not seen; checking a new partner's history.",
        immediate_actions="Every child in need plan is being checked for adults who have not "
        "been seen.",
    )


def _d_police(notified: date, completed: date) -> dict[str, object]:
    return answers(
        POLICE_AGENCY,
        "Tomasz Wąsik",
        "Detective inspector",
        completed,
        notified - timedelta(days=90),
        (
            _row(
                notified,
                90,
                "Police officers and the mother's new partner",
                "Called to a disturbance at the partner's previous address; he had a history "
                "of violence towards a former partner and her child.",
                "No further action; his new address and partner were not recorded.",
            ),
            _row(
                notified,
                30,
                "Police officer and Child D's mother",
                "A neighbour reported shouting at the family's home.",
                "Advice given; no check made on who lived there.",
            ),
        ),
        went_well="Officers went to both calls promptly and recorded what they found.",
        could_be_better="The partner's history was not linked to the family's address, so it "
        "was never shared with children's social care.",
        prevention="When officers attend a home with a young child, check everyone there "
        "against police records and share any risk the same day.",
        practice_episodes="At the second call the officer did not ask who lived at the address "
        "and did not see Child D.",
        lived_experience="Child D was too young to speak for himself; officers did not see him.",
        themes="Sharing what the police know about a new partner; invisible men.",
        immediate_actions="The partner's history has been shared with children's social care, "
        "and officers have been reminded to record everyone present at a call.",
    )


def _d_health(notified: date, completed: date) -> dict[str, object]:
    return answers(
        ICB_AGENCY,
        "Nguyễn Thị Hương",
        "Designated nurse for safeguarding",
        completed,
        notified - timedelta(days=370),
        (
            _row(
                notified,
                365,
                "Health visitor and Child D's mother",
                "New birth visit. Child D was feeding well; his mother was low in mood.",
                "Shared with the family doctor the same day; extra visits offered.",
            ),
            _row(
                notified,
                45,
                "Health visitor and Child D's mother",
                "One-year review. A man was at the home and left before the visit began.",
                "Not followed up; the man's name was not asked for.",
            ),
        ),
        went_well="The health visitor shared her worries about the mother's mood with the "
        "family doctor on the same day.",
        could_be_better="At the one-year review nobody asked who the man at the home was.",
        prevention="Ask about new adults in the household at every health visit and share "
        "their names with children's social care when a child has a plan.",
        practice_episodes="The man leaving the home as the health visitor arrived was noted but "
        "not seen as a concern.",
        lived_experience="Child D was meeting his milestones and was well cared for by his "
        "mother until the last weeks of his life.",
        themes="Invisible men; information sharing between health and social care.",
        immediate_actions="Health visitors now ask about new adults in the household at every "
        "visit.",
    )


CHILD_D = (
    DemoForm(LA_AGENCY, _d_social_care),
    DemoForm(POLICE_AGENCY, _d_police),
    DemoForm(ICB_AGENCY, _d_health),
)
