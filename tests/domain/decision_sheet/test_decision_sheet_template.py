"""Parsing the decision sheet form: the shipped file, edits a partnership may make, and mistakes."""

from __future__ import annotations

import pytest

from rrdesk.domain.decision_sheet.decision_sheet_template import (
    DecisionSheetTemplateError,
    SheetSectionKey,
    parse_decision_sheet_template,
)


def _form(sections: list[str], extra: str = "") -> str:
    blocks = "\n".join(
        f'[[sections]]\nkey = "{key}"\ntitle = "Title for {key}"\n' for key in sections
    )
    return f'title = "Decision sheet"\n{extra}\n{blocks}'


ALL_KEYS = [key.value for key in SheetSectionKey]


def test_every_section_in_any_order() -> None:
    template = parse_decision_sheet_template(_form(list(reversed(ALL_KEYS))))
    assert [section.key.value for section in template.sections] == list(reversed(ALL_KEYS))
    assert template.title == "Decision sheet"
    assert template.wording.agree == "Agree"


def test_wording_and_intro_can_be_changed() -> None:
    text = _form(ALL_KEYS, '[wording]\nagree = "Content"\ndo_not_agree = "Not content"\n')
    text += "\n[[sections]]\n" if False else ""
    template = parse_decision_sheet_template(
        text.replace(
            'title = "Title for vote"', 'title = "Voting"\nintro = "Counted by the chair."'
        )
    )
    assert template.wording.agree == "Content"
    assert template.wording.do_not_agree == "Not content"
    vote = next(section for section in template.sections if section.key is SheetSectionKey.VOTE)
    assert (vote.title, vote.intro) == ("Voting", "Counted by the chair.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('title = "x"\n[[sections]\n', "not valid TOML", id="broken TOML"),
        pytest.param('title = "x"\nkey = \n', "line 2", id="error names the line"),
        pytest.param(_form(ALL_KEYS[:-1]), "missing the section 'sign_off'", id="missing section"),
        pytest.param(
            _form([*ALL_KEYS, "vote"]), "'vote' appears more than once", id="duplicate section"
        ),
        pytest.param(
            _form([*ALL_KEYS, "minutes"]), "'minutes' is not a section", id="unknown section"
        ),
        pytest.param(
            _form(ALL_KEYS).replace('title = "Decision sheet"', 'title = ""'),
            "'title' must not be empty",
            id="empty title",
        ),
        pytest.param(
            _form(ALL_KEYS).replace('title = "Decision sheet"', "title = 3"),
            "'title' must be text",
            id="title not text",
        ),
        pytest.param(_form(ALL_KEYS, '[wording]\nagre = "Yes"\n'), "'agre'", id="misspelt wording"),
        pytest.param(_form(ALL_KEYS, 'colour = "red"\n'), "'colour'", id="unknown entry"),
        pytest.param('title = "x"\n', "must list its [[sections]]", id="no sections"),
        pytest.param(
            _form(ALL_KEYS).replace('title = "Title for vote"', 'title = "Vote"\ncolour = 1'),
            "Section 8 has an entry rrdesk does not use: 'colour'",
            id="unknown section entry",
        ),
    ],
)
def test_mistakes_are_refused_in_plain_words(text: str, message: str) -> None:
    with pytest.raises(DecisionSheetTemplateError, match=None) as raised:
        parse_decision_sheet_template(text)
    assert message in str(raised.value)
