"""Generated bad input for every parser of outside text: no crash, every refusal a plain message.

Each parser gets arbitrary text, then text shaped almost like the real thing. A refusal must be
the parser's own error type with a message fit to show as it is. More parsers join this list as
they are written (forms, text checker, PKCS#12 import).
"""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rrdesk.domain.timetable.bank_holiday_files import (
    BankHolidayFileError,
    parse_govuk_bank_holidays_json,
)
from rrdesk.domain.timetable.dates import DateError, parse_date_parts, parse_iso_date
from rrdesk.domain.timetable.profiles import ProfileError, parse_profile
from rrdesk.resource_files import form

CHECKS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOT_PLAIN = re.compile(r"Traceback|object at 0x|<class |(?<!')\bNone\b(?!')|KeyError|TypeError")


def assert_plain(message: str) -> None:
    assert message.strip(), "a refusal must say why"
    assert not NOT_PLAIN.search(message), message
    assert len(message) < 600, message


# -- dates ---------------------------------------------------------------------------------------

date_box = st.one_of(
    st.text(max_size=12),
    st.integers(-100_000, 100_000).map(str),
    st.sampled_from(["", " ", "31", "29", "0", "13", "February", "feb", "Sept", "2026", "99"]),
)


@CHECKS
@given(date_box, date_box, date_box)
def test_date_boxes(day: str, month: str, year: str) -> None:
    try:
        result = parse_date_parts(day, month, year, what="The date of the incident")
    except DateError as error:
        assert_plain(str(error))
    else:
        assert isinstance(result, date)


@CHECKS
@given(st.one_of(st.text(max_size=30), st.dates().map(date.isoformat).map(lambda s: s + " ")))
def test_iso_dates(text: str) -> None:
    try:
        result = parse_iso_date(text)
    except DateError as error:
        assert_plain(str(error))
    else:
        assert isinstance(result, date)


# -- bank holidays -------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
event = st.fixed_dictionaries(
    {
        "title": st.one_of(st.text(max_size=20), json_values),
        "date": st.one_of(
            st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
            st.text(max_size=12),
            json_values,
        ),
        "notes": st.one_of(st.just(""), st.text(max_size=10)),
        "bunting": st.booleans(),
    }
)


def _holidays_file(events: object, division: str = "england-and-wales") -> str:
    return json.dumps({division: {"division": division, "events": events}})


@CHECKS
@given(st.text(max_size=200))
def test_bank_holidays_from_any_text(text: str) -> None:
    try:
        parse_govuk_bank_holidays_json(text)
    except BankHolidayFileError as error:
        assert_plain(str(error))


@CHECKS
@given(
    st.one_of(st.lists(event, max_size=30), json_values),
    st.sampled_from(["england-and-wales", "scotland", "England and Wales"]),
)
def test_bank_holidays_shaped_like_the_real_file(events: object, division: str) -> None:
    try:
        parse_govuk_bank_holidays_json(_holidays_file(events, division))
    except BankHolidayFileError as error:
        assert_plain(str(error))


# -- process profiles ------------------------------------------------------------------------------

STATUTORY = form("profiles/statutory.toml").read_text(encoding="utf-8")
LINES = STATUTORY.splitlines()
toml_scalars = st.one_of(
    st.integers(-10, 100).map(str),
    st.sampled_from(
        ['""', "true", "false", "[]", "{}", '"text"', "1.5", "-1", "2026-11-22", "[1, "]
    ),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=10).map(json.dumps),
)


@CHECKS
@given(st.text(max_size=300))
def test_profile_from_any_text(text: str) -> None:
    try:
        parse_profile(text, "generated")
    except ProfileError as error:
        assert_plain(str(error))


@CHECKS
@given(st.data())
def test_profile_with_a_line_changed_or_removed(data: st.DataObject) -> None:
    lines = list(LINES)
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if "=" in line and not line.lstrip().startswith("#"):
            key = line.split("=", 1)[0]
            if data.draw(st.booleans()):
                lines[index] = f"{key}= {data.draw(toml_scalars)}"
            else:
                lines[index] = ""
        else:
            lines[index] = data.draw(st.sampled_from(["", "[extra]", "[[agenda]]", "x = 1"]))
    try:
        parse_profile("\n".join(lines), "statutory (changed)")
    except ProfileError as error:
        assert_plain(str(error))


# -- the agency check form and the decision sheet form --------------------------------------------

CHECK_FORM = form("agency-check-form.toml").read_text(encoding="utf-8")
SHEET_FORM = form("decision-sheet.toml").read_text(encoding="utf-8")


def _changed(text: str, data: st.DataObject) -> str:
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if "=" in line and not line.lstrip().startswith("#"):
            key = line.split("=", 1)[0]
            lines[index] = f"{key}= {data.draw(toml_scalars)}" if data.draw(st.booleans()) else ""
        else:
            lines[index] = data.draw(st.sampled_from(["", "[extra]", "[[sections]]", "x = 1"]))
    return "\n".join(lines)


@CHECKS
@given(st.data())
def test_agency_check_form_with_lines_changed(data: st.DataObject) -> None:
    from rrdesk.domain.agency_forms.check_form import FormDefinitionError, parse_form_definition

    try:
        parse_form_definition(_changed(CHECK_FORM, data))
    except FormDefinitionError as error:
        assert_plain(str(error))


@CHECKS
@given(st.text(max_size=300))
def test_agency_check_form_from_any_text(text: str) -> None:
    from rrdesk.domain.agency_forms.check_form import FormDefinitionError, parse_form_definition

    try:
        parse_form_definition(text)
    except FormDefinitionError as error:
        assert_plain(str(error))


@CHECKS
@given(st.data())
def test_decision_sheet_form_with_lines_changed(data: st.DataObject) -> None:
    from rrdesk.domain.decision_sheet.decision_sheet_template import (
        DecisionSheetTemplateError,
        parse_decision_sheet_template,
    )

    try:
        parse_decision_sheet_template(_changed(SHEET_FORM, data))
    except DecisionSheetTemplateError as error:
        assert_plain(str(error))


# -- text checks ---------------------------------------------------------------------------------


@CHECKS
@given(st.text(max_size=400))
def test_text_checker_on_any_text(text: str) -> None:
    from rrdesk.services.agency_forms.text_checks_loader import build_text_checker

    for finding in build_text_checker(case_names=("Child T",)).check(text):
        assert text[finding.start : finding.end] == finding.text
        assert_plain(finding.message)


# -- PKCS#12 import ------------------------------------------------------------------------------


@CHECKS
@given(st.binary(max_size=600), st.text(max_size=20))
def test_pkcs12_import_of_any_bytes(data: bytes, password: str) -> None:
    from rrdesk.exports.signatures.signing import SigningIdentityError, import_pkcs12

    try:
        import_pkcs12(data, password)
    except SigningIdentityError as error:
        assert_plain(str(error))
