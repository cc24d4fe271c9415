"""Clean plain English gives no findings: no false alarms on realistic agency accounts."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.text_checks import TextChecker

CLEAN = {
    "opening summary": (
        "The school first became worried about Child T in September 2025, when his attendance "
        "fell to 82 per cent. The class teacher spoke to his mother, who said that he had been "
        "unwell. The designated safeguarding lead was told the same day."
    ),
    "dates and times in words": (
        "On 12 March 2026 at 2pm the health visitor saw T at home. She visited again on "
        "Monday 16 March 2026 at 10:30am and on 20 March at midday."
    ),
    "numbers in prose": (
        "There were three visits in four weeks. The family had lived at 14 Park Road for two "
        "years, and the rent was £650 a month. T's weight was on the 9th centile."
    ),
    "headings in title case": (
        "What Went Well\nWhat Could Have Worked Better\nKey Practice Episodes"
    ),
    "heading with a colon": "What went well:\nThe nurse listened to T and wrote down his words.",
    "names and places": (
        "Tariq lives with his mother and his older sister in Wolverhampton. His grandmother, "
        "Mrs Patel, looks after him after school. Dr Okafor at the Penn Road surgery is his doctor."
    ),
    "universally known acronyms": (
        "The NHS trust shared the GP's notes. T was born in the UK. He watched TV with his sister. "
        "The MP for the area wrote to the council. CCTV from the shop was seen by the police."
    ),
    "allowed plurals": "Both GPs at the practice had seen T in the past year.",
    "the case's own partnership": (
        "The case was referred to Wolverhampton Safeguarding Together on 3 March 2026."
    ),
    "case names and initials": "JT told the nurse that Child T and Mo Khan had been arguing.",
    "lived experience": (
        "For T, day-to-day life meant long stretches at home with little food and no routine. "
        "He told his teacher that he felt nobody listened. The family's experience of racism "
        "in their previous street made his mother wary of professionals."
    ),
    "analysis": (
        "In hindsight, the agency should have shared the concern about bruising straight away. "
        "Staff were unsure of the threshold for a referral, and supervision did not pick this up. "
        "Since then, all staff have had training on recognising and reporting injuries."
    ),
    "emphasis in capitals": "The mother did NOT attend the meeting, and this was IMPORTANT.",
    "a heading in capitals": "WHAT COULD HAVE WORKED BETTER IN THIS CASE",
    "roman numerals": "Part II of the report, and Chapter IV of the guidance.",
    "times with am and pm": "The visit lasted from 9:15am to 11am, and the call was at 4.45pm.",
    "a 24-hour time in a sentence": "The school rang at 14:32 and again at 09:15 the next day.",
    "a hyphenated heading in capitals": "MULTI-AGENCY WORKING\nJOHN SMITH",
    "police account": (
        "Officers attended the home at 11:20pm on Friday 6 June 2025 after a neighbour reported "
        "shouting. The mother said there had been an argument but nobody was hurt. Officers saw "
        "the children, who were asleep, and completed a risk assessment, which was graded as "
        "medium. The information was shared with children's social care the next morning."
    ),
    "health account": (
        "The health visiting service offered the family the universal programme. The new birth "
        "visit took place on 19 January 2024 and the six-to-eight-week review on 1 March 2024. "
        "Tariq's sister was weighed at each contact and her growth followed the 25th centile."
    ),
    "housing account": (
        "The family were placed in temporary accommodation in a one-bedroom flat on the third "
        "floor, with no lift. The housing officer visited twice and noted damp in the bedroom. "
        "A repair was ordered but had not been completed by the time of the incident."
    ),
    "probation account": (
        "The Probation Service supervised the mother's partner on licence from 2022 to 2024. "
        "His probation officer did not know that he was living with a family with young children, "
        "because the address he gave was his brother's."
    ),
    "education terms written out": (
        "Tariq had an education, health and care plan from Year 1, and the special educational "
        "needs coordinator met his mother each term."
    ),
    "a list with dashes": "- The teacher spoke to T.\n- The nurse was told.\n- Nobody followed up.",
    "decimal numbers": "T's weight was 14.5 kilograms and his height 98.2 centimetres.",
    "ordinary words that are also shorthand": (
        "The family's mum-and-toddler group met weekly. The dad-and-baby group met monthly."
    ),
    "a DNA test": "A DNA test confirmed that Mr Khan is T's father.",
    "the word reading": "Reading the records again, the agency saw that the gap was in 2024.",
    "sentence-start capitals": "However, the plan was not followed. After that, nobody visited.",
    "a range of years": "Between 2019 and 2021 the family moved three times.",
    "quoted speech": (
        "T said: \u201cI don\u2019t want to go home.\u201d His teacher wrote this down."
    ),
    "right-to-left text": "T\u2019s mother speaks Arabic (\u0645\u0631\u062d\u0628\u0627) at home.",
    "emoji": "T drew a picture of his family \U0001f3e0 and a smiling sun \u2600\ufe0f.",
    "combining characters": "Zoe\u0308 and Rene\u0301e from the nursery were present.",
    "Welsh and Polish names": "Siôn Llŷr and Łucja Wróbel were T's neighbours.",
    "words with capitals inside": (
        "The mother used WhatsApp and YouTube; the nurse used PowerPoint."
    ),
    "surnames with capitals": "Mr McDonald and Ms MacLeod from the housing team attended.",
}


@pytest.mark.parametrize("text", CLEAN.values(), ids=CLEAN.keys())
def test_clean_text_has_no_findings(checker: TextChecker, text: str) -> None:
    assert checker.check(text) == ()


def test_empty_text(checker: TextChecker) -> None:
    assert checker.check("") == ()
    assert checker.check("\n\n\n") == ()


AGENCY_ACCOUNT = """\
About our involvement

Northfield Primary School knew Tariq from September 2023, when he joined the Reception class. \
He was a bright, sociable boy who loved drawing and football. His attendance was good until \
the spring term of 2025, when it fell to 82 per cent.

What happened

On Tuesday 11 March 2025 the class teacher noticed a bruise on Tariq's upper arm. She asked him \
about it in a calm way, and he said that he had fallen off his bike. The teacher wrote down his \
exact words and told the designated safeguarding lead before the end of the school day. The \
designated safeguarding lead phoned the children's social care front door at 3:45pm and was \
told that the information would be passed to the duty team.

On 2 April 2025 Tariq's mother came into school. She was upset and said that money was very \
tight since the family moved from Birmingham... [sic] She asked about free school meals and a \
uniform grant, and the office helped her to apply the same day.

What went well

Staff knew Tariq well and noticed changes in him quickly. The teacher recorded his words \
accurately, and the concern was shared the same day. The school's help with the free school \
meals application was practical and made a difference to the family.

What could have worked better

The school did not follow up the call of 11 March when it heard nothing back. Our procedures \
say that the designated safeguarding lead should chase a referral after one working day, and \
this did not happen because she was off sick for a week and nobody covered the task.

The child's lived experience

For Tariq, home life in 2025 meant a cold flat, little food at weekends and a mother who was \
exhausted and frightened. He told a teaching assistant that he sometimes looked after his \
baby sister while his mother slept. As a Muslim boy of Pakistani heritage in a mainly white \
school, he had been called names in the playground twice in Year 2, and his mother told us \
that she did not trust services because of how the family had been treated before.

Immediate actions

Since 14 May 2025 every referral is logged on a shared list, checked each morning by the \
deputy designated safeguarding lead. All staff had refresher training on 3 June 2025.
"""


def test_a_whole_agency_account_has_no_false_alarms(checker: TextChecker) -> None:
    findings = checker.check(AGENCY_ACCOUNT)
    # Birmingham is another area: rightly flagged as a possible paste in a Wolverhampton case.
    assert [f.text for f in findings] == ["Birmingham"]
