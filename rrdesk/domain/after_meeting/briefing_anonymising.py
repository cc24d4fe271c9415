"""Taking names and places out of a briefing shared with practitioners.

What the store knows is replaced first: the children's names and dates of birth, every person in
the directory and at the meeting, the referrer, and the places it records (the authorities, the
meeting's place, the referrer's agency and the directory's agencies). Then what it finds: a run
of capitalised words inside a sentence is taken for a person's or a place's name, and a house
number with a street, or a postcode, for an address. Every replacement is in square brackets so
the coordinator can see it when they review the briefing before it is saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME = "[name]"
PLACE = "[place]"
ADDRESS = "[address]"

_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|Terrace|Grove"
    "|Park|Hill|Square|Walk|Mews|Row|View|Rise"
)
_ADDRESS = re.compile(
    rf"\b(?:Flat\s+\d+[A-Za-z]?,?\s+)?\d+[A-Za-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){{1,3}}"
    rf"(?:{_STREET_WORDS})\b\.?"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_CAPITALISED_RUN = re.compile(r"(?<![.!?:;]\s)(?<!^)\b[A-Z][a-z'’]+(?:[\s-]+[A-Z][a-z'’]+)*\b")
_SENTENCE_START_NAME = re.compile(
    r"(?:(?<=^)|(?<=[.!?:;]\s))[A-Z][a-z'’]+(?:[\s-]+[A-Z][a-z'’]+)+\b"
)

_KEPT = """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Christmas Easter Child Children Rapid
Review Reviews Panel National Practice Safeguarding Partnership Partnerships Partner
Partners Local Authority Police Health Education School Schools Nursery College University
Hospital Trust Board Care Council Service Services Social Team Court Family Families Early
Help Integrated Children's Adult Adults Probation Youth Justice Housing Ambulance Emergency
Department General Practice Practitioner Practitioners Mental Midwifery Health Visiting
Visitor Visitors Designated Named Nurse Doctor Officer Lead Manager Worker Social Chair
Executive Director Section Plan Protection Conference Strategy Discussion Meeting English
British Welsh Scottish Irish Islam Muslim Christian Jewish Hindu Sikh Black White Asian
Mixed Working Together Working Ofsted Act Inquest Coroner Coroner's Serious Incident
Notification Independent Reviewer Domestic Abuse Homicide Learning Briefing Minute Themes
Multi Agency Agencies Single Sudden Unexpected Death Infancy Safer Sleep Child's Mother
Father Mum Dad Parent Parents Carer Carers Baby Brother Sister Sibling Siblings The This
That These Those When Where What Why How Who Which Our Their His Her Its And But Or If In On
At By For From With After Before During Since Until Not No Yes All Any Some Each Every One
Two Three Four Five Six Seven Eight Nine Ten A An It He She They We You I
"""
KEPT_WORDS = frozenset(re.findall(r"\S+", _KEPT))
"""Capitalised words that are not anyone's or anywhere's name."""


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.IGNORECASE)


def replace_known(text: str, names: Iterable[str], stand_in: str) -> str:
    """Each of ``names`` (longest first, whole words, any case) replaced by ``stand_in``."""
    result = text
    for name in sorted({n.strip() for n in names if len(n.strip()) > 2}, key=len, reverse=True):
        result = _pattern(name).sub(stand_in, result)
    return result


def identifying(places: Iterable[str]) -> tuple[str, ...]:
    """The places that name somewhere: not "Online" or "Police", which identify nobody."""
    found = []
    for place in places:
        place = place.strip()
        if len(place) > 2 and "online" not in place.lower() and _is_name(place):
            found.append(place)
    return tuple(found)


def _is_name(words: str) -> bool:
    """Whether any word is not an ordinary one (a pseudonym's letter, "T's", is ordinary)."""
    parts = [re.sub(r"['’]s$", "", p) for p in re.split(r"[\s-]+", words) if p]
    return any(len(p) > 1 and p not in KEPT_WORDS for p in parts)


def replace_found(text: str) -> str:
    """Addresses and postcodes, then runs of capitalised words that are not ordinary words
    (inside a sentence, or two or more at its start), replaced and bracketed."""
    result = _ADDRESS.sub(ADDRESS, text)
    result = _POSTCODE.sub(ADDRESS, result)

    def named(match: re.Match[str]) -> str:
        words = match.group(0)
        if not _is_name(words):
            return words
        return NAME + ("'s" if re.search(r"['’]s$", words) else "")

    result = _SENTENCE_START_NAME.sub(named, result)
    return _CAPITALISED_RUN.sub(named, result)
