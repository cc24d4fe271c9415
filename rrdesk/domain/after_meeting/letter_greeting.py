"""How a letter greets a person whose name is one box of free text.

A letter greets a person by title and surname ("Dear Ms Wrenfield,"), or by their name as typed
when it has no title ("Dear Corinne Wrenfield,"). A knight or dame is greeted by title and first
name ("Dear Sir John,"). A surname keeps the words that belong to it ("Dr Siân Ó Briain" is
"Dr Ó Briain"; "Mr Gethin ap Rhys" is "Mr ap Rhys"), but never the first name.
"""

from __future__ import annotations

import unicodedata

TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "rev",
        "revd",
        "reverend",
    }
)
"""Titles, compared without case or a closing full stop ("Dr", "dr.", "DR")."""

FIRST_NAME_TITLES = frozenset({"sir", "dame"})
"""Titles that go with the first name, not the surname: "Dear Sir John", "Dear Dame Ann"."""

SURNAME_WORDS = frozenset(
    {
        # Irish, Scottish and Welsh
        "ó",
        "o",
        "ní",
        "nic",
        "uí",
        "mac",
        "mc",
        "ap",
        "ab",
        "ferch",
        "verch",
        # Dutch, German, French, Spanish, Portuguese, Italian
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        # Arabic and Malay
        "al",
        "el",
        "bin",
        "binti",
        "bint",
        # English
        "st",
        "saint",
    }
)
"""Words that begin a surname of more than one word ("Ó Briain", "van der Berg", "St John")."""

NEVER_FIRST_NAMES = frozenset({"ó", "ní", "nic", "uí"})
"""Surname words that are never a first name, so "Dr Ó Briain" is all surname; "Van" or "Di"
can be a first name ("Mr Van Morrison"), unless typed in small letters ("Mr ap Rhys")."""


def _bare(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().rstrip(".")


def _is_title(word: str) -> bool:
    return _bare(word) in TITLES


def _surname_word(word: str, *, first: bool) -> bool:
    """Whether ``word`` belongs to the surname after it; the first word after the title only
    when it cannot be a first name."""
    bare = _bare(word)
    if bare not in SURNAME_WORDS:
        return False
    return not first or word[0].islower() or bare in NEVER_FIRST_NAMES


def greeting_name(name: str) -> str:
    """The name to put after "Dear": the title and surname when the name begins with a title,
    otherwise the name as typed (its spaces tidied); "" when no name is given."""
    words = name.split()
    titles: list[str] = []
    while words and _is_title(words[0]) and len(words) > 1:
        titles.append(words.pop(0))
    if not titles:
        return " ".join(words)
    if _bare(titles[-1]) in FIRST_NAME_TITLES:
        return " ".join((*titles, words[0]))
    start = len(words) - 1
    while start > 0 and _surname_word(words[start - 1], first=start == 1):
        start -= 1
    return " ".join((*titles, *words[start:]))
