"""How a letter greets a person from the one box their name is typed in."""

from __future__ import annotations

import unicodedata

import pytest

from rrdesk.domain.after_meeting.letter_greeting import greeting_name


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Ms Corinne Wrenfield-Fictional", "Ms Wrenfield-Fictional"),
        ("Mr Gethin Rhys", "Mr Rhys"),
        ("Mrs Carys Pryce", "Mrs Pryce"),
        ("Miss Ada Lovelace", "Miss Lovelace"),
        ("Mx Sam Lee", "Mx Lee"),
        ("Dr Harriet Vale", "Dr Vale"),
        ("Prof Amara Okafor", "Prof Okafor"),
        ("Professor Amara Okafor", "Professor Okafor"),
        ("Rev Oliver Penrose", "Rev Penrose"),
        ("Mr John Paul Smith", "Mr Smith"),
        ("Mrs Pryce", "Mrs Pryce"),
    ],
)
def test_a_name_with_a_title_is_greeted_by_title_and_surname(name: str, greeting: str) -> None:
    assert greeting_name(name) == greeting


@pytest.mark.parametrize(
    ("name", "greeting"),
    [("Mr. Gethin Rhys", "Mr. Rhys"), ("dr harriet vale", "dr vale"), ("DR. H Vale", "DR. Vale")],
)
def test_a_title_is_known_with_or_without_a_full_stop_and_in_any_case(
    name: str, greeting: str
) -> None:
    assert greeting_name(name) == greeting


@pytest.mark.parametrize(
    ("name", "greeting"),
    [("Sir John Smith", "Sir John"), ("Dame Ann Example", "Dame Ann")],
)
def test_a_knight_or_dame_is_greeted_by_title_and_first_name(name: str, greeting: str) -> None:
    assert greeting_name(name) == greeting


def test_several_titles_are_all_kept() -> None:
    assert greeting_name("Professor Dr Amara Okafor") == "Professor Dr Okafor"
    assert greeting_name("Professor Sir John Smith") == "Professor Sir John"


@pytest.mark.parametrize(
    "name", ["Corinne Wrenfield-Fictional", "Gethin ap Rhys", "Mrinalini Sarabhai Das"]
)
def test_a_name_without_a_title_is_used_as_typed(name: str) -> None:
    assert greeting_name(name) == name


@pytest.mark.parametrize("name", ["Madonna", "Dr", "Ms."])
def test_a_name_of_one_word_is_used_whole(name: str) -> None:
    assert greeting_name(name) == name


def test_extra_spaces_are_tidied() -> None:
    assert greeting_name("  Ms   Corinne\u00a0 Wrenfield-Fictional  ") == "Ms Wrenfield-Fictional"
    assert greeting_name("  Corinne   Wrenfield  ") == "Corinne Wrenfield"
    assert greeting_name("   ") == ""
    assert greeting_name("") == ""


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Dr Siân Ó Briain", "Dr Ó Briain"),
        ("Ms Aoife Ní Dhomhnaill", "Ms Ní Dhomhnaill"),
        ("Dr Ó Briain", "Dr Ó Briain"),
        ("Mr Gethin ap Rhys", "Mr ap Rhys"),
        ("Mr ap Rhys", "Mr ap Rhys"),
        ("Ms Anna de la Cruz", "Ms de la Cruz"),
        ("Dr Pieter van der Berg", "Dr van der Berg"),
        ("Rev Oliver St John", "Rev St John"),
        ("Ms Zoë Łukasiewicz-Øberg", "Ms Łukasiewicz-Øberg"),
    ],
)
def test_a_surname_keeps_the_words_that_belong_to_it(name: str, greeting: str) -> None:
    assert greeting_name(name) == greeting


@pytest.mark.parametrize(
    ("name", "greeting"),
    [("Mr Van Morrison", "Mr Morrison"), ("Dr Di Smith", "Dr Smith")],
)
def test_a_first_name_is_never_taken_for_part_of_the_surname(name: str, greeting: str) -> None:
    assert greeting_name(name) == greeting


def test_letters_typed_as_a_letter_and_an_accent_are_read_the_same() -> None:
    decomposed = unicodedata.normalize("NFD", "Dr Siân Ó Briain")
    assert greeting_name(decomposed) == unicodedata.normalize("NFD", "Dr Ó Briain")
